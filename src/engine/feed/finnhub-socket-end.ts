/**
 * How a Finnhub socket ended, decided where the evidence is (HTTP status, error, close code), as the
 * status the connection shows next and whether it retries.
 */
import { cleanServerText } from '../../shared/server-text';
import { classifyFinnhubStatus, refusedKeyMessage } from './finnhub-refusal';

export type SocketEnd =
  | { kind: 'unauthorized'; message: string }
  | { kind: 'rate-limited'; message: string; retryAfterMs: number | null }
  | { kind: 'offline'; message: string }
  | { kind: 'reconnecting'; message: string };

/** A refused handshake: a bad key stops, a 429 waits longer, anything else reconnects. */
export function classifyRefusal(status: number, retryAfterMs: number | null): SocketEnd {
  switch (classifyFinnhubStatus(status)) {
    case 'unauthorized':
      return { kind: 'unauthorized', message: refusedKeyMessage(status) };
    case 'rate-limited':
      return { kind: 'rate-limited', message: 'Finnhub is rate limiting connections (HTTP 429)', retryAfterMs };
    default:
      return { kind: 'reconnecting', message: `Finnhub refused the connection (HTTP ${status})` };
  }
}

/** A socket error: before the open, Finnhub cannot be reached; after it, the connection broke. */
export function errorEnd(opened: boolean, error: Error): SocketEnd {
  return opened
    ? { kind: 'reconnecting', message: `Connection error: ${errorMessage(error)}` }
    : { kind: 'offline', message: `Cannot reach Finnhub: ${errorMessage(error)}` };
}

/** A close frame, with the server's reason cleaned for the status line. */
export function closeEnd(opened: boolean, code: number, reason: Buffer): SocketEnd {
  const cleaned = reason.length > 0 ? cleanServerText(reason.toString('utf8')) : '';
  const text = cleaned.length > 0 ? `: ${cleaned}` : '';
  return opened
    ? { kind: 'reconnecting', message: `Connection closed (${code}${text})` }
    : { kind: 'offline', message: `Connection closed before it opened (${code}${text})` };
}

/** The error's message, with its code (ECONNREFUSED…) when the message does not already say it. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
