import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../src/shared/clock';
import { FADE_SWEEP_MS, FlashFader, type Fading } from '../../../src/renderer/strip/flash-fader';

/** A clock whose time and interval timers the test moves by hand. */
function manualClock(): Clock & { advance(ms: number): void; intervals(): number } {
  let time = 1_000;
  let nextId = 1;
  const intervals = new Map<number, { callback: () => void; every: number; due: number }>();
  return {
    now: () => time,
    setTimeout: () => {
      throw new Error('the fader uses intervals only');
    },
    clearTimeout: () => {},
    setInterval: (callback, every) => {
      const id = nextId++;
      intervals.set(id, { callback, every, due: time + every });
      return id;
    },
    clearInterval: (handle) => void intervals.delete(handle as number),
    advance(ms) {
      const end = time + ms;
      for (;;) {
        const next = [...intervals.values()].filter((timer) => timer.due <= end).sort((a, b) => a.due - b.due)[0];
        if (!next) break;
        time = next.due;
        next.due += next.every;
        next.callback();
      }
      time = end;
    },
    intervals: () => intervals.size,
  };
}

/** A flash that stays lit for `litFor` sweeps. */
function flash(litFor: number): Fading & { swept: number } {
  const view = {
    swept: 0,
    fadeIfQuiet: () => ++view.swept < litFor,
  };
  return view;
}

describe('FlashFader', () => {
  it('runs its timer only while a flash is lit, and fades quiet ones on its clock', () => {
    const clock = manualClock();
    const fader = new FlashFader(clock);
    expect(clock.intervals()).toBe(0);
    const view = flash(3);
    fader.add(view);
    fader.add(view);
    expect(clock.intervals()).toBe(1);
    clock.advance(FADE_SWEEP_MS);
    expect(view.swept).toBe(1);
    clock.advance(2 * FADE_SWEEP_MS);
    expect(view.swept).toBe(3);
    expect(clock.intervals()).toBe(0);
  });

  it('lets a batch sweep stand in for its own, and two strips keep their own flashes', () => {
    const clock = manualClock();
    const one = new FlashFader(clock);
    const two = new FlashFader(clock);
    const a = flash(10);
    const b = flash(10);
    one.add(a);
    two.add(b);
    clock.advance(FADE_SWEEP_MS - 10);
    one.sweep(); // a batch arrived on strip one
    clock.advance(10);
    // Strip one swept 10 ms ago, so its timer skips; strip two's timer sweeps.
    expect([a.swept, b.swept]).toEqual([1, 1]);
    expect(one.now()).toBe(clock.now());
  });

  it('stops and forgets everything when disposed', () => {
    const clock = manualClock();
    const fader = new FlashFader(clock);
    const view = flash(10);
    fader.add(view);
    fader.dispose();
    expect(clock.intervals()).toBe(0);
    clock.advance(10 * FADE_SWEEP_MS);
    fader.sweep();
    expect(view.swept).toBe(0);
  });
});
