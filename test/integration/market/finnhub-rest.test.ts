import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FinnhubRest, FinnhubRestError } from '../../../src/engine/market/finnhub-rest';
import { PrevCloseLoader } from '../../../src/engine/market/prev-close-loader';
import { RateLimiter } from '../../../src/engine/market/rate-limiter';
import { TickStore } from '../../../src/engine/market/tick-store';
import type { RestQuote } from '../../../src/shared/types';
import { startFakeFinnhub, type FakeFinnhub } from '../../support/fake-finnhub';

describe('FinnhubRest against the fake Finnhub server (real HTTP on 127.0.0.1)', () => {
  let server: FakeFinnhub;

  beforeAll(async () => {
    server = await startFakeFinnhub({ tokens: ['test-key'] });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.clearRestFault();
  });

  const client = (token = 'test-key') =>
    new FinnhubRest({ token, baseUrl: server.restUrl, limiter: new RateLimiter(), timeoutMs: 5_000 });

  it('fetches and maps a quote, sending the key only as a header', async () => {
    server.setQuote('AAPL', { c: 190, d: 1.8, dp: 0.956, h: 191, l: 188, o: 188.5, pc: 188.2, t: 1732550400 });
    const quote = await client().quote('AAPL');
    expect(quote).toEqual({
      symbol: 'AAPL',
      current: 190,
      change: 1.8,
      changePct: 0.956,
      high: 191,
      low: 188,
      open: 188.5,
      prevClose: 188.2,
      time: 1732550400_000,
    });
    const request = server.requests.at(-1);
    expect(request?.path).toBe('/quote');
    expect(request?.query).toEqual({ symbol: 'AAPL' });
    expect(request?.token).toBe('test-key');
  });

  it('unknown symbol → not-found', async () => {
    await expect(client().quote('ZZZZ')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('a refused key → unauthorized; testKey says so in words', async () => {
    await expect(client('wrong-key').quote('AAPL')).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
    const result = await client().testKey('wrong-key');
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/refused/i);
    expect(await client().testKey()).toEqual({ ok: true });
  });

  it('429 with Retry-After → rate-limited carrying the delay', async () => {
    server.failRestWith(429, { 'Retry-After': '3' }, 1);
    const error = await client()
      .quote('AAPL')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FinnhubRestError);
    expect(error).toMatchObject({ code: 'rate-limited', retryAfterMs: 3_000 });
  });

  it('searches symbols', async () => {
    const matches = await client().search('apple');
    expect(matches.map((m) => m.symbol)).toContain('AAPL');
    expect(server.requests.at(-1)?.query).toEqual({ q: 'apple' });
  });

  it('a server that is gone → network', async () => {
    const gone = await startFakeFinnhub();
    const restUrl = gone.restUrl;
    await gone.close();
    const rest = new FinnhubRest({ token: 'test-key', baseUrl: restUrl, timeoutMs: 5_000 });
    await expect(rest.quote('AAPL')).rejects.toMatchObject({ code: 'network' });
  });

  it('the loader fills the store with previous closes, once per symbol and day, and gives up on unknown symbols', async () => {
    const store = new TickStore();
    const quotes: RestQuote[] = [];
    const loader = new PrevCloseLoader({
      rest: client(),
      onQuote: (quote) => {
        quotes.push(quote);
        store.applyQuote(quote);
      },
    });
    // Queued in order AAPL, MSFT, ZZZZ and fetched one at a time: ZZZZ's refusal comes last.
    const gaveUp = new Promise<string>((resolve) =>
      loader.failures.subscribe((failure) => resolve(`${failure.symbol}:${failure.code}`)),
    );
    const before = server.requests.length;
    store.needsPrevClose.subscribe((symbols) => loader.request(symbols));
    store.setSymbols(['AAPL', 'MSFT', 'ZZZZ']);
    loader.request(['AAPL', 'MSFT']);
    expect(await gaveUp).toBe('ZZZZ:not-found');
    loader.stop();
    expect(quotes.map((q) => q.symbol)).toEqual(['AAPL', 'MSFT']);
    expect(store.snapshot('MSFT')).toMatchObject({ price: 421.5, prevClose: 423.8 });
    expect(store.snapshot('AAPL')?.prevClose).toBe(188.2);
    const quoteRequests = server.requests.slice(before).filter((r) => r.path === '/quote');
    expect(quoteRequests.map((r) => r.query.symbol)).toEqual(['AAPL', 'MSFT', 'ZZZZ']);
  });
});
