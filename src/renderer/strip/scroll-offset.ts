/**
 * Pure arithmetic of the seamless scroll: a time-based offset that wraps at the width of one copy
 * of the content, and how many copies fill the viewport.
 */

/** Longest frame gap honoured; a longer stall (hidden window, debugger) moves at most this much. */
export const MAX_FRAME_GAP_MS = 250;

/** Keep `offset` within [0, width) — also used when the content width changes, so nothing restarts. */
export function wrapOffset(offset: number, width: number): number {
  if (!Number.isFinite(offset) || !(width > 0)) return 0;
  const wrapped = offset % width;
  return wrapped < 0 ? wrapped + width : wrapped;
}

/** The offset after `elapsedMs` at `speedPxPerSecond`, wrapped at `width`. */
export function advanceOffset(offset: number, elapsedMs: number, speedPxPerSecond: number, width: number): number {
  const elapsed = Number.isFinite(elapsedMs) ? Math.min(Math.max(elapsedMs, 0), MAX_FRAME_GAP_MS) : 0;
  const speed = Number.isFinite(speedPxPerSecond) ? Math.max(speedPxPerSecond, 0) : 0;
  return wrapOffset(offset + (speed * elapsed) / 1000, width);
}

/** Copies of the content needed so the viewport is always covered while one copy scrolls out. */
export function copiesToFill(viewportWidth: number, contentWidth: number, maxCopies = 12): number {
  if (!(contentWidth > 0) || !(viewportWidth > 0)) return 2;
  return Math.min(maxCopies, Math.max(2, Math.ceil(viewportWidth / contentWidth) + 1));
}
