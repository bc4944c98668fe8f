/**
 * Pure geometry of the card's day chart: the day's prices as a polyline, scaled together with the
 * previous close so that its line is always inside the box.
 */

interface DayChartShape {
  /** `points` of an SVG polyline, or '' under two prices. */
  line: string;
  /** Where the previous close's line goes (y), or null when it is unknown. */
  prevCloseY: number | null;
  /** Whether the last price is above the previous close (null when either is unknown). */
  up: boolean | null;
}

export function dayChart(
  prices: readonly number[],
  prevClose: number | null,
  width: number,
  height: number,
): DayChartShape {
  const values = prices.filter((v) => Number.isFinite(v) && v > 0);
  const close = prevClose !== null && Number.isFinite(prevClose) && prevClose > 0 ? prevClose : null;
  if (values.length < 2 || !(width > 0) || !(height > 2)) return { line: '', prevCloseY: null, up: null };
  let min = close ?? Infinity;
  let max = close ?? -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min;
  const usable = height - 2;
  const y = (v: number): number => (span === 0 ? height / 2 : 1 + usable - ((v - min) / span) * usable);
  const step = width / (values.length - 1);
  const line = values.map((v, i) => `${(i * step).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const last = values[values.length - 1] as number;
  return {
    line,
    prevCloseY: close === null ? null : Number(y(close).toFixed(1)),
    up: close === null ? null : last >= close,
  };
}
