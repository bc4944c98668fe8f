/** Small statistics helpers for benchmark samples. */

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile (p in 0..100) of unsorted values; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

/** Round to `digits` decimals (for the results file). */
export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/**
 * Least-squares line through the points: its slope (y per unit of x), the slope's standard error,
 * and the root mean square of the residuals; NaN where fewer points than that needs.
 */
export function linearTrend(points: readonly { x: number; y: number }[]): {
  slope: number;
  slopeError: number;
  residual: number;
} {
  const n = points.length;
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / n;
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const { x, y } of points) {
    sxy += (x - meanX) * (y - meanY);
    sxx += (x - meanX) ** 2;
  }
  if (!(sxx > 0)) return { slope: Number.NaN, slopeError: Number.NaN, residual: Number.NaN };
  const slope = sxy / sxx;
  const squares = points.reduce((sum, { x, y }) => sum + (y - meanY - slope * (x - meanX)) ** 2, 0);
  return {
    slope,
    slopeError: n > 2 ? Math.sqrt(squares / (n - 2) / sxx) : Number.NaN,
    residual: Math.sqrt(squares / n),
  };
}
