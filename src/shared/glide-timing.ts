/**
 * The glide's timing, one source for the strip (renderer/strip/glide-scroll.ts), its tests and the
 * bench: a slide of speed × interval every few seconds, so items cross the screen at the
 * scrolling speed on average.
 */

/** How often the strip glides, at most: about the time an item takes to read. */
export const GLIDE_EVERY_MS = 4000;
/** How long one slide takes. */
export const GLIDE_MS = 300;
export const GLIDE_EASING = 'ease-in-out';

/**
 * The interval and distance of each slide at `speed` over a lane `width` wide: speed × interval,
 * with the interval shortened where that would carry the strip more than half a lane in one slide
 * (a short lane at a high speed), so the average speed is always `speed`.
 */
export function glideStep(speed: number, width: number): { everyMs: number; distance: number } {
  if (!(speed > 0) || !(width > 0) || !Number.isFinite(speed) || !Number.isFinite(width)) {
    return { everyMs: GLIDE_EVERY_MS, distance: 0 };
  }
  const everyMs = Math.min(GLIDE_EVERY_MS, ((width / 2) * 1000) / speed);
  return { everyMs, distance: (speed * everyMs) / 1000 };
}
