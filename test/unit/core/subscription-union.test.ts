import { describe, expect, it } from 'vitest';
import { SubscriptionUnion } from '../../../src/engine/core/subscription-union';

describe('SubscriptionUnion', () => {
  it("lists Ticker's own symbols first, then shared ones in the order first asked", () => {
    const union = new SubscriptionUnion(10);
    union.setOwn(['AAPL', 'MSFT']);
    expect(union.add('c1', 'NVDA')).toBe('new');
    expect(union.add('c2', 'TSLA')).toBe('new');
    expect(union.add('c2', 'NVDA')).toBe('joined');
    expect(union.add('c1', 'AAPL')).toBe('joined');
    expect(union.symbols()).toEqual(['AAPL', 'MSFT', 'NVDA', 'TSLA']);
    expect(union.refCount('NVDA')).toBe(2);
    expect(union.symbolsOf('c2')).toEqual(['TSLA', 'NVDA']);
  });

  it('reports a symbol as leaving upstream only when its last owner lets go and Ticker does not watch it', () => {
    const union = new SubscriptionUnion(10);
    union.setOwn(['AAPL']);
    union.add('c1', 'NVDA');
    union.add('c2', 'NVDA');
    union.add('c1', 'AAPL');
    expect(union.remove('c1', 'NVDA')).toBe(false);
    expect(union.remove('c1', 'NVDA')).toBe(false);
    expect(union.remove('c2', 'NVDA')).toBe(true);
    expect(union.remove('c1', 'AAPL')).toBe(false);
    expect(union.symbols()).toEqual(['AAPL']);
  });

  it('releases everything an owner held when it leaves', () => {
    const union = new SubscriptionUnion(10);
    union.add('c1', 'NVDA');
    union.add('c1', 'TSLA');
    union.add('c2', 'TSLA');
    expect(union.removeOwner('c1')).toBe(true);
    expect(union.symbols()).toEqual(['TSLA']);
    expect(union.symbolsOf('c1')).toEqual([]);
    expect(union.removeOwner('c2')).toBe(true);
    expect(union.removeOwner('nobody')).toBe(false);
    expect(union.size()).toBe(0);
  });

  it('counts the union against the cap, but a symbol already carried can always be shared', () => {
    const union = new SubscriptionUnion(3);
    union.setOwn(['AAPL', 'MSFT']);
    expect(union.add('c1', 'NVDA')).toBe('new');
    expect(union.add('c1', 'TSLA')).toBe('over-cap');
    expect(union.has('c1', 'TSLA')).toBe(false);
    expect(union.add('c2', 'NVDA')).toBe('joined');
    expect(union.add('c2', 'MSFT')).toBe('joined');
    expect(union.size()).toBe(3);
  });

  it("evicts the most recently added shared symbols when Ticker's own list grows", () => {
    const union = new SubscriptionUnion(4);
    union.setOwn(['AAPL']);
    union.add('c1', 'NVDA');
    union.add('c2', 'TSLA');
    union.add('c1', 'AMZN');
    union.add('c2', 'AMZN');
    const evicted = union.setOwn(['AAPL', 'MSFT', 'GOOG']);
    expect(evicted).toEqual([
      { owner: 'c1', symbol: 'AMZN' },
      { owner: 'c2', symbol: 'AMZN' },
      { owner: 'c2', symbol: 'TSLA' },
    ]);
    expect(union.symbols()).toEqual(['AAPL', 'MSFT', 'GOOG', 'NVDA']);
    expect(union.symbolsOf('c2')).toEqual([]);
    // A shared symbol Ticker now watches itself costs no extra slot.
    expect(union.setOwn(['AAPL', 'MSFT', 'GOOG', 'NVDA'])).toEqual([]);
    expect(union.refCount('NVDA')).toBe(1);
  });
});
