/**
 * A Clock whose time moves only when a test says so: timers run in time order as `advance` passes
 * them, so rate windows, throttles and waits are tested without sleeping.
 */
import type { Clock, TimerHandle } from '../../src/shared/clock';

interface Timer {
  id: number;
  at: number;
  every: number | null;
  callback: () => void;
}

export class ManualClock implements Clock {
  private time: number;
  private readonly timers = new Map<number, Timer>();
  private nextId = 1;

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    return this.add(callback, ms, null);
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle as number);
  }

  setInterval(callback: () => void, ms: number): TimerHandle {
    return this.add(callback, ms, Math.max(1, ms));
  }

  clearInterval(handle: TimerHandle): void {
    this.timers.delete(handle as number);
  }

  /** Timers waiting to run. */
  pending(): number {
    return this.timers.size;
  }

  /** Move time forward by `ms`, running each timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      let due: Timer | undefined;
      for (const timer of this.timers.values())
        if (timer.at <= end && (due === undefined || timer.at < due.at)) due = timer;
      if (due === undefined) break;
      this.time = Math.max(this.time, due.at);
      if (due.every === null) this.timers.delete(due.id);
      else due.at += due.every;
      due.callback();
    }
    this.time = end;
  }

  private add(callback: () => void, ms: number, every: number | null): number {
    const id = this.nextId++;
    this.timers.set(id, { id, at: this.time + Math.max(0, ms), every, callback });
    return id;
  }
}
