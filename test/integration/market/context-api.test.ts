import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contextApi } from '../../../src/engine/market/finnhub-context-api';
import { FinnhubRest, FinnhubRestError } from '../../../src/engine/market/finnhub-rest';
import { RateLimiter } from '../../../src/engine/market/rate-limiter';
import { startFakeFinnhub, type FakeFinnhub } from '../../support/fake-finnhub';

describe('company context endpoints against the fake Finnhub server (real HTTP)', () => {
  let server: FakeFinnhub;
  let limiter: RateLimiter;

  beforeAll(async () => {
    server = await startFakeFinnhub({ tokens: ['test-key'] });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.clearRestFault();
    server.clearPathFault('/stock/metric');
    limiter = new RateLimiter();
  });

  const api = () =>
    contextApi(new FinnhubRest({ token: 'test-key', baseUrl: server.restUrl, limiter, timeoutMs: 5_000 }));

  it('reads a profile, and `{}` (crypto) as all unknown', async () => {
    expect(await api().profile('AAPL')).toEqual({
      name: 'Apple Inc',
      exchange: 'NASDAQ NMS - GLOBAL MARKET',
      currency: 'USD',
      industry: 'Technology',
    });
    expect(await api().profile('BINANCE:BTCUSDT')).toEqual({
      name: null,
      exchange: null,
      currency: null,
      industry: null,
    });
    const asked = server.requests.at(-1);
    expect(asked?.path).toBe('/stock/profile2');
    expect(asked?.query).toEqual({ symbol: 'BINANCE:BTCUSDT' });
  });

  it('reads the day quote with zeros as unknown, and the 52-week range', async () => {
    server.setQuote('ZERO', { c: 10, pc: 9, o: 0, h: 0, l: 0, t: 0 });
    expect(await api().dayQuote('ZERO')).toEqual({
      open: null,
      high: null,
      low: null,
      prevClose: 9,
      current: 10,
      time: null,
    });
    expect(await api().weekRange('AAPL')).toEqual({ week52High: 237.49, week52Low: 164.08 });
    expect(server.requests.at(-1)?.query).toEqual({ symbol: 'AAPL', metric: 'all' });
    expect(await api().weekRange('TSLA')).toEqual({ week52High: null, week52Low: null });
  });

  it('a premium endpoint refusing (403) is a FinnhubRestError with the status', async () => {
    server.failPathWith('/stock/metric', 403);
    const error = await api()
      .weekRange('AAPL')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FinnhubRestError);
    expect((error as FinnhubRestError).status).toBe(403);
    // The other endpoints still answer.
    expect((await api().profile('MSFT')).name).toBe('Microsoft Corp');
  });

  it('reads one earnings calendar for a date range, dropping malformed entries', async () => {
    server.setEarnings([
      { symbol: 'AAPL', date: '2026-12-10', hour: 'amc', epsEstimate: 2.35, quarter: 1, year: 2027 },
      { symbol: 'MSFT', date: '2026-12-11', hour: '' },
      { symbol: 'NVDA', date: '2027-01-30', hour: 'bmo' },
      { symbol: 'bad symbol!', date: '2026-12-10', hour: 'bmo' },
      { symbol: 'TSLA', date: '2026-13-45', hour: 'bmo' },
    ]);
    expect(await api().earnings('2026-12-07', '2026-12-21')).toEqual([
      { symbol: 'AAPL', date: '2026-12-10', hour: 'amc' },
      { symbol: 'MSFT', date: '2026-12-11', hour: null },
    ]);
    expect(server.requests.at(-1)?.query).toEqual({ from: '2026-12-07', to: '2026-12-21' });
  });

  it('reads company news for a symbol and dates, skipping malformed items', async () => {
    const t = Date.UTC(2026, 11, 7, 14, 0, 0) / 1000;
    server.setNews('AAPL', [
      {
        id: 11,
        datetime: t,
        headline: 'Apple\u202e news',
        source: 'Reuters',
        url: 'https://example.com/a',
        related: 'AAPL',
      },
      { id: 12, datetime: t - 60, headline: '', source: 'Reuters', url: 'https://example.com/b' },
      { id: 13, datetime: t - 120, headline: 'Plain http', source: 'Blog', url: 'http://example.com/c' },
    ]);
    expect(await api().companyNews('AAPL', '2026-12-06', '2026-12-07')).toEqual([
      { id: 11, headline: 'Apple news', source: 'Reuters', url: 'https://example.com/a', time: t * 1000 },
      // The poller, not the parser, decides about the scheme (and counts what it drops).
      { id: 13, headline: 'Plain http', source: 'Blog', url: 'http://example.com/c', time: (t - 120) * 1000 },
    ]);
    expect(server.requests.at(-1)?.query).toEqual({ symbol: 'AAPL', from: '2026-12-06', to: '2026-12-07' });
  });

  it('asks at background priority: a search waiting with it goes first', async () => {
    const tight = new RateLimiter({ limits: [{ limit: 1, windowMs: 200 }], shares: { background: 0.99 } });
    const rest = new FinnhubRest({ token: 'test-key', baseUrl: server.restUrl, limiter: tight, timeoutMs: 5_000 });
    const order: string[] = [];
    const first = rest.quote('AAPL').then(() => order.push('quote'));
    const background = contextApi(rest)
      .profile('AAPL')
      .then(() => order.push('profile'));
    const search = rest.search('apple').then(() => order.push('search'));
    await Promise.all([first, background, search]);
    expect(order).toEqual(['quote', 'search', 'profile']);
    tight.dispose();
  });
});
