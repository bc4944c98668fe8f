import { describe, it, expect } from 'vitest';
import { trendOf } from '../../../src/renderer/strip/trend';

describe('trendOf', () => {
  it('is the sign of the change vs the previous close', () => {
    expect(trendOf(1.2, 0.5)).toBe('up');
    expect(trendOf(-0.01, -0.1)).toBe('down');
    expect(trendOf(0, 0)).toBe('flat');
  });

  it('falls back to the percent when the change is missing, and is flat when both are unknown', () => {
    expect(trendOf(null, -0.3)).toBe('down');
    expect(trendOf(undefined, 2)).toBe('up');
    expect(trendOf(null, null)).toBe('flat');
    expect(trendOf(Number.NaN, Number.POSITIVE_INFINITY)).toBe('flat');
  });
});
