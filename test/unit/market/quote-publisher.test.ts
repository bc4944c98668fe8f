import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clampRateHz, QuotePublisher } from '../../../src/engine/market/quote-publisher';
import { DEFAULT_PREFERENCES, PREFERENCE_RULES } from '../../../src/shared/preference-rules';
import { TickStore } from '../../../src/engine/market/tick-store';
import type { SnapshotBatch } from '../../../src/shared/types';

const START = Date.UTC(2024, 0, 16, 15, 0, 0);

function setup(rateHz = 10) {
  const store = new TickStore();
  store.setSymbols(['AAPL', 'MSFT']);
  store.takeChanged();
  const publisher = new QuotePublisher(store, { rateHz });
  const batches: SnapshotBatch[] = [];
  publisher.batches.subscribe((batch) => batches.push(batch));
  publisher.start();
  const trade = (symbol: string, price: number) => store.applyTrade({ symbol, price, volume: 1, time: Date.now() });
  return { store, publisher, batches, trade };
}

describe('QuotePublisher', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('publishes nothing while nothing changes, and keeps no timer running', () => {
    const { batches } = setup();
    vi.advanceTimersByTime(10_000);
    expect(batches).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('publishes the first trade after a quiet period on the next tick (leading edge)', () => {
    const { batches, trade } = setup();
    vi.advanceTimersByTime(5_000);
    trade('AAPL', 100);
    vi.advanceTimersByTime(0);
    expect(batches).toHaveLength(1);
    expect(batches[0]?.quotes.map((q) => q.price)).toEqual([100]);
    expect(batches[0]?.at).toBe(START + 5_000);
  });

  it('coalesces a frame of trades into one batch with only the changed symbols', () => {
    const { batches, trade } = setup();
    trade('AAPL', 100);
    trade('AAPL', 101);
    trade('AAPL', 102);
    vi.advanceTimersByTime(0);
    expect(batches).toHaveLength(1);
    expect(batches[0]?.quotes).toHaveLength(1);
    expect(batches[0]?.quotes[0]).toMatchObject({ symbol: 'AAPL', price: 102 });
  });

  it('emits at most rateHz batches per second under a flood, each change delivered within one interval', () => {
    const { batches, trade } = setup(10);
    let price = 100;
    for (let ms = 0; ms < 3_000; ms += 1) {
      trade(ms % 2 === 0 ? 'AAPL' : 'MSFT', (price += 0.01));
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(200);
    // 3 s at 10 Hz: the leading batch plus one per 100 ms.
    expect(batches.length).toBeLessThanOrEqual(31);
    expect(batches.length).toBeGreaterThanOrEqual(29);
    for (let i = 1; i < batches.length; i += 1) {
      const gap = (batches[i]?.at ?? 0) - (batches[i - 1]?.at ?? 0);
      expect(gap).toBeGreaterThanOrEqual(100);
      // Trades keep arriving, so no change waits longer than one interval (fake clock).
      expect(gap).toBeLessThanOrEqual(101);
    }
    expect(batches.map((b) => b.seq)).toEqual(batches.map((_, i) => i + 1));
    expect(batches.at(-1)?.quotes.find((q) => q.symbol === 'MSFT')?.price).toBeCloseTo(price, 10);
  });

  it('stops emitting once the flood stops', () => {
    const { batches, trade } = setup();
    trade('AAPL', 1);
    vi.advanceTimersByTime(50);
    trade('AAPL', 2);
    vi.advanceTimersByTime(1_000);
    const count = batches.length;
    expect(count).toBe(2);
    vi.advanceTimersByTime(10_000);
    expect(batches.length).toBe(count);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('publishes removed symbols even when no price changed', () => {
    const { store, batches } = setup();
    store.setSymbols(['MSFT']);
    vi.advanceTimersByTime(0);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ quotes: [], removed: ['AAPL'] });
  });

  it('applies setRate live to the pending publish and the following ones', () => {
    const { publisher, batches, trade } = setup(10);
    trade('AAPL', 1);
    vi.advanceTimersByTime(0);
    trade('AAPL', 2);
    publisher.setRate(2);
    vi.advanceTimersByTime(499);
    expect(batches).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(batches).toHaveLength(2);
    expect(publisher.rateHz).toBe(2);
  });

  it('takes its default and limits from the updateRateHz preference rule', () => {
    const rule = PREFERENCE_RULES.updateRateHz;
    expect(clampRateHz(rule.min - 0.5)).toBe(rule.min);
    expect(clampRateHz(rule.max + 1)).toBe(rule.max);
    expect(clampRateHz(undefined)).toBe(DEFAULT_PREFERENCES.updateRateHz);
  });

  it('clamps the rate to 1..60 Hz', () => {
    expect(clampRateHz(0)).toBe(1);
    expect(clampRateHz(500)).toBe(60);
    expect(clampRateHz(Number.NaN)).toBe(10);
    expect(clampRateHz('fast')).toBe(10);
    const { publisher } = setup();
    publisher.setRate(1000);
    expect(publisher.rateHz).toBe(60);
  });

  it('flush publishes pending changes now, and returns null when nothing changed', () => {
    const { publisher, batches, trade } = setup();
    trade('AAPL', 1);
    vi.advanceTimersByTime(0);
    trade('MSFT', 2);
    const batch = publisher.flush();
    expect(batch?.quotes.map((q) => q.symbol)).toEqual(['MSFT']);
    expect(batches).toHaveLength(2);
    expect(publisher.flush()).toBeNull();
    vi.advanceTimersByTime(1_000);
    expect(batches).toHaveLength(2);
  });

  it('publishes nothing after stop, and what piled up soon after start', () => {
    const { publisher, batches, trade } = setup();
    publisher.stop();
    trade('AAPL', 1);
    vi.advanceTimersByTime(1_000);
    expect(batches).toEqual([]);
    publisher.start();
    vi.advanceTimersByTime(0);
    expect(batches).toHaveLength(1);
  });

  it('holds every batch while held, keeps no timer, and on release sends all that changed as one batch at once', () => {
    const { publisher, batches, trade, store } = setup(10);
    trade('AAPL', 100);
    vi.advanceTimersByTime(0);
    expect(batches).toHaveLength(1);
    publisher.hold(true);
    expect(publisher.holding).toBe(true);
    for (let ms = 0; ms < 5_000; ms += 10) {
      trade(ms % 20 === 0 ? 'AAPL' : 'MSFT', 100 + ms / 1000);
      vi.advanceTimersByTime(10);
    }
    expect(batches).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
    // The store stayed current while nothing was delivered.
    expect(store.snapshots().find((q) => q.symbol === 'MSFT')?.price).toBeCloseTo(104.99, 10);
    const releasedAt = Date.now();
    publisher.hold(false);
    expect(batches).toHaveLength(2);
    expect(batches[1]?.at).toBe(releasedAt);
    expect(batches[1]?.quotes.map((q) => [q.symbol, q.price])).toEqual([
      ['AAPL', 104.98],
      ['MSFT', 104.99],
    ]);
    // Back to the normal cadence afterwards.
    trade('AAPL', 200);
    vi.advanceTimersByTime(99);
    expect(batches).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(batches).toHaveLength(3);
  });

  it('cancels a pending batch when held, and sends nothing on release when nothing changed', () => {
    const { publisher, batches, trade } = setup(10);
    trade('AAPL', 1);
    vi.advanceTimersByTime(0);
    trade('AAPL', 2);
    publisher.hold(true);
    vi.advanceTimersByTime(1_000);
    expect(batches).toHaveLength(1);
    publisher.hold(false);
    expect(batches.at(-1)?.quotes.map((q) => q.price)).toEqual([2]);
    publisher.hold(true);
    publisher.hold(false);
    expect(batches).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
  });
});
