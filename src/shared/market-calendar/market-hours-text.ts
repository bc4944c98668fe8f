/**
 * "US market opens Monday 09:30 ET (in 2 d 14 h)": the tray's and the settings window's line for each
 * watched market that closes. Times are New York wall-clock times, the markets' own, labelled ET
 * (Eastern Time, whichever of EST and EDT is in force) so nobody reads them as their own zone.
 */
import type { MarketCalendar } from './market-calendar';
import { marketOf, type Market } from './market-of';
import { NewYorkClock, WEEKDAY_NAMES } from './new-york-clock';

const MARKET_NAMES: Partial<Record<Market, string>> = { 'us-equity': 'US market', forex: 'Forex market' };

/** Markets with hours, in the order their lines appear. */
const MARKETS_WITH_HOURS: readonly Market[] = ['us-equity', 'forex'];

const MS_PER_MINUTE = 60_000;

/** The zone every market time is given in: New York's (Eastern Time). */
const MARKET_ZONE_LABEL = 'ET';

/** "2 d 14 h", "3 h 5 min", "12 min", "under a minute": the largest two units, rounded down. */
export function formatCountdown(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / MS_PER_MINUTE);
  if (minutes < 1) return 'under a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** Writes the lines; owns a New York clock so formatting creates no Intl objects per call. */
export class MarketHoursText {
  private readonly clock = new NewYorkClock();

  constructor(private readonly calendar: MarketCalendar) {}

  /** One line per market with hours among `symbols` (none for crypto-only lists). */
  lines(symbols: readonly string[], now: number): string[] {
    const watched = new Set(symbols.map(marketOf));
    return MARKETS_WITH_HOURS.filter((market) => watched.has(market)).map((market) => this.line(market, now));
  }

  /** "US market opens Monday 09:30 ET (in 2 d 14 h)" or "US market closes 16:00 ET (in 2 h 5 min)". */
  line(market: Market, now: number): string {
    const name = MARKET_NAMES[market] ?? 'Market';
    const span = this.calendar.span(market, now);
    if (span.next === null) return `${name} is always open`;
    if (span.session === 'regular') {
      return `${name} closes ${this.when(span.end, now)} (in ${formatCountdown(span.end - now)})`;
    }
    const opens = this.calendar.nextRegularOpen(market, now);
    if (opens === null) return `${name} is closed`;
    return `${name} opens ${this.when(opens, now)} (in ${formatCountdown(opens - now)})`;
  }

  /** "09:30 ET" today, "tomorrow 09:30 ET", "Monday 09:30 ET" (New York days and times). */
  private when(at: number, now: number): string {
    const target = this.clock.at(at);
    const time = `${twoDigits(Math.floor(target.minutes / 60))}:${twoDigits(target.minutes % 60)} ${MARKET_ZONE_LABEL}`;
    const days = target.day - this.clock.dayAt(now);
    if (days === 0) return time;
    if (days === 1) return `tomorrow ${time}`;
    return `${WEEKDAY_NAMES[target.weekday]} ${time}`;
  }
}
