/**
 * The context Ticker keeps for each watched symbol beside its price: the company's name, the day's
 * figures, the 52-week range, the next earnings date and recent headlines. Plain data shared by the
 * engine, the strip and the headless command; the limits every part uses live here once.
 */
import { displayName, instrumentKind } from './symbols';

/** When a company reports: before the open, after the close, during market hours. */
export type EarningsHour = 'bmo' | 'amc' | 'dmh';
export const EARNINGS_HOURS: readonly EarningsHour[] = ['bmo', 'amc', 'dmh'];

export interface EarningsDate {
  /** New York calendar date, `YYYY-MM-DD`. */
  date: string;
  /** Null when Finnhub does not say. */
  hour: EarningsHour | null;
}

/** The pieces of context, each fetched and failing on its own. */
export type ContextPiece = 'profile' | 'quote' | 'metric' | 'earnings' | 'news';

/** Why a piece is missing, in words for the card (null when it is known or still loading). */
export type PieceNotes = Partial<Record<ContextPiece, string>>;

/**
 * What the details card and `feed --details` show. Every figure Ticker does not know is null, never
 * 0 and never missing.
 */
export interface SymbolDetails {
  symbol: string;
  /** The company's full name; for crypto and forex the readable pair. */
  name: string | null;
  exchange: string | null;
  currency: string | null;
  open: number | null;
  high: number | null;
  low: number | null;
  prevClose: number | null;
  /** Epoch ms of the quote's last trade, when known. */
  quoteTime: number | null;
  week52High: number | null;
  week52Low: number | null;
  earnings: EarningsDate | null;
  /** Pieces that could not be had, and why (a 403 on a premium endpoint, a failure). */
  notes: PieceNotes;
}

export interface Headline {
  /** Finnhub's article id (the same article comes back for several symbols with the same id). */
  id: number | string;
  symbol: string;
  headline: string;
  source: string;
  /** Always https. */
  url: string;
  /** Epoch ms of publication. */
  time: number;
}

/** What a page is told first: every known symbol's details and the headlines shown now. */
export interface ContextState {
  details: SymbolDetails[];
  headlines: Headline[];
}

export const CONTEXT_LIMITS = {
  /** Company profiles are refreshed after a week. */
  profileMaxAgeMs: 7 * 24 * 3600_000,
  /** The 52-week range is refreshed daily. */
  metricMaxAgeMs: 24 * 3600_000,
  /** The day's open/high/low for the card, at most this often per symbol in the background. */
  quoteRefreshMs: 10 * 60_000,
  /** One earnings calendar call covers this many days ahead ... */
  earningsDaysAhead: 14,
  /** ... and is refreshed this often. */
  earningsRefreshMs: 6 * 3600_000,
  /** Each symbol's news is asked for at most this often. */
  newsPollMs: 15 * 60_000,
  /** Headlines kept (and shown) per symbol. */
  headlinesPerSymbol: 3,
  /** Older headlines are dropped. */
  headlineMaxAgeMs: 24 * 3600_000,
  /** Longest headline text kept. */
  maxHeadlineLength: 300,
  maxSourceLength: 60,
  maxNameLength: 120,
  /** Markers show this many New York days ahead ("E 2d"). */
  earningsMarkerDaysAhead: 2,
} as const;

/** Details with nothing known yet. */
export function emptyDetails(symbol: string): SymbolDetails {
  return {
    symbol,
    name: instrumentKind(symbol) === 'stock' ? null : displayName(symbol),
    exchange: null,
    currency: null,
    open: null,
    high: null,
    low: null,
    prevClose: null,
    quoteTime: null,
    week52High: null,
    week52Low: null,
    earnings: null,
    notes: {},
  };
}

// Legal-form words dropped from the short name, only at the end ("Apple Inc" → "Apple").
const LEGAL_SUFFIXES =
  /[\s,-]+(inc|incorporated|corp|corporation|co|company|ltd|limited|plc|sa|ag|nv|se|llc|lp|holdings?|group|class [a-z]|cl [a-z]|adr)\.?$/i;

/** The short form of a company name: its legal-form endings dropped ("Microsoft Corp" → "Microsoft"). */
export function shortCompanyName(name: string): string {
  let short = name.trim();
  for (let i = 0; i < 4; i += 1) {
    const next = short.replace(LEGAL_SUFFIXES, '').replace(/[\s,.-]+$/, '');
    if (next === short || next.length === 0) break;
    short = next;
  }
  return short;
}

/** Where the price sits in the 52-week range, 0 (at the low) to 1 (at the high); null when unknown. */
export function rangePosition(price: number | null, low: number | null, high: number | null): number | null {
  if (price === null || low === null || high === null || !(high > low)) return null;
  return Math.min(1, Math.max(0, (price - low) / (high - low)));
}
