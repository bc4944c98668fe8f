/**
 * Keeps the company context's background calls out of the user's way: before each one, wait while
 * the user's own calls (search, key test, previous closes) are queued, or while taking a slot would
 * leave fewer than `reserve` of the minute's calls free. The limiter already grants the user's
 * calls first when they wait together; the reserve covers the calls the user has not made yet, so
 * a search typed right after a burst of background calls is not left waiting for the window.
 */
import type { Clock } from '../../shared/clock';
import { TickerError } from '../../shared/ipc-contract';
import type { RateLimiter } from '../market/rate-limiter';

/** Calls of each window left for the user by default (of the free plan's 60 a minute). */
const DEFAULT_USER_RESERVE = 10;
const CHECK_EVERY_MS = 1_000;

export interface CallGate {
  (signal?: AbortSignal): Promise<void>;
  /** Stop every wait (each rejects) and let none through afterwards: shutting down. */
  close(): void;
}

export interface ReserveGateOptions {
  /** Calls of each window kept free for the user (default 10). */
  reserve?: number;
  /** True while the user's own work is still coming (the previous closes loading one by one). */
  userBusy?: () => boolean;
}

export function reserveGate(
  limiter: Pick<RateLimiter, 'freeSlots' | 'waitingFor'>,
  clock: Clock,
  options: ReserveGateOptions = {},
): CallGate {
  const reserve = options.reserve ?? DEFAULT_USER_RESERVE;
  const userBusy = options.userBusy ?? (() => false);
  // Nobody waiting at all: a call let through is granted at once, not queued behind others.
  const clear = (): boolean => !userBusy() && limiter.waitingFor() === 0 && limiter.freeSlots() > reserve;
  const waits = new Set<{ timer: unknown; reject: (error: unknown) => void }>();
  let closed = false;
  const gate = (signal?: AbortSignal): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (closed) {
        reject(new TickerError('network', 'Request cancelled: shutting down.'));
        return;
      }
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      if (clear()) {
        resolve();
        return;
      }
      const finish = (): void => {
        clock.clearInterval(wait.timer);
        waits.delete(wait);
        signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = (): void => {
        finish();
        reject(signal?.reason);
      };
      const wait = {
        timer: clock.setInterval(() => {
          if (!clear()) return;
          finish();
          resolve();
        }, CHECK_EVERY_MS),
        reject: (error: unknown) => {
          finish();
          reject(error);
        },
      };
      waits.add(wait);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  return Object.assign(gate, {
    close(): void {
      closed = true;
      for (const wait of [...waits]) wait.reject(new TickerError('network', 'Request cancelled: shutting down.'));
    },
  });
}
