import { describe, it, expect } from 'vitest';
import {
  DISPLAY_HZ,
  scrollEasing,
  SeamlessScroll,
  type ScrollAnimationHandle,
  type ScrollTarget,
} from '../../../src/renderer/strip/seamless-scroll';

/** A stand-in for Element.animate: records what was asked and lets the test move time. */
class FakeAnimation implements ScrollAnimationHandle {
  currentTime: CSSNumberish | null = 0;
  playing = true;
  cancelled = false;
  constructor(
    readonly keyframes: Keyframe[],
    readonly options: KeyframeAnimationOptions,
  ) {}
  pause(): void {
    this.playing = false;
  }
  play(): void {
    this.playing = true;
  }
  cancel(): void {
    this.cancelled = true;
  }
  /** Let `ms` of document time pass (a paused animation holds its time). */
  advance(ms: number): void {
    if (this.playing && typeof this.currentTime === 'number') this.currentTime += ms;
  }
}

class FakeTarget implements ScrollTarget {
  readonly animations: FakeAnimation[] = [];
  animate(keyframes: Keyframe[], options: KeyframeAnimationOptions): FakeAnimation {
    const animation = new FakeAnimation(keyframes, options);
    this.animations.push(animation);
    return animation;
  }
  get current(): FakeAnimation {
    const animation = this.animations[this.animations.length - 1];
    if (!animation) throw new Error('no animation yet');
    return animation;
  }
}

function started(width = 1000, speed = 100) {
  const target = new FakeTarget();
  const scroll = new SeamlessScroll(target);
  scroll.setSpeed(speed);
  scroll.setWidth(width);
  return { target, scroll };
}

describe('SeamlessScroll', () => {
  it('runs one looping, linear transform animation over one lane width at the given speed', () => {
    const { target, scroll } = started(1000, 100);
    expect(target.animations).toHaveLength(1);
    const { keyframes, options } = target.current;
    expect(keyframes).toEqual([
      { transform: 'translate3d(0px, 0px, 0px)' },
      { transform: 'translate3d(-1000px, 0px, 0px)' },
    ]);
    expect(options).toMatchObject({ duration: 10_000, iterations: Infinity, easing: 'linear' });
    target.current.advance(2500);
    expect(scroll.offset()).toBe(250);
    target.current.advance(10_000);
    expect(scroll.offset()).toBe(250);
  });

  it('below one device pixel per frame, steps one device pixel at a time, so no frame is drawn without movement', () => {
    expect(scrollEasing(1000, DISPLAY_HZ, 1)).toBe('linear');
    expect(scrollEasing(1000, 400, 1)).toBe('linear');
    expect(scrollEasing(1000, 30, 1)).toBe('steps(1000, jump-end)');
    expect(scrollEasing(1000.4, 20, 2)).toBe('steps(2001, jump-end)');
    expect(scrollEasing(1000, 30, 2)).toBe('linear');
    expect(scrollEasing(1000, 30, Number.NaN)).toBe('steps(1000, jump-end)');
    const target = new FakeTarget();
    const scroll = new SeamlessScroll(target, 2);
    scroll.setSpeed(20);
    scroll.setWidth(500);
    expect(target.current.options.easing).toBe('steps(1000, jump-end)');
    // Speeding up to a pixel per frame or more re-times it linear, from the same place.
    target.current.advance(5000);
    scroll.setSpeed(45);
    expect(target.current.options.easing).toBe('linear');
    expect(scroll.offset()).toBeCloseTo(100, 9);
  });

  it('does not animate before it knows the width, nor at speed 0', () => {
    const target = new FakeTarget();
    const scroll = new SeamlessScroll(target);
    scroll.setSpeed(80);
    expect(target.animations).toHaveLength(0);
    const still = new SeamlessScroll(target);
    still.setWidth(500);
    expect(target.animations).toHaveLength(0);
    expect(still.offset()).toBe(0);
  });

  it('keeps the position when the lane width changes (modulo the new width)', () => {
    const { target, scroll } = started(1000, 100);
    target.current.advance(3000);
    const first = target.current;
    scroll.setWidth(1200);
    expect(first.cancelled).toBe(true);
    expect(scroll.offset()).toBeCloseTo(300, 9);
    expect(target.current.options.duration).toBe(12_000);
    expect(target.current.keyframes[1]).toEqual({ transform: 'translate3d(-1200px, 0px, 0px)' });
    target.current.advance(1000);
    expect(scroll.offset()).toBeCloseTo(400, 9);
    // A narrower lane wraps the offset: the same picture, since every copy looks alike.
    scroll.setWidth(250);
    expect(scroll.offset()).toBeCloseTo(150, 9);
  });

  it('keeps the position when the speed changes, then moves at the new speed', () => {
    const { target, scroll } = started(1000, 100);
    target.current.advance(4000);
    scroll.setSpeed(50);
    expect(scroll.offset()).toBeCloseTo(400, 9);
    expect(target.current.options.duration).toBe(20_000);
    target.current.advance(2000);
    expect(scroll.offset()).toBeCloseTo(500, 9);
  });

  it('holds still while any reason holds it, and goes on from the same place', () => {
    const { target, scroll } = started(1000, 100);
    target.current.advance(1000);
    scroll.hold('hover', true);
    scroll.hold('paused', true);
    target.current.advance(5000);
    expect(scroll.offset()).toBe(100);
    scroll.hold('hover', false);
    target.current.advance(5000);
    expect(scroll.offset()).toBe(100);
    scroll.hold('paused', false);
    target.current.advance(1000);
    expect(scroll.offset()).toBe(200);
  });

  it('stays paused through a re-timing while held', () => {
    const { target, scroll } = started(1000, 100);
    scroll.hold('hover', true);
    scroll.setWidth(2000);
    expect(target.current.playing).toBe(false);
  });

  it('stands still at speed 0 where it was, and resumes from there', () => {
    const { target, scroll } = started(1000, 100);
    target.current.advance(1500);
    scroll.setSpeed(0);
    target.current.advance(1000);
    expect(scroll.offset()).toBe(150);
    scroll.setSpeed(200);
    target.current.advance(1000);
    expect(scroll.offset()).toBeCloseTo(350, 9);
  });

  it('ignores invalid widths and speeds instead of producing NaN', () => {
    const { target, scroll } = started(1000, 100);
    target.current.advance(1000);
    scroll.setSpeed(Number.NaN);
    expect(scroll.offset()).toBe(100);
    expect(target.current.playing).toBe(false);
    scroll.setWidth(Number.POSITIVE_INFINITY);
    expect(Number.isFinite(scroll.offset())).toBe(true);
  });

  it('cancels its animation when disposed', () => {
    const { target, scroll } = started();
    scroll.dispose();
    expect(target.current.cancelled).toBe(true);
  });
});
