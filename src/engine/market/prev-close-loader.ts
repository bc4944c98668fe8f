import { Signal } from '../../shared/signal';
import { TickerError, type ErrorCode } from '../../shared/ipc-contract';
import { MarketCalendar } from '../../shared/market-calendar/market-calendar';
import { isValidSymbol } from '../../shared/symbols';
import type { RestQuote } from '../../shared/types';
import { systemClock, type Clock } from '../../shared/clock';
import type { RequestPriority } from './rate-limiter';

const DEFAULT_MAX_ATTEMPTS_PER_DAY = 6;
const DEFAULT_RETRY_BASE_MS = 2_000;
const DEFAULT_RETRY_CAP_MS = 60_000;
const FALLBACK_RATE_LIMIT_WAIT_MS = 60_000;

/** What the loader needs of the REST client (FinnhubRest satisfies it). */
export interface QuoteFetcher {
  quote(symbol: string, options?: { signal?: AbortSignal; priority?: RequestPriority }): Promise<RestQuote>;
}

export interface PrevCloseLoaderOptions {
  rest: QuoteFetcher;
  /** Receives every quote fetched (e.g. `(q) => store.applyQuote(q)`). */
  onQuote: (quote: RestQuote) => void;
  clock?: Clock;
  /** Random in [0, 1), for the retry jitter. */
  random?: () => number;
  calendar?: MarketCalendar;
  /** Attempts per (symbol, trading day) before giving up until the next day (default 6). */
  maxAttemptsPerDay?: number;
  retryBaseMs?: number;
  retryCapMs?: number;
}

/** A symbol whose previous close could not be loaded today. */
export interface PrevCloseFailure {
  symbol: string;
  code: ErrorCode;
  message: string;
}

type LoadState = 'queued' | 'loading' | 'waiting' | 'done' | 'given-up';

interface SymbolLoad {
  readonly symbol: string;
  readonly day: string;
  state: LoadState;
  attempts: number;
  retryTimer: unknown;
}

/** Codes that will not get better by asking again today. */
const FINAL_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'not-found',
  'unauthorized',
  'invalid-payload',
  'forbidden-sender',
]);

/**
 * Fetches each symbol's quote (for its previous close) once per trading day, one request at a
 * time through the REST client's shared limiter. Retries a 429 after the advised wait and network
 * trouble with full-jitter backoff, a bounded number of times a day; gives up for the day on
 * 'not-found' and 'unauthorized'.
 */
export class PrevCloseLoader {
  /** A symbol was given up for the day. */
  readonly failures = new Signal<PrevCloseFailure>();

  private readonly rest: QuoteFetcher;
  private readonly onQuote: (quote: RestQuote) => void;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly calendar: MarketCalendar;
  private readonly maxAttempts: number;
  private readonly retryBaseMs: number;
  private readonly retryCapMs: number;
  private readonly loads = new Map<string, SymbolLoad>();
  private readonly queue: SymbolLoad[] = [];
  private inFlight: { load: SymbolLoad; controller: AbortController } | null = null;
  private stopped = false;

  constructor(options: PrevCloseLoaderOptions) {
    this.rest = options.rest;
    this.onQuote = options.onQuote;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.calendar = options.calendar ?? new MarketCalendar();
    this.maxAttempts = Math.max(1, options.maxAttemptsPerDay ?? DEFAULT_MAX_ATTEMPTS_PER_DAY);
    this.retryBaseMs = options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS;
    this.retryCapMs = options.retryCapMs ?? DEFAULT_RETRY_CAP_MS;
  }

  /** Queue a quote for each symbol not yet loaded (or being loaded) for its current trading day. */
  request(symbols: readonly string[]): void {
    if (this.stopped) return;
    const now = this.clock.now();
    for (const symbol of symbols) {
      if (!isValidSymbol(symbol)) continue;
      const day = this.calendar.tradingDay(this.calendar.marketOf(symbol), now);
      const existing = this.loads.get(symbol);
      if (existing !== undefined && existing.day === day) continue;
      if (existing !== undefined) this.cancelLoad(existing);
      const load: SymbolLoad = { symbol, day, state: 'queued', attempts: 0, retryTimer: null };
      this.loads.set(symbol, load);
      this.queue.push(load);
    }
    this.pruneOtherDays(now);
    this.pump();
  }

  /** Forget symbols that are no longer watched (cancels their pending work). */
  forget(symbols: readonly string[]): void {
    for (const symbol of symbols) {
      const load = this.loads.get(symbol);
      if (load === undefined) continue;
      this.cancelLoad(load);
      this.loads.delete(symbol);
    }
  }

  /** Where a symbol stands today: 'queued' | 'loading' | 'waiting' | 'done' | 'given-up', or null. */
  stateOf(symbol: string): LoadState | null {
    return this.loads.get(symbol)?.state ?? null;
  }

  /** True while a quote is queued or being fetched (not while only waiting to retry). */
  get busy(): boolean {
    return this.queue.length > 0 || this.inFlight !== null;
  }

  /** Cancel the request in flight and every retry timer; the loader does nothing afterwards. */
  stop(): void {
    this.stopped = true;
    for (const load of this.loads.values()) this.cancelLoad(load);
    this.loads.clear();
    this.queue.length = 0;
    this.inFlight?.controller.abort();
    this.inFlight = null;
  }

  private pump(): void {
    if (this.stopped || this.inFlight !== null) return;
    let load = this.queue.shift();
    while (load !== undefined && (load.state !== 'queued' || this.loads.get(load.symbol) !== load))
      load = this.queue.shift();
    if (load === undefined) return;
    void this.fetchOne(load);
  }

  private async fetchOne(load: SymbolLoad): Promise<void> {
    const controller = new AbortController();
    const flight = { load, controller };
    this.inFlight = flight;
    load.state = 'loading';
    load.attempts += 1;
    try {
      const quote = await this.rest.quote(load.symbol, { signal: controller.signal, priority: 'own' });
      if (controller.signal.aborted || this.loads.get(load.symbol) !== load) return;
      load.state = 'done';
      try {
        this.onQuote(quote);
      } catch (error) {
        console.error('[prev-close] quote consumer failed:', error);
      }
    } catch (error) {
      if (controller.signal.aborted || this.loads.get(load.symbol) !== load) return;
      this.handleFailure(load, error);
    } finally {
      if (this.inFlight === flight) this.inFlight = null;
      this.pump();
    }
  }

  private handleFailure(load: SymbolLoad, error: unknown): void {
    const code: ErrorCode = error instanceof TickerError ? error.code : 'internal';
    const message = error instanceof Error ? error.message : String(error);
    if (FINAL_CODES.has(code) || load.attempts >= this.maxAttempts) {
      load.state = 'given-up';
      this.failures.emit({ symbol: load.symbol, code, message });
      return;
    }
    const delay = code === 'rate-limited' ? retryAfterOf(error) : this.backoff(load.attempts);
    load.state = 'waiting';
    load.retryTimer = this.clock.setTimeout(() => {
      load.retryTimer = null;
      if (this.stopped || this.loads.get(load.symbol) !== load) return;
      load.state = 'queued';
      this.queue.push(load);
      this.pump();
    }, delay);
  }

  /** Full jitter: random(0, min(cap, base * 2^(attempt-1))). */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.retryCapMs, this.retryBaseMs * 2 ** Math.max(0, attempt - 1));
    return Math.floor(this.random() * ceiling);
  }

  private cancelLoad(load: SymbolLoad): void {
    if (load.retryTimer !== null) {
      this.clock.clearTimeout(load.retryTimer);
      load.retryTimer = null;
    }
    if (this.inFlight?.load === load) this.inFlight.controller.abort();
  }

  private pruneOtherDays(now: number): void {
    for (const [symbol, load] of this.loads) {
      if (
        (load.state === 'done' || load.state === 'given-up') &&
        load.day !== this.calendar.tradingDay(this.calendar.marketOf(symbol), now)
      ) {
        this.loads.delete(symbol);
      }
    }
  }
}

function retryAfterOf(error: unknown): number {
  if (typeof error === 'object' && error !== null && 'retryAfterMs' in error) {
    const ms = (error as { retryAfterMs: unknown }).retryAfterMs;
    if (typeof ms === 'number' && Number.isFinite(ms) && ms > 0) return ms;
  }
  return FALLBACK_RATE_LIMIT_WAIT_MS;
}
