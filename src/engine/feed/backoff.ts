/**
 * Waits after a failure, for the websocket and for REST alike: exponential backoff with jitter
 * above a floor, a longer floor for rate limiting, and `Retry-After` parsing. Pure functions;
 * randomness is passed in.
 */

export const DEFAULT_BACKOFF_BASE_MS = 1_000;
export const DEFAULT_BACKOFF_CAP_MS = 60_000;
/** The shortest wait after a 429 that did not say how long to wait. */
export const DEFAULT_RATE_LIMIT_MIN_MS = 30_000;

export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  /** Returns a number in [0, 1). */
  random: () => number;
}

/** How to wait after a 429: the backoff, a floor when the server gave no usable Retry-After, a cap on what it may ask. */
export interface RateLimitPolicy extends BackoffOptions {
  /** Floor of the wait after a 429 without a usable Retry-After. */
  rateLimitMinMs: number;
  /** Longest Retry-After honoured. */
  maxRetryAfterMs: number;
}

/** Upper bound of the jitter window for a 1-based attempt: min(cap, base * 2^(attempt-1)). */
export function backoffCeiling(attempt: number, baseMs: number, capMs: number): number {
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  // 2^exponent overflows to Infinity for huge attempts; min() keeps the cap.
  return Math.min(capMs, baseMs * 2 ** exponent);
}

/**
 * Equal jitter: a uniform delay in [ceiling/2, ceiling) with ceiling = min(cap, base * 2^(attempt-1)).
 * Full jitter can draw 0, and a client that retries at once after every refusal is a storm; the
 * floor (half the ceiling) grows with the attempt, the jitter still spreads clients apart.
 */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const ceiling = backoffCeiling(attempt, options.baseMs, options.capMs);
  const half = ceiling / 2;
  return Math.floor(half + clampUnit(options.random()) * half);
}

/**
 * Delay after a rate-limit refusal without a usable Retry-After: never shorter than `minMs`, plus a
 * jittered share that grows with the attempt (so clients refused together do not come back together).
 */
export function rateLimitDelay(attempt: number, minMs: number, options: BackoffOptions): number {
  const spread = backoffCeiling(attempt, minMs, Math.max(minMs, options.capMs));
  return minMs + Math.floor(clampUnit(options.random()) * spread);
}

/**
 * The wait after the `attempt`-th consecutive 429. A server's Retry-After may lengthen the wait
 * (up to `maxRetryAfterMs`) but never shorten it below the backoff: `Retry-After: 0`, a date in the
 * past or `1` sent forever still back off, and the wait keeps growing with consecutive refusals.
 */
export function rateLimitedDelay(attempt: number, retryAfterMs: number | null, policy: RateLimitPolicy): number {
  if (retryAfterMs === null) return rateLimitDelay(attempt, policy.rateLimitMinMs, policy);
  return Math.max(backoffDelay(attempt, policy), Math.min(retryAfterMs, policy.maxRetryAfterMs));
}

/**
 * `Retry-After` as milliseconds from `nowMs`: either delay-seconds ("120") or an HTTP date.
 * Returns null when absent or unreadable; a date in the past gives 0. What to do with the value
 * (floors, caps) is `rateLimitedDelay`'s business.
 */
export function parseRetryAfter(value: string | readonly string[] | undefined | null, nowMs: number): number | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (text.length === 0 || text.length > 64) return null;
  if (/^\d+$/.test(text)) {
    const seconds = Number(text);
    return Number.isSafeInteger(seconds) ? seconds * 1_000 : null;
  }
  // An HTTP date always names a weekday or month; refusing bare numbers-with-junk keeps Date.parse honest.
  if (!/[A-Za-z]/.test(text)) return null;
  const at = Date.parse(text);
  if (!Number.isFinite(at)) return null;
  return Math.max(0, at - nowMs);
}

function clampUnit(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 0;
  return value >= 1 ? 1 - Number.EPSILON : value;
}
