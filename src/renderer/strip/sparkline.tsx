import { memo } from 'react';
import { sparklinePoints } from './sparkline-points';
import type { Trend } from './trend';

const WIDTH = 44;
const HEIGHT = 14;

export interface SparklineProps {
  history: readonly number[];
  /**
   * The item's change vs the previous close. It colours the line (not the history's own ends: the
   * history gains a point every few seconds, so its last point can lag the price).
   */
  trend: Trend;
}

/** A tiny line of recent prices. Memoised: redraws only when the history array or the trend changes. */
export const Sparkline = memo(function Sparkline({ history, trend }: SparklineProps) {
  const points = sparklinePoints(history, WIDTH, HEIGHT);
  if (!points) return <span className="sparkline sparkline-empty" aria-hidden="true" />;
  return (
    <svg className={`sparkline trend-${trend}`} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
      <polyline points={points} />
    </svg>
  );
});
