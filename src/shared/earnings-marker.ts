/**
 * The earnings marker of a strip item, by the market calendar: "E" from the New York date of the
 * report until the first session that trades on it (a report after Friday's close counts for
 * Monday's open), and "E 1d" / "E 2d" one or two trading days ahead. Pure: the strip, the card and
 * the tests share it.
 */
import type { MarketCalendar } from './market-calendar/market-calendar';
import { dayNumber, NewYorkClock, type DayNumber } from './market-calendar/new-york-clock';
import { CONTEXT_LIMITS, type EarningsDate, type EarningsHour } from './symbol-context';

export interface EarningsMarker {
  /** What the item shows: `E`, `E 1d` or `E 2d`. */
  text: string;
  /** Trading days until the report's first session (0 = on the day). */
  daysAhead: number;
  /** "before open", "after close", "during the day", or null when Finnhub does not say. */
  hourText: string | null;
  /** The whole sentence, for the card and the screen reader. */
  label: string;
}

const EARNINGS_HOUR_TEXT: Readonly<Record<EarningsHour, string>> = {
  bmo: 'before open',
  amc: 'after close',
  dmh: 'during the day',
};

/** `YYYY-MM-DD` → day number, or null when it is not a real date. */
export function parseDayKey(key: string): DayNumber | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const number = dayNumber(year, month, day);
  // 2026-02-31 rolls into March: not a date.
  if (new Date(number * 86_400_000).getUTCDate() !== day) return null;
  return number;
}

function nextTradingDay(calendar: MarketCalendar, from: DayNumber, inclusive: boolean): DayNumber {
  let day = inclusive ? from : from + 1;
  // Holidays and weekends never run longer than a few days; the bound only guards odd input.
  for (let i = 0; i < 14 && !calendar.isTradingDay(day); i += 1) day += 1;
  return day;
}

const dayFormat = new Intl.DateTimeFormat('en-US', {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

function dayText(day: DayNumber): string {
  return dayFormat.format(new Date(day * 86_400_000));
}

/**
 * The marker for `earnings` at `nowMs`, or null when the report is further off (or long past).
 * `nyClock` is optional: pass one to reuse its cache.
 */
export function earningsMarker(
  earnings: EarningsDate | null,
  nowMs: number,
  calendar: MarketCalendar,
  nyClock: NewYorkClock = new NewYorkClock(),
): EarningsMarker | null {
  if (earnings === null || !Number.isFinite(nowMs)) return null;
  const reportDay = parseDayKey(earnings.date);
  if (reportDay === null) return null;
  const hourText = earnings.hour === null ? null : EARNINGS_HOUR_TEXT[earnings.hour];
  const firstSession = nextTradingDay(calendar, reportDay, earnings.hour !== 'amc');
  const today = nyClock.dayAt(nowMs);
  const when = hourText === null ? '' : `, ${hourText}`;
  if (today >= reportDay && today <= firstSession) {
    const label =
      today === reportDay
        ? `Earnings today${when}`
        : `Earnings reported ${dayText(reportDay)}${when}; first trading on ${dayText(firstSession)}`;
    return { text: 'E', daysAhead: 0, hourText, label };
  }
  if (today > firstSession) return null;
  const anchor = nextTradingDay(calendar, reportDay, true);
  let daysAhead = 0;
  for (let day = today + 1; day <= anchor && daysAhead <= CONTEXT_LIMITS.earningsMarkerDaysAhead; day += 1) {
    if (calendar.isTradingDay(day)) daysAhead += 1;
  }
  if (daysAhead < 1 || daysAhead > CONTEXT_LIMITS.earningsMarkerDaysAhead) return null;
  const label = `Earnings ${dayText(reportDay)}${when}, in ${daysAhead} trading day${daysAhead === 1 ? '' : 's'}`;
  return { text: `E ${daysAhead}d`, daysAhead, hourText, label };
}
