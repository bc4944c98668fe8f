/**
 * The strip's scroll as one Web Animations API animation of `transform`, which the compositor runs
 * off the main thread: from 0 to -laneWidth, looping, at `speed` px/s. When the lane width or the
 * speed changes, the same animation is re-timed so that the offset stays where it is: the scroll
 * never jumps or restarts. Holding (hover, user pause, speed 0) pauses it in place.
 *
 * DOM-free apart from the two tiny interfaces below, so it is unit-tested with a fake animation.
 */
import { wrapOffset } from './scroll-offset';

/** The part of `Animation` this module uses. */
export interface ScrollAnimationHandle {
  currentTime: CSSNumberish | null;
  pause(): void;
  play(): void;
  cancel(): void;
}

/** The part of `Element` this module uses. */
export interface ScrollTarget {
  animate(keyframes: Keyframe[], options: KeyframeAnimationOptions): ScrollAnimationHandle;
}

/** The refresh rate the compositor draws at on most screens. */
export const DISPLAY_HZ = 60;

/**
 * The animation's timing. Where every frame moves the picture by a device pixel or more, linear;
 * slower, one step per device pixel, so the compositor draws a new frame only when the picture
 * moves (at 20 px/s on a 1× screen: 20 frames a second instead of 60 that each move it a third of
 * a pixel, blurring the text between pixels).
 */
export function scrollEasing(width: number, speed: number, pixelRatio: number): string {
  const ratio = Number.isFinite(pixelRatio) && pixelRatio > 0 ? pixelRatio : 1;
  if (speed * ratio >= DISPLAY_HZ) return 'linear';
  return `steps(${Math.max(1, Math.round(width * ratio))}, jump-end)`;
}

function keyframesFor(width: number): Keyframe[] {
  return [{ transform: 'translate3d(0px, 0px, 0px)' }, { transform: `translate3d(${-width}px, 0px, 0px)` }];
}

function validSpeed(speed: number): number {
  return Number.isFinite(speed) && speed > 0 ? speed : 0;
}

export class SeamlessScroll {
  private animation: ScrollAnimationHandle | null = null;
  private width = 0;
  private speed = 0;
  /** The speed the running animation's duration was computed with (0 before it exists). */
  private timedSpeed = 0;
  /** Offset kept while there is no animation to hold it. */
  private parkedOffset = 0;
  private readonly holds = new Set<string>();

  /** `pixelRatio`: device pixels per CSS pixel (window.devicePixelRatio). */
  constructor(
    private readonly target: ScrollTarget,
    private readonly pixelRatio = 1,
  ) {}

  /** Current offset in px, in [0, width): how far the content has moved left. */
  offset(): number {
    const animation = this.animation;
    if (!animation || !(this.width > 0) || !(this.timedSpeed > 0)) return this.parkedOffset;
    const time = typeof animation.currentTime === 'number' ? animation.currentTime : 0;
    return wrapOffset((this.timedSpeed * time) / 1000, this.width);
  }

  /** The width of one copy of the content (the wrap distance), e.g. from a ResizeObserver. */
  setWidth(width: number): void {
    const next = Number.isFinite(width) && width > 0 ? width : 0;
    if (next === this.width) return;
    const offset = this.offset();
    this.width = next;
    this.retime(offset);
  }

  /** Pixels per second; 0 (or anything invalid) stands still. */
  setSpeed(speed: number): void {
    const next = validSpeed(speed);
    if (next === this.speed) return;
    const offset = this.offset();
    this.speed = next;
    this.retime(offset);
  }

  /** Hold still for `reason` (e.g. 'hover', 'paused') until released; any one reason holds. */
  hold(reason: string, held: boolean): void {
    const before = this.held();
    if (held) this.holds.add(reason);
    else this.holds.delete(reason);
    if (this.held() !== before) this.applyPlayState();
  }

  dispose(): void {
    this.animation?.cancel();
    this.animation = null;
  }

  private held(): boolean {
    return this.holds.size > 0 || this.speed === 0;
  }

  /** Restart the timing around `offset` (modulo the current width), keeping the same position. */
  private retime(offset: number): void {
    this.parkedOffset = wrapOffset(offset, this.width);
    if (!(this.width > 0)) {
      this.dispose();
      this.parkedOffset = 0;
      return;
    }
    // At speed 0 keep the last timing: the paused animation already shows the right place.
    const speed = this.speed > 0 ? this.speed : this.timedSpeed;
    if (!(speed > 0)) return;
    const duration = (this.width / speed) * 1000;
    // Replaced within one task, so no frame ever shows the gap between the two.
    this.animation?.cancel();
    const animation = this.target.animate(keyframesFor(this.width), {
      duration,
      iterations: Infinity,
      easing: scrollEasing(this.width, speed, this.pixelRatio),
    });
    animation.currentTime = (this.parkedOffset / speed) * 1000;
    this.animation = animation;
    this.timedSpeed = speed;
    this.applyPlayState();
  }

  private applyPlayState(): void {
    if (!this.animation) return;
    if (this.held()) this.animation.pause();
    else this.animation.play();
  }
}
