import { useEffect, useMemo, useReducer, useState } from 'react';
import type { MarketCalendar } from '../../shared/market-calendar/market-calendar';
import { headlineStripText, linkHost } from '../../shared/headline-links';
import type { Headline } from '../../shared/symbol-context';
import type { QuoteFormatter } from '../format';
import { describeQuote, itemLabel } from './item-label';
import type { QuoteStore } from './quote-store';
import { afterNextPaint } from './after-paint';
import { CalmRefresh } from './calm-refresh';
import { itemContextOf, type ItemContext } from './strip-context';

/**
 * How often, at most, the list re-reads the quotes, and only after they changed. A screen reader
 * reads it on demand (it is not a live region), so a few seconds is fresh enough to trust and calm
 * enough to cost nothing; with no price moving, nothing runs at all.
 */
const ACCESSIBLE_REFRESH_MS = 2000;

/**
 * The store's count of calm refreshes: it goes up at most every ACCESSIBLE_REFRESH_MS after the
 * store changed, never while it does not.
 */
function useCalmStore(store: QuoteStore): number {
  const [version, refresh] = useReducer((count: number) => count + 1, 0);
  useEffect(() => {
    const calm = new CalmRefresh(
      {
        setTimeout: (callback, ms) => window.setTimeout(callback, ms),
        clearTimeout: (handle) => window.clearTimeout(handle),
      },
      ACCESSIBLE_REFRESH_MS,
      refresh,
    );
    const unsubscribe = store.subscribeChanges(() => calm.changed());
    return () => {
      unsubscribe();
      calm.dispose();
    };
  }, [store]);
  return version;
}

export interface AccessibleQuotesProps {
  symbols: readonly string[];
  store: QuoteStore;
  formatter: QuoteFormatter;
  live: boolean;
  /** The strip's stale clock, so the list and the strip agree on which prices are stale. */
  now: number;
  calendar: MarketCalendar;
  /** Each item's company name and earnings marker. */
  contexts?: ReadonlyMap<string, ItemContext>;
  /** A symbol got keyboard focus (its details card opens), or lost it (null). */
  onFocusSymbol?: (symbol: string | null) => void;
  /** The headlines the strip shows, each a button that opens its article. */
  headlines?: readonly Headline[];
  onOpenHeadline?: (url: string) => void;
}

function spokenItem(label: string, context: ItemContext): string {
  const name = context.companyName === null ? '' : `, ${context.companyName}`;
  const marker = context.markerLabel === null ? '' : `, ${context.markerLabel}`;
  return `${label}${name}${marker}`;
}

/**
 * The watch list for screen readers and the keyboard: one sentence per symbol, in order, e.g.
 * "AAPL 189.41, up +2.21, +1.18%, Earnings today, after close", for every symbol (not only those
 * scrolled into view); focusing one opens its details card. The scrolling strip itself is
 * decoration for the eyes (aria-hidden, repeated copies, moving). Refreshed from the store on a
 * calm clock rather than on every batch. It is filled after the first frame: the first screen of
 * prices comes first.
 */
export function AccessibleQuotes(props: AccessibleQuotesProps) {
  const { symbols, store, formatter, live, now, calendar, contexts, onFocusSymbol, headlines = [] } = props;
  // The quotes as of the last calm refresh: a render for any other reason (the strip's clock, a
  // status or a context change) says the same prices, so the list never runs ahead of its clock.
  const version = useCalmStore(store);
  const [started, setStarted] = useState(false);
  useEffect(() => afterNextPaint(() => setStarted(true)), []);
  const quotes = useMemo(
    () => new Map(symbols.map((symbol) => [symbol, store.get(symbol)?.snapshot])),
    // version and started say when to read the store again.
    [store, symbols, version, started],
  );
  if (!started || (symbols.length === 0 && headlines.length === 0)) return null;
  return (
    <div className="visually-hidden">
      {symbols.length > 0 ? (
        <ul aria-label="Watch list" data-testid="accessible-quotes">
          {symbols.map((symbol) => (
            <li
              key={symbol}
              tabIndex={onFocusSymbol ? 0 : undefined}
              data-symbol={symbol}
              onFocus={onFocusSymbol ? () => onFocusSymbol(symbol) : undefined}
              onBlur={onFocusSymbol ? () => onFocusSymbol(null) : undefined}
            >
              {spokenItem(
                itemLabel(describeQuote(symbol, quotes.get(symbol), { formatter, live, now, calendar })),
                contexts ? itemContextOf(contexts, symbol) : itemContextOf(new Map(), symbol),
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {headlines.length > 0 ? (
        <ul aria-label="Headlines" data-testid="accessible-headlines">
          {headlines.map((headline) => (
            <li key={`${headline.symbol}:${String(headline.id)}`}>
              <button type="button" onClick={() => props.onOpenHeadline?.(headline.url)}>
                {`${headlineStripText(headline)} (opens ${linkHost(headline.url) ?? 'the article'})`}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
