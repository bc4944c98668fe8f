import { FINNHUB_REST_URL } from '../../shared/finnhub-urls';
import { TickerError, type ErrorCode } from '../../shared/ipc-contract';
import { isValidSymbol, uniqueValidSymbols } from '../../shared/symbols';
import type { KeyTestResult, RestQuote, SymbolMatch } from '../../shared/types';
import { parseRetryAfter, rateLimitedDelay, type RateLimitPolicy } from '../feed/backoff';
import { classifyFinnhubStatus, refusedKeyMessage } from '../feed/finnhub-refusal';
import { isPlausibleTime } from '../feed/plausibility';
import type { FetchLike } from '../net/fetch-like';
import { cleanServerText } from '../../shared/server-text';
import type { RequestPriority, RequestSlots } from './rate-limiter';
import { systemClock, type Clock } from '../../shared/clock';

const DEFAULT_REST_TIMEOUT_MS = 10_000;
/** Wait this long (plus jitter) after a 429 that carries no usable Retry-After. */
const DEFAULT_RETRY_AFTER_MS = 60_000;
const MAX_RETRY_AFTER_MS = 10 * 60_000;
/** The wait after consecutive 429s starts at 1 to 2 s and doubles up to 1 to 2 min. */
const REST_BACKOFF_BASE_MS = 2_000;
const REST_BACKOFF_CAP_MS = 120_000;
/**
 * The most of a successful answer read: a quote is a few hundred bytes and a search answer a few
 * dozen kilobytes; anything far bigger is not Finnhub's, and reading it whole could exhaust memory.
 */
export const MAX_REST_BODY_BYTES = 1024 * 1024;
/** The most of an error answer read: only its first line is shown. */
const MAX_ERROR_BODY_BYTES = 4 * 1024;
const DEFAULT_MAX_SEARCH_RESULTS = 20;
const MAX_SEARCH_QUERY_LENGTH = 64;
/** The symbol "Test key" asks a quote for. */
const KEY_TEST_SYMBOL = 'AAPL';

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

export interface FinnhubRestOptions {
  token: string;
  baseUrl?: string;
  fetch?: FetchLike;
  clock?: Clock;
  timeoutMs?: number;
  /** Shared limiter: every request waits for a slot; a 429 pauses it. */
  limiter?: RequestSlots;
  maxSearchResults?: number;
  /** Jitter source for the wait after a 429 (default Math.random). */
  random?: () => number;
}

export interface RequestOptions {
  /** Cancel the request (and its wait for a limiter slot). */
  signal?: AbortSignal;
  /** Give up with 'rate-limited' if the limiter has no slot within this many ms. */
  maxWaitMs?: number;
  /** Use this token instead of the client's own (testing a key before saving it). */
  token?: string;
  /** Who the call is for, in the shared limiter's queue (quotes default to `own`, search and key tests to `interactive`). */
  priority?: RequestPriority;
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
  private readonly rateLimitPolicy: RateLimitPolicy;
  /** 429s in a row (reset by any other answer): the wait grows with them. */
  private consecutiveRateLimits = 0;

  constructor(options: FinnhubRestOptions) {
    this.token = options.token;
    this.baseUrl = (options.baseUrl ?? FINNHUB_REST_URL).replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
    this.clock = options.clock ?? systemClock;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_REST_TIMEOUT_MS;
    this.limiter = options.limiter ?? null;
    this.maxSearchResults = options.maxSearchResults ?? DEFAULT_MAX_SEARCH_RESULTS;
    this.rateLimitPolicy = {
      baseMs: REST_BACKOFF_BASE_MS,
      capMs: REST_BACKOFF_CAP_MS,
      random: options.random ?? Math.random,
      rateLimitMinMs: DEFAULT_RETRY_AFTER_MS,
      maxRetryAfterMs: MAX_RETRY_AFTER_MS,
    };
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
    const body = await this.getJson(`/search?q=${encodeURIComponent(q)}`, { priority: 'interactive', ...options });
    return parseSearch(body, this.maxSearchResults);
  }

  /** Ask a quote with the key (the given one, or the client's own) and say in words whether it works. */
  async testKey(token: string = this.token, options: Omit<RequestOptions, 'token'> = {}): Promise<KeyTestResult> {
    if (typeof token !== 'string' || token.trim().length === 0) return { ok: false, reason: 'No API key entered.' };
    try {
      await this.quote(KEY_TEST_SYMBOL, { priority: 'interactive', ...options, token: token.trim() });
      return { ok: true };
    } catch (error) {
      // Finnhub answered 200 (the key works), only the symbol was unknown.
      if (error instanceof TickerError && error.code === 'not-found') return { ok: true };
      return { ok: false, reason: describeKeyTestFailure(error) };
    }
  }

  /**
   * GET a path below the REST base as JSON, through the shared limiter at `options.priority`
   * (default `own`). The other endpoint clients (company context) build on it.
   */
  async getJson(pathAndQuery: string, options: RequestOptions = {}): Promise<unknown> {
    const token = options.token ?? this.token;
    if (typeof token !== 'string' || token.length === 0) throw new FinnhubRestError('unauthorized', 'No API key set.');
    if (this.limiter !== null) {
      await this.limiter
        .acquire({ signal: options.signal, maxWaitMs: options.maxWaitMs, priority: options.priority ?? 'own' })
        .catch((error: unknown) => {
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
        if (timedOut)
          throw new FinnhubRestError(
            'network',
            `Finnhub did not answer within ${Math.round(this.timeoutMs / 1000)} s.`,
          );
        throw toRestError(error, options.signal);
      }
      if (!response.ok) throw await this.statusError(response);
      this.consecutiveRateLimits = 0;
      let text: string;
      try {
        const body = await readBody(response, MAX_REST_BODY_BYTES);
        if (!body.complete) {
          throw new FinnhubRestError(
            'internal',
            `Finnhub sent an answer larger than ${MAX_REST_BODY_BYTES / 1024} KiB; it was not read.`,
            response.status,
          );
        }
        text = body.text;
      } catch (error) {
        if (error instanceof FinnhubRestError) throw error;
        if (timedOut)
          throw new FinnhubRestError(
            'network',
            `Finnhub did not answer within ${Math.round(this.timeoutMs / 1000)} s.`,
          );
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
    const refusal = classifyFinnhubStatus(status);
    if (refusal === 'rate-limited') {
      // The body is not needed: let it go unread.
      void response.body?.cancel().catch(() => {});
      this.consecutiveRateLimits += 1;
      const retryAfterMs = rateLimitedDelay(
        this.consecutiveRateLimits,
        parseRetryAfter(response.headers.get('retry-after'), this.clock.now()),
        this.rateLimitPolicy,
      );
      this.limiter?.pauseFor(retryAfterMs);
      return new FinnhubRestError(
        'rate-limited',
        `Finnhub rate limit reached; retrying in ${Math.ceil(retryAfterMs / 1000)} s.`,
        status,
        retryAfterMs,
      );
    }
    this.consecutiveRateLimits = 0;
    const detail = await serverMessage(response);
    const suffix = detail ? `: ${detail}` : '';
    switch (refusal) {
      case 'unauthorized':
        return new FinnhubRestError('unauthorized', `${refusedKeyMessage(status)}${suffix}`, status);
      case 'unavailable':
        return new FinnhubRestError('network', `Finnhub is unavailable (HTTP ${status})${suffix}`, status);
      default:
        return new FinnhubRestError('internal', `Unexpected answer from Finnhub (HTTP ${status})${suffix}`, status);
    }
  }
}

/** Map a /quote body to a RestQuote; all zeros → 'not-found', anything malformed → 'internal'. */
function parseQuote(symbol: string, body: unknown): RestQuote {
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
    // Finnhub sends seconds; a stamp in milliseconds (or otherwise outside 2000–2100) is unknown (0).
    time: isFiniteNumber(t) && isPlausibleTime(t * 1000) ? t * 1000 : 0,
  };
}

/** Keep well-formed /search matches with valid symbols, de-duplicated, at most `max`. */
function parseSearch(body: unknown, max: number = DEFAULT_MAX_SEARCH_RESULTS): SymbolMatch[] {
  if (!isRecord(body) || !Array.isArray(body.result)) {
    throw new FinnhubRestError('internal', 'Finnhub sent a search answer without results.');
  }
  const items = (body.result as unknown[]).filter(isRecord);
  return uniqueValidSymbols(items.map((item) => item.symbol))
    .slice(0, Math.max(0, max))
    .map((symbol) => {
      const { displaySymbol, description, type } = items.find((item) => item.symbol === symbol) as Record<
        string,
        unknown
      >;
      return {
        symbol,
        displaySymbol:
          typeof displaySymbol === 'string' && displaySymbol.length > 0 ? displaySymbol.slice(0, 80) : symbol,
        description: typeof description === 'string' ? description.slice(0, 200) : '',
        type: typeof type === 'string' ? type.slice(0, 80) : '',
      };
    });
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
      return error.message.startsWith('Unexpected')
        ? error.message
        : `Unexpected answer from Finnhub: ${error.message}`;
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

/** Finnhub's `{"error": "..."}` text, if the body has one (short, single line, from its first few KiB). */
async function serverMessage(response: Response): Promise<string> {
  try {
    const { text } = await readBody(response, MAX_ERROR_BODY_BYTES);
    try {
      const parsed: unknown = JSON.parse(text);
      if (isRecord(parsed) && typeof parsed.error === 'string') return cleanServerText(parsed.error, 160);
    } catch {
      // not JSON (or cut short): fall through to the raw text
    }
    return cleanServerText(text, 160);
  } catch {
    return '';
  }
}

/**
 * Read at most `maxBytes` of a body: a declared length over the limit is refused unread, a stream
 * that runs past it is cancelled there (which closes the connection). `complete` says whether the
 * whole body fitted.
 */
async function readBody(response: Response, maxBytes: number): Promise<{ text: string; complete: boolean }> {
  const body = response.body;
  if (body === null) return { text: '', complete: true };
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await body.cancel().catch(() => {});
    return { text: '', complete: false };
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let complete = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        complete = true;
        break;
      }
      const room = maxBytes - total;
      if (value.byteLength > room) {
        chunks.push(value.subarray(0, room));
        total += room;
        break;
      }
      chunks.push(value);
      total += value.byteLength;
    }
  } finally {
    if (!complete) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
  return { text: Buffer.concat(chunks, total).toString('utf8'), complete };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
