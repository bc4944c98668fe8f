import { afterEach, describe, expect, it, vi } from 'vitest';
import { FinnhubRest, FinnhubRestError, MAX_REST_BODY_BYTES } from '../../../src/engine/market/finnhub-rest';
import type { FetchLike } from '../../../src/engine/net/fetch-like';
import { systemClock } from '../../../src/shared/clock';
import { RateLimiter } from '../../../src/engine/market/rate-limiter';

interface Call {
  url: string;
  init: RequestInit;
}

/** A fake fetch answering every call with `answer(url)`, recording the calls. */
function fakeFetch(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    return answer(url, init);
  };
  return { fetch, calls };
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

const AAPL = { c: 189.4, d: 1.2, dp: 0.6376, h: 190.1, l: 187.9, o: 188, pc: 188.2, t: 1732550400 };

async function failure(promise: Promise<unknown>): Promise<FinnhubRestError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FinnhubRestError);
    return error as FinnhubRestError;
  }
  throw new Error('expected a failure');
}

describe('FinnhubRest.quote', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('maps the quote fields and converts t from seconds to milliseconds', async () => {
    const { fetch } = fakeFetch(() => json(AAPL));
    const rest = new FinnhubRest({ token: 'secret-key', fetch });
    expect(await rest.quote('AAPL')).toEqual({
      symbol: 'AAPL',
      current: 189.4,
      change: 1.2,
      changePct: 0.6376,
      high: 190.1,
      low: 187.9,
      open: 188,
      prevClose: 188.2,
      time: 1732550400_000,
    });
  });

  it('sends the token as the X-Finnhub-Token header, never in the URL', async () => {
    const { fetch, calls } = fakeFetch(() => json(AAPL));
    const rest = new FinnhubRest({ token: 'secret-key', fetch, baseUrl: 'http://127.0.0.1:1/api/v1/' });
    await rest.quote('BINANCE:BTCUSDT');
    expect(calls).toHaveLength(1);
    const call = calls[0] as Call;
    expect(call.url).toBe('http://127.0.0.1:1/api/v1/quote?symbol=BINANCE%3ABTCUSDT');
    expect(call.url).not.toContain('secret-key');
    expect(new Headers(call.init.headers).get('X-Finnhub-Token')).toBe('secret-key');
  });

  it('maps d/dp null to null change', async () => {
    const { fetch } = fakeFetch(() => json({ ...AAPL, d: null, dp: null }));
    const quote = await new FinnhubRest({ token: 'k', fetch }).quote('AAPL');
    expect(quote.change).toBeNull();
    expect(quote.changePct).toBeNull();
  });

  it('all zeros (unknown symbol) → not-found', async () => {
    const { fetch } = fakeFetch(() => json({ c: 0, d: null, dp: null, h: 0, l: 0, o: 0, pc: 0, t: 0 }));
    const error = await failure(new FinnhubRest({ token: 'k', fetch }).quote('NOPE'));
    expect(error.code).toBe('not-found');
  });

  it('refuses an invalid symbol without calling the server', async () => {
    const { fetch, calls } = fakeFetch(() => json(AAPL));
    const error = await failure(new FinnhubRest({ token: 'k', fetch }).quote('not a symbol'));
    expect(error.code).toBe('invalid-payload');
    expect(calls).toHaveLength(0);
  });

  it.each([
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [500, 'network'],
    [503, 'network'],
    [404, 'internal'],
    [422, 'internal'],
  ] as const)('HTTP %i → %s, with the server text in the message', async (status, code) => {
    const { fetch } = fakeFetch(() => json({ error: 'Invalid API key' }, status));
    const error = await failure(new FinnhubRest({ token: 'k', fetch }).quote('AAPL'));
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.message).toContain(`HTTP ${status}`);
    expect(error.message).toContain('Invalid API key');
  });

  it('429 → rate-limited carrying Retry-After, and pauses the shared limiter', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    const limiter = new RateLimiter();
    const { fetch } = fakeFetch(() => json({ error: 'API limit reached' }, 429, { 'Retry-After': '7' }));
    const error = await failure(new FinnhubRest({ token: 'k', fetch, limiter }).quote('AAPL'));
    expect(error.code).toBe('rate-limited');
    expect(error.retryAfterMs).toBe(7_000);
    expect(limiter.delayUntilFreeSlot()).toBe(7_000);
  });

  it('429 without Retry-After waits 60 s (plus jitter)', async () => {
    const { fetch } = fakeFetch(() => json({}, 429));
    const error = await failure(new FinnhubRest({ token: 'k', fetch, random: () => 0 }).quote('AAPL'));
    expect(error.retryAfterMs).toBe(60_000);
  });

  it('network failure → network', async () => {
    const fetch: FetchLike = () =>
      Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') }));
    const error = await failure(new FinnhubRest({ token: 'k', fetch }).quote('AAPL'));
    expect(error.code).toBe('network');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('times out after timeoutMs → network, aborting the request', async () => {
    vi.useFakeTimers();
    let aborted = false;
    const fetch: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => {
          aborted = true;
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    const pending = failure(new FinnhubRest({ token: 'k', fetch, timeoutMs: 10_000 }).quote('AAPL'));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await pending;
    expect(aborted).toBe(true);
    expect(error.code).toBe('network');
    expect(error.message).toContain('10 s');
  });

  it('bad JSON or a wrong shape → internal', async () => {
    const notJson = fakeFetch(() => new Response('<html>oops</html>', { status: 200 }));
    expect((await failure(new FinnhubRest({ token: 'k', fetch: notJson.fetch }).quote('AAPL'))).code).toBe('internal');
    const wrongShape = fakeFetch(() => json({ c: '189', pc: 1 }));
    expect((await failure(new FinnhubRest({ token: 'k', fetch: wrongShape.fetch }).quote('AAPL'))).code).toBe(
      'internal',
    );
    const array = fakeFetch(() => json([1, 2]));
    expect((await failure(new FinnhubRest({ token: 'k', fetch: array.fetch }).quote('AAPL'))).code).toBe('internal');
  });

  it('waits for a limiter slot before each request', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    const limiter = new RateLimiter({ limits: [{ limit: 1, windowMs: 1_000 }] });
    const { fetch, calls } = fakeFetch(() => json(AAPL));
    const rest = new FinnhubRest({ token: 'k', fetch, limiter });
    await rest.quote('AAPL');
    const second = rest.quote('MSFT');
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await second;
    expect(calls).toHaveLength(2);
  });
});

describe('FinnhubRest.search', () => {
  it('keeps valid matches, drops malformed ones and duplicates, and caps the count', async () => {
    const result = [
      { description: 'APPLE INC', displaySymbol: 'AAPL', symbol: 'AAPL', type: 'Common Stock' },
      { description: 'dup', displaySymbol: 'AAPL', symbol: 'AAPL', type: 'Common Stock' },
      { description: 'no symbol', displaySymbol: 'X' },
      'garbage',
      null,
      { description: 'bad symbol', displaySymbol: 'A B', symbol: 'A B C', type: 'x' },
      { displaySymbol: 'BTC/USDT', symbol: 'BINANCE:BTCUSDT' },
      ...Array.from({ length: 30 }, (_, i) => ({
        description: `S${i}`,
        displaySymbol: `S${i}`,
        symbol: `S${i}`,
        type: 'Common Stock',
      })),
    ];
    const { fetch, calls } = fakeFetch(() => json({ count: result.length, result }));
    const matches = await new FinnhubRest({ token: 'k', fetch, maxSearchResults: 5 }).search('  apple inc ');
    expect(calls[0]?.url).toBe('https://finnhub.io/api/v1/search?q=apple%20inc');
    expect(matches).toEqual([
      { description: 'APPLE INC', displaySymbol: 'AAPL', symbol: 'AAPL', type: 'Common Stock' },
      { description: '', displaySymbol: 'BTC/USDT', symbol: 'BINANCE:BTCUSDT', type: '' },
      { description: 'S0', displaySymbol: 'S0', symbol: 'S0', type: 'Common Stock' },
      { description: 'S1', displaySymbol: 'S1', symbol: 'S1', type: 'Common Stock' },
      { description: 'S2', displaySymbol: 'S2', symbol: 'S2', type: 'Common Stock' },
    ]);
  });

  it('refuses an empty or overlong query without calling the server', async () => {
    const { fetch, calls } = fakeFetch(() => json({ result: [] }));
    const rest = new FinnhubRest({ token: 'k', fetch });
    expect((await failure(rest.search('   '))).code).toBe('invalid-payload');
    expect((await failure(rest.search('x'.repeat(65)))).code).toBe('invalid-payload');
    expect(calls).toHaveLength(0);
  });

  it('an answer without a result list → internal', async () => {
    const { fetch } = fakeFetch(() => json({ count: 0 }));
    expect((await failure(new FinnhubRest({ token: 'k', fetch }).search('a'))).code).toBe('internal');
  });
});

describe('FinnhubRest.testKey', () => {
  it('ok when the quote answers, using the given key instead of the saved one', async () => {
    const { fetch, calls } = fakeFetch(() => json(AAPL));
    const result = await new FinnhubRest({ token: 'saved', fetch }).testKey('candidate');
    expect(result).toEqual({ ok: true });
    expect(new Headers(calls[0]?.init.headers).get('X-Finnhub-Token')).toBe('candidate');
  });

  it.each([
    [json({ error: 'Invalid API key' }, 401), /refused/i],
    [json({}, 429), /rate limited/i],
    [json({}, 418), /unexpected/i],
  ])('explains a failure in words (%#)', async (response, reason) => {
    const { fetch } = fakeFetch(() => response);
    const result = await new FinnhubRest({ token: 'k', fetch }).testKey();
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(reason);
  });

  it('says when the network is unreachable', async () => {
    const fetch: FetchLike = () => Promise.reject(new TypeError('fetch failed'));
    const result = await new FinnhubRest({ token: 'k', fetch }).testKey();
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/network unreachable/i) });
  });

  it('refuses an empty key without calling the server', async () => {
    const { fetch, calls } = fakeFetch(() => json(AAPL));
    expect(await new FinnhubRest({ token: '', fetch }).testKey()).toEqual({ ok: false, reason: 'No API key entered.' });
    expect(calls).toHaveLength(0);
  });
});

describe('FinnhubRest after consecutive 429s', () => {
  const now = Date.UTC(2024, 0, 16, 15, 0, 0);
  const waitsFor = async (retryAfter: string, count: number): Promise<number[]> => {
    const { fetch } = fakeFetch(() => json({}, 429, { 'Retry-After': retryAfter }));
    const rest = new FinnhubRest({ token: 'k', fetch, clock: { ...systemClock, now: () => now }, random: () => 0 });
    const waits: number[] = [];
    for (let i = 0; i < count; i += 1) waits.push((await failure(rest.quote('AAPL'))).retryAfterMs ?? -1);
    return waits;
  };

  it('floors Retry-After 0, a past date and 1 s at 1 s, and keeps growing while the 429s go on', async () => {
    const growing = [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000];
    expect(await waitsFor('0', 8)).toEqual(growing);
    expect(await waitsFor(new Date(now - 3_600_000).toUTCString(), 8)).toEqual(growing);
    expect(await waitsFor('1', 8)).toEqual(growing);
  });

  it('honours a longer Retry-After, capped at 10 minutes', async () => {
    expect(await waitsFor('5', 1)).toEqual([5_000]);
    expect(await waitsFor(new Date(now + 30_000).toUTCString(), 1)).toEqual([30_000]);
    expect(await waitsFor('86400', 1)).toEqual([600_000]);
  });

  it('starts from the floor again once an answer gets through', async () => {
    let refuse = true;
    const { fetch } = fakeFetch(() => (refuse ? json({}, 429, { 'Retry-After': '0' }) : json(AAPL)));
    const rest = new FinnhubRest({ token: 'k', fetch, clock: { ...systemClock, now: () => now }, random: () => 0 });
    await failure(rest.quote('AAPL'));
    expect((await failure(rest.quote('AAPL'))).retryAfterMs).toBe(2_000);
    refuse = false;
    await rest.quote('AAPL');
    refuse = true;
    expect((await failure(rest.quote('AAPL'))).retryAfterMs).toBe(1_000);
  });
});

describe('FinnhubRest reads bounded bodies', () => {
  /** A body that yields `chunks` chunks of 64 KiB on demand, counting what was pulled. */
  function endlessBody(chunks: number) {
    let pulled = 0;
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= chunks) {
          controller.close();
          return;
        }
        pulled += 1;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
      cancel() {
        cancelled = true;
      },
    });
    return { stream, pulled: () => pulled, cancelled: () => cancelled };
  }

  it('stops reading a huge answer at the cap and cancels the rest', async () => {
    const body = endlessBody(6_400); // 400 MiB if read whole
    const { fetch } = fakeFetch(() => new Response(body.stream, { status: 200 }));
    const error = await failure(new FinnhubRest({ token: 'k', fetch }).quote('AAPL'));
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(/larger than/);
    expect(body.pulled() * 64 * 1024).toBeLessThanOrEqual(MAX_REST_BODY_BYTES + 2 * 64 * 1024);
    expect(body.cancelled()).toBe(true);
  });

  it('refuses a declared oversized length without reading it', async () => {
    const body = endlessBody(6_400);
    const { fetch } = fakeFetch(
      () => new Response(body.stream, { status: 200, headers: { 'Content-Length': String(400 * 1024 * 1024) } }),
    );
    const error = await failure(new FinnhubRest({ token: 'k', fetch }).quote('AAPL'));
    expect(error.code).toBe('internal');
    expect(body.pulled()).toBeLessThanOrEqual(1);
  });

  it('reads only the first few KiB of a huge error answer', async () => {
    const body = endlessBody(6_400);
    const { fetch } = fakeFetch(() => new Response(body.stream, { status: 500 }));
    const error = await failure(new FinnhubRest({ token: 'k', fetch }).quote('AAPL'));
    expect(error.code).toBe('network');
    expect(body.pulled()).toBeLessThanOrEqual(2);
    expect(body.cancelled()).toBe(true);
  });

  it('shows a server error text without control or bidi characters, capped', async () => {
    const { fetch } = fakeFetch(() =>
      json({ error: `\u001b[31mBad\u001b[0m \u202Ekey\r\nnext line ${'x'.repeat(1000)}` }, 403),
    );
    const error = await failure(new FinnhubRest({ token: 'k', fetch }).quote('AAPL'));
    expect(error.message).toMatch(/^Finnhub refused the API key \(HTTP 403\): Bad key next line x+…$/);
    expect(error.message.length).toBeLessThan(250);
  });
});
