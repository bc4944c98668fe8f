import { memo, useCallback, useRef, useSyncExternalStore } from 'react';
import { displayName, instrumentKind } from '../../shared/symbols';
import type { QuoteFormatter } from '../format';
import { isPriceStale, STALE_AFTER_MS } from '../market-hours';
import type { QuoteEntry, QuoteStore } from './quote-store';
import { Sparkline } from './sparkline';

export interface TickerItemProps {
  symbol: string;
  store: QuoteStore;
  formatter: QuoteFormatter;
  showSparkline: boolean;
  /** The feed is live (stale prices are only flagged then). */
  live: boolean;
  /** Coarse clock for the stale check. */
  now: number;
}

const ARROWS = { up: '▲', down: '▼', flat: '' } as const;

/** Never shrink a text's reserved width: digits are tabular, so a length in `ch` is stable. */
function useGrowingWidth(text: string): string {
  const widest = useRef(0);
  if (text.length > widest.current) widest.current = text.length;
  return `${widest.current}ch`;
}

/**
 * One symbol in the strip. Subscribes to its own entry in the store, so a price change re-renders
 * only this item; the flash restarts by alternating between two identical animations.
 */
export const TickerItem = memo(function TickerItem({ symbol, store, formatter, showSparkline, live, now }: TickerItemProps) {
  const subscribe = useCallback((listener: () => void) => store.subscribeSymbol(symbol, listener), [store, symbol]);
  const entry: QuoteEntry | undefined = useSyncExternalStore(subscribe, () => store.get(symbol));
  const quote = entry?.snapshot;
  const price = formatter.price(symbol, quote?.price ?? null);
  const change = formatter.change(symbol, quote?.change ?? null, quote?.price ?? null);
  const percent = formatter.percent(quote?.changePct ?? null);
  const priceWidth = useGrowingWidth(price);
  const changeWidth = useGrowingWidth(change);
  const percentWidth = useGrowingWidth(percent);

  const changeValue = quote?.change ?? quote?.changePct ?? null;
  const trend = changeValue == null || changeValue === 0 ? 'flat' : changeValue > 0 ? 'up' : 'down';
  const stale = isPriceStale({ kind: instrumentKind(symbol), priceTime: quote?.time ?? null, now, live });
  const flash = entry && entry.moves > 0 && entry.lastMove !== 'flat' ? `flash-${entry.lastMove}-${entry.moves % 2}` : '';
  const name = displayName(symbol);
  const title = stale
    ? `${symbol}: no trade for over ${Math.round(STALE_AFTER_MS / 60_000)} minutes while its market is open`
    : symbol;

  return (
    <span className={`item trend-${trend}${stale ? ' stale' : ''}`} data-symbol={symbol} title={title}>
      <span className="name">{name}</span>
      <span className={`price ${flash}`} style={{ minWidth: priceWidth }}>
        {price}
      </span>
      <span className="arrow" aria-label={trend === 'flat' ? 'unchanged' : trend}>
        {ARROWS[trend]}
      </span>
      <span className="change" style={{ minWidth: changeWidth }}>
        {change}
      </span>
      <span className="percent" style={{ minWidth: percentWidth }}>
        {percent}
      </span>
      {stale ? (
        <span className="stale-mark" aria-label="stale">
          ⏱
        </span>
      ) : null}
      {showSparkline ? <Sparkline history={quote?.history ?? EMPTY} /> : null}
    </span>
  );
});

const EMPTY: readonly number[] = [];
