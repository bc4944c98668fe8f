/**
 * The local relay's rules, shared by the engine, the headless command, the settings store and the
 * settings window: ports, limits, token shape and what an allowed browser origin looks like.
 */
import { MAX_URL_LENGTH } from './text-limits';

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
/**
 * The longest allowed origin as it is saved: normalised (an internationalised host in punycode, so a
 * 130-character address can become 360). The one limit the settings window, the IPC validator, the
 * settings service and the settings file's schema apply, always to the normalised origin.
 */
export const MAX_RELAY_ORIGIN_LENGTH = 200;

export function isValidRelayToken(value: unknown): value is string {
  return typeof value === 'string' && RELAY_TOKEN_PATTERN.test(value);
}

export function isValidRelayPort(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_RELAY_PORT && value <= MAX_RELAY_PORT;
}

/** An origin checked: its normalised form, or why it cannot be allowed. */
export type CheckedRelayOrigin = { ok: true; origin: string } | { ok: false; message: string };

/**
 * Check an allowed origin after normalising it (`https://Example.com/` → `https://example.com`, an
 * internationalised host in punycode). Its length is checked as it will be saved.
 */
export function checkRelayOrigin(input: unknown): CheckedRelayOrigin {
  const notOrigin: CheckedRelayOrigin = {
    ok: false,
    message: 'Not an origin: use the form https://example.com or http://localhost:3000',
  };
  if (typeof input !== 'string' || input.length === 0 || input.length > MAX_URL_LENGTH) return notOrigin;
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return notOrigin;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return notOrigin;
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return notOrigin;
  if (url.pathname !== '/' && url.pathname !== '') return notOrigin;
  if (url.origin.length > MAX_RELAY_ORIGIN_LENGTH)
    return {
      ok: false,
      message: `The origin is too long: ${url.origin.length} characters as saved (${url.origin.slice(0, 40)}…), the limit is ${MAX_RELAY_ORIGIN_LENGTH}`,
    };
  return { ok: true, origin: url.origin };
}

/**
 * A browser origin as the `Origin` header spells it (`scheme://host[:port]`, lower case, no path),
 * or null when the input is not one (or is too long once normalised). `https://Example.com/` →
 * `https://example.com`.
 */
export function normalizeRelayOrigin(input: unknown): string | null {
  const checked = checkRelayOrigin(input);
  return checked.ok ? checked.origin : null;
}

/** The origins of pages the relay serves itself, which common websocket libraries send by default. */
export function relayOwnOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`];
}
