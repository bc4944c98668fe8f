import { describe, it, expect } from 'vitest';
import { flashLevel } from '../../../src/renderer/strip/item-view';

describe('flashLevel', () => {
  it('is strong at first, then faint, then gone', () => {
    expect(flashLevel(0)).toBe(2);
    expect(flashLevel(199)).toBe(2);
    expect(flashLevel(200)).toBe(1);
    expect(flashLevel(499)).toBe(1);
    expect(flashLevel(500)).toBe(0);
  });

  it('is gone for a flash that never lit or a clock gone wrong', () => {
    expect(flashLevel(Number.POSITIVE_INFINITY)).toBe(0);
    expect(flashLevel(Number.NaN)).toBe(0);
    expect(flashLevel(-5)).toBe(0);
  });
});
