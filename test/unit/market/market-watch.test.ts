import { describe, expect, it } from 'vitest';
import { MarketWatch, type MarketWatchState } from '../../../src/engine/market/market-watch';

/** A clock and timers the test moves by hand. */
function fakeTime(start: string) {
  let now = Date.parse(start);
  const pending = new Map<number, { at: number; callback: () => void }>();
  let nextId = 1;
  return {
    clock: {
      now: () => now,
      setTimeout: (callback: () => void, ms: number) => {
        const id = nextId++;
        pending.set(id, { at: now + ms, callback });
        return id;
      },
      clearTimeout: (handle: unknown) => void pending.delete(handle as number),
    },
    pendingCount: () => pending.size,
    /** Move the clock to `iso`, firing every timer due on the way, in order. */
    advanceTo(iso: string) {
      const target = Date.parse(iso);
      for (;;) {
        const due = [...pending.entries()].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].callback();
      }
      now = target;
    },
  };
}

describe('MarketWatch', () => {
  it('reports all markets closed over a weekend, and open again when the first one reopens', () => {
    const time = fakeTime('2026-11-27T21:59:00Z'); // Friday 16:59 New York, after the early close
    const watch = new MarketWatch({ clock: time.clock });
    const seen: MarketWatchState[] = [];
    watch.changed.subscribe((state) => seen.push(state));
    watch.setSymbols(['AAPL', 'OANDA:EUR_USD']);
    expect(watch.state().allClosed).toBe(false); // after-hours and forex still trade
    time.advanceTo('2026-11-27T22:00:00Z');
    expect(watch.state().allClosed).toBe(true);
    expect(watch.state().lines).toEqual([
      'US market opens Monday 09:30 ET (in 2 d 16 h)',
      'Forex market opens Sunday 17:00 ET (in 2 d)',
    ]);
    time.advanceTo('2026-11-29T22:00:00Z'); // Sunday 17:00: forex reopens
    expect(watch.state().allClosed).toBe(false);
    expect(
      seen
        .filter((state, index) => index === 0 || state.allClosed !== seen[index - 1]?.allClosed)
        .map((s) => s.allClosed),
    ).toEqual([false, true, false]);
  });

  it('never calls crypto-only or empty lists closed, and sets no timer for them', () => {
    const time = fakeTime('2026-11-28T12:00:00Z');
    const watch = new MarketWatch({ clock: time.clock });
    watch.setSymbols(['BINANCE:BTCUSDT']);
    expect(watch.state()).toEqual({ allClosed: false, lines: [] });
    expect(time.pendingCount()).toBe(0);
    watch.setSymbols([]);
    expect(watch.state().allClosed).toBe(false);
  });

  it('moves the countdown on and stops cleanly', () => {
    const time = fakeTime('2026-11-30T14:00:00Z'); // Monday 09:00 New York, pre-market
    const watch = new MarketWatch({ clock: time.clock });
    watch.setSymbols(['AAPL']);
    expect(watch.state().lines).toEqual(['US market opens 09:30 ET (in 30 min)']);
    time.advanceTo('2026-11-30T14:10:00Z');
    expect(watch.state().lines).toEqual(['US market opens 09:30 ET (in 20 min)']);
    time.advanceTo('2026-11-30T14:30:00Z');
    expect(watch.state().lines).toEqual(['US market closes 16:00 ET (in 6 h 30 min)']);
    watch.stop();
    expect(time.pendingCount()).toBe(0);
  });
});
