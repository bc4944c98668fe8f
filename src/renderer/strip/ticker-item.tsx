import { memo, useCallback, useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import { displayName, instrumentKind } from '../../shared/symbols';
import type { QuoteFormatter } from '../format';
import { isPriceStale, STALE_AFTER_MS } from '../market-hours';
import { isOffscreen, MirrorLaneContext, REVEAL_EVENT } from './offscreen';
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

/** The flash: an overlay fading out, an opacity animation the compositor runs. */
const FLASH_KEYFRAMES: Keyframe[] = [{ opacity: 1 }, { opacity: 0 }];
const FLASH_TIMING: KeyframeAnimationOptions = { duration: 450, easing: 'ease-out' };
/** A price moving many times a second flashes at most this often (a flash, not a flicker). */
const FLASH_EVERY_MS = 1200;

/** Never shrink a text's reserved width: digits are tabular, so a length in `ch` is stable. */
function useGrowingWidth(text: string): string {
  const widest = useRef(0);
  if (text.length > widest.current) widest.current = text.length;
  return `${widest.current}ch`;
}

/**
 * One symbol in the strip. Subscribes to its own entry in the store, so a price change re-renders
 * only this item. In a repeated copy of the lane, changes wait while the item is offscreen and
 * are caught up when it comes near. The price flashes (only where it can be seen) when it moves.
 */
export const TickerItem = memo(function TickerItem({ symbol, store, formatter, showSparkline, live, now }: TickerItemProps) {
  const mirror = useContext(MirrorLaneContext);
  const itemRef = useRef<HTMLSpanElement>(null);
  const flashRef = useRef<HTMLSpanElement>(null);
  const flashAnimation = useRef<Animation | null>(null);
  const lastFlashAt = useRef(Number.NEGATIVE_INFINITY);
  const subscribe = useCallback(
    (listener: () => void) => {
      if (!mirror) return store.subscribeSymbol(symbol, listener);
      let behind = false;
      const item = itemRef.current;
      const catchUp = () => {
        if (!behind) return;
        behind = false;
        listener();
      };
      item?.addEventListener(REVEAL_EVENT, catchUp);
      const unsubscribe = store.subscribeSymbol(symbol, () => {
        if (isOffscreen(item)) behind = true;
        else listener();
      });
      return () => {
        unsubscribe();
        item?.removeEventListener(REVEAL_EVENT, catchUp);
      };
    },
    [store, symbol, mirror],
  );
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
  const moves = entry?.moves ?? 0;
  const flash = entry && moves > 0 && entry.lastMove !== 'flat' ? `flash-${entry.lastMove}-${moves % 2}` : '';

  useEffect(() => {
    const overlay = flashRef.current;
    if (moves === 0 || !overlay || isOffscreen(itemRef.current)) return;
    const at = performance.now();
    if (at - lastFlashAt.current < FLASH_EVERY_MS) return;
    lastFlashAt.current = at;
    const animation = flashAnimation.current;
    if (animation) animation.play();
    else flashAnimation.current = overlay.animate(FLASH_KEYFRAMES, FLASH_TIMING);
  }, [moves]);
  const name = displayName(symbol);
  const title = stale
    ? `${symbol}: no trade for over ${Math.round(STALE_AFTER_MS / 60_000)} minutes while its market is open`
    : symbol;

  return (
    <span className={`item trend-${trend}${stale ? ' stale' : ''}`} data-symbol={symbol} title={title} ref={itemRef}>
      <span className="name">{name}</span>
      <span className={`price ${flash}`} data-flash={entry?.lastMove ?? 'flat'} style={{ minWidth: priceWidth }}>
        <span className="flash" ref={flashRef} />
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
