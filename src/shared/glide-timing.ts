/**
 * The glide's timing, one source for the strip (renderer/strip/glide-scroll.ts), its tests and the
 * bench: a slide of speed × interval every few seconds, so items cross the screen at the
 * scrolling speed on average, each slide one short eased animation whose picture sits on whole
 * device pixels at every frame.
 */

/**
 * How often the strip glides, at most: about the time it takes to read what one slide brings in
 * (at the default 60 px/s, 360 px: two or three items). Each slide costs the machine its frames
 * and the work around them, so the glide's CPU follows how often it slides.
 */
export const GLIDE_EVERY_MS = 6000;
/** How long one slide takes: a little under 300 ms, 15 frames at 60 Hz. */
export const GLIDE_MS = 250;
/**
 * The slide is drawn through keyframes this far apart (four a frame at 60 Hz), each held until
 * the next, so every frame shows the eased place of at most this long ago, rounded to a whole
 * device pixel.
 */
export const GLIDE_KEYFRAME_MS = 1000 / 240;

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

/**
 * The slide's shape: CSS ease-in-out's progress at time `t` in [0, 1], cubic-bezier(0.42, 0, 0.58, 1)
 * solved for x by bisection.
 */
export function easeInOut(t: number): number {
  if (!(t > 0)) return 0;
  if (t >= 1) return 1;
  const x = (u: number): number => 3 * 0.42 * u * (1 - u) ** 2 + 3 * 0.58 * u * u * (1 - u) + u ** 3;
  let low = 0;
  let high = 1;
  for (let round = 0; round < 40; round += 1) {
    const middle = (low + high) / 2;
    if (x(middle) < t) low = middle;
    else high = middle;
  }
  const u = (low + high) / 2;
  return 3 * u * u * (1 - u) + u ** 3;
}

/** One keyframe of a slide: when (0–1 of its duration) and where (px moved left). */
export interface GlidePoint {
  offset: number;
  position: number;
}

/**
 * The keyframes of one slide from `from` to `to` (px moved left): the eased place every
 * GLIDE_KEYFRAME_MS, rounded to whole device pixels (`pixelRatio` of them to a CSS px), each to be
 * held until the next (a `steps(1, jump-end)` keyframe easing), so the compositor never draws the
 * strip between pixels: the text stays sharp, and a software compositor copies the picture
 * instead of resampling it, which costs a quarter less per frame. The first and last places are
 * `from` and `to` exactly; keyframes that would not move the picture are left out.
 */
export function glidePath(from: number, to: number, pixelRatio = 1, durationMs = GLIDE_MS): GlidePoint[] {
  const ratio = Number.isFinite(pixelRatio) && pixelRatio > 0 ? pixelRatio : 1;
  const count = Math.max(1, Math.ceil(durationMs / GLIDE_KEYFRAME_MS));
  const points: GlidePoint[] = [{ offset: 0, position: from }];
  for (let index = 1; index < count; index += 1) {
    const position = Math.round((from + (to - from) * easeInOut(index / count)) * ratio) / ratio;
    if (position !== points.at(-1)?.position) points.push({ offset: index / count, position });
  }
  points.push({ offset: 1, position: to });
  return points;
}
