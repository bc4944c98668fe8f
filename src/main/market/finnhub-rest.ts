import { TickerError, type ErrorCode } from '../../shared/ipc-contract';
import { isValidSymbol } from '../../shared/symbols';
import type { KeyTestResult, RestQuote, SymbolMatch } from '../../shared/types';
import type { RequestSlots } from './rate-limiter';
import { systemClock, type Clock } from '../../shared/clock';

export const DEFAULT_FINNHUB_REST_URL = 'https://finnhub.io/api/v1';
export const DEFAULT_REST_TIMEOUT_MS = 10_000;
/** Wait this long after a 429 that carries no usable Retry-After. */
export const DEFAULT_RETRY_AFTER_MS = 60_000;
const MAX_RETRY_AFTER_MS = 10 * 60_000;
export const DEFAULT_MAX_SEARCH_RESULTS = 20;
export const MAX_SEARCH_QUERY_LENGTH = 64;
/** The symbol "Test key" asks a quote for. */
export const KEY_TEST_SYMBOL = 'AAPL';

/** A REST failure: a TickerError with the HTTP status and, for 429, how long to wait. */
export class FinnhubRestError extends TickerError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly status: number | null = null,
    /** For 'rate-limited': milliseconds the server asked us to wait. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(code, message);
    this.name = 'FinnhubRestError';
  }
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface FinnhubRestOptions {
  token: string;
  baseUrl?: string;
  fetch?: FetchLike;
  clock?: Clock;
  timeoutMs?: number;
  /** Shared limiter: every request waits for a slot; a 429 pauses it. */
  limiter?: RequestSlots;
  maxSearchResults?: number;
}

export interface RequestOptions {
  /** Cancel the request (and its wait for a limiter slot). */
  signal?: AbortSignal;
  /** Give up with 'rate-limited' if the limiter has no slot within this many ms. */
  maxWaitMs?: number;
  /** Use this token instead of the client's own (testing a key before saving it). */
  token?: string;
}

/**
 * Finnhub's REST API: /quote, /search and a key test. The token travels in the `X-Finnhub-Token`
 * header, never in the URL (so it never lands in logs). Every failure is a FinnhubRestError.
 */
export class FinnhubRest {
  private readonly token: string;
  private readonly baseUrl: string;
  private readonly fetchImpl: FetchLike;
  private readonly clock: Clock;
  private readonly timeoutMs: number;
  private readonly limiter: RequestSlots | null;
  private readonly maxSearchResults: number;

  constructor(options: FinnhubRestOptions) {
    this.token = options.token;
    this.baseUrl = (options.baseUrl ?? DEFAULT_FINNHUB_REST_URL).replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
    this.clock = options.clock ?? systemClock;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_REST_TIMEOUT_MS;
    this.limiter = options.limiter ?? null;
    this.maxSearchResults = options.maxSearchResults ?? DEFAULT_MAX_SEARCH_RESULTS;
  }

  /** The latest quote of a symbol. Unknown symbols (Finnhub answers all zeros) → 'not-found'. */
  async quote(symbol: string, options: RequestOptions = {}): Promise<RestQuote> {
    if (!isValidSymbol(symbol)) throw new FinnhubRestError('invalid-payload', `Not a valid symbol: ${String(symbol)}`);
    const body = await this.getJson(`/quote?symbol=${encodeURIComponent(symbol)}`, options);
    return parseQuote(symbol, body);
  }

  /** Symbol autocomplete: valid matches only, at most `maxSearchResults`, no duplicates. */
  async search(query: string, options: RequestOptions = {}): Promise<SymbolMatch[]> {
    const q = typeof query === 'string' ? query.trim() : '';
    if (q.length === 0 || q.length > MAX_SEARCH_QUERY_LENGTH) {
      throw new FinnhubRestError('invalid-payload', `Search text must be 1 to ${MAX_SEARCH_QUERY_LENGTH} characters.`);
    }
    const body = await this.getJson(`/search?q=${encodeURIComponent(q)}`, options);
    return parseSearch(body, this.maxSearchResults);
  }

  /** Ask a quote with the key (the given one, or the client's own) and say in words whether it works. */
  async testKey(token: string = this.token, options: Omit<RequestOptions, 'token'> = {}): Promise<KeyTestResult> {
    if (typeof token !== 'string' || token.trim().length === 0) return { ok: false, reason: 'No API key entered.' };
    try {
      await this.quote(KEY_TEST_SYMBOL, { ...options, token: token.trim() });
      return { ok: true };
    } catch (error) {
      // Finnhub answered 200 (the key works), only the symbol was unknown.
      if (error instanceof TickerError && error.code === 'not-found') return { ok: true };
      return { ok: false, reason: describeKeyTestFailure(error) };
    }
  }

  private async getJson(pathAndQuery: string, options: RequestOptions): Promise<unknown> {
    const token = options.token ?? this.token;
    if (typeof token !== 'string' || token.length === 0) throw new FinnhubRestError('unauthorized', 'No API key set.');
    if (this.limiter !== null) {
      await this.limiter.acquire({ signal: options.signal, maxWaitMs: options.maxWaitMs }).catch((error: unknown) => {
        throw toRestError(error, options.signal);
      });
    }

    const controller = new AbortController();
    let timedOut = false;
    const timer = this.clock.setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const onCallerAbort = (): void => controller.abort();
    options.signal?.addEventListener('abort', onCallerAbort, { once: true });
    try {
      let response: Response;
      try {
        response = await this.fetchImpl(`${this.baseUrl}${pathAndQuery}`, {
          method: 'GET',
          headers: { 'X-Finnhub-Token': token, Accept: 'application/json' },
          signal: controller.signal,
        });
      } catch (error) {
        if (timedOut) throw new FinnhubRestError('network', `Finnhub did not answer within ${Math.round(this.timeoutMs / 1000)} s.`);
        throw toRestError(error, options.signal);
      }
      if (!response.ok) throw await this.statusError(response);
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        if (timedOut) throw new FinnhubRestError('network', `Finnhub did not answer within ${Math.round(this.timeoutMs / 1000)} s.`);
        throw toRestError(error, options.signal);
      }
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new FinnhubRestError('internal', 'Finnhub sent an answer that is not JSON.', response.status);
      }
    } finally {
      this.clock.clearTimeout(timer);
      options.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  private async statusError(response: Response): Promise<FinnhubRestError> {
    const { status } = response;
    const detail = await serverMessage(response);
    const suffix = detail ? `: ${detail}` : '';
    if (status === 401 || status === 403) {
      return new FinnhubRestError('unauthorized', `Finnhub refused the API key (HTTP ${status})${suffix}`, status);
    }
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.clock.now());
      this.limiter?.pauseFor(retryAfterMs);
      return new FinnhubRestError(
        'rate-limited',
        `Finnhub rate limit reached; retrying in ${Math.ceil(retryAfterMs / 1000)} s.`,
        status,
        retryAfterMs,
      );
    }
    if (status >= 500) return new FinnhubRestError('network', `Finnhub is unavailable (HTTP ${status})${suffix}`, status);
    return new FinnhubRestError('internal', `Unexpected answer from Finnhub (HTTP ${status})${suffix}`, status);
  }
}

/** Retry-After as delay-seconds or an HTTP date; default 60 s, capped at 10 min. */
export function parseRetryAfter(header: string | null, now: number): number {
  if (header === null) return DEFAULT_RETRY_AFTER_MS;
  const trimmed = header.trim();
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else {
    const at = Date.parse(trimmed);
    if (!Number.isFinite(at)) return DEFAULT_RETRY_AFTER_MS;
    ms = at - now;
  }
  if (!Number.isFinite(ms)) return DEFAULT_RETRY_AFTER_MS;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(1000, Math.round(ms)));
}

/** Map a /quote body to a RestQuote; all zeros → 'not-found', anything malformed → 'internal'. */
export function parseQuote(symbol: string, body: unknown): RestQuote {
  if (!isRecord(body)) throw new FinnhubRestError('internal', 'Finnhub sent a quote that is not an object.');
  const { c, d, dp, h, l, o, pc, t } = body;
  if (!isFiniteNumber(c) || !isFiniteNumber(pc)) {
    const message = typeof body.error === 'string' ? `Finnhub: ${body.error}` : 'Finnhub sent a quote without prices.';
    throw new FinnhubRestError('internal', message);
  }
  if (c === 0 && pc === 0) throw new FinnhubRestError('not-found', `Finnhub has no quote for ${symbol}.`);
  if (c <= 0) throw new FinnhubRestError('internal', `Finnhub sent a quote for ${symbol} without a price.`);
  return {
    symbol,
    current: c,
    change: isFiniteNumber(d) ? d : null,
    changePct: isFiniteNumber(dp) ? dp : null,
    high: isFiniteNumber(h) ? h : 0,
    low: isFiniteNumber(l) ? l : 0,
    open: isFiniteNumber(o) ? o : 0,
    prevClose: pc,
    time: isFiniteNumber(t) && t > 0 ? t * 1000 : 0,
  };
}

/** Keep well-formed /search matches with valid symbols, de-duplicated, at most `max`. */
export function parseSearch(body: unknown, max: number = DEFAULT_MAX_SEARCH_RESULTS): SymbolMatch[] {
  if (!isRecord(body) || !Array.isArray(body.result)) {
    throw new FinnhubRestError('internal', 'Finnhub sent a search answer without results.');
  }
  const matches: SymbolMatch[] = [];
  const seen = new Set<string>();
  for (const item of body.result as unknown[]) {
    if (matches.length >= max) break;
    if (!isRecord(item)) continue;
    const { symbol, displaySymbol, description, type } = item;
    if (!isValidSymbol(symbol) || seen.has(symbol)) continue;
    seen.add(symbol);
    matches.push({
      symbol,
      displaySymbol: typeof displaySymbol === 'string' && displaySymbol.length > 0 ? displaySymbol.slice(0, 80) : symbol,
      description: typeof description === 'string' ? description.slice(0, 200) : '',
      type: typeof type === 'string' ? type.slice(0, 80) : '',
    });
  }
  return matches;
}

function describeKeyTestFailure(error: unknown): string {
  if (!(error instanceof TickerError)) return `Unexpected error: ${String(error)}`;
  switch (error.code) {
    case 'unauthorized':
      return error.message;
    case 'rate-limited':
      return `Rate limited by Finnhub: too many requests; wait a minute and try again.`;
    case 'network':
      return `Network unreachable: ${error.message}`;
    default:
      return error.message.startsWith('Unexpected') ? error.message : `Unexpected answer from Finnhub: ${error.message}`;
  }
}

function toRestError(error: unknown, callerSignal: AbortSignal | undefined): FinnhubRestError {
  if (error instanceof FinnhubRestError) return error;
  if (error instanceof TickerError) return new FinnhubRestError(error.code, error.message);
  if (callerSignal?.aborted) return new FinnhubRestError('network', 'Request cancelled.');
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  const message = error instanceof Error ? error.message : String(error);
  return new FinnhubRestError('network', `Could not reach Finnhub: ${message}${cause}`);
}

/** Finnhub's `{"error": "..."}` text, if the body has one (short, single line). */
async function serverMessage(response: Response): Promise<string> {
  try {
    const text = await response.text();
    try {
      const parsed: unknown = JSON.parse(text);
      if (isRecord(parsed) && typeof parsed.error === 'string') return oneLine(parsed.error);
    } catch {
      // not JSON: fall through to the raw text
    }
    return oneLine(text);
  } catch {
    return '';
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 160);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
