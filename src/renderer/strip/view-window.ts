/**
 * Pure geometry of what the scrolling strip shows: which item of which copy of the lane is in (or
 * near) the viewport at a given scroll offset. The track holds `copies` copies of the lane side by
 * side, each `laneWidth` px wide, and is moved left by `offset` px (in [0, laneWidth)). Items
 * outside are skipped by the renderer (content-visibility), so their price updates cost no style,
 * layout or paint until they come near; an item shown in one copy costs nothing in the others.
 */

/** An item's horizontal extent within one lane, in px from the lane's start. */
export interface LaneSpan {
  start: number;
  end: number;
}

/**
 * For each copy, for each span: does that copy of the span overlap the window
 * [offset - margin, offset + viewportWidth + margin] of the track, or that window one lane back?
 * The second is what the strip shows after the scroll wraps from laneWidth back to 0: when the
 * window reaches past the end of the first lane, the start of the first lane is about to be on
 * screen again. Without a usable geometry, everything is in view (never hide what might be seen).
 */
export function spansInView(
  spans: readonly LaneSpan[],
  laneWidth: number,
  copies: number,
  offset: number,
  viewportWidth: number,
  margin: number,
): boolean[][] {
  const count = Number.isInteger(copies) && copies > 0 ? copies : 1;
  const known = laneWidth > 0 && Number.isFinite(laneWidth) && Number.isFinite(offset) && viewportWidth >= 0;
  const pad = Number.isFinite(margin) ? Math.max(margin, 0) : 0;
  const from = offset - pad;
  const to = offset + viewportWidth + pad;
  return Array.from({ length: count }, (_, copy) =>
    spans.map(({ start, end }) => {
      if (!known || !Number.isFinite(start) || !Number.isFinite(end)) return true;
      const left = start + copy * laneWidth;
      const right = end + copy * laneWidth;
      return (left < to && right > from) || (left < to - laneWidth && right > from - laneWidth);
    }),
  );
}

/** How far ahead of the viewport items are brought back, for a check every `checkEveryMs` at `speed`. */
export function viewMargin(speedPxPerSecond: number, checkEveryMs: number): number {
  const speed = Number.isFinite(speedPxPerSecond) ? Math.max(speedPxPerSecond, 0) : 0;
  const every = Number.isFinite(checkEveryMs) ? Math.max(checkEveryMs, 0) : 0;
  return 120 + (2 * speed * every) / 1000;
}
