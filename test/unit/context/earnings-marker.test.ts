import { describe, expect, it } from 'vitest';
import { earningsMarker, parseDayKey } from '../../../src/shared/earnings-marker';
import { MarketCalendar } from '../../../src/shared/market-calendar/market-calendar';

const calendar = new MarketCalendar();
/** Noon in New York (EST, December) on the given day of December 2026. */
const dec = (day: number, hour = 12) => Date.UTC(2026, 11, day, hour + 5, 0, 0);
const marker = (date: string, hour: 'bmo' | 'amc' | 'dmh' | null, now: number) =>
  earningsMarker({ date, hour }, now, calendar)?.text ?? null;

describe('earnings markers', () => {
  it('shows E on the New York date, with the hour in words', () => {
    const m = earningsMarker({ date: '2026-12-09', hour: 'bmo' }, dec(9), calendar);
    expect(m).toMatchObject({ text: 'E', daysAhead: 0, hourText: 'before open' });
    expect(m?.label).toBe('Earnings today, before open');
    expect(earningsMarker({ date: '2026-12-09', hour: 'dmh' }, dec(9), calendar)?.hourText).toBe('during the day');
    expect(earningsMarker({ date: '2026-12-09', hour: null }, dec(9), calendar)?.label).toBe('Earnings today');
  });

  it('counts the New York date, not UTC: 20:00 New York is already tomorrow in UTC', () => {
    // Tuesday 8 Dec 21:00 New York = Wednesday 02:00 UTC: still one day before a Wednesday report.
    expect(marker('2026-12-09', 'amc', dec(8, 21))).toBe('E 1d');
    expect(marker('2026-12-08', 'amc', dec(8, 21))).toBe('E');
  });

  it('shows E 1d and E 2d in trading days ahead, nothing further off', () => {
    expect(marker('2026-12-10', 'bmo', dec(8))).toBe('E 2d');
    expect(marker('2026-12-10', 'bmo', dec(9))).toBe('E 1d');
    expect(marker('2026-12-11', 'bmo', dec(8))).toBeNull();
    // Monday's report seen on Thursday: Friday and Monday are the two trading days.
    expect(marker('2026-12-14', 'bmo', dec(10))).toBe('E 2d');
    expect(marker('2026-12-14', 'bmo', dec(11))).toBe('E 1d');
    expect(marker('2026-12-14', 'bmo', dec(12))).toBe('E 1d');
  });

  it('carries a report after Friday close over the weekend to Monday open', () => {
    expect(marker('2026-12-11', 'amc', dec(11))).toBe('E');
    expect(marker('2026-12-11', 'amc', dec(12))).toBe('E');
    expect(marker('2026-12-11', 'amc', dec(13))).toBe('E');
    expect(marker('2026-12-11', 'amc', dec(14))).toBe('E');
    expect(earningsMarker({ date: '2026-12-11', hour: 'amc' }, dec(14), calendar)?.label).toBe(
      'Earnings reported Fri, Dec 11, after close; first trading on Mon, Dec 14',
    );
    expect(marker('2026-12-11', 'amc', dec(15))).toBeNull();
    // Before the open on Friday it is a report later today, not a weekend carry.
    expect(marker('2026-12-11', 'bmo', dec(12))).toBeNull();
  });

  it('skips market holidays: Thursday after close before Christmas Friday counts for Monday', () => {
    expect(marker('2026-12-24', 'amc', dec(25))).toBe('E');
    expect(marker('2026-12-24', 'amc', dec(28))).toBe('E');
    expect(marker('2026-12-24', 'amc', dec(29))).toBeNull();
    // Tuesday 22nd → Thursday 24th is 2 trading days; the 25th does not count.
    expect(marker('2026-12-28', 'bmo', dec(23))).toBe('E 2d');
  });

  it('refuses dates that are not dates', () => {
    expect(parseDayKey('2026-02-31')).toBeNull();
    expect(parseDayKey('2026-2-3')).toBeNull();
    expect(marker('soon', 'bmo', dec(9))).toBeNull();
    expect(earningsMarker(null, dec(9), calendar)).toBeNull();
    expect(earningsMarker({ date: '2026-12-09', hour: 'bmo' }, Number.NaN, calendar)).toBeNull();
  });
});
