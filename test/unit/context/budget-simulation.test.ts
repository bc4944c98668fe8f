/**
 * Ten simulated minutes with 50 symbols and every context feature on, from a cold start (no cache),
 * through the real limiter and REST client: the answering side counts every request in sliding
 * windows exactly as Finnhub's free plan does, and the user's search keeps getting answered while
 * headlines and details poll in the background.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CompanyContext } from '../../../src/engine/context/company-context';
import { ContextCache, memoryJsonStore } from '../../../src/engine/context/context-cache';
import { contextApi } from '../../../src/engine/market/finnhub-context-api';
import { FinnhubRest } from '../../../src/engine/market/finnhub-rest';
import { PrevCloseLoader } from '../../../src/engine/market/prev-close-loader';
import { reserveGate } from '../../../src/engine/context/reserve-gate';
import { systemClock } from '../../../src/shared/clock';
import { FINNHUB_FREE_LIMITS, RateLimiter } from '../../../src/engine/market/rate-limiter';

/** Monday 2026-12-07, 10:00 New York: the market is open. */
const T0 = Date.UTC(2026, 11, 7, 15, 0, 0);
const MIN = 60_000;

function symbols50(): string[] {
  const stocks = Array.from(
    { length: 47 },
    (_, i) => `S${String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26))}`,
  );
  return [...stocks, 'BINANCE:BTCUSDT', 'BINANCE:ETHUSDT', 'OANDA:EUR_USD'];
}

/** A Finnhub that answers every endpoint and answers 429 the moment the plan's limits are passed. */
function planServer() {
  const times: number[] = [];
  const paths: string[] = [];
  let refused = 0;
  const fetch = (url: string): Promise<Response> => {
    const now = Date.now();
    const over = FINNHUB_FREE_LIMITS.some(
      ({ limit, windowMs }) => times.filter((t) => t > now - windowMs).length >= limit,
    );
    if (over) {
      refused += 1;
      return Promise.resolve(new Response('{"error":"API limit reached"}', { status: 429 }));
    }
    times.push(now);
    const { pathname, searchParams } = new URL(url);
    const path = pathname.replace(/^\/api\/v1/, '');
    paths.push(path);
    const symbol = searchParams.get('symbol') ?? '';
    const body = (() => {
      switch (path) {
        case '/quote':
          return { c: 101, d: 1, dp: 1, h: 102, l: 99, o: 100, pc: 100, t: Math.floor(now / 1000) };
        case '/search':
          return {
            count: 1,
            result: [{ description: 'APPLE INC', displaySymbol: 'AAPL', symbol: 'AAPL', type: 'Common Stock' }],
          };
        case '/stock/profile2':
          return symbol.includes(':') ? {} : { name: `${symbol} Corp`, exchange: 'NYSE', currency: 'USD' };
        case '/stock/metric':
          return { metric: { '52WeekHigh': 150, '52WeekLow': 80 } };
        case '/calendar/earnings':
          return { earningsCalendar: [{ symbol: 'SAA', date: '2026-12-09', hour: 'amc' }] };
        case '/company-news':
          return [
            {
              id: now,
              datetime: Math.floor(now / 1000) - 60,
              headline: `${symbol} news ${now}`,
              source: 'Wire',
              url: 'https://news.example/a',
            },
          ];
        default:
          return { error: 'Not found' };
      }
    })();
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
  };
  /** The most requests seen in any window of `windowMs` ending at a request. */
  const peak = (windowMs: number): number => {
    let most = 0;
    for (let i = 0; i < times.length; i += 1) {
      let count = 0;
      for (let j = i; j >= 0 && times[j]! > times[i]! - windowMs; j -= 1) count += 1;
      most = Math.max(most, count);
    }
    return most;
  };
  return { fetch, times, paths, peak, refused: () => refused };
}

describe('REST budget with every context feature on', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  it('50 symbols for 10 minutes never pass 60 a minute or 30 a second, and search is answered meanwhile', async () => {
    const server = planServer();
    const limiter = new RateLimiter();
    const rest = new FinnhubRest({
      token: 'test-key',
      baseUrl: 'http://finnhub.test/api/v1',
      fetch: server.fetch,
      limiter,
      random: () => 0.5,
    });
    const symbols = symbols50();
    const prevCloses: string[] = [];
    const loader = new PrevCloseLoader({ rest, onQuote: (q) => prevCloses.push(q.symbol), random: () => 0.5 });
    const context = new CompanyContext({
      api: contextApi(rest, reserveGate(limiter, systemClock, { userBusy: () => loader.busy })),
      cache: new ContextCache({ store: memoryJsonStore() }),
      headlines: true,
    });
    const detailsPushed = new Set<string>();
    context.details?.changed.subscribe((d) => detailsPushed.add(d.symbol));
    loader.request(symbols);
    context.setSymbols(symbols);

    // The user searches every 20 s from the first minute on, while the background works.
    const searchWaits: number[] = [];
    for (let at = 30_000; at < 10 * MIN; at += 20_000) {
      setTimeout(() => {
        const asked = Date.now();
        void rest.search('apple').then(
          () => searchWaits.push(Date.now() - asked),
          () => searchWaits.push(-1),
        );
      }, at);
    }
    await vi.advanceTimersByTimeAsync(10 * MIN);

    // Never past the plan: not one 429, and the counted peaks are within both limits.
    expect(server.refused()).toBe(0);
    expect(server.peak(60_000)).toBeLessThanOrEqual(60);
    expect(server.peak(1_000)).toBeLessThanOrEqual(30);
    // Previous closes (own priority) all came first, before any headline was asked for.
    expect(prevCloses).toHaveLength(50);
    const lastPrevClose = server.paths.lastIndexOf('/quote', server.paths.indexOf('/stock/profile2'));
    expect(lastPrevClose).toBeGreaterThanOrEqual(0);
    // Every search was answered; none waited behind the background's queue of ~100 calls.
    expect(searchWaits).toHaveLength(29);
    expect(Math.max(...searchWaits)).toBeLessThanOrEqual(2_000);
    // The features did their work within the budget: every symbol's details, every stock's news.
    expect(detailsPushed.size).toBe(50);
    expect(server.paths.filter((p) => p === '/calendar/earnings')).toHaveLength(1);
    const newsCalls = server.paths.filter((p) => p === '/company-news').length;
    expect(newsCalls).toBeGreaterThanOrEqual(47);
    // Each stock's news at most once per 15 minutes: 47 in ten minutes.
    expect(newsCalls).toBeLessThanOrEqual(47);
    console.info(
      `budget: ${server.times.length} calls in 10 min, peak ${server.peak(60_000)}/min, ${server.peak(1_000)}/s, ` +
        `search wait max ${Math.max(...searchWaits)} ms`,
    );
    context.stop();
    loader.stop();
    limiter.dispose();
  });
});
