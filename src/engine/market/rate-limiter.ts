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

const DEFAULT_MAX_QUEUED = 200;

/**
 * Who a REST call is for, highest first. The user's own calls always go before anything else:
 * `interactive` is what the user is waiting for (search, key test), `own` is data for the user's own
 * symbols and holdings (previous closes, rates), `background` is extra detail Ticker fetches on its
 * own (company profiles, news), `relay` is a lookup for another program using the local relay.
 */
export type RequestPriority = 'interactive' | 'own' | 'background' | 'relay';

/** Highest first: when a slot frees up, the first class with a caller waiting gets it. */
const REQUEST_PRIORITIES: readonly RequestPriority[] = ['interactive', 'own', 'background', 'relay'];

/**
 * The most of each limit a class may use in that limit's window; unlisted classes may use it all.
 * Relay lookups get a quarter (15 calls a minute on the free plan), so other programs can never
 * spend the budget the user's own calls need; they also get the same share of the waiting room.
 */
const DEFAULT_PRIORITY_SHARES: Readonly<Partial<Record<RequestPriority, number>>> = {
  background: 0.5,
  relay: 0.25,
};

export interface RateLimiterOptions {
  limits?: readonly RateLimit[];
  /** Waiting callers beyond this are refused with 'rate-limited' (default 200). */
  maxQueued?: number;
  /** Override the classes' shares of each limit (fractions in (0, 1]). */
  shares?: Partial<Record<RequestPriority, number>>;
  clock?: Clock;
}

export interface AcquireOptions {
  /** Abort the wait (the promise rejects with the signal's reason). */
  signal?: AbortSignal;
  /** Give up with 'rate-limited' if no slot is granted within this many ms. */
  maxWaitMs?: number;
  /** Who the call is for (default `own`). */
  priority?: RequestPriority;
}

/** Anything that can hand out request slots (RateLimiter does). */
export interface RequestSlots {
  acquire(options?: AcquireOptions): Promise<void>;
  /** The server said "too many": grant nothing for this long. */
  pauseFor(ms: number): void;
}

interface Waiter {
  readonly priority: RequestPriority;
  resolve: () => void;
  reject: (error: unknown) => void;
  cleanup: () => void;
}

/** Grant times (oldest first) and the limits they are checked against. */
class GrantLog {
  private readonly times: number[] = [];
  private readonly historySize: number;
  private readonly longestWindowMs: number;

  constructor(readonly limits: readonly RateLimit[]) {
    this.historySize = Math.max(...limits.map((l) => l.limit));
    this.longestWindowMs = Math.max(...limits.map((l) => l.windowMs));
  }

  add(now: number): void {
    this.times.push(now);
    if (this.times.length > this.historySize) this.times.shift();
  }

  /** How many more grants fit every limit at `now`. */
  free(now: number): number {
    let free = Number.POSITIVE_INFINITY;
    for (const { limit, windowMs } of this.limits) {
      let used = 0;
      for (let i = this.times.length - 1; i >= 0 && (this.times[i] as number) + windowMs > now; i -= 1) used += 1;
      free = Math.min(free, Math.max(0, limit - used));
    }
    return free;
  }

  /** The earliest time a new grant fits every limit (≤ now when it fits now). */
  readyAt(now: number): number {
    while (this.times.length > 0 && (this.times[0] as number) + this.longestWindowMs <= now) this.times.shift();
    let readyAt = Number.NEGATIVE_INFINITY;
    for (const { limit, windowMs } of this.limits) {
      if (this.times.length < limit) continue;
      const blocking = this.times[this.times.length - limit] as number;
      if (blocking + windowMs > readyAt) readyAt = blocking + windowMs;
    }
    return readyAt;
  }
}

/**
 * A sliding-window limiter shared by every REST call, so the app as a whole stays within the plan.
 * Callers `await acquire({ priority })` before each request. A free slot goes to the highest class
 * with a caller waiting (first come, first served within a class); a class with a share never uses
 * more than that share of any limit, and a full waiting room turns away the lowest class first.
 * Only one timer exists at a time (the wake-up for the next grant), none while idle.
 */
export class RateLimiter implements RequestSlots {
  private readonly maxQueued: number;
  private readonly clock: Clock;
  private readonly all: GrantLog;
  private readonly perClass = new Map<RequestPriority, { log: GrantLog; maxQueued: number }>();
  private readonly queues = new Map<RequestPriority, Waiter[]>(REQUEST_PRIORITIES.map((p) => [p, []]));
  private queued = 0;
  private pausedUntil = Number.NEGATIVE_INFINITY;
  private wakeTimer: unknown = null;

  constructor(options: RateLimiterOptions = {}) {
    const limits = (options.limits ?? FINNHUB_FREE_LIMITS).filter(
      (l) => Number.isInteger(l.limit) && l.limit > 0 && Number.isFinite(l.windowMs) && l.windowMs > 0,
    );
    if (limits.length === 0) throw new RangeError('RateLimiter needs at least one valid limit');
    this.all = new GrantLog(limits);
    this.maxQueued = options.maxQueued ?? DEFAULT_MAX_QUEUED;
    this.clock = options.clock ?? systemClock;
    const shares = { ...DEFAULT_PRIORITY_SHARES, ...options.shares };
    for (const priority of REQUEST_PRIORITIES) {
      const share = shares[priority];
      if (share === undefined || !(share > 0) || share >= 1) continue;
      const scaled = limits.map(({ limit, windowMs }) => ({ limit: Math.max(1, Math.floor(limit * share)), windowMs }));
      this.perClass.set(priority, {
        log: new GrantLog(scaled),
        maxQueued: Math.max(1, Math.floor(this.maxQueued * share)),
      });
    }
  }

  /** Callers currently waiting for a slot (of one class, or all). */
  waitingFor(priority?: RequestPriority): number {
    return priority === undefined ? this.queued : this.queueOf(priority).length;
  }

  get waiting(): number {
    return this.queued;
  }

  /** Resolves when the caller may make one request. */
  acquire(options: AcquireOptions = {}): Promise<void> {
    const { signal, maxWaitMs } = options;
    const priority = options.priority ?? 'own';
    if (signal?.aborted) return Promise.reject(signal.reason);
    const now = this.clock.now();
    if (!this.waitingAtOrAbove(priority) && this.readyAt(priority, now) <= now) {
      this.grant(priority, now);
      return Promise.resolve();
    }
    const room = this.makeRoom(priority);
    if (room !== null) return Promise.reject(room);
    return new Promise<void>((resolve, reject) => {
      let waitTimer: unknown = null;
      const onAbort = (): void => {
        this.remove(waiter);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        priority,
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
      this.queueOf(priority).push(waiter);
      this.queued += 1;
      this.pump();
    });
  }

  pauseFor(ms: number): void {
    if (!Number.isFinite(ms) || ms <= 0) return;
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
    if (this.queued > 0) this.pump();
  }

  /**
   * Calls that could be granted right now without passing any limit (0 while paused after a 429),
   * whatever class asks; callers already waiting are not subtracted.
   */
  freeSlots(now: number = this.clock.now()): number {
    if (this.pausedUntil > now) return 0;
    return this.all.free(now);
  }

  /** Milliseconds until the next call of this class could be granted (0 = now). */
  delayUntilFreeSlot(now: number = this.clock.now(), priority: RequestPriority = 'own'): number {
    return Math.max(0, this.readyAt(priority, now) - now);
  }

  /** Reject every waiter and cancel the timer (shutting down). */
  dispose(): void {
    this.cancelWake();
    for (const queue of this.queues.values()) {
      for (const waiter of queue.splice(0)) {
        waiter.cleanup();
        waiter.reject(new TickerError('network', 'Request cancelled: shutting down.'));
      }
    }
    this.queued = 0;
  }

  private readyAt(priority: RequestPriority, now: number): number {
    const own = this.perClass.get(priority)?.log.readyAt(now) ?? Number.NEGATIVE_INFINITY;
    return Math.max(this.pausedUntil, this.all.readyAt(now), own);
  }

  private queueOf(priority: RequestPriority): Waiter[] {
    return this.queues.get(priority) as Waiter[];
  }

  private waitingAtOrAbove(priority: RequestPriority): boolean {
    for (const p of REQUEST_PRIORITIES) {
      if (this.queueOf(p).length > 0) return true;
      if (p === priority) return false;
    }
    return false;
  }

  /**
   * Null when a caller of this class may wait, else the error to refuse it with. A class with a
   * share has that share of the room; a full room turns away its newest lowest-class caller for a
   * higher-class newcomer.
   */
  private makeRoom(priority: RequestPriority): TickerError | null {
    const full = new TickerError('rate-limited', 'Too many Finnhub requests are waiting; try again shortly.');
    const classRoom = this.perClass.get(priority)?.maxQueued;
    if (classRoom !== undefined && this.queueOf(priority).length >= classRoom) return full;
    if (this.queued < this.maxQueued) return null;
    const rank = REQUEST_PRIORITIES.indexOf(priority);
    for (let i = REQUEST_PRIORITIES.length - 1; i > rank; i -= 1) {
      const victim = this.queueOf(REQUEST_PRIORITIES[i] as RequestPriority).at(-1);
      if (victim === undefined) continue;
      this.remove(victim);
      victim.reject(full);
      return null;
    }
    return full;
  }

  /** Grant whatever can be granted now, highest class first; then sleep until the next chance. */
  private pump(): void {
    for (;;) {
      const now = this.clock.now();
      let next = Number.POSITIVE_INFINITY;
      let chosen: Waiter | undefined;
      for (const priority of REQUEST_PRIORITIES) {
        const queue = this.queueOf(priority);
        if (queue.length === 0) continue;
        const readyAt = this.readyAt(priority, now);
        if (readyAt <= now) {
          chosen = queue.shift() as Waiter;
          break;
        }
        next = Math.min(next, readyAt);
      }
      if (chosen === undefined) {
        if (next === Number.POSITIVE_INFINITY) this.cancelWake();
        else this.rearm(next - now);
        return;
      }
      this.queued -= 1;
      chosen.cleanup();
      this.grant(chosen.priority, now);
      chosen.resolve();
    }
  }

  private rearm(delay: number): void {
    this.cancelWake();
    this.wakeTimer = this.clock.setTimeout(() => {
      this.wakeTimer = null;
      this.pump();
    }, delay);
  }

  private grant(priority: RequestPriority, now: number): void {
    this.all.add(now);
    this.perClass.get(priority)?.log.add(now);
  }

  private remove(waiter: Waiter): void {
    const queue = this.queueOf(waiter.priority);
    const index = queue.indexOf(waiter);
    if (index >= 0) {
      queue.splice(index, 1);
      this.queued -= 1;
    }
    waiter.cleanup();
    if (this.queued === 0) this.cancelWake();
    else this.pump();
  }

  private cancelWake(): void {
    if (this.wakeTimer === null) return;
    this.clock.clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
  }
}
