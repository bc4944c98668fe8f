import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonFileStore } from '../../../src/engine/context/json-file-store';
import { ContextCache } from '../../../src/engine/context/context-cache';
import { reserveGate } from '../../../src/engine/context/reserve-gate';
import { RateLimiter } from '../../../src/engine/market/rate-limiter';
import { systemClock } from '../../../src/shared/clock';

describe('the reserve gate in front of background calls', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 11, 7, 15));
  });
  afterEach(() => vi.useRealTimers());

  it('counts free slots in every window, none while paused', async () => {
    const limiter = new RateLimiter({ limits: [{ limit: 5, windowMs: 10_000 }] });
    expect(limiter.freeSlots()).toBe(5);
    await limiter.acquire();
    await limiter.acquire();
    expect(limiter.freeSlots()).toBe(3);
    vi.advanceTimersByTime(10_000);
    expect(limiter.freeSlots()).toBe(5);
    limiter.pauseFor(1_000);
    expect(limiter.freeSlots()).toBe(0);
    limiter.dispose();
  });

  it('lets a call through only while more than the reserve is free and the user has nothing waiting', async () => {
    const limiter = new RateLimiter({ limits: [{ limit: 5, windowMs: 10_000 }] });
    let busy = true;
    const gate = reserveGate(limiter, systemClock, { reserve: 2, userBusy: () => busy });
    let passed = 0;
    void gate().then(() => (passed += 1));
    await vi.advanceTimersByTimeAsync(3_000);
    expect(passed).toBe(0);
    busy = false;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(passed).toBe(1);
    // Use the window down to the reserve: the next call waits until the window frees up.
    await limiter.acquire();
    await limiter.acquire();
    await limiter.acquire();
    void gate().then(() => (passed += 1));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(passed).toBe(1);
    await vi.advanceTimersByTimeAsync(6_000);
    expect(passed).toBe(2);
    limiter.dispose();
  });

  it('close() ends every wait and refuses new ones', async () => {
    const limiter = new RateLimiter({ limits: [{ limit: 1, windowMs: 10_000 }] });
    await limiter.acquire();
    const gate = reserveGate(limiter, systemClock);
    const waiting = gate().catch((error: unknown) => error);
    gate.close();
    expect(await waiting).toMatchObject({ code: 'network' });
    await expect(gate()).rejects.toMatchObject({ code: 'network' });
    expect(vi.getTimerCount()).toBe(0);
    limiter.dispose();
  });
});

describe('the context cache file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ticker-cache-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips through the file; a missing file is an empty cache, a corrupt one is dropped whole', () => {
    const path = join(dir, 'sub', 'context-cache.json');
    const first = new ContextCache({ store: jsonFileStore(path) });
    first.setProfile('AAPL', { name: 'Apple Inc', exchange: 'NASDAQ', currency: 'USD', industry: null }, 1_000);
    first.flush();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({
      version: 1,
      profiles: { AAPL: { fetchedAt: 1_000 } },
    });
    const second = new ContextCache({ store: jsonFileStore(path) });
    expect(second.profile('AAPL')?.value.name).toBe('Apple Inc');
    writeFileSync(path, '{"version":1,"profiles":');
    const corrupt = new ContextCache({ store: jsonFileStore(path) });
    expect(corrupt.profile('AAPL')).toBeNull();
    expect(corrupt.dropped).toBe(1);
  });
});
