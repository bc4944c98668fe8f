/**
 * The gliding strip: it stands still, and every few seconds slides left by the distance the
 * scrolling strip would have covered in that time (speed × interval), in one short eased Web
 * Animation (GLIDE_MS) run by the compositor, through keyframes on whole device pixels
 * (glidePath); then it stands still again. Each item crosses
 * the screen at the scrolling speed on average, but frames are made only while it slides: between
 * slides the finished animation holds the picture (fill: forwards) and nothing ticks.
 *
 * Each slide starts where the last one ended, wrapped into [0, width) (the copies of the lane make
 * that the same picture), so the track never needs more than one lane plus the viewport plus one
 * step of copies. Holding (hover, user pause, quiet, speed 0) lets a slide under way finish and
 * starts no other until released. DOM-free apart from the interfaces it shares with
 * SeamlessScroll, so it is unit-tested with a fake animation and fake timers.
 */
import type { ScrollAnimationHandle, ScrollTarget } from './seamless-scroll';
import { wrapOffset } from './scroll-offset';
import { GLIDE_MS, glidePath, glideStep } from '../../shared/glide-timing';

/** The timers GlideScroll uses (window's, or a test's). */
export interface GlideTimers {
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number): void;
}

/** One slide: from where the strip rests to where it will, both as offsets (px moved left). */
export interface GlideStep {
  from: number;
  to: number;
}

function translate(offset: number): Keyframe {
  return { transform: `translate3d(${-offset}px, 0px, 0px)` };
}

export class GlideScroll {
  private animation: ScrollAnimationHandle | null = null;
  /** Where the strip rests, or will once the slide under way ends: in [0, width). */
  private position = 0;
  /** The offset the last animation ends on (unwrapped: a slide may end past the lane's end). */
  private shown = Number.NaN;
  private width = 0;
  private speed = 0;
  private timer: number | null = null;
  /** Set while a slide is under way: it ends GLIDE_MS after it started. */
  private slideEnd: number | null = null;
  /** The lane changed width during a slide: show the resting place once it ends. */
  private restAfterSlide = false;
  private readonly holds = new Set<string>();

  /**
   * `beforeStep` is told of each slide just before it starts (and of the resting place when the
   * geometry changes, as a step from and to the same offset), so the strip can bring the items on
   * its path near. `pixelRatio`: device pixels per CSS pixel (window.devicePixelRatio), which the
   * slides' keyframes are rounded to.
   */
  constructor(
    private readonly target: ScrollTarget,
    private readonly timers: GlideTimers,
    private readonly beforeStep: (step: GlideStep) => void = () => {},
    private readonly pixelRatio = 1,
  ) {}

  /** Where the strip rests (or is sliding to), in px moved left, in [0, width). */
  offset(): number {
    return this.position;
  }

  /** How far each slide goes now (0 while the strip cannot move). */
  stepDistance(): number {
    return glideStep(this.speed, this.width).distance;
  }

  /**
   * The lane's width changes as items are drawn for the first time (and when symbols or the
   * window change). The place is wrapped into the new width, but neither a slide under way (it
   * finishes, then the strip rests at the wrapped place) nor the interval is cut short: slides
   * keep their cadence, so items keep the scrolling speed on average.
   */
  setWidth(width: number): void {
    const next = Number.isFinite(width) && width > 0 ? width : 0;
    if (next === this.width) return;
    const wasHeld = this.held();
    this.width = next;
    this.position = wrapOffset(this.position, next);
    if (this.slideEnd !== null && next > 0) this.restAfterSlide = true;
    else if (this.shown !== this.position || !(next > 0)) this.rest();
    if (this.held() !== wasHeld || this.timer === null) this.schedule();
  }

  setSpeed(speed: number): void {
    const next = Number.isFinite(speed) && speed > 0 ? speed : 0;
    if (next === this.speed) return;
    this.speed = next;
    this.schedule();
  }

  hold(reason: string, held: boolean): void {
    const before = this.held();
    if (held) this.holds.add(reason);
    else this.holds.delete(reason);
    if (this.held() !== before) this.schedule();
  }

  dispose(): void {
    this.clearTimer();
    this.endSlide();
    this.restAfterSlide = false;
    this.animation?.cancel();
    this.animation = null;
  }

  private held(): boolean {
    return this.holds.size > 0 || this.speed === 0 || this.width === 0;
  }

  /** Show the resting place at once (the geometry changed): a slide of no length and no time. */
  private rest(): void {
    if (!(this.width > 0)) {
      this.animation?.cancel();
      this.animation = null;
      this.shown = Number.NaN;
      return;
    }
    this.beforeStep({ from: this.position, to: this.position });
    this.play(this.position, this.position, 0);
  }

  /** The next slide after a full interval from now, unless held. */
  private schedule(): void {
    this.clearTimer();
    if (this.held()) return;
    const { everyMs } = glideStep(this.speed, this.width);
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.slide();
      this.schedule();
    }, everyMs);
  }

  private slide(): void {
    const { distance } = glideStep(this.speed, this.width);
    if (!(distance > 0)) return;
    const from = this.position;
    const to = from + distance;
    this.beforeStep({ from, to });
    this.play(from, to, GLIDE_MS);
    this.position = wrapOffset(to, this.width);
    this.endSlide();
    this.slideEnd = this.timers.setTimeout(() => {
      this.slideEnd = null;
      if (!this.restAfterSlide) return;
      this.restAfterSlide = false;
      if (this.shown !== this.position) this.rest();
    }, GLIDE_MS);
  }

  private endSlide(): void {
    if (this.slideEnd === null) return;
    this.timers.clearTimeout(this.slideEnd);
    this.slideEnd = null;
  }

  /**
   * Replace the animation within one task, so no frame shows the gap between the two. A slide
   * follows glidePath, each keyframe held until the next; a rest (no duration) just shows `to`.
   */
  private play(from: number, to: number, duration: number): void {
    this.shown = to;
    this.animation?.cancel();
    const keyframes =
      duration > 0
        ? glidePath(from, to, this.pixelRatio, duration).map(({ offset, position }) => ({
            ...translate(position),
            offset,
            easing: 'steps(1, jump-end)',
          }))
        : [translate(from), translate(to)];
    this.animation = this.target.animate(keyframes, { duration, easing: 'linear', fill: 'forwards' });
  }

  private clearTimer(): void {
    if (this.timer === null) return;
    this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
