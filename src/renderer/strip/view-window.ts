/**
 * Pure geometry of what the scrolling strip shows: which items of the lane are in (or near) the
 * viewport at a given scroll offset, the lane repeating every `laneWidth` px. Items outside are
 * skipped by the renderer (content-visibility), so their price updates cost no style, layout or
 * paint until they come near.
 */

/** An item's horizontal extent within one lane, in px from the lane's start. */
export interface LaneSpan {
  start: number;
  end: number;
}

/**
 * For each span: does any repetition of it (every `laneWidth` px) overlap the window
 * [offset - margin, offset + viewportWidth + margin]? Without a usable width, everything is in view.
 */
export function spansInView(spans: readonly LaneSpan[], laneWidth: number, offset: number, viewportWidth: number, margin: number): boolean[] {
  if (!(laneWidth > 0) || !Number.isFinite(offset) || !(viewportWidth >= 0)) return spans.map(() => true);
  const pad = Number.isFinite(margin) ? Math.max(margin, 0) : 0;
  const from = offset - pad;
  const to = offset + viewportWidth + pad;
  return spans.map(({ start, end }) => {
    if (!Number.isFinite(start) || !Number.isFinite(end)) return true;
    // The repetitions k·laneWidth that overlap the window: start + k·W < to and end + k·W > from.
    const lowest = Math.floor((from - end) / laneWidth) + 1;
    const highest = Math.ceil((to - start) / laneWidth) - 1;
    return lowest <= highest;
  });
}

/** How far ahead of the viewport items are brought back, for a check every `checkEveryMs` at `speed`. */
export function viewMargin(speedPxPerSecond: number, checkEveryMs: number): number {
  const speed = Number.isFinite(speedPxPerSecond) ? Math.max(speedPxPerSecond, 0) : 0;
  const every = Number.isFinite(checkEveryMs) ? Math.max(checkEveryMs, 0) : 0;
  return 120 + (2 * speed * every) / 1000;
}
