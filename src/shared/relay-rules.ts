/**
 * The local relay's rules, shared by the engine, the headless command, the settings store and the
 * settings window: ports, limits, token shape and what an allowed browser origin looks like.
 */

export const DEFAULT_RELAY_PORT = 8765;
/** Unprivileged ports only: the relay never needs root. */
export const MIN_RELAY_PORT = 1024;
export const MAX_RELAY_PORT = 65535;

/** Websocket and SSE clients together; the next one gets HTTP 503. */
export const DEFAULT_RELAY_MAX_CLIENTS = 32;
/** A client whose unsent output passes this is dropped, so it cannot hold the others back. */
export const RELAY_MAX_BUFFERED_BYTES = 1024 * 1024;
/** `{"type":"ping"}` to every websocket client this often (Finnhub itself pings about once a minute). */
export const RELAY_PING_INTERVAL_MS = 30_000;
/** A comment line on every SSE stream this often, so proxies do not close it as idle. */
export const RELAY_SSE_COMMENT_INTERVAL_MS = 15_000;

/**
 * Subscription churn: a client may subscribe or unsubscribe at most RELAY_CHURN_LIMIT times in
 * RELAY_CHURN_WINDOW_MS; the next change closes it. Upstream, clients' changes are coalesced into
 * one net change every RELAY_UPSTREAM_PUSH_INTERVAL_MS and send at most
 * RELAY_UPSTREAM_FRAMES_PER_SECOND subscribe/unsubscribe frames to Finnhub.
 */
export const RELAY_CHURN_LIMIT = 120;
export const RELAY_CHURN_WINDOW_MS = 60_000;
export const RELAY_UPSTREAM_PUSH_INTERVAL_MS = 250;
export const RELAY_UPSTREAM_FRAMES_PER_SECOND = 20;

/** A quote the relay looked up for a client is reused this long (REST calls are the user's budget). */
export const RELAY_QUOTE_CACHE_MS = 60_000;
/** Quotes kept for relay clients at most (the oldest goes first). */
export const RELAY_QUOTE_CACHE_ENTRIES = 500;

/** Tokens are 16 to 128 printable characters without spaces (they travel in a URL query). */
export const RELAY_TOKEN_PATTERN = /^[A-Za-z0-9._~-]{16,128}$/;
export const MAX_RELAY_ORIGINS = 20;
const MAX_ORIGIN_LENGTH = 200;

export function isValidRelayToken(value: unknown): value is string {
  return typeof value === 'string' && RELAY_TOKEN_PATTERN.test(value);
}

export function isValidRelayPort(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_RELAY_PORT && value <= MAX_RELAY_PORT;
}

/**
 * A browser origin as the `Origin` header spells it (`scheme://host[:port]`, lower case, no path),
 * or null when the input is not one. `https://Example.com/` → `https://example.com`.
 */
export function normalizeRelayOrigin(input: unknown): string | null {
  if (typeof input !== 'string' || input.length === 0 || input.length > MAX_ORIGIN_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return null;
  if (url.pathname !== '/' && url.pathname !== '') return null;
  return url.origin;
}

/** The origins of pages the relay serves itself, which common websocket libraries send by default. */
export function relayOwnOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`];
}
