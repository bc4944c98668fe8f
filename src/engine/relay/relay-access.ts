/**
 * Who may talk to the relay, decided from the request alone: the Host header (against DNS
 * rebinding), the Origin header (browser pages) and the token. Pure, so every refusal is testable.
 */
import { normalizeRelayOrigin, relayOwnOrigins } from '../../shared/relay-rules';
import { relayTokensMatch } from './relay-token';

export type RelayRefusal =
  | { status: 403; reason: 'host'; message: string }
  | { status: 403; reason: 'origin'; message: string }
  | { status: 401; reason: 'token'; message: string };

export interface RelayAccessRules {
  port: number;
  token: string;
  /** Normalised origins of pages the user allowed (see normalizeRelayOrigin). */
  allowedOrigins: ReadonlySet<string>;
}

export interface RelayRequestFacts {
  host: string | undefined;
  origin: string | undefined;
  token: string | null;
}

/** `127.0.0.1:PORT`, `localhost:PORT` or `[::1]:PORT`; anything else may be a rebound DNS name. */
export function relayHostAllowed(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const value = host.toLowerCase();
  return value === `127.0.0.1:${port}` || value === `localhost:${port}` || value === `[::1]:${port}`;
}

/** No Origin (a program, not a page) is fine; a page must be allowed or be the relay's own. */
export function relayOriginAllowed(
  origin: string | undefined,
  rules: Pick<RelayAccessRules, 'port' | 'allowedOrigins'>,
): boolean {
  if (origin === undefined) return true;
  const normalized = normalizeRelayOrigin(origin);
  if (normalized === null) return false;
  return rules.allowedOrigins.has(normalized) || relayOwnOrigins(rules.port).includes(normalized);
}

/** Host first, then Origin, then the token: a rebound or foreign page learns nothing about the token. */
export function checkRelayAccess(facts: RelayRequestFacts, rules: RelayAccessRules): RelayRefusal | null {
  if (!relayHostAllowed(facts.host, rules.port)) return { status: 403, reason: 'host', message: 'Host not allowed' };
  if (!relayOriginAllowed(facts.origin, rules)) return { status: 403, reason: 'origin', message: 'Origin not allowed' };
  if (!relayTokensMatch(rules.token, facts.token))
    return { status: 401, reason: 'token', message: 'Missing or wrong relay token' };
  return null;
}
