/**
 * Finnhub's company-context endpoints (profile2, quote, stock/metric, calendar/earnings,
 * company-news) over the shared REST client, so every call waits in the one rate limiter. Each call
 * runs at `background` priority unless told otherwise: the user's own calls (search, key test,
 * previous closes) always go first. Parsers keep only well-formed fields; unknown ones are null.
 */
import { cleanServerText } from '../../shared/server-text';
import { isPlausibleTime, MAX_PRICE } from '../feed/plausibility';
import { isValidSymbol, normalizeSymbol } from '../../shared/symbols';
import { CONTEXT_LIMITS, EARNINGS_HOURS, type EarningsHour } from '../../shared/symbol-context';
import { parseDayKey } from '../../shared/earnings-marker';
import { FinnhubRestError, type RequestOptions } from './finnhub-rest';
import { MAX_URL_LENGTH } from '../../shared/text-limits';

export interface CompanyProfile {
  name: string | null;
  exchange: string | null;
  currency: string | null;
  industry: string | null;
}

export interface DayQuote {
  open: number | null;
  high: number | null;
  low: number | null;
  prevClose: number | null;
  current: number | null;
  /** Epoch ms, null when unknown. */
  time: number | null;
}

export interface WeekRange {
  week52High: number | null;
  week52Low: number | null;
}

export interface EarningsEntry {
  symbol: string;
  date: string;
  hour: EarningsHour | null;
}

/** A news item as Finnhub sent it, checked; `url` may still be any scheme (the poller decides). */
export interface NewsItem {
  id: number | string;
  headline: string;
  source: string;
  url: string;
  /** Epoch ms. */
  time: number;
}

/** What the context services need of Finnhub (ContextApi over FinnhubRest; fakes in tests). */
export interface ContextApi {
  profile(symbol: string, options?: RequestOptions): Promise<CompanyProfile>;
  dayQuote(symbol: string, options?: RequestOptions): Promise<DayQuote>;
  weekRange(symbol: string, options?: RequestOptions): Promise<WeekRange>;
  /** Every company reporting from `from` to `to` (New York dates, inclusive). */
  earnings(from: string, to: string, options?: RequestOptions): Promise<EarningsEntry[]>;
  companyNews(symbol: string, from: string, to: string, options?: RequestOptions): Promise<NewsItem[]>;
}

/** The REST client's part the API uses (FinnhubRest has it). */
export interface JsonGetter {
  getJson(pathAndQuery: string, options?: RequestOptions): Promise<unknown>;
}

/** The most earnings entries kept from one calendar answer (a busy fortnight has a few thousand). */
const MAX_EARNINGS_ENTRIES = 10_000;
/** The most news items read from one answer. */
const MAX_NEWS_ITEMS = 100;

/**
 * The API over the REST client. `gate`, when given, is awaited before each call (the reserve that
 * keeps background calls out of the user's way).
 */
export function contextApi(rest: JsonGetter, gate?: (signal?: AbortSignal) => Promise<void>): ContextApi {
  const get = async (path: string, options: RequestOptions = {}): Promise<unknown> => {
    if (gate !== undefined) await gate(options.signal);
    return rest.getJson(path, { priority: 'background', ...options });
  };
  const checked = (symbol: string): string => {
    if (!isValidSymbol(symbol)) throw new FinnhubRestError('invalid-payload', `Not a valid symbol: ${String(symbol)}`);
    return encodeURIComponent(symbol);
  };
  return {
    async profile(symbol, options) {
      return parseProfile(await get(`/stock/profile2?symbol=${checked(symbol)}`, options));
    },
    async dayQuote(symbol, options) {
      return parseDayQuote(await get(`/quote?symbol=${checked(symbol)}`, options));
    },
    async weekRange(symbol, options) {
      return parseWeekRange(await get(`/stock/metric?symbol=${checked(symbol)}&metric=all`, options));
    },
    async earnings(from, to, options) {
      if (parseDayKey(from) === null || parseDayKey(to) === null)
        throw new FinnhubRestError('invalid-payload', 'Earnings dates must be YYYY-MM-DD.');
      return parseEarnings(await get(`/calendar/earnings?from=${from}&to=${to}`, options));
    },
    async companyNews(symbol, from, to, options) {
      if (parseDayKey(from) === null || parseDayKey(to) === null)
        throw new FinnhubRestError('invalid-payload', 'News dates must be YYYY-MM-DD.');
      return parseCompanyNews(await get(`/company-news?symbol=${checked(symbol)}&from=${from}&to=${to}`, options));
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A positive finite number, else null (Finnhub sends 0 for "unknown"). */
function positive(value: unknown): number | null {
  return typeof value === 'number' && value > 0 && value <= MAX_PRICE ? value : null;
}

function text(value: unknown, maxLength: number): string | null {
  if (typeof value !== 'string') return null;
  const clean = cleanServerText(value, maxLength);
  return clean.length > 0 ? clean : null;
}

/** /stock/profile2: `{}` (crypto, forex, unknown symbols) gives all nulls. */
function parseProfile(body: unknown): CompanyProfile {
  if (!isRecord(body)) throw new FinnhubRestError('internal', 'Finnhub sent a profile that is not an object.');
  const currency = text(body.currency, 8);
  return {
    name: text(body.name, CONTEXT_LIMITS.maxNameLength),
    exchange: text(body.exchange, 80),
    currency: currency !== null && /^[A-Za-z]{3,5}$/.test(currency) ? currency.toUpperCase() : null,
    industry: text(body.finnhubIndustry, 80),
  };
}

/** /quote: zeros (Finnhub's "unknown") become null. */
function parseDayQuote(body: unknown): DayQuote {
  if (!isRecord(body)) throw new FinnhubRestError('internal', 'Finnhub sent a quote that is not an object.');
  const t = positive(body.t);
  return {
    open: positive(body.o),
    high: positive(body.h),
    low: positive(body.l),
    prevClose: positive(body.pc),
    current: positive(body.c),
    time: t !== null && isPlausibleTime(t * 1000) ? t * 1000 : null,
  };
}

/** /stock/metric: the 52-week high and low; a low above the high is nonsense and dropped. */
function parseWeekRange(body: unknown): WeekRange {
  if (!isRecord(body)) throw new FinnhubRestError('internal', 'Finnhub sent metrics that are not an object.');
  const metric = isRecord(body.metric) ? body.metric : {};
  const high = positive(metric['52WeekHigh']);
  const low = positive(metric['52WeekLow']);
  if (high !== null && low !== null && low > high) return { week52High: null, week52Low: null };
  return { week52High: high, week52Low: low };
}

/** /calendar/earnings: well-formed entries only (a valid symbol and a real date). */
function parseEarnings(body: unknown): EarningsEntry[] {
  if (!isRecord(body) || !Array.isArray(body.earningsCalendar))
    throw new FinnhubRestError('internal', 'Finnhub sent an earnings calendar without entries.');
  const entries: EarningsEntry[] = [];
  for (const item of body.earningsCalendar as unknown[]) {
    if (entries.length >= MAX_EARNINGS_ENTRIES) break;
    if (!isRecord(item) || typeof item.date !== 'string' || parseDayKey(item.date) === null) continue;
    const symbol = normalizeSymbol(item.symbol);
    if (symbol === null) continue;
    const hour = EARNINGS_HOURS.find((h) => h === item.hour) ?? null;
    entries.push({ symbol, date: item.date, hour });
  }
  return entries;
}

/** /company-news: items with an id, a headline, a url and a plausible time. */
function parseCompanyNews(body: unknown): NewsItem[] {
  if (!Array.isArray(body)) throw new FinnhubRestError('internal', 'Finnhub sent news that is not a list.');
  const items: NewsItem[] = [];
  for (const item of body.slice(0, MAX_NEWS_ITEMS) as unknown[]) {
    if (!isRecord(item)) continue;
    const id =
      (typeof item.id === 'number' && Number.isSafeInteger(item.id)) ||
      (typeof item.id === 'string' && /^[\w-]{1,64}$/.test(item.id))
        ? (item.id as number | string)
        : null;
    const headline = text(item.headline, CONTEXT_LIMITS.maxHeadlineLength);
    const url = typeof item.url === 'string' && item.url.length <= MAX_URL_LENGTH ? item.url.trim() : null;
    const seconds = typeof item.datetime === 'number' && Number.isFinite(item.datetime) ? item.datetime : null;
    if (id === null || headline === null || url === null || seconds === null) continue;
    if (!isPlausibleTime(seconds * 1000)) continue;
    items.push({
      id,
      headline,
      source: text(item.source, CONTEXT_LIMITS.maxSourceLength) ?? '',
      url,
      time: seconds * 1000,
    });
  }
  return items;
}
