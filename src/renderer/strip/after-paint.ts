/**
 * Run something once the page has painted its next frame: what the first screen does not need
 * waits until the first screen is on it. A hidden page paints no frames, so a fallback timer runs
 * it anyway.
 */

/** The longest the callback waits for a frame that does not come (a hidden page). */
export const AFTER_PAINT_FALLBACK_MS = 250;

/** The page's frame and timer functions (window's, or a test's). */
export interface PaintTimers {
  requestAnimationFrame(callback: () => void): number;
  cancelAnimationFrame(handle: number): void;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number): void;
}

const windowTimers: PaintTimers = {
  requestAnimationFrame: (callback) => window.requestAnimationFrame(callback),
  cancelAnimationFrame: (handle) => window.cancelAnimationFrame(handle),
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (handle) => window.clearTimeout(handle),
};

/**
 * Call `callback` once, in a task after the next frame (the frame's paint comes first), or after
 * AFTER_PAINT_FALLBACK_MS if no frame comes. Returns a cancel.
 */
export function afterNextPaint(callback: () => void, timers: PaintTimers = windowTimers): () => void {
  let pending = true;
  let task: number | null = null;
  const run = () => {
    if (!pending) return;
    pending = false;
    timers.cancelAnimationFrame(frame);
    timers.clearTimeout(fallback);
    if (task !== null) timers.clearTimeout(task);
    callback();
  };
  const frame = timers.requestAnimationFrame(() => {
    task = timers.setTimeout(run, 0);
  });
  const fallback = timers.setTimeout(run, AFTER_PAINT_FALLBACK_MS);
  return () => {
    pending = false;
    timers.cancelAnimationFrame(frame);
    timers.clearTimeout(fallback);
    if (task !== null) timers.clearTimeout(task);
  };
}
