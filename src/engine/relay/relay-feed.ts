/**
 * What the relay needs from Ticker's feed, and its implementation over a FeedSession: interests
 * go into the session's subscription union (one upstream connection, reference-counted, within
 * the plan's cap), trades come back as Finnhub sent them, and quotes come from the tick store or,
 * for symbols Ticker does not watch itself, from the session's quote fetcher (REST or demo).
 */
import { MarketCalendar, type Session } from '../../shared/market-calendar/market-calendar';
import type { RawTrade } from '../feed/protocol';
import type { FeedSession } from '../core/feed-session';
import type { Interest } from '../core/subscription-union';
import { quoteEvent, restQuoteEvent, type QuoteEvent } from '../market/quote-event';

export interface RelayFeed {
  /** Ask for a symbol upstream on behalf of a client: null when accepted, else the error for the client. */
  want(owner: string, symbol: string): string | null;
  drop(owner: string, symbol: string): void;
  dropOwner(owner: string): void;
  onTrades(listener: (trades: readonly RawTrade[]) => void): () => void;
  /** Interests cut because Ticker's own symbols needed the room. */
  onEvicted(listener: (interests: readonly Interest[]) => void): () => void;
  /** The symbol's quote now, fetched if Ticker has none; null when it cannot be had. */
  quote(symbol: string): Promise<QuoteEvent | null>;
  /** The symbol's market session now (quote events carry it, as the feed command prints them). */
  sessionOf(symbol: string): Session;
  /** The plan's cap on upstream symbols. */
  readonly maxSymbols: number;
}

export function overCapMessage(symbol: string, maxSymbols: number): string {
  return `Subscribing to too many symbols: ${symbol} is not subscribed (the plan allows ${maxSymbols} symbols, Ticker's own come first)`;
}

export interface SessionRelayFeedOptions {
  maxSymbols: number;
  calendar?: MarketCalendar;
  now?: () => number;
}

export function sessionRelayFeed(session: FeedSession, options: SessionRelayFeedOptions): RelayFeed {
  const { maxSymbols } = options;
  const calendar = options.calendar ?? new MarketCalendar();
  const now = options.now ?? Date.now;
  const sessionOf = (symbol: string): Session => calendar.sessionAt(symbol, now()).session;
  const inFlight = new Map<string, Promise<QuoteEvent | null>>();

  async function fetchQuote(symbol: string): Promise<QuoteEvent | null> {
    const fetcher = session.quoteFetcher();
    if (fetcher === null) return null;
    try {
      return restQuoteEvent(await fetcher.quote(symbol), sessionOf(symbol));
    } catch {
      // Rate limited, unknown symbol, offline: the client gets its quote from the first trade.
      return null;
    }
  }

  return {
    maxSymbols,
    sessionOf,
    want(owner, symbol) {
      return session.addInterest(owner, symbol) === 'over-cap' ? overCapMessage(symbol, maxSymbols) : null;
    },
    drop: (owner, symbol) => session.removeInterest(owner, symbol),
    dropOwner: (owner) => session.removeOwner(owner),
    onTrades: (listener) => session.subscribeRawTrades(listener),
    onEvicted: (listener) => session.evicted.subscribe(listener),
    quote(symbol) {
      const snapshot = session.store.snapshot(symbol);
      const known = snapshot ? quoteEvent(snapshot, sessionOf(symbol)) : null;
      if (known !== null) return Promise.resolve(known);
      let pending = inFlight.get(symbol);
      if (pending === undefined) {
        // Several clients asking for the same symbol share one REST call.
        pending = fetchQuote(symbol).finally(() => inFlight.delete(symbol));
        inFlight.set(symbol, pending);
      }
      return pending;
    },
  };
}
