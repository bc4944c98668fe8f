/**
 * Market sessions for any symbol and instant: US equities (pre-market, regular, after-hours, NYSE
 * holidays and early closes), forex (Sunday 17:00 to Friday 17:00 New York), crypto (always).
 * Pure and Electron-free: the main process, the renderer and the headless commands share it.
 *
 * Built to be asked often: each answer is a span of constant session, cached per market, so the
 * usual call (an instant in the same span as the last one) allocates nothing and formats nothing.
 */
import { dayKeyOf, NewYorkClock, weekdayOf, type DayNumber } from './new-york-clock';
import { isWeekend, nyseYear, type NyseYear } from './nyse-holidays';
import { marketOf, type Market } from './market-of';

export type Session = 'pre' | 'regular' | 'post' | 'closed';

/** When the session changes next, and to what. */
interface SessionChange {
  readonly session: Session;
  /** Epoch ms. */
  readonly at: number;
}

/** A stretch of time in which a market's session stays the same. */
export interface SessionSpan {
  readonly market: Market;
  readonly session: Session;
  /** Epoch ms the session began (−Infinity for a market that never closes). */
  readonly start: number;
  /** Epoch ms it ends (Infinity for a market that never closes). */
  readonly end: number;
  /** The next change; null for a market that never closes. */
  readonly next: SessionChange | null;
}

/** New York wall-clock minutes of the US equity sessions. */
const US_EQUITY_HOURS = {
  preOpen: 4 * 60,
  regularOpen: 9 * 60 + 30,
  regularClose: 16 * 60,
  postClose: 20 * 60,
  earlyRegularClose: 13 * 60,
  earlyPostClose: 17 * 60,
} as const;

/** Forex trades from Sunday to Friday, opening and closing at 17:00 New York. */
const FOREX_ROLL_MINUTES = 17 * 60;

const MS_PER_DAY = 86_400_000;
const MAX_CACHED_DAYS = 64;
/** Watch lists hold tens of symbols; a bound keeps hostile input from growing the cache. */
const MAX_CACHED_SYMBOLS = 1024;

interface UsDay {
  readonly trading: boolean;
  readonly preOpen: number;
  readonly regularOpen: number;
  readonly regularClose: number;
  readonly postClose: number;
}

const ALWAYS_OPEN: Record<'crypto' | 'unknown', SessionSpan> = {
  crypto: Object.freeze({ market: 'crypto', session: 'regular', start: -Infinity, end: Infinity, next: null }),
  unknown: Object.freeze({ market: 'unknown', session: 'regular', start: -Infinity, end: Infinity, next: null }),
};

export class MarketCalendar {
  private readonly clock = new NewYorkClock();
  private readonly years = new Map<number, NyseYear>();
  private readonly usDays = new Map<DayNumber, UsDay>();
  private readonly markets = new Map<string, Market>();
  private usSpan: SessionSpan | null = null;
  private usSpanTradingDay = '';
  private forexSpan: SessionSpan | null = null;
  /** The forex trading day last asked for, valid for times in [start, end). */
  private forexDay = { start: 0, end: 0, key: '' };
  private cachedUtcDay = Number.NaN;
  private cachedUtcDayKey = '';

  /** The market whose hours `symbol` follows. */
  marketOf(symbol: string): Market {
    let market = this.markets.get(symbol);
    if (market === undefined) {
      market = marketOf(symbol);
      if (this.markets.size >= MAX_CACHED_SYMBOLS) this.markets.clear();
      this.markets.set(symbol, market);
    }
    return market;
  }

  /** The session span of `symbol`'s market around `timeMs`. Throws RangeError for a non-finite time. */
  sessionAt(symbol: string, timeMs: number): SessionSpan {
    return this.span(this.marketOf(symbol), timeMs);
  }

  /**
   * Some symbols are watched and none of their markets is in any session at `timeMs`: the rule for
   * "all markets closed", when the strip dims or steps aside (main's market watch and the strip).
   */
  allClosed(symbols: readonly string[], timeMs: number): boolean {
    return symbols.length > 0 && symbols.every((symbol) => this.sessionAt(symbol, timeMs).session === 'closed');
  }

  /** The session span of `market` around `timeMs`. Throws RangeError for a non-finite time. */
  span(market: Market, timeMs: number): SessionSpan {
    if (!Number.isFinite(timeMs)) throw new RangeError(`not a time: ${timeMs}`);
    switch (market) {
      case 'us-equity':
        return this.usEquitySpan(timeMs);
      case 'forex':
        return this.forexSpanAt(timeMs);
      default:
        return ALWAYS_OPEN[market];
    }
  }

  /**
   * The trading day `timeMs` counts towards, as a sortable `YYYY-MM-DD` key. US equities: the day
   * of the session under way, or of the last one while closed (a Saturday belongs to Friday, so
   * the previous close stays Thursday's until Monday's pre-market opens). Forex: the day whose
   * session runs to 17:00 New York. Crypto and the rest: the UTC day.
   */
  tradingDay(market: Market, timeMs: number): string {
    if (market === 'us-equity') {
      this.usEquitySpan(timeMs);
      return this.usSpanTradingDay;
    }
    if (!Number.isFinite(timeMs)) throw new RangeError(`not a time: ${timeMs}`);
    if (market === 'forex') return this.forexTradingDay(timeMs);
    const day = Math.floor(timeMs / MS_PER_DAY);
    if (day !== this.cachedUtcDay) {
      this.cachedUtcDayKey = dayKeyOf(day);
      this.cachedUtcDay = day;
    }
    return this.cachedUtcDayKey;
  }

  /** The next instant after `timeMs` a regular session of `market` begins; null if it never closes. */
  nextRegularOpen(market: Market, timeMs: number): number | null {
    let span = this.span(market, timeMs);
    // Closed → pre → regular at most; holidays live inside one closed span.
    for (let step = 0; step < 4 && span.next !== null; step += 1) {
      if (span.next.session === 'regular') return span.next.at;
      span = this.span(market, span.next.at);
    }
    return null;
  }

  /** Whether the NYSE trades on the New York calendar day `day`. */
  isTradingDay(day: DayNumber): boolean {
    return !isWeekend(day) && !this.yearOf(day).holidays.has(day);
  }

  /** Whether `day` is a NYSE early close (regular session ends 13:00). */
  isEarlyClose(day: DayNumber): boolean {
    return this.yearOf(day).earlyCloses.has(day);
  }

  /** The NYSE holiday's name on `day`, or null. */
  holidayName(day: DayNumber): string | null {
    return this.yearOf(day).holidays.get(day) ?? null;
  }

  private usEquitySpan(timeMs: number): SessionSpan {
    const cached = this.usSpan;
    if (cached !== null && timeMs >= cached.start && timeMs < cached.end) return cached;
    const today = this.clock.dayAt(timeMs);
    const hours = this.usDay(today);
    let span: SessionSpan;
    let tradingDay = today;
    if (hours.trading && timeMs >= hours.preOpen && timeMs < hours.postClose) {
      if (timeMs < hours.regularOpen) span = usSpan('pre', hours.preOpen, hours.regularOpen, 'regular');
      else if (timeMs < hours.regularClose) span = usSpan('regular', hours.regularOpen, hours.regularClose, 'post');
      else span = usSpan('post', hours.regularClose, hours.postClose, 'closed');
    } else {
      const afterToday = hours.trading && timeMs >= hours.postClose;
      tradingDay = afterToday ? today : this.tradingDayBefore(today);
      const nextDay = hours.trading && !afterToday ? today : this.tradingDayAfter(today);
      span = usSpan('closed', this.usDay(tradingDay).postClose, this.usDay(nextDay).preOpen, 'pre');
    }
    this.usSpan = span;
    this.usSpanTradingDay = dayKeyOf(tradingDay);
    return span;
  }

  /**
   * Forex days roll at 17:00 New York: the session that opens at 17:00 belongs to the next day, so a
   * day's close (the next day's previous close) is the price at the roll. The weekend and Sunday's
   * first hours belong to Friday, the last day that traded.
   */
  private forexTradingDay(timeMs: number): string {
    const cached = this.forexDay;
    if (timeMs >= cached.start && timeMs < cached.end) return cached.key;
    const { day, minutes } = this.clock.at(timeMs);
    const session = minutes >= FOREX_ROLL_MINUTES ? day + 1 : day;
    const weekday = weekdayOf(session);
    const key = dayKeyOf(weekday === 6 ? session - 1 : weekday === 0 ? session - 2 : session);
    this.forexDay = {
      start: this.clock.instantOf(session - 1, FOREX_ROLL_MINUTES),
      end: this.clock.instantOf(session, FOREX_ROLL_MINUTES),
      key,
    };
    return key;
  }

  private forexSpanAt(timeMs: number): SessionSpan {
    const cached = this.forexSpan;
    if (cached !== null && timeMs >= cached.start && timeMs < cached.end) return cached;
    const { day, weekday } = this.clock.at(timeMs);
    const sunday = day - weekday;
    const opens = this.clock.instantOf(sunday, FOREX_ROLL_MINUTES);
    const closes = this.clock.instantOf(sunday + 5, FOREX_ROLL_MINUTES);
    let span: SessionSpan;
    if (timeMs < opens)
      span = forexSpan('closed', this.clock.instantOf(sunday - 2, FOREX_ROLL_MINUTES), opens, 'regular');
    else if (timeMs < closes) span = forexSpan('regular', opens, closes, 'closed');
    else span = forexSpan('closed', closes, this.clock.instantOf(sunday + 7, FOREX_ROLL_MINUTES), 'regular');
    this.forexSpan = span;
    return span;
  }

  private tradingDayBefore(day: DayNumber): DayNumber {
    let candidate = day - 1;
    while (!this.isTradingDay(candidate)) candidate -= 1;
    return candidate;
  }

  private tradingDayAfter(day: DayNumber): DayNumber {
    let candidate = day + 1;
    while (!this.isTradingDay(candidate)) candidate += 1;
    return candidate;
  }

  private usDay(day: DayNumber): UsDay {
    let hours = this.usDays.get(day);
    if (hours !== undefined) return hours;
    const early = this.isEarlyClose(day);
    hours = {
      trading: this.isTradingDay(day),
      preOpen: this.clock.instantOf(day, US_EQUITY_HOURS.preOpen),
      regularOpen: this.clock.instantOf(day, US_EQUITY_HOURS.regularOpen),
      regularClose: this.clock.instantOf(day, early ? US_EQUITY_HOURS.earlyRegularClose : US_EQUITY_HOURS.regularClose),
      postClose: this.clock.instantOf(day, early ? US_EQUITY_HOURS.earlyPostClose : US_EQUITY_HOURS.postClose),
    };
    if (this.usDays.size >= MAX_CACHED_DAYS) this.usDays.clear();
    this.usDays.set(day, hours);
    return hours;
  }

  private yearOf(day: DayNumber): NyseYear {
    const year = new Date(day * MS_PER_DAY).getUTCFullYear();
    let rules = this.years.get(year);
    if (rules === undefined) {
      rules = nyseYear(year);
      this.years.set(year, rules);
    }
    return rules;
  }
}

function usSpan(session: Session, start: number, end: number, nextSession: Session): SessionSpan {
  return Object.freeze({
    market: 'us-equity',
    session,
    start,
    end,
    next: Object.freeze({ session: nextSession, at: end }),
  });
}

function forexSpan(session: Session, start: number, end: number, nextSession: Session): SessionSpan {
  return Object.freeze({
    market: 'forex',
    session,
    start,
    end,
    next: Object.freeze({ session: nextSession, at: end }),
  });
}
