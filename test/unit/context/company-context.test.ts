import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContextCache, memoryJsonStore } from '../../../src/engine/context/context-cache';
import { CompanyContext } from '../../../src/engine/context/company-context';
import type { Headline, SymbolDetails } from '../../../src/shared/symbol-context';
import { CONTEXT_LIMITS } from '../../../src/shared/symbol-context';
import { fakeContextApi } from '../../support/fake-context-api';

/** Monday 2026-12-07, 10:00 New York. */
const T0 = Date.UTC(2026, 11, 7, 15, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

function setup(options: { headlines?: boolean; store?: ReturnType<typeof memoryJsonStore> } = {}) {
  const fake = fakeContextApi();
  fake.profiles.set('AAPL', {
    name: 'Apple Inc',
    exchange: 'NASDAQ NMS - GLOBAL MARKET',
    currency: 'USD',
    industry: 'Technology',
  });
  fake.profiles.set('MSFT', {
    name: 'Microsoft Corp',
    exchange: 'NASDAQ NMS - GLOBAL MARKET',
    currency: 'USD',
    industry: 'Technology',
  });
  fake.quotes.set('AAPL', { open: 188, high: 190.1, low: 187.9, prevClose: 188.2, current: 189.4, time: T0 - MIN });
  fake.quotes.set('BINANCE:BTCUSDT', {
    open: 94000,
    high: 96000,
    low: 93800,
    prevClose: 94273.4,
    current: 95000,
    time: T0,
  });
  fake.ranges.set('AAPL', { week52High: 237.49, week52Low: 164.08 });
  fake.setEarnings([
    { symbol: 'AAPL', date: '2026-12-10', hour: 'amc' },
    { symbol: 'AAPL', date: '2027-03-10', hour: 'amc' },
    { symbol: 'ZZZZ', date: '2026-12-08', hour: 'bmo' },
  ]);
  const store = options.store ?? memoryJsonStore();
  const cache = new ContextCache({ store });
  const context = new CompanyContext({ api: fake.api, cache, headlines: options.headlines ?? false });
  const details: SymbolDetails[] = [];
  context.details?.changed.subscribe((d) => details.push(d));
  return { fake, context, details, store, cache };
}

describe('company context: details', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  it('pushes each symbol once every piece is known: names, day figures, range, next earnings', async () => {
    const { context, details } = setup();
    context.setSymbols(['AAPL', 'BINANCE:BTCUSDT']);
    await vi.advanceTimersByTimeAsync(1_000);
    const aapl = details.filter((d) => d.symbol === 'AAPL');
    expect(aapl).toHaveLength(1);
    expect(aapl[0]).toEqual({
      symbol: 'AAPL',
      name: 'Apple Inc',
      exchange: 'NASDAQ NMS - GLOBAL MARKET',
      currency: 'USD',
      open: 188,
      high: 190.1,
      low: 187.9,
      prevClose: 188.2,
      quoteTime: T0 - MIN,
      week52High: 237.49,
      week52Low: 164.08,
      earnings: { date: '2026-12-10', hour: 'amc' },
      notes: {},
    });
    // Crypto: the readable pair is its name; no profile, range or earnings calls for it.
    const btc = details.find((d) => d.symbol === 'BINANCE:BTCUSDT');
    expect(btc).toMatchObject({ name: 'BTC/USDT', exchange: null, week52High: null, earnings: null, open: 94000 });
    context.stop();
  });

  it('a 403 on the metric endpoint hides only the range, with a note; the rest goes on', async () => {
    const { context, details, fake } = setup();
    fake.fail('metric', 403);
    context.setSymbols(['AAPL']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(details).toHaveLength(1);
    expect(details[0]).toMatchObject({
      name: 'Apple Inc',
      open: 188,
      week52High: null,
      week52Low: null,
      notes: { metric: 'Not available on your Finnhub plan' },
    });
    // Not asked again within the day: a premium endpoint stays refused.
    await vi.advanceTimersByTimeAsync(12 * HOUR);
    expect(fake.count('metric', 'AAPL')).toBe(1);
    context.stop();
  });

  it('unknown figures are null, never 0', async () => {
    const { context, details, fake } = setup();
    fake.quotes.set('MSFT', { open: null, high: null, low: null, prevClose: 423.8, current: 421.5, time: null });
    context.setSymbols(['MSFT']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(details[0]).toMatchObject({
      name: 'Microsoft Corp',
      open: null,
      high: null,
      low: null,
      prevClose: 423.8,
      week52High: null,
      earnings: null,
    });
    context.stop();
  });

  it('the earnings calendar is one call for every symbol, refreshed every 6 hours', async () => {
    const { context, fake } = setup();
    context.setSymbols(['AAPL', 'MSFT', 'NVDA']);
    await vi.advanceTimersByTimeAsync(MIN);
    expect(fake.count('earnings')).toBe(1);
    context.setSymbols(['AAPL', 'MSFT', 'NVDA', 'TSLA']);
    await vi.advanceTimersByTimeAsync(6 * HOUR - 2 * MIN);
    expect(fake.count('earnings')).toBe(1);
    await vi.advanceTimersByTimeAsync(2 * MIN);
    expect(fake.count('earnings')).toBe(2);
    context.stop();
  });

  it('refreshes the day figures every 10 minutes and pushes only changes', async () => {
    const { context, details, fake } = setup();
    context.setSymbols(['AAPL']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(details).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(CONTEXT_LIMITS.quoteRefreshMs);
    expect(fake.count('quote', 'AAPL')).toBe(2);
    expect(details).toHaveLength(1);
    fake.quotes.set('AAPL', { open: 188, high: 191.5, low: 187.9, prevClose: 188.2, current: 191.4, time: T0 - MIN });
    await vi.advanceTimersByTimeAsync(CONTEXT_LIMITS.quoteRefreshMs);
    expect(details).toHaveLength(2);
    expect(details[1]?.high).toBe(191.5);
    context.stop();
  });

  it('caches profiles and ranges across a restart; refreshes a profile after a week', async () => {
    const first = setup();
    first.context.setSymbols(['AAPL']);
    await vi.advanceTimersByTimeAsync(1_000);
    first.context.stop();
    expect(first.fake.count('profile')).toBe(1);

    const second = setup({ store: first.store });
    second.context.setSymbols(['AAPL']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(second.fake.count('profile')).toBe(0);
    expect(second.fake.count('metric')).toBe(0);
    expect(second.details[0]?.name).toBe('Apple Inc');
    await vi.advanceTimersByTimeAsync(7 * DAY);
    expect(second.fake.count('profile')).toBe(1);
    second.context.stop();
  });

  it('a corrupt cache is dropped entry by entry, not trusted', () => {
    const store = memoryJsonStore({
      version: 1,
      profiles: {
        AAPL: { value: { name: 5 }, fetchedAt: T0 },
        MSFT: { value: { name: 'Microsoft Corp', exchange: null, currency: 'USD', industry: null }, fetchedAt: T0 },
      },
      ranges: 'nope',
    });
    const cache = new ContextCache({ store });
    expect(cache.profile('AAPL')).toBeNull();
    expect(cache.profile('MSFT')?.value.name).toBe('Microsoft Corp');
    expect(cache.dropped).toBe(2);
  });
});

function newsItem(id: number, minutesAgo: number, headline: string, url = `https://news.example/${id}`) {
  return { id, headline, source: 'Reuters', url, time: T0 - minutesAgo * MIN };
}

describe('company context: headlines', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  it('keeps the newest 3 per stock, shows an article or a headline once, drops non-https and counts it', async () => {
    const { context, fake } = setup({ headlines: true });
    fake.news.set('AAPL', [
      newsItem(1, 10, 'Apple unveils a thing'),
      newsItem(2, 20, 'Chip stocks rally'),
      newsItem(3, 30, 'Apple supplier news'),
      newsItem(4, 40, 'Fourth, too many'),
      newsItem(5, 5, 'Plain http story', 'http://news.example/5'),
    ]);
    fake.news.set('MSFT', [
      newsItem(2, 20, 'Chip stocks rally'),
      newsItem(6, 15, 'CHIP STOCKS RALLY.'),
      newsItem(7, 25, 'Microsoft cloud deal'),
    ]);
    const added: Headline[][] = [];
    context.headlines?.added.subscribe((h) => added.push(h));
    context.setSymbols(['AAPL', 'MSFT', 'BINANCE:BTCUSDT']);
    await vi.advanceTimersByTimeAsync(1_000);
    // Crypto has no company news: not asked.
    expect(fake.count('news', 'BINANCE:BTCUSDT')).toBe(0);
    const shown = context.headlines?.current() ?? [];
    // Article 2 (both symbols) and its copy 6 under another id read the same: the newest copy shows.
    expect(shown.map((h) => `${h.symbol}:${h.id}`)).toEqual(['AAPL:1', 'MSFT:6', 'MSFT:7', 'AAPL:3']);
    expect(context.headlines?.droppedInsecure).toBe(1);
    // The first round comes as one batch, newest first.
    expect(added).toHaveLength(1);
    expect(added[0]?.map((h) => h.id)).toEqual([1, 6, 7, 3]);
    context.stop();
  });

  it('polls each symbol at most every 15 minutes and pushes only new headlines', async () => {
    const { context, fake } = setup({ headlines: true });
    fake.news.set('AAPL', [newsItem(1, 10, 'First')]);
    const added: Headline[][] = [];
    const changed: Headline[][] = [];
    context.headlines?.added.subscribe((h) => added.push(h));
    context.headlines?.changed.subscribe((h) => changed.push(h));
    context.setSymbols(['AAPL']);
    await vi.advanceTimersByTimeAsync(14 * MIN);
    expect(fake.count('news', 'AAPL')).toBe(1);
    await vi.advanceTimersByTimeAsync(2 * MIN);
    expect(fake.count('news', 'AAPL')).toBe(2);
    expect(added).toHaveLength(1);
    expect(changed).toHaveLength(1);
    fake.news.set('AAPL', [newsItem(8, 1, 'Second'), newsItem(1, 26, 'First')]);
    await vi.advanceTimersByTimeAsync(15 * MIN);
    expect(added.map((batch) => batch.map((h) => h.id))).toEqual([[1], [8]]);
    context.stop();
  });

  it('drops headlines once they are 24 hours old, on its own', async () => {
    const { context, fake } = setup({ headlines: true });
    fake.news.set('AAPL', [newsItem(1, 23 * 60, 'Old news'), newsItem(2, 60, 'Newer news')]);
    context.setSymbols(['AAPL']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(context.headlines?.current().map((h) => h.id)).toEqual([2, 1]);
    fake.news.set('AAPL', []);
    fake.fail('news', 500);
    await vi.advanceTimersByTimeAsync(61 * MIN);
    expect(context.headlines?.current().map((h) => h.id)).toEqual([2]);
    context.stop();
  });
});
