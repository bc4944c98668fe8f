/**
 * The NYSE's full-day closures and early closes, computed by the exchange's rules for any year
 * (plus the few unscheduled closures the rules cannot know).
 */
import { dayNumber, weekdayOf, type DayNumber } from './new-york-clock';

export interface NyseYear {
  /** Days the exchange is closed although they are weekdays, with the holiday's name. */
  readonly holidays: ReadonlyMap<DayNumber, string>;
  /** Trading days whose regular session ends at 13:00 (and after-hours at 17:00). */
  readonly earlyCloses: ReadonlySet<DayNumber>;
}

/**
 * Closures announced for events (national days of mourning, storms), not derivable from a rule.
 * A past list: the exchange announces new ones only days ahead.
 */
const UNSCHEDULED_CLOSURES: ReadonlyArray<readonly [number, number, number, string]> = [
  [2001, 9, 11, 'September 11 attacks'],
  [2001, 9, 12, 'September 11 attacks'],
  [2001, 9, 13, 'September 11 attacks'],
  [2001, 9, 14, 'September 11 attacks'],
  [2004, 6, 11, 'National Day of Mourning (Ronald Reagan)'],
  [2007, 1, 2, 'National Day of Mourning (Gerald Ford)'],
  [2012, 10, 29, 'Hurricane Sandy'],
  [2012, 10, 30, 'Hurricane Sandy'],
  [2018, 12, 5, 'National Day of Mourning (George H. W. Bush)'],
  [2025, 1, 9, 'National Day of Mourning (Jimmy Carter)'],
];

const JUNETEENTH_FIRST_YEAR = 2022;

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus). */
export function easterSunday(year: number): DayNumber {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(year, month, day);
}

/** The n-th (1-based) given weekday of a month; n = -1 for the last one. */
function nthWeekday(year: number, month: number, weekday: number, n: number): DayNumber {
  if (n > 0) {
    const first = dayNumber(year, month, 1);
    return first + ((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7;
  }
  const last = dayNumber(year, month + 1, 1) - 1;
  return last - ((weekdayOf(last) - weekday + 7) % 7);
}

/** A fixed-date holiday on a Saturday is observed the Friday before, on a Sunday the Monday after. */
function observed(day: DayNumber): DayNumber {
  const weekday = weekdayOf(day);
  if (weekday === 6) return day - 1;
  if (weekday === 0) return day + 1;
  return day;
}

export function isWeekend(day: DayNumber): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

/** The NYSE holidays and early closes of one year, by rule. */
export function nyseYear(year: number): NyseYear {
  const holidays = new Map<DayNumber, string>();
  const add = (day: DayNumber, name: string) => {
    if (!isWeekend(day)) holidays.set(day, name);
  };
  // New Year's Day on a Saturday is not observed on the Friday before (that Friday closes the year).
  const newYear = dayNumber(year, 1, 1);
  if (weekdayOf(newYear) !== 6) add(observed(newYear), "New Year's Day");
  add(nthWeekday(year, 1, 1, 3), 'Martin Luther King Jr. Day');
  add(nthWeekday(year, 2, 1, 3), "Washington's Birthday");
  add(easterSunday(year) - 2, 'Good Friday');
  add(nthWeekday(year, 5, 1, -1), 'Memorial Day');
  if (year >= JUNETEENTH_FIRST_YEAR) add(observed(dayNumber(year, 6, 19)), 'Juneteenth National Independence Day');
  add(observed(dayNumber(year, 7, 4)), 'Independence Day');
  add(nthWeekday(year, 9, 1, 1), 'Labor Day');
  const thanksgiving = nthWeekday(year, 11, 4, 4);
  add(thanksgiving, 'Thanksgiving Day');
  add(observed(dayNumber(year, 12, 25)), 'Christmas Day');
  for (const [y, m, d, name] of UNSCHEDULED_CLOSURES) if (y === year) add(dayNumber(y, m, d), name);

  const earlyCloses = new Set<DayNumber>();
  for (const day of [dayNumber(year, 7, 3), thanksgiving + 1, dayNumber(year, 12, 24)]) {
    if (!isWeekend(day) && !holidays.has(day)) earlyCloses.add(day);
  }
  return { holidays, earlyCloses };
}
