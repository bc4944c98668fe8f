import { describe, it, expect } from 'vitest';
import { isMarketOpen, isPriceStale, newYorkTime, STALE_AFTER_MS } from '../../../src/renderer/market-hours';

const at = (iso: string) => Date.parse(iso);

describe('newYorkTime', () => {
  it('reads the New York wall clock in winter and summer time', () => {
    expect(newYorkTime(at('2025-01-15T14:30:00Z'))).toEqual({ weekday: 3, minutes: 9 * 60 + 30 });
    expect(newYorkTime(at('2025-07-16T13:30:00Z'))).toEqual({ weekday: 3, minutes: 9 * 60 + 30 });
    expect(newYorkTime(at('2025-01-16T04:59:00Z'))).toEqual({ weekday: 3, minutes: 23 * 60 + 59 });
  });
});

describe('isMarketOpen', () => {
  it('keeps crypto open around the clock', () => {
    expect(isMarketOpen('crypto', at('2025-01-18T12:00:00Z'))).toBe(true);
  });

  it('opens US stocks 9:30–16:00 New York on weekdays only', () => {
    expect(isMarketOpen('stock', at('2025-01-15T14:29:00Z'))).toBe(false);
    expect(isMarketOpen('stock', at('2025-01-15T14:30:00Z'))).toBe(true);
    expect(isMarketOpen('stock', at('2025-01-15T20:59:00Z'))).toBe(true);
    expect(isMarketOpen('stock', at('2025-01-15T21:00:00Z'))).toBe(false);
    expect(isMarketOpen('stock', at('2025-07-16T13:30:00Z'))).toBe(true); // summer: 9:30 EDT
    expect(isMarketOpen('stock', at('2025-01-18T15:00:00Z'))).toBe(false); // Saturday
    expect(isMarketOpen('stock', at('2025-01-19T15:00:00Z'))).toBe(false); // Sunday
  });

  it('opens forex from Sunday 17:00 to Friday 17:00 New York', () => {
    expect(isMarketOpen('forex', at('2025-01-19T21:59:00Z'))).toBe(false); // Sun 16:59
    expect(isMarketOpen('forex', at('2025-01-19T22:00:00Z'))).toBe(true); // Sun 17:00
    expect(isMarketOpen('forex', at('2025-01-15T03:00:00Z'))).toBe(true); // Tue night
    expect(isMarketOpen('forex', at('2025-01-17T21:59:00Z'))).toBe(true); // Fri 16:59
    expect(isMarketOpen('forex', at('2025-01-17T22:00:00Z'))).toBe(false); // Fri 17:00
    expect(isMarketOpen('forex', at('2025-01-18T12:00:00Z'))).toBe(false); // Saturday
  });

  it('treats a non-finite time as closed', () => {
    expect(isMarketOpen('stock', Number.NaN)).toBe(false);
  });
});

describe('isPriceStale', () => {
  const now = at('2025-01-15T15:00:00Z'); // Wednesday 10:00 New York
  const old = now - STALE_AFTER_MS - 1;

  it('marks an old price stale while the feed is live and the market open', () => {
    expect(isPriceStale({ kind: 'stock', priceTime: old, now, live: true })).toBe(true);
  });

  it('does not mark a recent price, a closed market, a non-live feed or a missing time', () => {
    expect(isPriceStale({ kind: 'stock', priceTime: now - 1000, now, live: true })).toBe(false);
    expect(isPriceStale({ kind: 'stock', priceTime: old, now, live: false })).toBe(false);
    expect(isPriceStale({ kind: 'stock', priceTime: null, now, live: true })).toBe(false);
    const saturday = at('2025-01-18T15:00:00Z');
    expect(isPriceStale({ kind: 'stock', priceTime: saturday - STALE_AFTER_MS * 10, now: saturday, live: true })).toBe(false);
    expect(isPriceStale({ kind: 'crypto', priceTime: saturday - STALE_AFTER_MS * 10, now: saturday, live: true })).toBe(true);
  });
});
