/**
 * A simulated clock with timers, for running the store and publisher faster than real time but
 * with the same ordering: `advanceTo` fires every due timer at its own time, earliest first.
 */
import type { Clock } from '../../src/shared/clock';

export interface SimClock extends Clock {
  /** Move time forward to `time`, firing due timers in order. */
  advanceTo(time: number): void;
}

interface SimTimer {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
  /** Set for an interval: it is re-armed this much later each time it fires. */
  readonly everyMs?: number;
}

export function createSimClock(start: number): SimClock {
  let current = start;
  let nextId = 1;
  // Few timers are ever pending at once (the publisher keeps at most one), so a list is enough.
  let timers: SimTimer[] = [];

  const clock: SimClock = {
    now: () => current,
    setTimeout(callback, delayMs) {
      const timer: SimTimer = { id: nextId++, at: current + Math.max(0, delayMs), callback };
      timers.push(timer);
      return timer.id;
    },
    clearTimeout(handle) {
      timers = timers.filter((timer) => timer.id !== handle);
    },
    setInterval(callback, everyMs) {
      const timer: SimTimer = {
        id: nextId++,
        at: current + Math.max(1, everyMs),
        callback,
        everyMs: Math.max(1, everyMs),
      };
      timers.push(timer);
      return timer.id;
    },
    clearInterval(handle) {
      timers = timers.filter((timer) => timer.id !== handle);
    },
    advanceTo(time) {
      for (;;) {
        let due: SimTimer | undefined;
        for (const timer of timers) {
          if (
            timer.at <= time &&
            (due === undefined || timer.at < due.at || (timer.at === due.at && timer.id < due.id))
          )
            due = timer;
        }
        if (due === undefined) break;
        const fired = due;
        timers = timers.filter((timer) => timer !== fired);
        if (fired.everyMs !== undefined) timers.push({ ...fired, at: fired.at + fired.everyMs });
        current = Math.max(current, fired.at);
        fired.callback();
      }
      current = Math.max(current, time);
    },
  };
  return clock;
}
