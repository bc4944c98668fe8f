import { describe, it, expect } from 'vitest';
import { sparklinePoints } from '../../../src/renderer/strip/sparkline-points';

describe('sparklinePoints', () => {
  it('scales the lowest value to the bottom and the highest to the top', () => {
    expect(sparklinePoints([1, 3, 2], 40, 12)).toBe('0.0,11.0 20.0,1.0 40.0,6.0');
  });

  it('draws a flat line through the middle when nothing moved', () => {
    expect(sparklinePoints([5, 5], 10, 10)).toBe('0.0,5.0 10.0,5.0');
  });

  it('draws nothing for fewer than two finite values', () => {
    expect(sparklinePoints([1], 10, 10)).toBe('');
    expect(sparklinePoints([Number.NaN, 2], 10, 10)).toBe('');
  });
});
