import { instrumentKind, type InstrumentKind } from '../../shared/symbols';

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

/** The time zone whose calendar day is a US stock's trading day. */
export const US_MARKET_TIME_ZONE = 'America/New_York';

/**
 * Which trading day an instant belongs to, as a sortable `YYYY-MM-DD` key: the calendar day in
 * New York for US stocks, the UTC day for crypto and forex.
 *
 * Built for the hot path: New York changes its UTC offset only on whole hours, so the day key is
 * constant within a UTC hour and is cached per hour (and per UTC day for the others). Trades
 * arrive roughly in time order, so almost every call is a cache hit that allocates nothing.
 */
export class TradingDayCalendar {
  private readonly newYorkFormat = new Intl.DateTimeFormat('en-US', {
    timeZone: US_MARKET_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  private cachedHour = Number.NaN;
  private cachedHourKey = '';
  private cachedUtcDay = Number.NaN;
  private cachedUtcDayKey = '';

  /** Day key of `timeMs` (epoch ms) for the given symbol. Throws RangeError for a non-finite time. */
  dayKey(symbol: string, timeMs: number): string {
    return this.dayKeyForKind(instrumentKind(symbol), timeMs);
  }

  /** Throws RangeError for a non-finite time (callers validate times first). */
  dayKeyForKind(kind: InstrumentKind, timeMs: number): string {
    if (!Number.isFinite(timeMs)) throw new RangeError(`not a time: ${timeMs}`);
    return kind === 'stock' ? this.newYorkDayKey(timeMs) : this.utcDayKey(timeMs);
  }

  private newYorkDayKey(timeMs: number): string {
    const hour = Math.floor(timeMs / MS_PER_HOUR);
    if (hour !== this.cachedHour) {
      this.cachedHourKey = this.formatNewYork(timeMs);
      this.cachedHour = hour;
    }
    return this.cachedHourKey;
  }

  private utcDayKey(timeMs: number): string {
    const day = Math.floor(timeMs / MS_PER_DAY);
    if (day !== this.cachedUtcDay) {
      this.cachedUtcDayKey = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
      this.cachedUtcDay = day;
    }
    return this.cachedUtcDayKey;
  }

  private formatNewYork(timeMs: number): string {
    let year = '';
    let month = '';
    let day = '';
    for (const part of this.newYorkFormat.formatToParts(timeMs)) {
      if (part.type === 'year') year = part.value;
      else if (part.type === 'month') month = part.value;
      else if (part.type === 'day') day = part.value;
    }
    return `${year}-${month}-${day}`;
  }
}
