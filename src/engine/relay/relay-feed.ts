/**
 * What the relay needs from Ticker's feed, and its implementation over a FeedSession: interests
 * go into the session's subscription union (one upstream connection, reference-counted, within
 * the plan's cap), trades come back as Finnhub sent them, and quotes come from the tick store or,
 * for symbols Ticker does not watch itself, from the session's quote fetcher (REST or demo).
 */
import { MarketCalendar, type Session } from '../../shared/market-calendar/market-calendar';
import type { RawTrade } from '../feed/protocol';
import type { FeedSession } from '../session/feed-session';
import type { Eviction } from '../session/subscription-union';
import { quoteEvent, restQuoteEvent, type QuoteEvent } from '../market/quote-event';
import { TickerError } from '../../shared/ipc-contract';
import { RELAY_QUOTE_CACHE_ENTRIES, RELAY_QUOTE_CACHE_MS } from '../../shared/relay-rules';
import type { RestQuote } from '../../shared/types';

export interface RelayFeed {
  /** Ask for a symbol upstream on behalf of a client: null when accepted, else the error for the client. */
  want(owner: string, symbol: string): string | null;
  drop(owner: string, symbol: string): void;
  dropOwner(owner: string): void;
  onTrades(listener: (trades: readonly RawTrade[]) => void): () => void;
  /** Interests cut because Ticker's own symbols needed the room, or another client its fair share. */
  onEvicted(listener: (interests: readonly Eviction[]) => void): () => void;
  /**
   * The symbol's quote now, fetched if Ticker has none; null when it cannot be had. The lookup is a
   * low-priority REST call within the relay's share, cached, and dropped once every caller that
   * asked for it has aborted its signal (its client left).
   */
  quote(symbol: string, signal?: AbortSignal): Promise<QuoteEvent | null>;
  /** The symbol's market session now (quote events carry it, as the feed command prints them). */
  sessionOf(symbol: string): Session;
  /** The plan's cap on upstream symbols. */
  readonly maxSymbols: number;
}

function overCapMessage(symbol: string, maxSymbols: number): string {
  return `Subscribing to too many symbols: ${symbol} is not subscribed (the plan allows ${maxSymbols} symbols, Ticker's own come first)`;
}

export interface SessionRelayFeedOptions {
  maxSymbols: number;
  calendar?: MarketCalendar;
  now?: () => number;
}

interface Lookup {
  readonly result: Promise<RestQuote | null>;
  readonly controller: AbortController;
  /** Callers still waiting for it; at 0 the lookup is cancelled (even while queued for a slot). */
  waiting: number;
}

export function sessionRelayFeed(session: FeedSession, options: SessionRelayFeedOptions): RelayFeed {
  const { maxSymbols } = options;
  const calendar = options.calendar ?? new MarketCalendar();
  const now = options.now ?? Date.now;
  const sessionOf = (symbol: string): Session => calendar.sessionAt(symbol, now()).session;
  const lookups = new Map<string, Lookup>();
  /** Answers (null: Finnhub knows no such symbol) by symbol, oldest first, for RELAY_QUOTE_CACHE_MS. */
  const cache = new Map<string, { quote: RestQuote | null; at: number }>();

  function remember(symbol: string, quote: RestQuote | null): void {
    cache.delete(symbol);
    cache.set(symbol, { quote, at: now() });
    while (cache.size > RELAY_QUOTE_CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  }

  async function lookUp(symbol: string, signal: AbortSignal): Promise<RestQuote | null> {
    const fetcher = session.quoteFetcher();
    if (fetcher === null) return null;
    try {
      const quote = await fetcher.quote(symbol, { signal, priority: 'relay' });
      remember(symbol, quote);
      return quote;
    } catch (error) {
      if (error instanceof TickerError && error.code === 'not-found' && !signal.aborted) remember(symbol, null);
      // Rate limited, unknown symbol, offline, cancelled: the client gets its quote from the first trade.
      return null;
    }
  }

  function cached(symbol: string): { quote: RestQuote | null } | undefined {
    const entry = cache.get(symbol);
    if (entry === undefined) return undefined;
    if (now() - entry.at < RELAY_QUOTE_CACHE_MS) return entry;
    cache.delete(symbol);
    return undefined;
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
    quote(symbol, signal) {
      const snapshot = session.store.snapshot(symbol);
      const known = snapshot ? quoteEvent(snapshot, sessionOf(symbol)) : null;
      if (known !== null) return Promise.resolve(known);
      const hit = cached(symbol);
      if (hit !== undefined) return Promise.resolve(hit.quote && restQuoteEvent(hit.quote, sessionOf(symbol)));
      if (signal?.aborted) return Promise.resolve(null);
      let lookup = lookups.get(symbol);
      if (lookup === undefined) {
        // Several clients asking for the same symbol share one REST call.
        const controller = new AbortController();
        const created: Lookup = {
          controller,
          waiting: 0,
          result: lookUp(symbol, controller.signal).finally(() => {
            if (lookups.get(symbol) === created) lookups.delete(symbol);
          }),
        };
        lookups.set(symbol, created);
        lookup = created;
      }
      const shared = lookup;
      shared.waiting += 1;
      return new Promise<QuoteEvent | null>((resolve) => {
        let settled = false;
        const settle = (quote: RestQuote | null): void => {
          if (settled) return;
          settled = true;
          signal?.removeEventListener('abort', onAbort);
          shared.waiting -= 1;
          resolve(quote && restQuoteEvent(quote, sessionOf(symbol)));
        };
        const onAbort = (): void => {
          settle(null);
          if (shared.waiting === 0) {
            shared.controller.abort();
            if (lookups.get(symbol) === shared) lookups.delete(symbol);
          }
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        void shared.result.then(settle);
      });
    },
  };
}
