/**
 * The one seam for time: what a component needs to read the time and to wait. Everything that
 * schedules takes a Clock (or the part of it it uses), so tests and the benchmarks drive time
 * themselves; the default is the system clock.
 */

/** An opaque timer handle; only the clock that made it may clear it. */
export type TimerHandle = unknown;

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  setInterval(callback: () => void, ms: number): TimerHandle;
  clearInterval(handle: TimerHandle): void;
}

/**
 * The real clock. Each call looks the global up when it runs (not when this module loads), so a
 * test's fake timers (vi.useFakeTimers) drive it too.
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};
