/**
 * What a failed context call means for its piece: the note the card shows in its place, and when
 * to ask again. A 403 is a premium-only endpoint on the free plan (asked again a day later); a
 * refused key waits an hour; a 429 waits what the server asked; anything else backs off.
 */
import { TickerError } from '../../shared/ipc-contract';
import { FinnhubRestError } from '../market/finnhub-rest';

export interface PieceFailure {
  /** Shown in place of the piece. */
  note: string;
  retryInMs: number;
}

const HOUR_MS = 3600_000;
const BACKOFF_BASE_MS = 60_000;

export function pieceFailure(error: unknown, attempt: number): PieceFailure {
  const status = error instanceof FinnhubRestError ? error.status : null;
  if (status === 403) return { note: 'Not available on your Finnhub plan', retryInMs: 24 * HOUR_MS };
  if (error instanceof TickerError) {
    switch (error.code) {
      case 'unauthorized':
        return { note: 'Finnhub refused the API key', retryInMs: HOUR_MS };
      case 'rate-limited': {
        const wait = error instanceof FinnhubRestError && error.retryAfterMs !== null ? error.retryAfterMs : 60_000;
        return { note: 'Waiting for Finnhub (rate limit)', retryInMs: Math.max(1_000, wait) };
      }
      case 'not-found':
        return { note: 'Finnhub has nothing for this symbol', retryInMs: 6 * HOUR_MS };
      default:
        break;
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    note: `Could not load: ${message.slice(0, 120)}`,
    retryInMs: Math.min(HOUR_MS, BACKOFF_BASE_MS * 2 ** Math.min(6, Math.max(0, attempt - 1))),
  };
}
