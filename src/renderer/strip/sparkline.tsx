import { memo } from 'react';
import { sparklinePoints } from './sparkline-points';

const WIDTH = 44;
const HEIGHT = 14;

export interface SparklineProps {
  history: readonly number[];
}

/**
 * A tiny line of recent prices. Memoised: redraws only when the history array changes. Its colour
 * comes from the item's trend class (the change vs the previous close), not from the history's
 * own ends: the history gains a point every few seconds, so its last point can lag the price.
 */
export const Sparkline = memo(function Sparkline({ history }: SparklineProps) {
  const points = sparklinePoints(history, WIDTH, HEIGHT);
  if (!points) return <span className="sparkline sparkline-empty" aria-hidden="true" />;
  return (
    <svg className="sparkline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
      <polyline points={points} />
    </svg>
  );
});
