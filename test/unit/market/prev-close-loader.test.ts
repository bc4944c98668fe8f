import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FinnhubRestError } from '../../../src/engine/market/finnhub-rest';
import {
  PrevCloseLoader,
  type PrevCloseFailure,
  type QuoteFetcher,
} from '../../../src/engine/market/prev-close-loader';
import type { RestQuote } from '../../../src/shared/types';

/** Tuesday 2024-01-16, 10:00 in New York. */
const T0 = Date.UTC(2024, 0, 16, 15, 0, 0);

function quoteOf(symbol: string): RestQuote {
  return { symbol, current: 100, change: 1, changePct: 1, high: 101, low: 99, open: 99.5, prevClose: 99, time: T0 };
}

type Answer = RestQuote | Error;

/** A fake REST client: answers from a per-symbol script (last answer repeats), records calls. */
function fakeRest(script: Record<string, Answer[]> = {}) {
  const calls: string[] = [];
  const rest: QuoteFetcher = {
    quote: (symbol) => {
      calls.push(symbol);
      const answers = script[symbol];
      const answer = answers === undefined ? quoteOf(symbol) : answers.length > 1 ? answers.shift() : answers[0];
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer ?? quoteOf(symbol));
    },
  };
  return { rest, calls };
}

function setup(script: Record<string, Answer[]> = {}, options: { maxAttemptsPerDay?: number } = {}) {
  const { rest, calls } = fakeRest(script);
  const received: string[] = [];
  const failures: PrevCloseFailure[] = [];
  const loader = new PrevCloseLoader({
    rest,
    onQuote: (quote) => received.push(quote.symbol),
    random: () => 0.5,
    retryBaseMs: 1_000,
    retryCapMs: 8_000,
    ...options,
  });
  loader.failures.subscribe((failure) => failures.push(failure));
  return { loader, calls, received, failures };
}

const network = () => new FinnhubRestError('network', 'Could not reach Finnhub: fetch failed');
const rateLimited = (ms: number) => new FinnhubRestError('rate-limited', 'Finnhub rate limit reached', 429, ms);

describe('PrevCloseLoader', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fetches each symbol once per trading day, however often it is asked', async () => {
    const { loader, calls, received } = setup();
    loader.request(['AAPL', 'MSFT']);
    loader.request(['AAPL']);
    await vi.advanceTimersByTimeAsync(0);
    loader.request(['MSFT', 'AAPL']);
    await vi.advanceTimersByTimeAsync(hours(5));
    loader.request(['AAPL']);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['AAPL', 'MSFT']);
    expect(received).toEqual(['AAPL', 'MSFT']);
    expect(loader.stateOf('AAPL')).toBe('done');
  });

  it('fetches again when the next New York trading day opens, not over a weekend', async () => {
    const { loader, calls } = setup();
    loader.request(['AAPL']);
    await vi.advanceTimersByTimeAsync(0);
    // 2024-01-17 08:59Z is 03:59 in New York: Tuesday's trading day until the pre-market opens.
    vi.setSystemTime(Date.UTC(2024, 0, 17, 8, 59));
    loader.request(['AAPL']);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['AAPL']);
    vi.setSystemTime(Date.UTC(2024, 0, 17, 9, 0));
    loader.request(['AAPL']);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['AAPL', 'AAPL']);
    // Friday's trading day lasts through Saturday and Sunday.
    vi.setSystemTime(Date.UTC(2024, 0, 19, 15, 0));
    loader.request(['AAPL']);
    await vi.advanceTimersByTimeAsync(0);
    vi.setSystemTime(Date.UTC(2024, 0, 21, 20, 0));
    loader.request(['AAPL']);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['AAPL', 'AAPL', 'AAPL']);
  });

  it('asks one symbol at a time', async () => {
    let resolveFirst: (quote: RestQuote) => void = () => undefined;
    const calls: string[] = [];
    const loader = new PrevCloseLoader({
      rest: {
        quote: (symbol) => {
          calls.push(symbol);
          return calls.length === 1
            ? new Promise((resolve) => (resolveFirst = resolve))
            : Promise.resolve(quoteOf(symbol));
        },
      },
      onQuote: () => undefined,
    });
    loader.request(['AAPL', 'MSFT', 'NVDA']);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['AAPL']);
    resolveFirst(quoteOf('AAPL'));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['AAPL', 'MSFT', 'NVDA']);
  });

  it('retries a 429 after the advised delay', async () => {
    const { loader, calls, received } = setup({ AAPL: [rateLimited(7_000), quoteOf('AAPL')] });
    loader.request(['AAPL']);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['AAPL']);
    expect(loader.stateOf('AAPL')).toBe('waiting');
    await vi.advanceTimersByTimeAsync(6_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual(['AAPL', 'AAPL']);
    expect(received).toEqual(['AAPL']);
  });

  it('retries network errors with growing jittered backoff, and gives up after the daily bound', async () => {
    const { loader, calls, failures } = setup({ AAPL: [network()] }, { maxAttemptsPerDay: 4 });
    loader.request(['AAPL']);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    // random 0.5 → waits of 500, 1000, 2000 ms (half of 1 s, 2 s, 4 s).
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(hours(1));
    expect(calls).toHaveLength(4);
    expect(loader.stateOf('AAPL')).toBe('given-up');
    expect(failures).toEqual([{ symbol: 'AAPL', code: 'network', message: expect.stringContaining('fetch failed') }]);
    expect(vi.getTimerCount()).toBe(0);
    loader.request(['AAPL']);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(4);
  });

  it.each(['unauthorized', 'not-found'] as const)(
    'gives up for the day on %s, and moves on to the next symbol',
    async (code) => {
      const { loader, calls, received, failures } = setup({ AAPL: [new FinnhubRestError(code, 'no')] });
      loader.request(['AAPL', 'MSFT']);
      await vi.advanceTimersByTimeAsync(hours(1));
      expect(calls).toEqual(['AAPL', 'MSFT']);
      expect(received).toEqual(['MSFT']);
      expect(failures).toEqual([{ symbol: 'AAPL', code, message: 'no' }]);
      loader.request(['AAPL']);
      await vi.advanceTimersByTimeAsync(0);
      expect(calls).toEqual(['AAPL', 'MSFT']);
    },
  );

  it('stop cancels pending retries and ignores the answer in flight', async () => {
    let resolveLate: (quote: RestQuote) => void = () => undefined;
    let signal: AbortSignal | undefined;
    const received: string[] = [];
    const loader = new PrevCloseLoader({
      rest: {
        quote: (_symbol, options) => {
          signal = options?.signal;
          return new Promise((resolve) => (resolveLate = resolve));
        },
      },
      onQuote: (quote) => received.push(quote.symbol),
    });
    loader.request(['AAPL']);
    await vi.advanceTimersByTimeAsync(0);
    loader.stop();
    expect(signal?.aborted).toBe(true);
    resolveLate(quoteOf('AAPL'));
    await vi.advanceTimersByTimeAsync(0);
    expect(received).toEqual([]);

    const retrying = setup({ AAPL: [network()] });
    retrying.loader.request(['AAPL']);
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(1);
    retrying.loader.stop();
    expect(vi.getTimerCount()).toBe(0);
    retrying.loader.request(['MSFT']);
    await vi.advanceTimersByTimeAsync(hours(1));
    expect(retrying.calls).toEqual(['AAPL']);
  });

  it('a throwing consumer does not stop the queue', async () => {
    const calls: string[] = [];
    const loader = new PrevCloseLoader({
      rest: { quote: (symbol) => (calls.push(symbol), Promise.resolve(quoteOf(symbol))) },
      onQuote: () => {
        throw new Error('consumer bug');
      },
    });
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    loader.request(['AAPL', 'MSFT']);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['AAPL', 'MSFT']);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  it('ignores invalid symbols', async () => {
    const { loader, calls } = setup();
    loader.request(['not valid', '', 'AAPL']);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['AAPL']);
  });
});

function hours(n: number): number {
  return n * 3_600_000;
}
