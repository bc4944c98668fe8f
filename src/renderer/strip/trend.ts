/** Which way a symbol moved since the previous close: the colour of its change, arrow and sparkline. */
export type Trend = 'up' | 'down' | 'flat';

/**
 * The sign of the change vs the previous close (the percent when the absolute change is missing);
 * flat when both are unknown, zero or not finite.
 */
export function trendOf(change: number | null | undefined, changePct: number | null | undefined): Trend {
  const value = Number.isFinite(change) ? (change as number) : Number.isFinite(changePct) ? (changePct as number) : 0;
  return value > 0 ? 'up' : value < 0 ? 'down' : 'flat';
}
