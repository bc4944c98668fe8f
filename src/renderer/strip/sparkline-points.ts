/**
 * Pure geometry of a sparkline: recent prices scaled into an SVG polyline's `points`.
 */

/** `points` for a polyline of `history` in a width × height box (1px inset), or '' under 2 values. */
export function sparklinePoints(history: readonly number[], width: number, height: number): string {
  const values = history.filter((v) => Number.isFinite(v));
  if (values.length < 2 || !(width > 0) || !(height > 2)) return '';
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min;
  const step = width / (values.length - 1);
  const usable = height - 2;
  let points = '';
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i] as number;
    const y = span === 0 ? height / 2 : 1 + usable - ((v - min) / span) * usable;
    points += `${i === 0 ? '' : ' '}${(i * step).toFixed(1)},${y.toFixed(1)}`;
  }
  return points;
}
