import { memo, useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import type { QuoteFormatter } from '../format';
import { STALE_AFTER_MS } from '../market-hours';
import { describeQuote } from './item-label';
import { isOffscreen, subscribeWhenNear } from './offscreen';
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

/** How long the flash overlay takes to fade out. */
const FLASH_FADE_MS = 450;
/**
 * The flash: an overlay fading out, an opacity animation the compositor runs. The animation lasts
 * far longer than the fade (it holds opacity 0 afterwards) and the next flash rewinds it, so a
 * price that keeps moving never lets it finish: a finishing animation costs the main thread a
 * style recalculation of its own, outside the batch render.
 */
const FLASH_HOLD_MS = 60_000;
const FLASH_KEYFRAMES: Keyframe[] = [
  { opacity: 1, easing: 'ease-out' },
  { opacity: 0, offset: FLASH_FADE_MS / FLASH_HOLD_MS },
  { opacity: 0 },
];
const FLASH_TIMING: KeyframeAnimationOptions = { duration: FLASH_HOLD_MS };
/** A price moving many times a second flashes at most this often (a flash, not a flicker). */
const FLASH_EVERY_MS = 1200;

/** Never shrink a text's reserved width: digits are tabular, so a length in `ch` is stable. */
function useGrowingWidth(text: string): string {
  const widest = useRef(0);
  if (text.length > widest.current) widest.current = text.length;
  return `${widest.current}ch`;
}

/**
 * One symbol in the strip, drawn for the eyes (screen readers get AccessibleQuotes instead).
 * Subscribes to its own entry in the store, so a price change re-renders only this item; while the
 * scrolling strip has it marked offscreen (far from the viewport) changes wait and are caught up
 * when it comes near, before it can be seen. The price flashes (only where it can be seen) when it
 * moves.
 */
export const TickerItem = memo(function TickerItem({ symbol, store, formatter, showSparkline, live, now }: TickerItemProps) {
  const itemRef = useRef<HTMLSpanElement>(null);
  const flashRef = useRef<HTMLSpanElement>(null);
  const flashAnimation = useRef<Animation | null>(null);
  const lastFlashAt = useRef(Number.NEGATIVE_INFINITY);
  // Subscribed after mount, so the item element is known: changes wait while it is offscreen.
  const subscribe = useCallback(
    (listener: () => void) => subscribeWhenNear(itemRef.current, (onChange) => store.subscribeSymbol(symbol, onChange), listener),
    [store, symbol],
  );
  const entry: QuoteEntry | undefined = useSyncExternalStore(subscribe, () => store.get(symbol));
  const quote = entry?.snapshot;
  const { name, price, change, percent, trend, stale } = describeQuote(symbol, quote, { formatter, live, now });
  const priceWidth = useGrowingWidth(price);
  const changeWidth = useGrowingWidth(change);
  const percentWidth = useGrowingWidth(percent);

  const moves = entry?.moves ?? 0;
  const flash = entry && moves > 0 && entry.lastMove !== 'flat' ? `flash-${entry.lastMove}-${moves % 2}` : '';

  useEffect(() => {
    const overlay = flashRef.current;
    if (moves === 0 || !overlay || isOffscreen(itemRef.current)) return;
    const at = performance.now();
    if (at - lastFlashAt.current < FLASH_EVERY_MS) return;
    lastFlashAt.current = at;
    const animation = flashAnimation.current;
    if (animation?.playState === 'running') animation.currentTime = 0;
    else if (animation) animation.play();
    else flashAnimation.current = overlay.animate(FLASH_KEYFRAMES, FLASH_TIMING);
  }, [moves]);
  const title = stale
    ? `${symbol}: no trade for over ${Math.round(STALE_AFTER_MS / 60_000)} minutes while its market is open`
    : symbol;

  return (
    <span
      className={`item trend-${trend}${stale ? ' stale' : ''}`}
      data-symbol={symbol}
      title={title}
      ref={itemRef}
    >
      <span className="name">{name}</span>
      <span className={`price ${flash}`} data-flash={entry?.lastMove ?? 'flat'} style={{ minWidth: priceWidth }}>
        <span className="flash" ref={flashRef} />
        {price}
      </span>
      <span className="arrow">{ARROWS[trend]}</span>
      <span className="change" style={{ minWidth: changeWidth }}>
        {change}
      </span>
      <span className="percent" style={{ minWidth: percentWidth }}>
        {percent}
      </span>
      {stale ? <span className="stale-mark">⏱</span> : null}
      {showSparkline ? <Sparkline history={quote?.history ?? EMPTY} trend={trend} /> : null}
    </span>
  );
});

const EMPTY: readonly number[] = [];
