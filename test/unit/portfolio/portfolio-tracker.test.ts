import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FeedSession } from '../../../src/engine/session/feed-session';
import type { QuoteFetcher } from '../../../src/engine/market/prev-close-loader';
import { PortfolioTracker, sameData, SIDE_PRICE_DELAY_MS } from '../../../src/engine/portfolio/portfolio-tracker';
import type { PortfolioFigures } from '../../../src/shared/portfolio/compute-portfolio';
import type { Holdings } from '../../../src/shared/portfolio/holdings';
import { recordingSource } from '../../support/recording-source';
import type { RestQuote } from '../../../src/shared/types';

const liveSource = () => recordingSource(true);

function restQuote(symbol: string, current: number, prevClose: number): RestQuote {
  return {
    symbol,
    current,
    prevClose,
    change: null,
    changePct: null,
    high: current,
    low: current,
    open: current,
    time: Date.now(),
  };
}

const lot = (symbol: string, quantity: string, price: string) => ({
  id: `${symbol}-${quantity}`,
  symbol,
  quantity,
  price,
  date: '2024-01-10',
  note: '',
});

let session: FeedSession;
beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-12-01T15:00:00Z') });
});
afterEach(async () => {
  await session.close();
  vi.useRealTimers();
});

describe('PortfolioTracker', () => {
  it('subscribes rates and unwatched holdings as the portfolio owner, within the cap, and lets go of them', async () => {
    session = new FeedSession({ symbols: ['AAPL'], rateHz: 10, maxSymbols: 3 });
    const { source, lists } = liveSource();
    await session.attach(source, null);
    const tracker = new PortfolioTracker({ feed: session, today: () => '2026-12-01' });
    const holdings: Holdings = {
      baseCurrency: 'EUR',
      lots: [lot('AAPL', '1', '100'), lot('TSLA', '1', '100'), lot('COINBASE:BTC-GBP', '1', '100')],
    };
    tracker.setHoldings(holdings);
    // AAPL is watched; the two rates come first and fill the cap (3); TSLA and the BTC pair do not fit.
    expect(lists.at(-1)).toEqual(['AAPL', 'OANDA:EUR_USD', 'OANDA:EUR_GBP']);
    expect(tracker.sideSymbols()).toEqual(['OANDA:EUR_USD', 'OANDA:EUR_GBP']);
    expect(tracker.figures()).toMatchObject({
      value: null,
      missingRates: ['USD', 'GBP'],
      missingPrices: ['AAPL', 'TSLA', 'COINBASE:BTC-GBP'],
    });
    // Room appears (another list is shown): the next batch picks up what did not fit.
    session.setSymbols([]);
    tracker.setHoldings(holdings);
    expect(lists.at(-1)).toEqual(['OANDA:EUR_USD', 'OANDA:EUR_GBP', 'AAPL']);

    tracker.setHoldings({ baseCurrency: 'USD', lots: [lot('AAPL', '1', '100')] });
    expect(lists.at(-1)).toEqual(['AAPL']);
    expect(source.rawTrades?.size).toBe(1);
    tracker.setHoldings(null);
    expect(lists.at(-1)).toEqual([]);
    expect(tracker.sideSymbols()).toEqual([]);
    expect(source.rawTrades?.size).toBe(0);
    tracker.stop();
  });

  it('prices side symbols from raw trades and their previous close from one REST quote', async () => {
    session = new FeedSession({ symbols: ['AAPL'], rateHz: 10 });
    const { source, rawTrades } = liveSource();
    const asked: string[] = [];
    const fetcher: QuoteFetcher = {
      quote: async (symbol) => {
        asked.push(symbol);
        if (symbol === 'TSLA') return restQuote('TSLA', 240, 245);
        throw new Error('not found');
      },
    };
    await session.attach(source, fetcher);
    const seen: (PortfolioFigures | null)[] = [];
    const tracker = new PortfolioTracker({ feed: session, today: () => '2026-12-01' });
    tracker.changed.subscribe((figures) => seen.push(figures));
    tracker.setHoldings({ baseCurrency: 'EUR', lots: [lot('TSLA', '-4', '250')] });
    // (AAPL is asked by the previous-close loader.)
    expect(asked.filter((symbol) => symbol !== 'AAPL')).toEqual(['OANDA:EUR_USD', 'TSLA']);
    await vi.advanceTimersByTimeAsync(SIDE_PRICE_DELAY_MS);
    // TSLA is priced from REST (240, prev close 245); the rate is still missing.
    expect(seen.at(-1)).toMatchObject({ value: null, missingRates: ['USD'], missingPrices: [] });

    rawTrades.emit([
      { s: 'OANDA:EUR_USD', p: 1.2, t: Date.now(), v: 0 },
      { s: 'TSLA', p: 'bad' },
    ]);
    const before = seen.length;
    await vi.advanceTimersByTimeAsync(SIDE_PRICE_DELAY_MS - 1);
    expect(seen).toHaveLength(before);
    await vi.advanceTimersByTimeAsync(1);
    // −4 × 240 = −960 USD ÷ 1.2 = −800 EUR; day +20 USD = 16.67 EUR; gain +40 USD = 33.33 EUR.
    expect(seen.at(-1)).toMatchObject({
      currency: 'EUR',
      value: -800,
      dayChange: 16.67,
      gain: 33.33,
      missingRates: [],
    });

    // The same price again changes nothing: no new figures.
    rawTrades.emit([{ s: 'OANDA:EUR_USD', p: 1.2, t: Date.now(), v: 0 }]);
    await vi.advanceTimersByTimeAsync(SIDE_PRICE_DELAY_MS * 4);
    expect(seen).toHaveLength(before + 1);
    tracker.stop();
  });

  it('recomputes after each published batch and reports an evicted rate as missing', async () => {
    session = new FeedSession({ symbols: ['AAPL'], rateHz: 10, maxSymbols: 2 });
    const { source } = liveSource();
    await session.attach(source, null);
    const seen: (PortfolioFigures | null)[] = [];
    const tracker = new PortfolioTracker({ feed: session, today: () => '2026-12-01' });
    tracker.changed.subscribe((figures) => seen.push(figures));
    tracker.setHoldings({ baseCurrency: 'USD', lots: [lot('AAPL', '10', '150')] });
    session.store.applyQuote(restQuote('AAPL', 185, 185));
    session.store.applyTrades([{ symbol: 'AAPL', price: 190, volume: 1, time: Date.now() }]);
    session.flush();
    expect(seen.at(-1)).toMatchObject({ value: 1900, dayChange: 50, gain: 400 });

    tracker.setHoldings({ baseCurrency: 'EUR', lots: [lot('AAPL', '10', '150')] });
    expect(tracker.sideSymbols()).toEqual(['OANDA:EUR_USD']);
    // The strip's list grows: the portfolio's rate makes room and is reported missing.
    session.setSymbols(['AAPL', 'MSFT']);
    expect(tracker.sideSymbols()).toEqual([]);
    expect(seen.at(-1)).toMatchObject({ value: null, missingRates: ['USD'] });

    tracker.setHoldings(null);
    expect(seen.at(-1)).toBeNull();
    tracker.stop();
  });

  it('never runs ahead of the strip: a side price moving between a trade and its batch uses the shown price', async () => {
    // One batch a second: the side price's recompute (after 250 ms) comes before the next batch.
    session = new FeedSession({ symbols: ['AAPL'], rateHz: 1 });
    const { source, rawTrades } = liveSource();
    await session.attach(source, null);
    const seen: (PortfolioFigures | null)[] = [];
    const tracker = new PortfolioTracker({ feed: session, today: () => '2026-12-01' });
    tracker.changed.subscribe((figures) => seen.push(figures));
    tracker.setHoldings({ baseCurrency: 'EUR', lots: [lot('AAPL', '10', '150')] });
    session.store.applyQuote(restQuote('AAPL', 190, 190));
    rawTrades.emit([{ s: 'OANDA:EUR_USD', p: 1.25, t: Date.now(), v: 0 }]);
    session.flush();
    expect(seen.at(-1)).toMatchObject({ value: 1520 }); // 10 × 190 ÷ 1.25

    // A trade reaches the store, the rate moves, and its recompute comes before the strip's batch:
    // the figure still uses 190, the price on screen; 191 counts once its batch is out.
    session.store.applyTrades([{ symbol: 'AAPL', price: 191, volume: 1, time: Date.now() }]);
    rawTrades.emit([{ s: 'OANDA:EUR_USD', p: 1.2, t: Date.now(), v: 0 }]);
    await vi.advanceTimersByTimeAsync(SIDE_PRICE_DELAY_MS);
    expect(seen.at(-1)).toMatchObject({ value: 1583.33 }); // 10 × 190 ÷ 1.2
    session.flush();
    expect(seen.at(-1)).toMatchObject({ value: 1591.67 }); // 10 × 191 ÷ 1.2
    tracker.stop();
  });

  describe('recomputes after the batches that can change the figures, and only those', () => {
    const trade = (symbol: string, price: number) => ({ symbol, price, volume: 1, time: Date.now() });

    it('follows a held price and a rate the strip watches, and skips a batch of unrelated symbols', async () => {
      session = new FeedSession({ symbols: ['AAPL', 'MSFT', 'OANDA:EUR_USD'], rateHz: 10 });
      const { source } = liveSource();
      await session.attach(source, null);
      const seen: (PortfolioFigures | null)[] = [];
      const tracker = new PortfolioTracker({ feed: session, today: () => '2026-12-01' });
      tracker.changed.subscribe((figures) => seen.push(figures));
      tracker.setHoldings({ baseCurrency: 'EUR', lots: [lot('AAPL', '10', '150')] });
      // The rate is on the strip: nothing on the side.
      expect(tracker.sideSymbols()).toEqual([]);
      session.store.applyQuote(restQuote('AAPL', 190, 190));
      session.store.applyTrades([trade('AAPL', 190), trade('OANDA:EUR_USD', 1.25), trade('MSFT', 300)]);
      session.flush();
      expect(seen.at(-1)).toMatchObject({ value: 1520 }); // 10 × 190 ÷ 1.25

      const snapshot = vi.spyOn(session.store, 'snapshot');
      session.store.applyTrades([trade('MSFT', 301)]);
      session.flush();
      // Nothing held moved: no figures read, none heard.
      expect(snapshot).not.toHaveBeenCalled();
      expect(seen).toHaveLength(2);

      session.store.applyTrades([trade('OANDA:EUR_USD', 1.2)]);
      session.flush();
      expect(seen.at(-1)).toMatchObject({ value: 1583.33 }); // 10 × 190 ÷ 1.2
      session.store.applyTrades([trade('AAPL', 191)]);
      session.flush();
      expect(seen.at(-1)).toMatchObject({ value: 1591.67 }); // 10 × 191 ÷ 1.2
      tracker.stop();
    });

    it('takes a held symbol the strip stops watching onto the side, and off it when the strip watches it again', async () => {
      session = new FeedSession({ symbols: ['AAPL', 'MSFT'], rateHz: 10 });
      const { source, rawTrades } = liveSource();
      await session.attach(source, null);
      const seen: (PortfolioFigures | null)[] = [];
      const tracker = new PortfolioTracker({ feed: session, today: () => '2026-12-01' });
      tracker.changed.subscribe((figures) => seen.push(figures));
      tracker.setHoldings({ baseCurrency: 'USD', lots: [lot('AAPL', '10', '150')] });
      session.store.applyQuote(restQuote('AAPL', 190, 190));
      session.store.applyTrades([trade('AAPL', 190), trade('MSFT', 300)]);
      session.flush();
      expect(seen.at(-1)).toMatchObject({ value: 1900, missingPrices: [] });

      // Removed from the strip: the batch that says so moves AAPL onto the side, still unpriced.
      session.setSymbols(['MSFT']);
      session.flush();
      expect(tracker.sideSymbols()).toEqual(['AAPL']);
      expect(seen.at(-1)).toMatchObject({ value: null, missingPrices: ['AAPL'] });
      rawTrades.emit([{ s: 'AAPL', p: 200, t: Date.now(), v: 0 }]);
      await vi.advanceTimersByTimeAsync(SIDE_PRICE_DELAY_MS);
      expect(seen.at(-1)).toMatchObject({ value: 2000, missingPrices: [] });

      // Watched again: a batch of another symbol is enough to hand AAPL back to the strip.
      session.setSymbols(['MSFT', 'AAPL']);
      session.store.applyTrades([trade('MSFT', 301)]);
      session.flush();
      expect(tracker.sideSymbols()).toEqual([]);
      tracker.stop();
    });

    it('recomputes when the local day changes, even on a batch of unrelated symbols', async () => {
      session = new FeedSession({ symbols: ['AAPL', 'MSFT'], rateHz: 10 });
      const { source } = liveSource();
      await session.attach(source, null);
      const seen: (PortfolioFigures | null)[] = [];
      let today = '2026-12-01';
      const tracker = new PortfolioTracker({ feed: session, today: () => today });
      tracker.changed.subscribe((figures) => seen.push(figures));
      // Bought today at 195: today its day change counts from the price paid, tomorrow from the close.
      tracker.setHoldings({ baseCurrency: 'USD', lots: [{ ...lot('AAPL', '10', '195'), date: '2026-12-01' }] });
      session.store.applyQuote(restQuote('AAPL', 185, 185));
      session.store.applyTrades([trade('AAPL', 190), trade('MSFT', 300)]);
      session.flush();
      expect(seen.at(-1)).toMatchObject({ value: 1900, dayChange: -50 });

      today = '2026-12-02';
      session.store.applyTrades([trade('MSFT', 301)]);
      session.flush();
      expect(seen.at(-1)).toMatchObject({ value: 1900, dayChange: 50 });
      tracker.stop();
    });
  });
});

describe('sameData', () => {
  it('compares figures as their JSON would', () => {
    expect(sameData(null, null)).toBe(true);
    expect(sameData({ a: 1, b: [1, 'x', null] }, { b: [1, 'x', null], a: 1 })).toBe(true);
    expect(sameData({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameData({ a: Number.NaN }, { a: Number.NaN })).toBe(true);
    expect(sameData({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameData({ a: [1, 2] }, { a: [1] })).toBe(false);
    expect(sameData({ a: [1] }, { a: { 0: 1 } })).toBe(false);
    expect(sameData({ p: [{ x: 1 }] }, { p: [{ x: 1.5 }] })).toBe(false);
    expect(sameData(null, { a: 1 })).toBe(false);
    expect(sameData('1', 1)).toBe(false);
  });
});
