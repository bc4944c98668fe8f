import { memo, useCallback, useLayoutEffect, useRef, useSyncExternalStore, type RefObject } from 'react';
import type { MarketCalendar } from '../../shared/market-calendar/market-calendar';
import { displayName } from '../../shared/symbols';
import type { QuoteFormatter } from '../format';
import { STALE_AFTER_MS } from '../stale-price';
import { describeQuote, SESSION_WORDS, type DescribeOptions } from './item-label';
import type { FlashFader } from './flash-fader';
import { ItemView, type ItemState } from './item-view';
import { isOffscreen, REVEAL_EVENT, subscribeWhenNear, type NearReason } from './offscreen';
import type { QuoteEntry, QuoteStore } from './quote-store';
import { Sparkline } from './sparkline';
import type { PositionText } from '../../shared/portfolio/portfolio-text';

export interface TickerItemProps {
  symbol: string;
  store: QuoteStore;
  formatter: QuoteFormatter;
  showSparkline: boolean;
  /** The feed is live (stale prices are only flagged then). */
  live: boolean;
  /** Coarse clock for the session and the stale check. */
  now: number;
  calendar: MarketCalendar;
  /** The strip's flash fader (one per strip). */
  fader: FlashFader;
  /** An alert on this symbol fired a moment ago: the item wears a bell and an outline. */
  alerted?: boolean;
  /** The position's value and day change, when the user holds the symbol and wants them shown. */
  position?: PositionText | undefined;
  /** The company's name, when the user wants names on the strip. */
  companyName?: string | null;
  /** The earnings marker ("E", "E 2d") and its sentence, when a report is near. */
  markerText?: string | null;
  markerLabel?: string | null;
}

const STALE_TITLE_MINUTES = Math.round(STALE_AFTER_MS / 60_000);

/** Everything one item shows for a store entry (none yet: dashes). */
function itemState(symbol: string, entry: QuoteEntry | undefined, options: DescribeOptions): ItemState {
  const parts = describeQuote(symbol, entry?.snapshot, options);
  let title = symbol;
  if (parts.stale) title = `${symbol}: no trade for over ${STALE_TITLE_MINUTES} minutes while its market is open`;
  else if (parts.session !== 'regular') title = `${symbol}: ${SESSION_WORDS[parts.session]}`;
  return { ...parts, moves: entry?.moves ?? 0, lastMove: entry?.lastMove ?? 'flat', title };
}

/** Subscribe to one symbol's changes, held while `element` is offscreen (see offscreen.ts). */
function useNearSubscription(element: RefObject<HTMLElement | null>, store: QuoteStore, symbol: string) {
  return useCallback(
    (listener: (reason: NearReason) => void) =>
      subscribeWhenNear(element.current, (onChange) => store.subscribeSymbol(symbol, onChange), listener),
    [element, store, symbol],
  );
}

/**
 * One symbol in the strip, drawn for the eyes (screen readers get AccessibleQuotes instead).
 * React renders the item's frame; an ItemView writes the quote into it, straight to the DOM, on
 * every change of this symbol (only this item is touched). While the scrolling strip has the
 * item marked offscreen (far from the viewport) changes wait and are caught up when it comes
 * near, before it can be seen. The price flashes when it moves where it can be seen (catching
 * up does not flash: the item is still outside the viewport then).
 */
export const TickerItem = memo(function TickerItem({
  symbol,
  store,
  formatter,
  showSparkline,
  live,
  now,
  calendar,
  fader,
  alerted = false,
  position,
  companyName = null,
  markerText = null,
  markerLabel = null,
}: TickerItemProps) {
  const itemRef = useRef<HTMLSpanElement>(null);
  const priceRef = useRef<HTMLSpanElement>(null);
  const moveRef = useRef<HTMLSpanElement>(null);
  const arrowRef = useRef<HTMLSpanElement>(null);
  const sessionRef = useRef<HTMLSpanElement>(null);
  const viewRef = useRef<ItemView | null>(null);
  const options = useRef<DescribeOptions>({ formatter, live, now, calendar });
  const subscribe = useNearSubscription(itemRef, store, symbol);

  /** Draw the latest quote into the item (creating its view on first use). */
  const draw = useCallback(
    (flash: boolean) => {
      const [item, price, move, arrow, session] = [itemRef, priceRef, moveRef, arrowRef, sessionRef].map(
        (ref) => ref.current,
      );
      if (!item || !price || !move || !arrow || !session) return;
      const view = (viewRef.current ??= new ItemView({ item, price, move, arrow, session }, fader));
      view.show(itemState(symbol, store.get(symbol), options.current), { flash });
    },
    [store, symbol, fader],
  );

  // Follow the symbol's changes (held while far from view); drawn before the first paint.
  useLayoutEffect(() => {
    draw(false);
    return subscribe((reason) => draw(reason === 'change'));
  }, [subscribe, draw]);

  // The locale, the feed state or the stale clock changed: redraw now if near, else on coming back.
  useLayoutEffect(() => {
    const { current } = options;
    const changed =
      current.formatter !== formatter || current.live !== live || current.now !== now || current.calendar !== calendar;
    options.current = { formatter, live, now, calendar };
    const item = itemRef.current;
    if (!changed || !item) return;
    if (!isOffscreen(item)) {
      draw(false);
      return;
    }
    const redraw = () => draw(false);
    item.addEventListener(REVEAL_EVENT, redraw, { once: true });
    return () => item.removeEventListener(REVEAL_EVENT, redraw);
  }, [formatter, live, now, calendar, draw]);

  return (
    <span className="item" data-symbol={symbol} data-alerted={alerted ? 'true' : undefined} ref={itemRef}>
      {alerted ? (
        <span className="alert-mark" title="An alert fired" aria-hidden="true">
          🔔
        </span>
      ) : null}
      <span className="name">{displayName(symbol)}</span>
      {companyName !== null ? <span className="company">{companyName}</span> : null}
      {markerText !== null ? (
        <span className="earnings-mark" title={markerLabel ?? undefined}>
          {markerText}
        </span>
      ) : null}
      <span className="price" ref={priceRef} />
      <span className="arrow" ref={arrowRef} />
      <span className="move" ref={moveRef} />
      <span className="stale-mark">⏱</span>
      <span className="session-mark" ref={sessionRef} />
      {position ? (
        <span className={`position trend-${position.dayTrend}`} title="Your position: value and today's change">
          <span className="value">{position.value}</span> <span className="day">{position.dayChange}</span>
        </span>
      ) : null}
      {showSparkline ? <ItemSparkline symbol={symbol} store={store} subscribe={subscribe} /> : null}
    </span>
  );
});

const EMPTY: readonly number[] = [];

/** The item's sparkline: re-renders only when the history gains a point (the store keeps the same array otherwise). */
function ItemSparkline({
  symbol,
  store,
  subscribe,
}: {
  symbol: string;
  store: QuoteStore;
  subscribe: (listener: (reason: NearReason) => void) => () => void;
}) {
  const history = useSyncExternalStore(subscribe, () => store.get(symbol)?.snapshot.history ?? EMPTY);
  return <Sparkline history={history} />;
}
