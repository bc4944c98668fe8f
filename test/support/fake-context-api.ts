/**
 * An in-process ContextApi for the context services' unit tests: answers from tables the test
 * fills, fails a piece with a FinnhubRestError on request, and records every call.
 */
import { FinnhubRestError } from '../../src/engine/market/finnhub-rest';
import type {
  CompanyProfile,
  ContextApi,
  DayQuote,
  EarningsEntry,
  NewsItem,
  WeekRange,
} from '../../src/engine/market/finnhub-context-api';

export type ApiCall = { kind: 'profile' | 'quote' | 'metric' | 'earnings' | 'news'; symbol: string | null; at: number };

export function fakeContextApi(now: () => number = Date.now) {
  const profiles = new Map<string, CompanyProfile>();
  const quotes = new Map<string, DayQuote>();
  const ranges = new Map<string, WeekRange>();
  const news = new Map<string, NewsItem[]>();
  let earnings: EarningsEntry[] = [];
  const failing = new Map<ApiCall['kind'], number>();
  const calls: ApiCall[] = [];

  const answer = <T>(kind: ApiCall['kind'], symbol: string | null, value: () => T): Promise<T> => {
    calls.push({ kind, symbol, at: now() });
    const status = failing.get(kind);
    if (status === 403) return Promise.reject(new FinnhubRestError('unauthorized', 'HTTP 403', 403));
    if (status === 429) return Promise.reject(new FinnhubRestError('rate-limited', 'HTTP 429', 429, 60_000));
    if (status !== undefined) return Promise.reject(new FinnhubRestError('network', `HTTP ${status}`, status));
    return Promise.resolve(value());
  };
  const empty: CompanyProfile = { name: null, exchange: null, currency: null, industry: null };
  const api: ContextApi = {
    profile: (symbol) => answer('profile', symbol, () => profiles.get(symbol) ?? empty),
    dayQuote: (symbol) =>
      answer(
        'quote',
        symbol,
        () => quotes.get(symbol) ?? { open: null, high: null, low: null, prevClose: null, current: null, time: null },
      ),
    weekRange: (symbol) => answer('metric', symbol, () => ranges.get(symbol) ?? { week52High: null, week52Low: null }),
    earnings: (from, to) => answer('earnings', null, () => earnings.filter((e) => e.date >= from && e.date <= to)),
    companyNews: (symbol) => answer('news', symbol, () => news.get(symbol) ?? []),
  };
  return {
    api,
    calls,
    profiles,
    quotes,
    ranges,
    news,
    setEarnings(entries: EarningsEntry[]) {
      earnings = entries;
    },
    fail(kind: ApiCall['kind'], status: number | null) {
      if (status === null) failing.delete(kind);
      else failing.set(kind, status);
    },
    count(kind: ApiCall['kind'], symbol?: string) {
      return calls.filter((c) => c.kind === kind && (symbol === undefined || c.symbol === symbol)).length;
    },
  };
}
