import { memo } from 'react';
import { sparklinePoints } from './sparkline-points';

const WIDTH = 44;
const HEIGHT = 14;

/** A tiny line of recent prices; green when it ends above where it started, red below. */
export const Sparkline = memo(function Sparkline({ history }: { history: readonly number[] }) {
  const points = sparklinePoints(history, WIDTH, HEIGHT);
  if (!points) return <span className="sparkline sparkline-empty" aria-hidden="true" />;
  const first = history[0] ?? 0;
  const last = history[history.length - 1] ?? 0;
  const trend = last > first ? 'up' : last < first ? 'down' : 'flat';
  return (
    <svg className={`sparkline trend-${trend}`} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
      <polyline points={points} />
    </svg>
  );
});
