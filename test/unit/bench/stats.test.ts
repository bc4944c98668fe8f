import { describe, expect, it } from 'vitest';
import { linearTrend } from '../../../bench/lib/stats';

describe('least-squares trend of bench samples', () => {
  it('finds the slope of points on a line, with no error', () => {
    const trend = linearTrend([0, 1, 2, 3].map((x) => ({ x, y: 4 + 0.5 * x })));
    expect(trend.slope).toBeCloseTo(0.5, 12);
    expect(trend.slopeError).toBeCloseTo(0, 12);
    expect(trend.residual).toBeCloseTo(0, 12);
  });

  it('reads a level series with noise as flat, the noise as the slope error and residual', () => {
    const trend = linearTrend([5, 5.2, 4.8, 5, 4.8, 5.2, 5].map((y, x) => ({ x, y })));
    // Symmetric about the middle, so sxy = 0; residuals ±0.2 four times (sum of squares 0.16), sxx = 28.
    expect(trend.slope).toBeCloseTo(0, 12);
    expect(trend.residual).toBeCloseTo(Math.sqrt(0.16 / 7), 12);
    expect(trend.slopeError).toBeCloseTo(Math.sqrt(0.16 / 5 / 28), 12);
  });

  it('is a step up early on, not the same as steady growth', () => {
    // A heap that jumps once (filling) and then stays level: the slope of the later points is 0.
    const level = [10, 20, 30, 40, 50].map((x) => ({ x, y: 5 }));
    expect(linearTrend([{ x: 0, y: 4 }, ...level]).slope).toBeGreaterThan(0);
    expect(linearTrend(level).slope).toBe(0);
  });

  it('is NaN without two distinct x', () => {
    expect(linearTrend([]).slope).toBeNaN();
    expect(linearTrend([{ x: 1, y: 2 }]).slope).toBeNaN();
    expect(
      linearTrend([
        { x: 1, y: 2 },
        { x: 1, y: 3 },
      ]).slope,
    ).toBeNaN();
    expect(
      linearTrend([
        { x: 1, y: 2 },
        { x: 2, y: 3 },
      ]).slopeError,
    ).toBeNaN();
  });
});
