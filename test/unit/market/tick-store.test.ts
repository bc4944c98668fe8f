import { describe, expect, it, vi } from 'vitest';
import { TickStore, type TickStoreOptions } from '../../../src/engine/market/tick-store';
import type { RestQuote, Trade } from '../../../src/shared/types';

/** Tuesday 2024-01-16, 10:00 in New York (15:00Z). */
const T0 = Date.UTC(2024, 0, 16, 15, 0, 0);
const HOUR = 3_600_000;

function makeStore(symbols: string[] = ['AAPL', 'MSFT'], options: TickStoreOptions = {}) {
  const clock = { now: T0 };
  const store = new TickStore({ now: () => clock.now, ...options });
  store.setSymbols(symbols);
  store.takeChanged();
  return { store, clock };
}

function trade(symbol: string, price: number, time: number = T0, volume = 10): Trade {
  return { symbol, price, time, volume };
}

function quote(symbol: string, fields: Partial<RestQuote> = {}): RestQuote {
  return {
    symbol,
    current: 100,
    change: 1,
    changePct: 1,
    high: 101,
    low: 98,
    open: 99,
    prevClose: 99,
    time: T0,
    ...fields,
  };
}

describe('TickStore trades', () => {
  it('keeps the last price, day high/low and summed volume', () => {
    const { store } = makeStore();
    store.applyTrades([
      trade('AAPL', 100, T0, 5),
      trade('AAPL', 103, T0 + 1, 7),
      trade('AAPL', 98, T0 + 2, 1),
      trade('AAPL', 101, T0 + 3, 2),
    ]);
    const snap = store.snapshot('AAPL');
    expect(snap).toMatchObject({ price: 101, dayHigh: 103, dayLow: 98, volume: 15, time: T0 + 3 });
  });

  it('computes change and change % against the previous close, null while it is unknown', () => {
    const { store } = makeStore();
    store.applyTrade(trade('AAPL', 110));
    expect(store.snapshot('AAPL')).toMatchObject({ prevClose: null, change: null, changePct: null });
    store.applyQuote(quote('AAPL', { prevClose: 100, current: 105, time: T0 - 1000 }));
    const snap = store.snapshot('AAPL');
    expect(snap?.prevClose).toBe(100);
    expect(snap?.change).toBeCloseTo(10, 10);
    expect(snap?.changePct).toBeCloseTo(10, 10);
    store.applyTrade(trade('AAPL', 95, T0 + 10));
    expect(store.snapshot('AAPL')?.change).toBeCloseTo(-5, 10);
    expect(store.snapshot('AAPL')?.changePct).toBeCloseTo(-5, 10);
  });

  it('ignores and counts unknown symbols and bad prices, volumes and times', () => {
    const { store } = makeStore();
    expect(store.applyTrade(trade('TSLA', 100))).toBe(false);
    expect(store.applyTrade(trade('AAPL', 0))).toBe(false);
    expect(store.applyTrade(trade('AAPL', -3))).toBe(false);
    expect(store.applyTrade(trade('AAPL', Number.NaN))).toBe(false);
    expect(store.applyTrade(trade('AAPL', Number.POSITIVE_INFINITY))).toBe(false);
    expect(store.applyTrade({ symbol: 'AAPL', price: '100', time: T0, volume: 1 } as unknown as Trade)).toBe(false);
    expect(store.applyTrade(trade('AAPL', 100, T0, -1))).toBe(false);
    expect(store.applyTrade(trade('AAPL', 100, Number.NaN))).toBe(false);
    expect(store.applyTrade(trade('AAPL', 100, T0 + 48 * HOUR))).toBe(false);
    expect(store.snapshot('AAPL')).toMatchObject({ price: null, volume: 0, dayHigh: null });
    expect(store.hasChanges()).toBe(false);
    const stats = store.stats();
    expect(stats.accepted).toBe(0);
    expect(stats.dropped).toBe(9);
    expect(stats.droppedByReason).toEqual({
      'unknown-symbol': 1,
      'bad-price': 5,
      'bad-volume': 1,
      'bad-time': 2,
      'stale-day': 0,
    });
  });

  it('accepts zero-volume price updates (forex)', () => {
    const { store } = makeStore(['OANDA:EUR_USD']);
    expect(store.applyTrade(trade('OANDA:EUR_USD', 1.0871, T0, 0))).toBe(true);
    expect(store.snapshot('OANDA:EUR_USD')).toMatchObject({ price: 1.0871, volume: 0 });
  });

  it('counts an out-of-order trade towards the day but keeps the newest price', () => {
    const { store } = makeStore();
    store.applyTrade(trade('AAPL', 100, T0 + 100, 1));
    store.applyTrade(trade('AAPL', 120, T0 + 50, 1));
    expect(store.snapshot('AAPL')).toMatchObject({ price: 100, time: T0 + 100, dayHigh: 120, volume: 2 });
  });

  it('applyTrades returns how many were accepted', () => {
    const { store } = makeStore();
    expect(store.applyTrades([trade('AAPL', 1), trade('NOPE', 1), trade('MSFT', 2)])).toBe(2);
  });
});

describe('TickStore quotes', () => {
  it('fills price, prevClose and day range from a quote when no trade has arrived (market closed)', () => {
    const { store } = makeStore();
    expect(store.applyQuote(quote('AAPL', { current: 188.5, prevClose: 187, high: 190, low: 186, open: 187.5 }))).toBe(
      true,
    );
    const snap = store.snapshot('AAPL');
    expect(snap).toMatchObject({ price: 188.5, prevClose: 187, dayHigh: 190, dayLow: 186, time: T0 });
    expect(snap?.change).toBeCloseTo(1.5, 10);
    expect(snap?.history).toEqual([188.5]);
  });

  it('does not overwrite a newer trade price, but widens the day range the app missed', () => {
    const { store } = makeStore();
    store.applyTrade(trade('AAPL', 150, T0 + 5000));
    store.applyQuote(quote('AAPL', { current: 149, high: 155, low: 140, prevClose: 148, time: T0 }));
    expect(store.snapshot('AAPL')).toMatchObject({
      price: 150,
      dayHigh: 155,
      dayLow: 140,
      prevClose: 148,
      time: T0 + 5000,
    });
  });

  it('ignores quotes for unknown symbols and quotes without a price', () => {
    const { store } = makeStore();
    expect(store.applyQuote(quote('TSLA'))).toBe(false);
    expect(store.applyQuote(quote('AAPL', { current: 0 }))).toBe(false);
    expect(store.applyQuote(quote('AAPL', { current: Number.NaN }))).toBe(false);
    expect(store.hasChanges()).toBe(false);
  });

  it("uses an earlier session quote as today's previous close (before the regular session opens)", () => {
    const { store } = makeStore();
    // Tuesday pre-market trade; the quote still shows Monday's session (close 200, prevClose 190).
    store.applyTrade(trade('AAPL', 203, T0));
    store.applyQuote(quote('AAPL', { current: 200, prevClose: 190, time: T0 - 24 * HOUR }));
    expect(store.snapshot('AAPL')).toMatchObject({ price: 203, prevClose: 200 });
    expect(store.symbolsNeedingPrevClose()).not.toContain('AAPL');
    // Once today's official previous close is known, an older quote does not replace it.
    store.applyQuote(quote('AAPL', { current: 203, prevClose: 200.5, time: T0 }));
    expect(store.applyQuote(quote('AAPL', { current: 150, prevClose: 140, time: T0 - 48 * HOUR }))).toBe(false);
    expect(store.snapshot('AAPL')?.prevClose).toBe(200.5);
  });
});

describe('TickStore changes', () => {
  it('takeChanged returns only changed symbols, in list order, and empties the set', () => {
    const { store } = makeStore(['AAPL', 'MSFT', 'GOOG']);
    store.applyTrade(trade('GOOG', 10));
    store.applyTrade(trade('AAPL', 20));
    store.applyTrade(trade('AAPL', 21, T0 + 1));
    const first = store.takeChanged();
    expect(first.quotes.map((q) => q.symbol)).toEqual(['AAPL', 'GOOG']);
    expect(first.quotes[0]?.price).toBe(21);
    expect(first.removed).toEqual([]);
    expect(store.hasChanges()).toBe(false);
    expect(store.takeChanged()).toEqual({ quotes: [], removed: [] });
  });

  it('signals "changed" once per take, on the first change only', () => {
    const { store } = makeStore();
    let signals = 0;
    store.changed.subscribe(() => {
      signals += 1;
    });
    for (let i = 0; i < 100; i += 1) store.applyTrade(trade('AAPL', 100 + i, T0 + i));
    expect(signals).toBe(1);
    store.takeChanged();
    store.applyTrade(trade('MSFT', 5));
    expect(signals).toBe(2);
  });

  it('reports removed symbols once, keeps order and state of the ones that stay', () => {
    const { store } = makeStore(['AAPL', 'MSFT', 'GOOG']);
    store.applyTrade(trade('MSFT', 300));
    store.takeChanged();
    store.setSymbols(['GOOG', 'MSFT', 'TSLA']);
    expect(store.symbols()).toEqual(['GOOG', 'MSFT', 'TSLA']);
    expect(store.snapshot('MSFT')?.price).toBe(300);
    expect(store.snapshot('AAPL')).toBeNull();
    const batch = store.takeChanged();
    expect(batch.removed).toEqual(['AAPL']);
    expect(batch.quotes.map((q) => q.symbol)).toEqual(['TSLA']);
    expect(store.takeChanged().removed).toEqual([]);
  });

  it('a symbol removed and added back before the take is not reported as removed', () => {
    const { store } = makeStore(['AAPL', 'MSFT']);
    store.setSymbols(['MSFT']);
    store.setSymbols(['MSFT', 'AAPL']);
    const batch = store.takeChanged();
    expect(batch.removed).toEqual([]);
    expect(batch.quotes.map((q) => q.symbol)).toEqual(['AAPL']);
  });

  it('setSymbols drops invalid and duplicate symbols and asks previous closes for new ones', () => {
    const { store } = makeStore([]);
    const asked: string[][] = [];
    store.needsPrevClose.subscribe((symbols) => asked.push([...symbols]));
    store.setSymbols(['AAPL', 'bad symbol!', 'AAPL', '', 'MSFT']);
    expect(store.symbols()).toEqual(['AAPL', 'MSFT']);
    expect(asked).toEqual([['AAPL', 'MSFT']]);
    store.setSymbols(['AAPL', 'MSFT']);
    expect(asked).toHaveLength(1);
  });

  it('snapshots are fresh objects in list order', () => {
    const { store } = makeStore(['MSFT', 'AAPL']);
    store.applyTrade(trade('AAPL', 10));
    const first = store.snapshots();
    expect(first.map((s) => s.symbol)).toEqual(['MSFT', 'AAPL']);
    first[1]?.history.push(999);
    if (first[1]) first[1].price = 1;
    store.applyTrade(trade('AAPL', 11, T0 + 1));
    const again = store.snapshot('AAPL');
    expect(again?.price).toBe(11);
    expect(again?.history).toEqual([11]);
  });
});

describe('TickStore history', () => {
  it('samples at most once per interval, updating the newest point in between', () => {
    const { store, clock } = makeStore(['AAPL'], { historyIntervalMs: 5000 });
    store.applyTrade(trade('AAPL', 1, T0));
    clock.now += 1000;
    store.applyTrade(trade('AAPL', 2, T0 + 1000));
    clock.now += 3999;
    store.applyTrade(trade('AAPL', 3, T0 + 4999));
    expect(store.snapshot('AAPL')?.history).toEqual([3]);
    clock.now = T0 + 5000;
    store.applyTrade(trade('AAPL', 4, T0 + 5000));
    expect(store.snapshot('AAPL')?.history).toEqual([3, 4]);
  });

  it('sends the history in a batch only when a point was added since the last take', () => {
    const { store, clock } = makeStore(['AAPL'], { historyIntervalMs: 5000 });
    store.applyTrade(trade('AAPL', 1, T0));
    expect(store.takeChanged().quotes[0]?.history).toEqual([1]);
    clock.now += 1000;
    store.applyTrade(trade('AAPL', 2, T0 + 1000));
    const between = store.takeChanged().quotes[0];
    expect(between?.price).toBe(2);
    expect(between && 'history' in between).toBe(false);
    clock.now = T0 + 5000;
    store.applyTrade(trade('AAPL', 3, T0 + 5000));
    expect(store.takeChanged().quotes[0]?.history).toEqual([2, 3]);
    // A full snapshot always has it.
    expect(store.snapshot('AAPL')?.history).toEqual([2, 3]);
  });

  it('applyTrades reads the clock once per frame', () => {
    const now = vi.fn(() => T0);
    const store = new TickStore({ now });
    store.setSymbols(['AAPL']);
    now.mockClear();
    store.applyTrades([trade('AAPL', 1), trade('AAPL', 2), trade('AAPL', 3)]);
    expect(now).toHaveBeenCalledTimes(1);
  });

  it('stays at capacity however many trades arrive (memory bounded by symbols)', () => {
    const { store, clock } = makeStore(['AAPL'], { historyCapacity: 120, historyIntervalMs: 5000 });
    for (let i = 0; i < 100_000; i += 1) {
      clock.now = T0 + i * 100;
      store.applyTrade(trade('AAPL', 100 + (i % 50), clock.now, 1));
    }
    const snap = store.snapshot('AAPL');
    expect(snap?.history).toHaveLength(120);
    expect(snap?.history.at(-1)).toBe(100 + (99_999 % 50));
    expect(snap?.volume).toBe(100_000);
  });
});

describe('TickStore day rollover', () => {
  it('resets day high/low/volume when the next pre-market opens, and asks for the previous close', () => {
    const { store, clock } = makeStore(['AAPL']);
    const asked: string[][] = [];
    store.needsPrevClose.subscribe((symbols) => asked.push([...symbols]));
    store.applyQuote(quote('AAPL', { prevClose: 90, time: T0 - HOUR }));
    store.applyTrade(trade('AAPL', 100, T0, 50));
    store.applyTrade(trade('AAPL', 95, T0 + 1, 50));
    // Tuesday 17:00 New York: after-hours, same trading day.
    clock.now = Date.UTC(2024, 0, 16, 22, 0);
    store.applyTrade(trade('AAPL', 97, Date.UTC(2024, 0, 16, 22, 0), 1));
    // 2024-01-17 08:59Z is 03:59 Wednesday in New York: still Tuesday's trading day.
    clock.now = Date.UTC(2024, 0, 17, 8, 59);
    store.applyTrade(trade('AAPL', 96, Date.UTC(2024, 0, 17, 8, 59), 1));
    expect(store.snapshot('AAPL')).toMatchObject({ volume: 102, dayLow: 95, prevClose: 90 });
    expect(asked).toEqual([]);
    // 09:00Z is 04:00 in New York: Wednesday's pre-market opens a new trading day, whose previous
    // close is Tuesday's regular close (95), not an after-hours price.
    clock.now = Date.UTC(2024, 0, 17, 9, 0);
    store.applyTrade(trade('AAPL', 99, Date.UTC(2024, 0, 17, 9, 0), 3));
    expect(store.snapshot('AAPL')).toMatchObject({ price: 99, volume: 3, dayHigh: 99, dayLow: 99, prevClose: 95 });
    expect(asked).toEqual([['AAPL']]);
    expect(store.symbolsNeedingPrevClose()).toEqual(['AAPL']);
    store.applyQuote(quote('AAPL', { current: 99, prevClose: 96.5, time: Date.UTC(2024, 0, 17, 9, 0) }));
    expect(store.snapshot('AAPL')?.prevClose).toBe(96.5);
    expect(store.symbolsNeedingPrevClose()).toEqual([]);
  });

  it('tells regular from pre- and after-hours trades at the exact session boundaries', () => {
    // The store remembers each symbol's session span between trades; a trade on either side of a
    // boundary must still count for the session it falls in.
    const { store, clock } = makeStore(['AAPL']);
    const live = (price: number, time: number) => {
      clock.now = time;
      return store.applyTrade(trade('AAPL', price, time, 1));
    };
    live(90, Date.UTC(2024, 0, 16, 14, 29, 59, 999)); // Tuesday 09:29:59.999, pre-market
    live(100, Date.UTC(2024, 0, 16, 14, 30)); // 09:30 sharp: the regular session
    live(101, Date.UTC(2024, 0, 16, 20, 59, 59, 999)); // its last millisecond
    live(105, Date.UTC(2024, 0, 16, 21, 0)); // 16:00 sharp: after-hours
    live(99, Date.UTC(2024, 0, 17, 9, 0)); // Wednesday's pre-market opens the next day
    expect(store.snapshot('AAPL')).toMatchObject({ price: 99, prevClose: 101 });
  });

  it('a day without a regular trade closes at its last price', () => {
    const { store, clock } = makeStore(['AAPL']);
    const live = (price: number, time: number) => {
      clock.now = time;
      return store.applyTrade(trade('AAPL', price, time, 1));
    };
    live(100, Date.UTC(2024, 0, 16, 14, 0)); // Tuesday pre-market only
    live(98, Date.UTC(2024, 0, 16, 14, 29));
    live(97, Date.UTC(2024, 0, 17, 9, 0));
    expect(store.snapshot('AAPL')).toMatchObject({ price: 97, prevClose: 98 });
  });

  it("keeps the last regular session's close as previous close across a weekend and a holiday", () => {
    const { store, clock } = makeStore(['AAPL']);
    // The clock follows the trades: each arrives as it happens.
    const live = (price: number, time: number) => {
      clock.now = time;
      return store.applyTrade(trade('AAPL', price, time, 1));
    };
    const asked: string[][] = [];
    store.needsPrevClose.subscribe((symbols) => asked.push([...symbols]));
    clock.now = Date.UTC(2024, 0, 12, 14, 30);
    store.applyQuote(quote('AAPL', { prevClose: 90, time: Date.UTC(2024, 0, 12, 14, 30) }));
    live(100, Date.UTC(2024, 0, 12, 20, 59)); // Friday 15:59
    live(101, Date.UTC(2024, 0, 12, 23, 0)); // Friday after-hours
    // Saturday, Sunday and Monday 2024-01-15 (Martin Luther King Jr. Day) still count towards Friday.
    live(102, Date.UTC(2024, 0, 13, 15, 0));
    live(102.5, Date.UTC(2024, 0, 15, 15, 0));
    expect(store.snapshot('AAPL')).toMatchObject({ prevClose: 90, volume: 4 });
    expect(asked).toEqual([]);
    live(103, Date.UTC(2024, 0, 16, 9, 30)); // Tuesday pre-market
    expect(store.snapshot('AAPL')).toMatchObject({ prevClose: 100, volume: 1, price: 103 });
    expect(asked).toEqual([['AAPL']]);
  });

  it('a quote opening the next trading day measures from the regular close, not an after-hours trade', () => {
    const { store, clock } = makeStore(['AAPL']);
    clock.now = Date.UTC(2024, 0, 16, 20, 59);
    store.applyTrade(trade('AAPL', 100, Date.UTC(2024, 0, 16, 20, 59), 1)); // Tuesday 15:59
    clock.now = Date.UTC(2024, 0, 16, 23, 0);
    store.applyTrade(trade('AAPL', 104, Date.UTC(2024, 0, 16, 23, 0), 1)); // Tuesday after-hours
    // Wednesday's first sight is a quote without an official previous close.
    clock.now = Date.UTC(2024, 0, 17, 10, 0);
    store.applyQuote(quote('AAPL', { current: 103, prevClose: 0, time: Date.UTC(2024, 0, 17, 10, 0) }));
    expect(store.snapshot('AAPL')).toMatchObject({ price: 103, prevClose: 100, change: 3 });
  });

  it('rolls crypto over at UTC midnight, not New York midnight', () => {
    const { store, clock } = makeStore(['BINANCE:BTCUSDT']);
    clock.now = Date.UTC(2024, 0, 16, 23, 59);
    store.applyTrade(trade('BINANCE:BTCUSDT', 40000, Date.UTC(2024, 0, 16, 23, 59), 2));
    clock.now = Date.UTC(2024, 0, 17, 0, 1);
    store.applyTrade(trade('BINANCE:BTCUSDT', 40100, Date.UTC(2024, 0, 17, 0, 1), 1));
    expect(store.snapshot('BINANCE:BTCUSDT')).toMatchObject({ volume: 1, prevClose: 40000, dayLow: 40100 });
  });

  it("rolls forex over at 17:00 New York: the price at the roll is the next day's previous close", () => {
    const { store, clock } = makeStore(['OANDA:EUR_USD']);
    const at = (hour: number, minute: number, day = 16): number => Date.UTC(2024, 0, day, hour, minute);
    clock.now = at(21, 59); // 16:59 EST
    store.applyTrade(trade('OANDA:EUR_USD', 1.0871, at(21, 59), 0));
    clock.now = at(23, 30); // 18:30: Wednesday's session
    store.applyTrade(trade('OANDA:EUR_USD', 1.0874, at(23, 30), 0));
    expect(store.snapshot('OANDA:EUR_USD')).toMatchObject({ prevClose: 1.0871, dayLow: 1.0874 });
    // UTC midnight is no roll for forex: the day, its range and its previous close carry on.
    clock.now = at(0, 30, 17);
    store.applyTrade(trade('OANDA:EUR_USD', 1.0869, at(0, 30, 17), 0));
    expect(store.snapshot('OANDA:EUR_USD')).toMatchObject({ prevClose: 1.0871, dayLow: 1.0869, dayHigh: 1.0874 });
  });

  it('drops a late trade from the previous day after the rollover', () => {
    const { store, clock } = makeStore(['AAPL']);
    clock.now = Date.UTC(2024, 0, 17, 9, 1);
    store.applyTrade(trade('AAPL', 100, Date.UTC(2024, 0, 17, 9, 1), 1));
    expect(store.applyTrade(trade('AAPL', 80, Date.UTC(2024, 0, 17, 8, 59), 1))).toBe(false);
    expect(store.snapshot('AAPL')).toMatchObject({ price: 100, dayLow: 100, volume: 1 });
    expect(store.stats().droppedByReason['stale-day']).toBe(1);
  });

  it('a quote of a newer day than the last trade starts that day from the quote', () => {
    const { store, clock } = makeStore(['AAPL']);
    store.applyTrade(trade('AAPL', 100, T0, 10));
    clock.now = T0 + 24 * HOUR;
    store.applyQuote(quote('AAPL', { current: 104, high: 105, low: 101, prevClose: 100.5, time: T0 + 24 * HOUR }));
    expect(store.snapshot('AAPL')).toMatchObject({
      price: 104,
      volume: 0,
      dayHigh: 105,
      dayLow: 101,
      prevClose: 100.5,
    });
  });
});

describe('TickStore trade observer', () => {
  it('is told of every accepted trade with the previous close, and of no rejected one', () => {
    const { store } = makeStore();
    const seen: [string, number, number, number | null][] = [];
    store.setTradeObserver((symbol, price, time, prevClose) => seen.push([symbol, price, time, prevClose]), ['AAPL']);
    store.applyTrades([
      trade('AAPL', 100, T0),
      trade('TSLA', 100, T0),
      trade('AAPL', Number.NaN, T0),
      trade('AAPL', -1, T0),
      trade('AAPL', 101, T0 + 10 * 24 * HOUR),
      { symbol: 'AAPL', price: 102, time: T0, volume: -5 },
    ]);
    store.applyQuote(quote('AAPL', { prevClose: 95, current: 100, time: T0 - 1000 }));
    store.applyTrade(trade('AAPL', 103, T0 + 1));
    expect(seen).toEqual([
      ['AAPL', 100, T0, null],
      ['AAPL', 103, T0 + 1, 95],
    ]);
    store.setTradeObserver(null, ['AAPL']);
    store.applyTrade(trade('AAPL', 104, T0 + 2));
    expect(seen).toHaveLength(2);
  });

  it('is told only of the observed symbols, and notices when they change', () => {
    const { store } = makeStore(['AAPL', 'MSFT']);
    const seen: string[] = [];
    const observer = (symbol: string) => seen.push(symbol);
    store.setTradeObserver(observer, ['AAPL', 'NVDA']);
    store.applyTrades([trade('AAPL', 100), trade('MSFT', 50)]);
    expect(seen).toEqual(['AAPL']);
    // MSFT gains rules, AAPL loses them.
    store.setTradeObserver(observer, ['MSFT', 'NVDA']);
    store.applyTrades([trade('AAPL', 101), trade('MSFT', 51)]);
    expect(seen).toEqual(['AAPL', 'MSFT']);
    // A symbol added to the watch list later is observed when it has rules.
    store.setSymbols(['AAPL', 'MSFT', 'NVDA']);
    store.applyTrades([trade('NVDA', 400), trade('AAPL', 102)]);
    expect(seen).toEqual(['AAPL', 'MSFT', 'NVDA']);
    // Removed and re-added keeps the current observed set, not the old entry's flag.
    store.setSymbols(['AAPL']);
    store.setTradeObserver(observer, ['AAPL']);
    store.setSymbols(['AAPL', 'MSFT']);
    store.applyTrades([trade('MSFT', 52), trade('AAPL', 103)]);
    expect(seen).toEqual(['AAPL', 'MSFT', 'NVDA', 'AAPL']);
  });
});
