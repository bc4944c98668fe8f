/**
 * A simulated clock with timers, for running the store and publisher faster than real time but
 * with the same ordering: `advanceTo` fires every due timer at its own time, earliest first.
 */
export interface SimClock {
  now(): number;
  setTimer(callback: () => void, delayMs: number): unknown;
  clearTimer(handle: unknown): void;
  /** Move time forward to `time`, firing due timers in order. */
  advanceTo(time: number): void;
}

interface SimTimer {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

export function createSimClock(start: number): SimClock {
  let current = start;
  let nextId = 1;
  // Few timers are ever pending at once (the publisher keeps at most one), so a list is enough.
  let timers: SimTimer[] = [];

  const clock: SimClock = {
    now: () => current,
    setTimer(callback, delayMs) {
      const timer: SimTimer = { id: nextId++, at: current + Math.max(0, delayMs), callback };
      timers.push(timer);
      return timer.id;
    },
    clearTimer(handle) {
      timers = timers.filter((timer) => timer.id !== handle);
    },
    advanceTo(time) {
      for (;;) {
        let due: SimTimer | undefined;
        for (const timer of timers) {
          if (timer.at <= time && (due === undefined || timer.at < due.at || (timer.at === due.at && timer.id < due.id))) due = timer;
        }
        if (due === undefined) break;
        const fired = due;
        timers = timers.filter((timer) => timer !== fired);
        current = Math.max(current, fired.at);
        fired.callback();
      }
      current = Math.max(current, time);
    },
  };
  return clock;
}
