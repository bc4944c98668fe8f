import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GlideScroll, type GlideStep, type GlideTimers } from '../../../src/renderer/strip/glide-scroll';
import { GLIDE_EVERY_MS, GLIDE_MS, glidePath, glideStep } from '../../../src/shared/glide-timing';
import type { ScrollAnimationHandle, ScrollTarget } from '../../../src/renderer/strip/seamless-scroll';

class FakeAnimation implements ScrollAnimationHandle {
  currentTime: CSSNumberish | null = 0;
  cancelled = false;
  constructor(
    readonly keyframes: Keyframe[],
    readonly options: KeyframeAnimationOptions,
  ) {}
  pause(): void {}
  play(): void {}
  cancel(): void {
    this.cancelled = true;
  }
}

class FakeTarget implements ScrollTarget {
  readonly animations: FakeAnimation[] = [];
  animate(keyframes: Keyframe[], options: KeyframeAnimationOptions): FakeAnimation {
    const animation = new FakeAnimation(keyframes, options);
    this.animations.push(animation);
    return animation;
  }
  /** The slides (animations that move), as [from, to] offsets: their first and last keyframes. */
  slides(): [number, number][] {
    return this.animations
      .filter((animation) => (animation.options.duration as number) > 0)
      .map((animation) => [offsetOf(animation.keyframes[0]!), offsetOf(animation.keyframes.at(-1)!)]);
  }
}

/** The offset (px moved left) a keyframe shows. */
function offsetOf(frame: Keyframe): number {
  return 0 - parseFloat(String(frame.transform).slice(12));
}

const timers: GlideTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms) as unknown as number,
  clearTimeout: (handle) => clearTimeout(handle),
};

function gliding(width = 10_000, speed = 60) {
  const target = new FakeTarget();
  const steps: GlideStep[] = [];
  const scroll = new GlideScroll(target, timers, (step) => steps.push(step));
  scroll.setSpeed(speed);
  scroll.setWidth(width);
  return { target, scroll, steps };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('GlideScroll', () => {
  it('stands still, then slides by speed × interval in one short eased animation, and holds it', () => {
    const { target, scroll } = gliding(10_000, 60);
    const step = (60 * GLIDE_EVERY_MS) / 1000;
    vi.advanceTimersByTime(GLIDE_EVERY_MS - 1);
    expect(target.slides()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(target.slides()).toEqual([[0, step]]);
    const slide = target.animations.at(-1)!;
    expect(slide.options).toMatchObject({ duration: GLIDE_MS, fill: 'forwards', easing: 'linear' });
    expect(slide.options.iterations).toBeUndefined();
    expect(scroll.offset()).toBe(step);
    vi.advanceTimersByTime(GLIDE_EVERY_MS);
    expect(target.slides()).toEqual([
      [0, step],
      [step, 2 * step],
    ]);
    // Each slide replaces the last one, so only one animation is ever alive.
    expect(target.animations.filter((animation) => !animation.cancelled)).toHaveLength(1);
  });

  it('draws each slide through its eased path on whole device pixels, each place held until the next', () => {
    const target = new FakeTarget();
    const scroll = new GlideScroll(target, timers, () => {}, 2);
    scroll.setSpeed(60);
    scroll.setWidth(10_000);
    vi.advanceTimersByTime(GLIDE_EVERY_MS * 2);
    const slide = target.animations.at(-1)!;
    const step = (60 * GLIDE_EVERY_MS) / 1000;
    expect(slide.keyframes.map((frame) => ({ offset: frame.offset, position: offsetOf(frame) }))).toEqual(
      glidePath(step, 2 * step, 2),
    );
    expect(slide.keyframes.every((frame) => frame.easing === 'steps(1, jump-end)')).toBe(true);
    expect(slide.keyframes.every((frame) => Number.isInteger(offsetOf(frame) * 2))).toBe(true);
    scroll.dispose();
  });

  it('keeps the scrolling speed on average: distance over time is the speed', () => {
    const { target } = gliding(100_000, 75);
    vi.advanceTimersByTime(GLIDE_EVERY_MS * 10);
    const moved = target.slides().reduce((sum, [from, to]) => sum + (to - from), 0);
    expect(moved / ((GLIDE_EVERY_MS * 10) / 1000)).toBeCloseTo(75, 9);
  });

  it('wraps at the lane width: the next slide starts where the last ended, one lane back', () => {
    // A lane a little over twice a slide: 0 → s → 2s → 3s, the third past the lane's end.
    const step = (60 * GLIDE_EVERY_MS) / 1000;
    const width = 2 * step + 50;
    const { target, scroll } = gliding(width, 60);
    vi.advanceTimersByTime(GLIDE_EVERY_MS * 3);
    expect(target.slides()).toEqual([
      [0, step],
      [step, 2 * step],
      [2 * step, 3 * step],
    ]);
    expect(scroll.offset()).toBe(3 * step - width);
    vi.advanceTimersByTime(GLIDE_EVERY_MS);
    expect(target.slides().at(-1)).toEqual([3 * step - width, 4 * step - width]);
  });

  it('shortens the interval on a short lane at a high speed, never more than half a lane a slide', () => {
    expect(glideStep(400, 1000)).toEqual({ everyMs: 1250, distance: 500 });
    expect(glideStep(60, 100_000)).toEqual({ everyMs: GLIDE_EVERY_MS, distance: (60 * GLIDE_EVERY_MS) / 1000 });
    expect(glideStep(0, 1000).distance).toBe(0);
  });

  it('tells the strip of each slide before it starts, so the items on its path are drawn', () => {
    const { steps } = gliding(10_000, 60);
    expect(steps).toEqual([{ from: 0, to: 0 }]);
    vi.advanceTimersByTime(GLIDE_EVERY_MS);
    expect(steps.at(-1)).toEqual({ from: 0, to: (60 * GLIDE_EVERY_MS) / 1000 });
  });

  it('starts no slide while held (hover, pause, quiet), and waits a full interval after release', () => {
    const { target, scroll } = gliding(10_000, 60);
    vi.advanceTimersByTime(GLIDE_EVERY_MS / 2);
    scroll.hold('hover', true);
    vi.advanceTimersByTime(GLIDE_EVERY_MS * 3);
    expect(target.slides()).toEqual([]);
    scroll.hold('hover', false);
    vi.advanceTimersByTime(GLIDE_EVERY_MS - 1);
    expect(target.slides()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(target.slides()).toHaveLength(1);
  });

  it('stands still at speed 0 and stops every timer when disposed', () => {
    const { target, scroll } = gliding(10_000, 60);
    scroll.setSpeed(0);
    vi.advanceTimersByTime(GLIDE_EVERY_MS * 2);
    expect(target.slides()).toEqual([]);
    scroll.setSpeed(60);
    scroll.dispose();
    expect(vi.getTimerCount()).toBe(0);
    expect(target.animations.every((animation) => animation.cancelled)).toBe(true);
  });

  it('keeps its place when the lane changes width, wrapped into the new width', () => {
    const step = (60 * GLIDE_EVERY_MS) / 1000;
    const { target, scroll } = gliding(10_000, 60);
    // Standing still after the second slide.
    vi.advanceTimersByTime(GLIDE_EVERY_MS * 2 + GLIDE_MS);
    expect(scroll.offset()).toBe(2 * step);
    scroll.setWidth(step + 100);
    expect(scroll.offset()).toBe(step - 100);
    const rest = target.animations.at(-1)!;
    expect(rest.options.duration).toBe(0);
    expect(rest.keyframes).toEqual([
      { transform: `translate3d(${100 - step}px, 0px, 0px)` },
      { transform: `translate3d(${100 - step}px, 0px, 0px)` },
    ]);
  });

  it('keeps its cadence when the lane changes width: items keep the scrolling speed on average', () => {
    // Items drawn for the first time change the lane's width between slides, again and again.
    const { target, scroll } = gliding(10_000, 60);
    for (let second = 1; second <= 40; second += 1) {
      vi.advanceTimersByTime(1000);
      scroll.setWidth(10_000 + second * 7);
    }
    expect(target.slides()).toHaveLength(Math.floor(40_000 / GLIDE_EVERY_MS));
    const moved = target.slides().reduce((sum, [from, to]) => sum + (to - from), 0);
    expect(moved / ((Math.floor(40_000 / GLIDE_EVERY_MS) * GLIDE_EVERY_MS) / 1000)).toBeCloseTo(60, 9);
  });

  it('lets a slide under way finish when the lane changes width, then rests at the wrapped place', () => {
    const step = (60 * GLIDE_EVERY_MS) / 1000;
    const { target, scroll } = gliding(10_000, 60);
    vi.advanceTimersByTime(GLIDE_EVERY_MS * 3 + GLIDE_MS / 2);
    // The third slide (2s → 3s) is under way when the lane shrinks to 2s + 100.
    const slide = target.animations.at(-1)!;
    scroll.setWidth(2 * step + 100);
    expect(slide.cancelled).toBe(false);
    expect(target.animations.at(-1)).toBe(slide);
    expect(scroll.offset()).toBe(step - 100);
    vi.advanceTimersByTime(GLIDE_MS / 2);
    const rest = target.animations.at(-1)!;
    expect(rest.options.duration).toBe(0);
    expect(rest.keyframes[0]).toEqual({ transform: `translate3d(${100 - step}px, 0px, 0px)` });
    // The next slide still comes a full interval after the last one started, from the wrapped place.
    vi.advanceTimersByTime(GLIDE_EVERY_MS - GLIDE_MS - 1);
    expect(target.slides()).toHaveLength(3);
    vi.advanceTimersByTime(1);
    expect(target.slides().at(-1)).toEqual([step - 100, 2 * step - 100]);
  });

  it('draws nothing when the lane changes width and the picture it rests on stays right', () => {
    const { target, scroll } = gliding(10_000, 60);
    vi.advanceTimersByTime(GLIDE_EVERY_MS + GLIDE_MS);
    const before = target.animations.length;
    scroll.setWidth(10_500);
    scroll.setWidth(9_000);
    expect(target.animations).toHaveLength(before);
    expect(scroll.offset()).toBe((60 * GLIDE_EVERY_MS) / 1000);
  });
});
