import { TickerError } from '../../shared/ipc-contract';
import { systemClock, type Clock } from '../../shared/clock';

export interface RateLimit {
  /** At most this many calls ... */
  limit: number;
  /** ... in any window of this many ms. */
  windowMs: number;
}

/** Finnhub's free plan: 60 calls a minute, and never more than 30 in a second. */
export const FINNHUB_FREE_LIMITS: readonly RateLimit[] = [
  { limit: 60, windowMs: 60_000 },
  { limit: 30, windowMs: 1_000 },
];

export const DEFAULT_MAX_QUEUED = 200;

export interface RateLimiterOptions {
  limits?: readonly RateLimit[];
  /** Waiting callers beyond this are refused with 'rate-limited' (default 200). */
  maxQueued?: number;
  clock?: Clock;
}

export interface AcquireOptions {
  /** Abort the wait (the promise rejects with the signal's reason). */
  signal?: AbortSignal;
  /** Give up with 'rate-limited' if no slot is granted within this many ms. */
  maxWaitMs?: number;
}

/** Anything that can hand out request slots (RateLimiter does). */
export interface RequestSlots {
  acquire(options?: AcquireOptions): Promise<void>;
  /** The server said "too many": grant nothing for this long. */
  pauseFor(ms: number): void;
}

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
  cleanup: () => void;
}

/**
 * A sliding-window limiter shared by every REST call, so the app as a whole stays within the plan.
 * Callers `await acquire()` before each request and are served first come, first served. Only one
 * timer exists at a time (the wake-up for the next free slot), none while idle.
 */
export class RateLimiter implements RequestSlots {
  private readonly limits: readonly RateLimit[];
  private readonly maxQueued: number;
  private readonly clock: Clock;
  /** Grant times, oldest first; never longer than the largest limit. */
  private readonly grants: number[] = [];
  private readonly historySize: number;
  private readonly longestWindowMs: number;
  private readonly queue: Waiter[] = [];
  private pausedUntil = Number.NEGATIVE_INFINITY;
  private wakeTimer: unknown = null;

  constructor(options: RateLimiterOptions = {}) {
    const limits = (options.limits ?? FINNHUB_FREE_LIMITS).filter(
      (l) => Number.isInteger(l.limit) && l.limit > 0 && Number.isFinite(l.windowMs) && l.windowMs > 0,
    );
    if (limits.length === 0) throw new RangeError('RateLimiter needs at least one valid limit');
    this.limits = limits;
    this.historySize = Math.max(...limits.map((l) => l.limit));
    this.longestWindowMs = Math.max(...limits.map((l) => l.windowMs));
    this.maxQueued = options.maxQueued ?? DEFAULT_MAX_QUEUED;
    this.clock = options.clock ?? systemClock;
  }

  /** Callers currently waiting for a slot. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Resolves when the caller may make one request. */
  acquire(options: AcquireOptions = {}): Promise<void> {
    const { signal, maxWaitMs } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.queue.length === 0 && this.delayUntilFreeSlot(this.clock.now()) === 0) {
      this.grant(this.clock.now());
      return Promise.resolve();
    }
    if (this.queue.length >= this.maxQueued) {
      return Promise.reject(
        new TickerError('rate-limited', 'Too many Finnhub requests are waiting; try again shortly.'),
      );
    }
    return new Promise<void>((resolve, reject) => {
      let waitTimer: unknown = null;
      const onAbort = (): void => {
        this.remove(waiter);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        resolve,
        reject,
        cleanup: () => {
          signal?.removeEventListener('abort', onAbort);
          if (waitTimer !== null) this.clock.clearTimeout(waitTimer);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      if (maxWaitMs !== undefined && Number.isFinite(maxWaitMs)) {
        waitTimer = this.clock.setTimeout(
          () => {
            waitTimer = null;
            this.remove(waiter);
            reject(new TickerError('rate-limited', 'Finnhub request limit reached; try again shortly.'));
          },
          Math.max(0, maxWaitMs),
        );
      }
      this.queue.push(waiter);
      this.pump();
    });
  }

  pauseFor(ms: number): void {
    if (!Number.isFinite(ms) || ms <= 0) return;
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
    if (this.queue.length > 0) this.rearm();
  }

  /** Milliseconds until the next call could be granted (0 = now). */
  delayUntilFreeSlot(now: number = this.clock.now()): number {
    this.prune(now);
    let readyAt = this.pausedUntil;
    for (const { limit, windowMs } of this.limits) {
      if (this.grants.length < limit) continue;
      const blocking = this.grants[this.grants.length - limit];
      if (blocking !== undefined && blocking + windowMs > readyAt) readyAt = blocking + windowMs;
    }
    return Math.max(0, readyAt - now);
  }

  /** Reject every waiter and cancel the timer (shutting down). */
  dispose(): void {
    this.cancelWake();
    const waiters = this.queue.splice(0);
    for (const waiter of waiters) {
      waiter.cleanup();
      waiter.reject(new TickerError('network', 'Request cancelled: shutting down.'));
    }
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const now = this.clock.now();
      if (this.delayUntilFreeSlot(now) > 0) {
        this.rearm();
        return;
      }
      const waiter = this.queue.shift() as Waiter;
      waiter.cleanup();
      this.grant(now);
      waiter.resolve();
    }
    this.cancelWake();
  }

  private rearm(): void {
    this.cancelWake();
    const delay = this.delayUntilFreeSlot();
    this.wakeTimer = this.clock.setTimeout(() => {
      this.wakeTimer = null;
      this.pump();
    }, delay);
  }

  private grant(now: number): void {
    this.grants.push(now);
    if (this.grants.length > this.historySize) this.grants.shift();
  }

  private prune(now: number): void {
    while (this.grants.length > 0 && (this.grants[0] as number) + this.longestWindowMs <= now) this.grants.shift();
  }

  private remove(waiter: Waiter): void {
    const index = this.queue.indexOf(waiter);
    if (index >= 0) this.queue.splice(index, 1);
    waiter.cleanup();
    if (this.queue.length === 0) this.cancelWake();
  }

  private cancelWake(): void {
    if (this.wakeTimer === null) return;
    this.clock.clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
  }
}
