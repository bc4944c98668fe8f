/**
 * What a plausible price, volume and trade time is, defined once for the protocol parser, the tick
 * store and REST quotes. The bounds keep every derived figure finite: with prices in
 * [MIN_PRICE, MAX_PRICE], change and change % (price / previous close × 100 < 1e26) can never
 * overflow, and with per-trade volumes up to MAX_TRADE_VOLUME a day's sum would need more than
 * 1e290 trades to reach Infinity. Each check is a couple of comparisons (the ingest hot path).
 */

/** Below any quoted instrument (the smallest crypto prices are around 1e-10) and far above 5e-324. */
export const MIN_PRICE = 1e-12;
/** Above any quoted instrument (Bitcoin in the weakest currencies is around 1e10). */
export const MAX_PRICE = 1e12;
/** One trade's volume: far above any real print, far below where sums lose finiteness. */
export const MAX_TRADE_VOLUME = 1e15;

/** Earliest and latest trade times at all (epoch ms); seconds-instead-of-ms fall outside. */
export const MIN_TRADE_TIME_MS = Date.UTC(2000, 0, 1);
export const MAX_TRADE_TIME_MS = Date.UTC(2100, 0, 1);

/**
 * How far ahead of this computer's clock a trade may be stamped (clock skew between us and the
 * exchange). Later stamps are bad data: letting them in would roll the trading day forward and
 * freeze the symbol until the clock caught up.
 */
export const DEFAULT_MAX_FUTURE_SKEW_MS = 5 * 60_000;
/**
 * How far behind the clock a trade may be stamped. Finnhub streams trades as they happen; one a
 * day old is a replay or a corrupt stamp and must not become the price (nor, later, the previous
 * close). Older-than-the-symbol's-day trades are refused separately (`stale-day`).
 */
export const DEFAULT_MAX_TRADE_AGE_MS = 24 * 3_600_000;

export function isPlausiblePrice(value: unknown): value is number {
  return typeof value === 'number' && value >= MIN_PRICE && value <= MAX_PRICE;
}

/** A time (epoch ms) inside the absolute bounds; the clock-relative window is the store's check. */
export function isPlausibleTime(value: unknown): value is number {
  return typeof value === 'number' && value >= MIN_TRADE_TIME_MS && value <= MAX_TRADE_TIME_MS;
}
