/**
 * The JSON of one quote as the headless command prints it and the relay's SSE `quote` event
 * carries it: one shape for both, so a consumer can read either.
 */
import type { Session } from '../../shared/market-calendar/market-calendar';
import type { RestQuote } from '../../shared/types';

export interface QuoteEvent {
  event: 'quote';
  symbol: string;
  price: number;
  /** The symbol's market session when the line is made. */
  session: Session;
  /** Present only when the previous close is known. */
  change?: number;
  changePct?: number;
  volume: number;
  /** The last trade or quote, ISO 8601 in UTC (2026-11-27T18:30:00.123Z). */
  time: string | null;
}

/** The fields of a snapshot (or batch update) a quote event is made from. */
export interface QuoteFields {
  symbol: string;
  price: number | null;
  change: number | null;
  changePct: number | null;
  volume: number;
  time: number | null;
}

/** Null while the symbol has no price yet. */
export function quoteEvent(quote: QuoteFields, session: Session): QuoteEvent | null {
  if (quote.price === null) return null;
  const { symbol, price, volume } = quote;
  const time = quote.time === null || !Number.isFinite(quote.time) ? null : new Date(quote.time).toISOString();
  if (quote.change === null || quote.changePct === null)
    return { event: 'quote', symbol, price, session, volume, time };
  return {
    event: 'quote',
    symbol,
    price,
    session,
    change: round(quote.change, 6),
    changePct: round(quote.changePct, 4),
    volume,
    time,
  };
}

/** A REST `/quote` answer as a quote event; no trades seen by Ticker, so the volume is 0. */
export function restQuoteEvent(quote: RestQuote, session: Session): QuoteEvent | null {
  return quoteEvent(
    {
      symbol: quote.symbol,
      price: quote.current,
      change: quote.change,
      changePct: quote.changePct,
      volume: 0,
      time: quote.time,
    },
    session,
  );
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
