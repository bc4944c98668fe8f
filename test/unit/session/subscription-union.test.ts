import { describe, expect, it } from 'vitest';
import { SubscriptionUnion } from '../../../src/engine/session/subscription-union';

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
      { owner: 'c1', symbol: 'AMZN', reason: 'own' },
      { owner: 'c2', symbol: 'AMZN', reason: 'own' },
      { owner: 'c2', symbol: 'TSLA', reason: 'own' },
    ]);
    expect(union.symbols()).toEqual(['AAPL', 'MSFT', 'GOOG', 'NVDA']);
    expect(union.symbolsOf('c2')).toEqual([]);
    // A shared symbol Ticker now watches itself costs no extra slot.
    expect(union.setOwn(['AAPL', 'MSFT', 'GOOG', 'NVDA'])).toEqual([]);
    expect(union.refCount('NVDA')).toBe(1);
  });

  it('shares the free slots fairly: a newcomer takes from the client holding the most', () => {
    const union = new SubscriptionUnion(10);
    union.setOwn(['AAPL']);
    const hog = Array.from({ length: 9 }, (_, i) => `H${i}`);
    for (const symbol of hog) expect(union.add('hog', symbol)).toBe('new');
    expect(union.add('hog', 'H9')).toBe('over-cap');
    const asked = ['N0', 'N1', 'N2', 'N3', 'N4', 'N5'].map((symbol) => union.add('new', symbol));
    expect(asked).toEqual(['new', 'new', 'new', 'new', 'over-cap', 'over-cap']);
    expect(union.takeEvictions()).toEqual(
      ['H8', 'H7', 'H6', 'H5'].map((symbol) => ({ owner: 'hog', symbol, reason: 'share' })),
    );
    expect([union.slotsOf('hog'), union.slotsOf('new')]).toEqual([5, 4]);
    expect(union.size()).toBe(10);
    // Balanced: neither may take from the other any more.
    expect(union.add('hog', 'H9')).toBe('over-cap');
    expect(union.takeEvictions()).toEqual([]);
  });

  it("never gives a helper's symbols (the portfolio's) to a client, and takes a client's for the helper", () => {
    const union = new SubscriptionUnion(4);
    union.setOwn(['AAPL']);
    expect(union.add('portfolio', 'EURUSD', 'ticker')).toBe('new');
    expect(union.add('c1', 'NVDA')).toBe('new');
    expect(union.add('c1', 'TSLA')).toBe('new');
    expect(union.add('c2', 'AMZN')).toBe('new'); // from c1, which held two
    expect(union.add('c3', 'GOOG')).toBe('over-cap');
    expect(union.add('portfolio', 'GBPUSD', 'ticker')).toBe('new');
    expect(union.takeEvictions()).toEqual([
      { owner: 'c1', symbol: 'TSLA', reason: 'share' },
      { owner: 'c1', symbol: 'NVDA', reason: 'share' },
    ]);
    expect(union.symbols()).toEqual(['AAPL', 'EURUSD', 'AMZN', 'GBPUSD']);
    // Ticker's own list grows: the client goes first, the helper only when nothing else is left.
    expect(union.setOwn(['AAPL', 'MSFT'])).toEqual([{ owner: 'c2', symbol: 'AMZN', reason: 'own' }]);
    expect(union.symbols()).toEqual(['AAPL', 'MSFT', 'EURUSD', 'GBPUSD']);
  });
});
