/**
 * When an old price is suspicious: only while its market's regular session runs (pre-market and
 * after-hours trading is too thin for a quiet price to mean anything, and a closed market is
 * quiet by nature) and the feed is live.
 */
import type { Session } from '../shared/market-calendar/market-calendar';

/** A price older than this, in its market's regular session with the feed live, is marked stale. */
export const STALE_AFTER_MS = 3 * 60_000;

export interface StaleCheck {
  /** The session of the symbol's market now. */
  session: Session;
  /** Epoch ms of the last trade or quote, null when none yet. */
  priceTime: number | null;
  now: number;
  /** The feed is connected and streaming (not demo, not reconnecting). */
  live: boolean;
  staleAfterMs?: number;
}

export function isPriceStale({ session, priceTime, now, live, staleAfterMs = STALE_AFTER_MS }: StaleCheck): boolean {
  if (!live || session !== 'regular' || priceTime == null || !Number.isFinite(priceTime)) return false;
  return now - priceTime > staleAfterMs;
}
