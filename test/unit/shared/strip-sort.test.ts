import { describe, expect, it } from 'vitest';
import { RESORT_INTERVAL_MS, sortSymbols, StripOrder, type SortFacts } from '../../../src/shared/strip-sort';

const facts =
  (table: Record<string, [number | null, string?]>) =>
  (symbol: string): SortFacts | undefined => {
    const row = table[symbol];
    return row === undefined ? undefined : { changePct: row[0], name: row[1] ?? symbol };
  };

describe('sortSymbols', () => {
  const list = ['MSFT', 'AAPL', 'NVDA', 'TSLA'];
  const table = facts({
    MSFT: [-0.5, 'Microsoft'],
    AAPL: [0.6, 'Apple'],
    NVDA: [1.6, 'NVIDIA'],
    TSLA: [null, 'Tesla'],
  });

  it('keeps the list order by default', () => {
    expect(sortSymbols(list, table, 'list')).toEqual(list);
  });

  it('sorts by % change either way, unknown changes last', () => {
    expect(sortSymbols(list, table, 'change-up')).toEqual(['NVDA', 'AAPL', 'MSFT', 'TSLA']);
    expect(sortSymbols(list, table, 'change-down')).toEqual(['MSFT', 'AAPL', 'NVDA', 'TSLA']);
  });

  it('sorts by name, ignoring case', () => {
    expect(
      sortSymbols(
        list,
        facts({ MSFT: [0, 'microsoft'], AAPL: [0, 'Apple'], NVDA: [0, 'NVIDIA'], TSLA: [0, 'Tesla'] }),
        'name',
      ),
    ).toEqual(['AAPL', 'MSFT', 'NVDA', 'TSLA']);
  });

  it('ties keep the order the items already had', () => {
    const tied = facts({ A: [1], B: [1], C: [2] });
    expect(sortSymbols(['A', 'B', 'C'], tied, 'change-up', ['C', 'B', 'A'])).toEqual(['C', 'B', 'A']);
    expect(sortSymbols(['A', 'B', 'C'], tied, 'change-up', ['C', 'A', 'B'])).toEqual(['C', 'A', 'B']);
  });
});

describe('StripOrder', () => {
  it('re-sorts at most every 10 seconds, holding the order between batches', () => {
    const order = new StripOrder();
    const changes: Record<string, [number]> = { A: [1], B: [2], C: [3] };
    const f = (s: string) => ({ changePct: changes[s]![0], name: s });
    expect(order.update(['A', 'B', 'C'], f, 'change-up', 0, false)).toEqual(['C', 'B', 'A']);
    changes.A = [9];
    expect(order.update(['A', 'B', 'C'], f, 'change-up', RESORT_INTERVAL_MS - 1, false)).toEqual(['C', 'B', 'A']);
    expect(order.update(['A', 'B', 'C'], f, 'change-up', RESORT_INTERVAL_MS, false)).toEqual(['A', 'C', 'B']);
  });

  it('never re-sorts under the pointer, and catches up once it leaves', () => {
    const order = new StripOrder();
    const changes: Record<string, number> = { A: 1, B: 2 };
    const f = (s: string) => ({ changePct: changes[s]!, name: s });
    expect(order.update(['A', 'B'], f, 'change-up', 0, false)).toEqual(['B', 'A']);
    changes.A = 5;
    expect(order.update(['A', 'B'], f, 'change-up', 60_000, true)).toEqual(['B', 'A']);
    // A new symbol joins at the end while the pointer is there.
    changes.C = 10;
    expect(order.update(['A', 'B', 'C'], f, 'change-up', 61_000, true)).toEqual(['B', 'A', 'C']);
    expect(order.update(['A', 'B', 'C'], f, 'change-up', 62_000, false)).toEqual(['C', 'A', 'B']);
  });

  it('applies a new sort order at once', () => {
    const order = new StripOrder();
    const f = (s: string) => ({ changePct: s === 'A' ? 1 : 2, name: s === 'A' ? 'Zeta' : 'Alpha' });
    expect(order.update(['A', 'B'], f, 'change-up', 0, false)).toEqual(['B', 'A']);
    expect(order.update(['A', 'B'], f, 'list', 1, false)).toEqual(['A', 'B']);
    expect(order.update(['A', 'B'], f, 'name', 2, false)).toEqual(['B', 'A']);
  });
});
