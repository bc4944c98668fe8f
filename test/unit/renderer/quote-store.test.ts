import { describe, it, expect, vi } from 'vitest';
import { QuoteStore } from '../../../src/renderer/strip/quote-store';
import type { SnapshotBatch, SymbolSnapshot } from '../../../src/shared/types';

const quote = (symbol: string, price: number | null, extra: Partial<SymbolSnapshot> = {}): SymbolSnapshot => ({
  symbol,
  price,
  prevClose: null,
  change: null,
  changePct: null,
  dayHigh: null,
  dayLow: null,
  volume: 0,
  time: 1,
  history: [],
  ...extra,
});
const batch = (quotes: SymbolSnapshot[], removed: string[] = []): SnapshotBatch => ({ seq: 1, at: 1, quotes, removed });

describe('QuoteStore', () => {
  it('merges batches by symbol and deletes removed symbols', () => {
    const store = new QuoteStore();
    store.setSnapshot([quote('AAPL', 100), quote('MSFT', 200)]);
    store.applyBatch(batch([quote('AAPL', 101)], ['MSFT']));
    expect(store.get('AAPL')?.snapshot.price).toBe(101);
    expect(store.get('MSFT')).toBeUndefined();
    expect(store.getOrder()).toEqual(['AAPL']);
  });

  it('keeps the history it has when a batch carries none (same array: no sparkline redraw)', () => {
    const store = new QuoteStore();
    store.setSnapshot([quote('AAPL', 100, { history: [99, 100] })]);
    const history = store.get('AAPL')?.snapshot.history;
    const { history: _omitted, ...withoutHistory } = quote('AAPL', 101);
    store.applyBatch({ seq: 2, at: 2, quotes: [withoutHistory], removed: [] });
    expect(store.get('AAPL')?.snapshot.price).toBe(101);
    expect(store.get('AAPL')?.snapshot.history).toBe(history);
    store.applyBatch(batch([quote('AAPL', 102, { history: [100, 102] })]));
    expect(store.get('AAPL')?.snapshot.history).toEqual([100, 102]);
  });

  it('notifies only the symbol that changed', () => {
    const store = new QuoteStore();
    store.setSnapshot([quote('AAPL', 100), quote('MSFT', 200)]);
    const aapl = vi.fn();
    const msft = vi.fn();
    const order = vi.fn();
    store.subscribeSymbol('AAPL', aapl);
    store.subscribeSymbol('MSFT', msft);
    store.subscribeOrder(order);
    store.applyBatch(batch([quote('AAPL', 101)]));
    expect(aapl).toHaveBeenCalledTimes(1);
    expect(msft).not.toHaveBeenCalled();
    expect(order).not.toHaveBeenCalled();
  });

  it('tells change listeners of every quote, removal and order change, and of nothing else', () => {
    const store = new QuoteStore();
    store.setSnapshot([quote('AAPL', 100), quote('MSFT', 200)]);
    const changes = vi.fn();
    const unsubscribe = store.subscribeChanges(changes);
    store.applyBatch(batch([quote('AAPL', 101)]));
    expect(changes).toHaveBeenCalledTimes(1);
    store.applyBatch(batch([], ['MSFT']));
    // The removal, then the order without it.
    expect(changes).toHaveBeenCalledTimes(3);
    store.setOrder(['AAPL']);
    store.applyBatch(batch([], ['NOPE']));
    expect(changes).toHaveBeenCalledTimes(3);
    store.setOrder(['AAPL', 'TSLA']);
    expect(changes).toHaveBeenCalledTimes(4);
    unsubscribe();
    store.applyBatch(batch([quote('AAPL', 102)]));
    expect(changes).toHaveBeenCalledTimes(4);
  });

  it('counts price moves and their direction for the flash', () => {
    const store = new QuoteStore();
    store.setSnapshot([quote('AAPL', 100)]);
    expect(store.get('AAPL')).toMatchObject({ moves: 0, lastMove: 'flat' });
    store.applyBatch(batch([quote('AAPL', 101)]));
    expect(store.get('AAPL')).toMatchObject({ moves: 1, lastMove: 'up' });
    store.applyBatch(batch([quote('AAPL', 101, { volume: 5 })]));
    expect(store.get('AAPL')).toMatchObject({ moves: 1, lastMove: 'up' });
    store.applyBatch(batch([quote('AAPL', 99)]));
    expect(store.get('AAPL')).toMatchObject({ moves: 2, lastMove: 'down' });
  });

  it('follows the settings order once known, keeping the same array while unchanged', () => {
    const store = new QuoteStore();
    store.setSnapshot([quote('AAPL', 100), quote('MSFT', 200)]);
    store.setOrder(['MSFT', 'AAPL', 'MSFT']);
    const order = store.getOrder();
    expect(order).toEqual(['MSFT', 'AAPL']);
    store.applyBatch(batch([quote('TSLA', 300)]));
    store.setOrder(['MSFT', 'AAPL']);
    expect(store.getOrder()).toBe(order);
  });

  it('drops and counts malformed quotes without throwing', () => {
    const store = new QuoteStore();
    store.setSnapshot([quote('AAPL', 100), { symbol: 5 }, null, quote('BAD', -1), quote('NAN', Number.NaN)]);
    store.applyBatch(null as unknown as SnapshotBatch);
    store.applyBatch({ seq: 2, at: 2, quotes: 'nope', removed: 7 } as unknown as SnapshotBatch);
    expect(store.getOrder()).toEqual(['AAPL']);
    expect(store.dropped).toBe(5);
  });

  it('stops notifying after unsubscribe', () => {
    const store = new QuoteStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribeSymbol('AAPL', listener);
    unsubscribe();
    store.applyBatch(batch([quote('AAPL', 1)]));
    expect(listener).not.toHaveBeenCalled();
  });
});
