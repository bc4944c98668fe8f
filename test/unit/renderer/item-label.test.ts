import { describe, it, expect } from 'vitest';
import { MISSING_VALUE } from '../../../src/renderer/format';
import { itemLabel } from '../../../src/renderer/strip/item-label';

describe('itemLabel', () => {
  it('reads name, price and the move in words', () => {
    expect(itemLabel({ name: 'AAPL', price: '189.41', change: '+2.21', percent: '+1.18%', trend: 'up', stale: false })).toBe('AAPL 189.41, up +2.21, +1.18%');
    expect(itemLabel({ name: 'MSFT', price: '415.10', change: '-2.80', percent: '-0.67%', trend: 'down', stale: true })).toBe('MSFT 415.10, down -2.80, -0.67%, stale');
  });

  it('says when there is no price yet or no change known', () => {
    const none = { change: MISSING_VALUE, percent: MISSING_VALUE, trend: 'flat' as const, stale: false };
    expect(itemLabel({ name: 'NVDA', price: MISSING_VALUE, ...none })).toBe('NVDA, no price yet');
    expect(itemLabel({ name: 'NVDA', price: '131.20', ...none })).toBe('NVDA 131.20');
  });
});
