/**
 * Pure market-hours logic (New York time), used to decide whether an old price is suspicious.
 * Exchange holidays are not modelled: on a holiday a stock may look stale while the feed is live.
 */
import type { InstrumentKind } from '../shared/symbols';

export const MARKET_TIME_ZONE = 'America/New_York';

/** A price older than this, while its market is open and the feed is live, is marked stale. */
export const STALE_AFTER_MS = 3 * 60_000;

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export interface NewYorkTime {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Minutes since midnight, New York wall clock. */
  minutes: number;
}

let newYorkFormat: Intl.DateTimeFormat | null = null;

/** Weekday and wall-clock minutes in New York at `timeMs` (epoch ms). */
export function newYorkTime(timeMs: number): NewYorkTime {
  newYorkFormat ??= new Intl.DateTimeFormat('en-US', {
    timeZone: MARKET_TIME_ZONE,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  let weekday = 0;
  let hour = 0;
  let minute = 0;
  for (const part of newYorkFormat.formatToParts(timeMs)) {
    if (part.type === 'weekday') weekday = Math.max(0, WEEKDAYS.indexOf(part.value));
    else if (part.type === 'hour') hour = Number(part.value) % 24;
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return { weekday, minutes: hour * 60 + minute };
}

const STOCK_OPEN = 9 * 60 + 30;
const STOCK_CLOSE = 16 * 60;
const FOREX_ROLL = 17 * 60;

/**
 * Whether the instrument's market trades at `timeMs`: crypto always; US stocks Mon–Fri
 * 9:30–16:00 New York (regular session); forex from Sunday 17:00 to Friday 17:00 New York.
 */
export function isMarketOpen(kind: InstrumentKind, timeMs: number): boolean {
  if (kind === 'crypto') return true;
  if (!Number.isFinite(timeMs)) return false;
  const { weekday, minutes } = newYorkTime(timeMs);
  if (kind === 'stock') return weekday >= 1 && weekday <= 5 && minutes >= STOCK_OPEN && minutes < STOCK_CLOSE;
  if (weekday === 6) return false;
  if (weekday === 0) return minutes >= FOREX_ROLL;
  if (weekday === 5) return minutes < FOREX_ROLL;
  return true;
}

export interface StaleCheck {
  kind: InstrumentKind;
  /** Epoch ms of the last trade or quote, null when none yet. */
  priceTime: number | null;
  now: number;
  /** The feed is connected and streaming (not demo, not reconnecting). */
  live: boolean;
  staleAfterMs?: number;
}

/** A price is stale when the feed is live, its market is open, and it is older than the threshold. */
export function isPriceStale({ kind, priceTime, now, live, staleAfterMs = STALE_AFTER_MS }: StaleCheck): boolean {
  if (!live || priceTime == null || !Number.isFinite(priceTime)) return false;
  return now - priceTime > staleAfterMs && isMarketOpen(kind, now);
}
