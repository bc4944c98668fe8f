import { describe, expect, it } from 'vitest';
import { MarketCalendar } from '../../../src/shared/market-calendar/market-calendar';
import { dayKeyOf, dayNumber } from '../../../src/shared/market-calendar/new-york-clock';
import { easterSunday, nyseYear } from '../../../src/shared/market-calendar/nyse-holidays';

/**
 * The NYSE's published holiday and early-close calendars, written down as data (not derived from
 * the rules under test). 2025 includes the unscheduled closure for President Carter's funeral.
 */
const PUBLISHED: Record<number, { holidays: string[]; earlyCloses: string[] }> = {
  2024: {
    holidays: [
      '2024-01-01',
      '2024-01-15',
      '2024-02-19',
      '2024-03-29',
      '2024-05-27',
      '2024-06-19',
      '2024-07-04',
      '2024-09-02',
      '2024-11-28',
      '2024-12-25',
    ],
    earlyCloses: ['2024-07-03', '2024-11-29', '2024-12-24'],
  },
  2025: {
    holidays: [
      '2025-01-01',
      '2025-01-09',
      '2025-01-20',
      '2025-02-17',
      '2025-04-18',
      '2025-05-26',
      '2025-06-19',
      '2025-07-04',
      '2025-09-01',
      '2025-11-27',
      '2025-12-25',
    ],
    earlyCloses: ['2025-07-03', '2025-11-28', '2025-12-24'],
  },
  2026: {
    holidays: [
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-04-03',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03',
      '2026-09-07',
      '2026-11-26',
      '2026-12-25',
    ],
    earlyCloses: ['2026-11-27', '2026-12-24'],
  },
  2027: {
    holidays: [
      '2027-01-01',
      '2027-01-18',
      '2027-02-15',
      '2027-03-26',
      '2027-05-31',
      '2027-06-18',
      '2027-07-05',
      '2027-09-06',
      '2027-11-25',
      '2027-12-24',
    ],
    earlyCloses: ['2027-11-26'],
  },
  2028: {
    // New Year's Day 2028 is a Saturday: not observed on Friday 2027-12-31.
    holidays: [
      '2028-01-17',
      '2028-02-21',
      '2028-04-14',
      '2028-05-29',
      '2028-06-19',
      '2028-07-04',
      '2028-09-04',
      '2028-11-23',
      '2028-12-25',
    ],
    earlyCloses: ['2028-07-03', '2028-11-24'],
  },
};

const keysOf = (days: Iterable<number>) => [...days].map(dayKeyOf).sort();

describe('NYSE holidays and early closes by rule', () => {
  for (const [year, published] of Object.entries(PUBLISHED)) {
    it(`match the published ${year} calendar`, () => {
      const rules = nyseYear(Number(year));
      expect(keysOf(rules.holidays.keys())).toEqual(published.holidays);
      expect(keysOf(rules.earlyCloses)).toEqual(published.earlyCloses);
    });
  }

  it('computes Easter Sunday (Good Friday two days before)', () => {
    expect(dayKeyOf(easterSunday(2024))).toBe('2024-03-31');
    expect(dayKeyOf(easterSunday(2025))).toBe('2025-04-20');
    expect(dayKeyOf(easterSunday(2038))).toBe('2038-04-25'); // the latest possible date
    expect(dayKeyOf(easterSunday(2285))).toBe('2285-03-22'); // the earliest possible date
  });

  it('observes Saturday holidays on Friday and Sunday holidays on Monday', () => {
    // Juneteenth 2022 was a Sunday (first year), Independence Day 2021 a Sunday, Christmas 2021 a Saturday.
    expect(keysOf(nyseYear(2022).holidays.keys())).toContain('2022-06-20');
    expect(keysOf(nyseYear(2021).holidays.keys())).toContain('2021-07-05');
    expect(keysOf(nyseYear(2021).holidays.keys())).toContain('2021-12-24');
    expect(keysOf(nyseYear(2023).holidays.keys())).toContain('2023-01-02'); // New Year's Day on a Sunday
  });

  it("does not observe a Saturday New Year's Day on the Friday before", () => {
    const calendar = new MarketCalendar();
    expect(calendar.isTradingDay(dayNumber(2021, 12, 31))).toBe(true);
    expect(calendar.isTradingDay(dayNumber(2027, 12, 31))).toBe(true);
    expect(keysOf(nyseYear(2022).holidays.keys())).not.toContain('2021-12-31');
  });

  it('has no Juneteenth before 2022', () => {
    expect(keysOf(nyseYear(2021).holidays.keys()).some((key) => key.startsWith('2021-06-1'))).toBe(false);
  });

  it('names holidays and knows trading days', () => {
    const calendar = new MarketCalendar();
    expect(calendar.holidayName(dayNumber(2026, 11, 26))).toBe('Thanksgiving Day');
    expect(calendar.holidayName(dayNumber(2026, 11, 27))).toBeNull();
    expect(calendar.isTradingDay(dayNumber(2026, 11, 28))).toBe(false); // Saturday
    expect(calendar.isEarlyClose(dayNumber(2026, 11, 27))).toBe(true);
  });
});
