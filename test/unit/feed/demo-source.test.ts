import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
import { DEMO_BASE_PRICES, DemoSource, demoBasePrice, demoPreviousClose } from '../../../src/engine/feed/demo-source';
import type { Trade } from '../../../src/shared/types';
import { CollectingSink } from '../../support/collecting-sink';

/** A small seeded generator (mulberry32) so runs are repeatable. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYMBOLS = ['AAPL', 'MSFT', 'BINANCE:BTCUSDT', 'OANDA:EUR_USD', 'OANDA:USD_JPY'];

function setup(symbols: readonly string[] = SYMBOLS, seed = 42) {
  const source = new DemoSource({ symbols, random: seeded(seed) });
  const sink = new CollectingSink();
  source.setSink(sink);
  return { source, trades: sink.trades, batches: sink.frames, sink };
}

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2025, 0, 15, 15, 0) });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('demo prices', () => {
  it('starts known symbols near their usual price', () => {
    expect(demoBasePrice('AAPL')).toBe(190);
    expect(demoBasePrice('BINANCE:BTCUSDT')).toBe(95_000);
    expect(demoBasePrice('OANDA:EUR_USD')).toBe(1.08);
    expect(demoBasePrice('OANDA:USD_JPY')).toBe(150);
  });

  it('guesses deterministic, kind-appropriate prices for unknown symbols', () => {
    expect(demoBasePrice('ZZZZ')).toBe(demoBasePrice('ZZZZ'));
    expect(demoBasePrice('ZZZZ')).not.toBe(demoBasePrice('ZZZY'));
    for (const stock of ['ZZZZ', 'ABCD', 'XYZ']) {
      expect(demoBasePrice(stock)).toBeGreaterThanOrEqual(20);
      expect(demoBasePrice(stock)).toBeLessThanOrEqual(500);
    }
    expect(demoBasePrice('OANDA:NZD_CHF')).toBeGreaterThan(0.4);
    expect(demoBasePrice('OANDA:NZD_CHF')).toBeLessThan(2.1);
    expect(demoBasePrice('OANDA:EUR_JPY')).toBeGreaterThanOrEqual(100);
    const crypto = demoBasePrice('KRAKEN:FOOUSD');
    expect(crypto).toBeGreaterThanOrEqual(0.1);
    expect(crypto).toBeLessThanOrEqual(1_000);
  });

  it('gives every symbol a fixed previous close within a few percent of its base', () => {
    for (const symbol of [...Object.keys(DEMO_BASE_PRICES), 'ZZZZ', 'OANDA:NZD_CHF']) {
      const close = demoPreviousClose(symbol);
      expect(close).toBeGreaterThan(0);
      expect(Math.abs(close / demoBasePrice(symbol) - 1)).toBeLessThanOrEqual(0.026);
      expect(new DemoSource().previousClose(symbol)).toBe(close);
    }
  });
});

describe('DemoSource', () => {
  it('reports demo while running and produces valid trades for exactly the watched symbols', () => {
    const { source, trades } = setup();
    source.start();
    expect(source.currentStatus().state).toBe('demo');
    vi.advanceTimersByTime(20_000);
    expect(new Set(trades.map((t) => t.symbol))).toEqual(new Set(SYMBOLS));
    for (const trade of trades) {
      expect(Number.isFinite(trade.price) && trade.price > 0).toBe(true);
      expect(trade.volume).toBeGreaterThanOrEqual(0);
      expect(trade.time).toBe(Math.floor(trade.time));
    }
    expect(source.stats().trades).toBe(trades.length);
    expect(source.stats().lastMessageAt).toBe(trades.at(-1)?.time);
  });

  it('moves prices by a kind-appropriate amount and keeps forex volume at 0', () => {
    const { source, trades } = setup();
    source.start();
    vi.advanceTimersByTime(10 * 60_000);
    const bySymbol = (symbol: string) => trades.filter((t) => t.symbol === symbol);
    for (const symbol of SYMBOLS) {
      const prices = bySymbol(symbol).map((t) => t.price);
      expect(new Set(prices).size).toBeGreaterThan(5); // it walks
      for (const price of prices) {
        expect(Math.abs(price / demoBasePrice(symbol) - 1)).toBeLessThan(0.1); // and stays plausible
      }
    }
    expect(bySymbol('OANDA:EUR_USD').every((t) => t.volume === 0)).toBe(true);
    expect(bySymbol('AAPL').every((t) => t.volume >= 1 && Number.isInteger(t.volume))).toBe(true);
    expect(bySymbol('BINANCE:BTCUSDT').some((t) => !Number.isInteger(t.volume))).toBe(true);
  });

  it('updates symbols at different rates', () => {
    const { source, trades } = setup(['BINANCE:BTCUSDT', 'OANDA:EUR_USD']);
    source.start();
    vi.advanceTimersByTime(60_000);
    const crypto = trades.filter((t) => t.symbol === 'BINANCE:BTCUSDT').length;
    const forex = trades.filter((t) => t.symbol === 'OANDA:EUR_USD').length;
    expect(crypto).toBeGreaterThan(forex * 1.5);
  });

  it('is repeatable with the same random source', async () => {
    const run = async (seed: number): Promise<Trade[]> => {
      vi.setSystemTime(Date.UTC(2025, 0, 15, 15, 0));
      const { source, trades } = setup(SYMBOLS, seed);
      source.start();
      vi.advanceTimersByTime(5_000);
      await source.stop();
      return trades;
    };
    const first = await run(7);
    expect(first.length).toBeGreaterThan(5);
    expect(await run(7)).toEqual(first);
    expect(await run(8)).not.toEqual(first);
  });

  it('follows setSymbols: new symbols start ticking, removed ones stop', () => {
    const { source, trades } = setup(['AAPL']);
    source.start();
    vi.advanceTimersByTime(5_000);
    source.setSymbols(['MSFT', 'bad symbol!']);
    const from = trades.length;
    vi.advanceTimersByTime(10_000);
    expect(new Set(trades.slice(from).map((t) => t.symbol))).toEqual(new Set(['MSFT']));
  });

  it('pauses, resumes and stops; nothing ticks while paused or after stop', async () => {
    const { source, trades } = setup();
    source.start();
    vi.advanceTimersByTime(5_000);
    source.pause();
    expect(source.currentStatus().state).toBe('paused');
    const paused = trades.length;
    vi.advanceTimersByTime(60_000);
    expect(trades.length).toBe(paused);
    expect(vi.getTimerCount()).toBe(0);
    source.resume();
    expect(source.currentStatus().state).toBe('demo');
    vi.advanceTimersByTime(5_000);
    expect(trades.length).toBeGreaterThan(paused);
    await source.stop();
    expect(source.currentStatus().state).toBe('stopped');
    const stopped = trades.length;
    source.start();
    source.resume();
    vi.advanceTimersByTime(60_000);
    expect(trades.length).toBe(stopped);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps a single timer however many symbols it simulates', () => {
    const { source } = setup([...Object.keys(DEMO_BASE_PRICES)]);
    source.start();
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(777);
      expect(vi.getTimerCount()).toBe(1);
    }
  });

  it('hands the sink only the symbols it keeps, and builds Finnhub-shaped trades only while someone listens', () => {
    const source = new DemoSource({ symbols: ['AAPL', 'MSFT'], random: seeded(7) });
    const sink = new CollectingSink(['AAPL']);
    source.setSink(sink);
    source.start();
    vi.advanceTimersByTime(10_000);
    expect(new Set(sink.trades.map((t) => t.symbol))).toEqual(new Set(['AAPL']));
    const raw: { s: string; p: number; t: number; v: number }[] = [];
    const stop = source.rawTrades.subscribe((batch) => raw.push(...(batch as typeof raw)));
    const from = sink.trades.length;
    vi.advanceTimersByTime(10_000);
    stop();
    expect(new Set(raw.map((t) => t.s))).toEqual(new Set(['AAPL', 'MSFT']));
    // The kept symbol's trades are the same in both shapes.
    expect(raw.filter((t) => t.s === 'AAPL').map((t) => [t.p, t.v, t.t])).toEqual(
      sink.trades.slice(from).map((t) => [t.price, t.volume, t.time]),
    );
    expect(source.stats().trades).toBeGreaterThan(sink.trades.length);
  });
});
