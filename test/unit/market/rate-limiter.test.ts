import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimiter } from '../../../src/engine/market/rate-limiter';
import { TickerError } from '../../../src/shared/ipc-contract';

/** Start `count` acquisitions and record the fake time at which each is granted. */
function acquireMany(limiter: RateLimiter, count: number): number[] {
  const grantedAt: number[] = [];
  for (let i = 0; i < count; i += 1) {
    void limiter.acquire().then(() => grantedAt.push(Date.now()));
  }
  return grantedAt;
}

describe('RateLimiter (Finnhub free plan: 60/min, 30/s)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('grants at most 30 calls in any second', async () => {
    const limiter = new RateLimiter();
    const grantedAt = acquireMany(limiter, 45);
    await vi.advanceTimersByTimeAsync(0);
    expect(grantedAt).toHaveLength(30);
    await vi.advanceTimersByTimeAsync(999);
    expect(grantedAt).toHaveLength(30);
    await vi.advanceTimersByTimeAsync(1);
    expect(grantedAt).toHaveLength(45);
    expect(grantedAt.slice(30).every((t) => t === 1000)).toBe(true);
  });

  it('grants at most 60 calls in any minute', async () => {
    const limiter = new RateLimiter();
    const grantedAt = acquireMany(limiter, 70);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(grantedAt).toHaveLength(60);
    await vi.advanceTimersByTimeAsync(1);
    // The first 30 calls (at t=0) leave the minute window at t=60 s.
    expect(grantedAt).toHaveLength(70);
    for (let i = 0; i < grantedAt.length; i += 1) {
      const t = grantedAt[i] as number;
      expect(grantedAt.filter((u) => u > t - 60_000 && u <= t).length).toBeLessThanOrEqual(60);
      expect(grantedAt.filter((u) => u > t - 1_000 && u <= t).length).toBeLessThanOrEqual(30);
    }
  });

  it('serves callers in order', async () => {
    const limiter = new RateLimiter({ limits: [{ limit: 1, windowMs: 100 }] });
    const order: number[] = [];
    for (let i = 0; i < 4; i += 1) void limiter.acquire().then(() => order.push(i));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(order).toEqual([0, 1, 2, 3]);
  });

  it('pauseFor (a 429) grants nothing until the pause is over', async () => {
    const limiter = new RateLimiter();
    limiter.pauseFor(60_000);
    const grantedAt = acquireMany(limiter, 1);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(grantedAt).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(grantedAt).toEqual([60_000]);
  });

  it('gives up with rate-limited after maxWaitMs', async () => {
    const limiter = new RateLimiter();
    limiter.pauseFor(30_000);
    const result = limiter.acquire({ maxWaitMs: 5_000 }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(5_000);
    const error = await result;
    expect(error).toBeInstanceOf(TickerError);
    expect((error as TickerError).code).toBe('rate-limited');
    expect(limiter.waiting).toBe(0);
  });

  it('an aborted wait leaves the queue', async () => {
    const limiter = new RateLimiter();
    limiter.pauseFor(10_000);
    const controller = new AbortController();
    const result = limiter.acquire({ signal: controller.signal }).catch(() => 'aborted');
    controller.abort();
    expect(await result).toBe('aborted');
    expect(limiter.waiting).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('refuses callers beyond the queue bound instead of growing', async () => {
    const limiter = new RateLimiter({ maxQueued: 2 });
    limiter.pauseFor(10_000);
    void limiter.acquire().catch(() => undefined);
    void limiter.acquire().catch(() => undefined);
    await expect(limiter.acquire()).rejects.toMatchObject({ code: 'rate-limited' });
    limiter.dispose();
    expect(limiter.waiting).toBe(0);
  });

  it('keeps no timer while idle', async () => {
    const limiter = new RateLimiter();
    await limiter.acquire();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('gives a free slot to the highest class waiting: the user before Ticker before the relay', async () => {
    const limiter = new RateLimiter({ limits: [{ limit: 1, windowMs: 100 }] });
    await limiter.acquire();
    const order: string[] = [];
    void limiter.acquire({ priority: 'relay' }).then(() => order.push('relay'));
    void limiter.acquire({ priority: 'background' }).then(() => order.push('background'));
    void limiter.acquire({ priority: 'own' }).then(() => order.push('own'));
    void limiter.acquire({ priority: 'interactive' }).then(() => order.push('interactive'));
    await vi.advanceTimersByTimeAsync(400);
    expect(order).toEqual(['interactive', 'own', 'background', 'relay']);
  });

  it('lets relay lookups use only their share of each limit, while the user still gets the rest', async () => {
    const limiter = new RateLimiter();
    const relay: number[] = [];
    for (let i = 0; i < 40; i += 1)
      void limiter.acquire({ priority: 'relay' }).then(
        () => relay.push(Date.now()),
        () => undefined,
      );
    await vi.advanceTimersByTimeAsync(0);
    expect(relay).toHaveLength(7); // a quarter of 30 a second
    await vi.advanceTimersByTimeAsync(59_999);
    expect(relay).toHaveLength(15); // a quarter of 60 a minute
    expect(limiter.waitingFor('relay')).toBe(25);
    // 45 calls of the minute are left for the user's own: 30 at once (the per-second cap).
    const own = acquireMany(limiter, 30);
    await vi.advanceTimersByTimeAsync(0);
    expect(own).toHaveLength(30);
    expect(own.every((t) => t === 59_999)).toBe(true);
    limiter.dispose();
  });

  it('turns away the newest relay caller, never the user, when the waiting room is full', async () => {
    const limiter = new RateLimiter({ maxQueued: 8 });
    limiter.pauseFor(10_000);
    const relay = [0, 1].map(() =>
      limiter.acquire({ priority: 'relay' }).then(
        () => 'granted',
        (e: unknown) => e,
      ),
    );
    await expect(limiter.acquire({ priority: 'relay' })).rejects.toMatchObject({ code: 'rate-limited' });
    for (let i = 0; i < 6; i += 1) void limiter.acquire({ priority: 'own' }).catch(() => undefined);
    const search = limiter.acquire({ priority: 'interactive' });
    expect(await relay[1]).toMatchObject({ code: 'rate-limited' });
    expect(limiter.waitingFor('interactive')).toBe(1);
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(search).resolves.toBeUndefined();
    expect(await relay[0]).toBe('granted');
  });
});
