import { describe, expect, it } from 'vitest';
import { AFTER_PAINT_FALLBACK_MS, afterNextPaint, type PaintTimers } from '../../../src/renderer/strip/after-paint';

/** Frames and timers the test runs by hand. */
function fakeTimers() {
  let next = 1;
  const frames = new Map<number, () => void>();
  const timers = new Map<number, { callback: () => void; ms: number }>();
  const api: PaintTimers = {
    requestAnimationFrame: (callback) => (frames.set(next, callback), next++),
    cancelAnimationFrame: (handle) => void frames.delete(handle),
    setTimeout: (callback, ms) => (timers.set(next, { callback, ms }), next++),
    clearTimeout: (handle) => void timers.delete(handle),
  };
  const paint = () => {
    const due = [...frames.values()];
    frames.clear();
    due.forEach((callback) => callback());
  };
  const runTimers = (ms: number) => {
    for (const [handle, timer] of [...timers]) {
      if (timer.ms > ms) continue;
      timers.delete(handle);
      timer.callback();
    }
  };
  return { api, paint, runTimers, pending: () => frames.size + timers.size };
}

describe('afterNextPaint', () => {
  it('runs in a task after the next frame, not in the frame itself', () => {
    const timers = fakeTimers();
    const calls: string[] = [];
    afterNextPaint(() => calls.push('ran'), timers.api);
    timers.runTimers(0);
    expect(calls).toEqual([]);
    timers.paint();
    expect(calls).toEqual([]);
    timers.runTimers(0);
    expect(calls).toEqual(['ran']);
    expect(timers.pending()).toBe(0);
  });

  it('runs once from the fallback when no frame comes (a hidden page)', () => {
    const timers = fakeTimers();
    let calls = 0;
    afterNextPaint(() => (calls += 1), timers.api);
    timers.runTimers(AFTER_PAINT_FALLBACK_MS);
    timers.paint();
    timers.runTimers(AFTER_PAINT_FALLBACK_MS);
    expect(calls).toBe(1);
    expect(timers.pending()).toBe(0);
  });

  it('never runs once cancelled', () => {
    const timers = fakeTimers();
    let calls = 0;
    const cancel = afterNextPaint(() => (calls += 1), timers.api);
    timers.paint();
    cancel();
    timers.runTimers(AFTER_PAINT_FALLBACK_MS);
    expect(calls).toBe(0);
    expect(timers.pending()).toBe(0);
  });
});
