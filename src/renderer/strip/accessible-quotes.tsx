import { useEffect, useState } from 'react';
import type { MarketCalendar } from '../../shared/market-calendar/market-calendar';
import { useNow } from '../hooks/use-now';
import type { QuoteFormatter } from '../format';
import { describeQuote, itemLabel } from './item-label';
import type { QuoteStore } from './quote-store';
import { afterNextPaint } from './after-paint';

/**
 * How often the list re-reads the quotes. A screen reader reads it on demand (it is not a live
 * region), so a few seconds is fresh enough to trust and calm enough to cost nothing.
 */
const ACCESSIBLE_REFRESH_MS = 2000;

export interface AccessibleQuotesProps {
  symbols: readonly string[];
  store: QuoteStore;
  formatter: QuoteFormatter;
  live: boolean;
  /** The strip's stale clock, so the list and the strip agree on which prices are stale. */
  now: number;
  calendar: MarketCalendar;
}

/**
 * The watch list for screen readers: one sentence per symbol, in order, e.g. "AAPL 189.41, up
 * +2.21, +1.18%", for every symbol (not only those scrolled into view). The scrolling strip itself
 * is decoration for the eyes (aria-hidden, repeated copies, moving). Refreshed from the store on a
 * calm clock rather than on every batch. It is filled after the first frame: the first screen of
 * prices comes first.
 */
export function AccessibleQuotes({ symbols, store, formatter, live, now, calendar }: AccessibleQuotesProps) {
  // Re-read the store on this calm clock (its value is not needed, only the re-render).
  useNow(ACCESSIBLE_REFRESH_MS);
  const [started, setStarted] = useState(false);
  useEffect(() => afterNextPaint(() => setStarted(true)), []);
  if (!started || symbols.length === 0) return null;
  return (
    <ul className="visually-hidden" aria-label="Watch list" data-testid="accessible-quotes">
      {symbols.map((symbol) => (
        <li key={symbol}>
          {itemLabel(describeQuote(symbol, store.get(symbol)?.snapshot, { formatter, live, now, calendar }))}
        </li>
      ))}
    </ul>
  );
}
