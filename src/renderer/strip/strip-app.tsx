import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { StripApi } from '../../shared/ipc-contract';
import type { MarketCalendar } from '../../shared/market-calendar/market-calendar';
import type { SortFacts } from '../../shared/strip-sort';
import type { FeedStatus } from '../../shared/types';
import { settle } from '../bridge';
import type { BegunStart } from '../page-start';
import { AccessibleQuotes } from './accessible-quotes';
import { HeadlineItem } from './headline-item';
import { PagedStrip } from './paged-strip';
import { ScrollingStrip } from './scrolling-strip';
import { stripMotion } from './strip-motion';
import { PortfolioSummary } from './portfolio-summary';
import { positionText, type PositionText } from '../../shared/portfolio/portfolio-text';
import { StatusBadgeView } from './status-badge';
import { itemContextOf, itemContexts, laneEntries, type LaneEntry } from './strip-context';
import { useAlertMarks } from './use-alert-marks';
import { useCompanyContext } from './use-company-context';
import { useDetailsCard } from './use-details-card';
import { useStripOrder } from './use-strip-order';
import { useStripState, type StripState } from './use-strip-state';
import { TickerItem } from './ticker-item';
import { displayName } from '../../shared/symbols';

/** The element an event happened in, with the attribute, or null. */
function closestWith(target: EventTarget | null, selector: string): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>(selector) : null;
}

const PAGE_MS = 5000;
const NO_SYMBOLS: readonly string[] = [];

export interface StripAppProps {
  api: StripApi;
  /** The user's locale for numbers (navigator.language). */
  locale: string;
  /** The first load, begun when the page's script started (strip-main.tsx). */
  begun?: BegunStart;
  /** The market calendar, made (and its New York clock warmed) while the first load was under way. */
  calendar?: MarketCalendar;
}

/** Each held symbol's position texts, when the user wants them on the strip. */
function usePositions(state: StripState): Map<string, PositionText> {
  const { portfolio, preferences, formatter } = state;
  return useMemo(() => {
    const texts = new Map<string, PositionText>();
    if (portfolio === null || !preferences.showPositionFigures) return texts;
    for (const position of portfolio.positions)
      texts.set(
        position.symbol,
        positionText(position, portfolio.currency, { privacy: preferences.privacy, locale: formatter.locale }),
      );
    return texts;
  }, [portfolio, preferences.showPositionFigures, preferences.privacy, formatter]);
}

interface StripBodyProps {
  state: StripState;
  entries: LaneEntry[];
  motion: ReturnType<typeof stripMotion>;
  render: (entry: LaneEntry) => ReactNode;
}

/** The strip's lane in its motion: scrolling, gliding or paging. */
function StripBody({ state, entries, motion, render }: StripBodyProps) {
  const { preferences, quiet, loaded } = state;
  if (entries.length === 0)
    return loaded ? <div className="empty">No symbols — add some from the tray</div> : <div className="empty" />;
  if (motion === 'pages') {
    const byKey = new Map(entries.map((entry) => [entryKey(entry), entry]));
    return (
      <PagedStrip
        symbols={[...byKey.keys()]}
        pageMs={PAGE_MS}
        quiet={quiet}
        renderItem={(key) => render(byKey.get(key) as LaneEntry)}
      />
    );
  }
  return (
    <ScrollingStrip speed={preferences.speed} frozen={preferences.paused} quiet={quiet} glide={motion === 'glide'}>
      {entries.map(render)}
    </ScrollingStrip>
  );
}

const entryKey = (entry: LaneEntry): string => (entry.kind === 'item' ? entry.symbol : entry.key);

/**
 * What the lane shows: the company context, the items in the strip's order (held while the pointer
 * is over the strip), each item's name and marker, and the headlines between them or alone.
 */
function useStripLane(api: StripApi, state: StripState) {
  const { store, preferences, face, calendar, now, symbols } = state;
  const context = useCompanyContext(api);
  const [pointerOver, setPointerOver] = useState(false);
  const facts = useCallback(
    (symbol: string): SortFacts => ({
      changePct: store.get(symbol)?.snapshot.changePct ?? null,
      name: context.details.get(symbol)?.name ?? displayName(symbol),
    }),
    [store, context.details],
  );
  const ordered = useStripOrder(symbols, face.sortOrder, facts, pointerOver);
  const contexts = useMemo(
    () => itemContexts(ordered, context.details, preferences.companyNames, now, calendar),
    [ordered, context.details, preferences.companyNames, now, calendar],
  );
  const headlinesOnly = face.content === 'headlines';
  const shownSymbols = headlinesOnly ? NO_SYMBOLS : ordered;
  const mode = headlinesOnly ? 'only' : preferences.headlines === 'strip' ? 'between' : 'off';
  const entries = useMemo(
    () => laneEntries(shownSymbols, context.headlines, mode),
    [shownSymbols, context.headlines, mode],
  );
  return { context, contexts, entries, shownSymbols, mode, headlinesOnly, setPointerOver };
}

/** The ticker strip: its state from main (useStripState), the company context, its order and the details card. */
export function StripApp({ api, locale, begun, calendar: givenCalendar }: StripAppProps) {
  const state = useStripState({ api, locale, begun, calendar: givenCalendar });
  const { store, preferences, face, formatter, calendar, now, symbols, status, demo, loadError } = state;
  const lane = useStripLane(api, state);
  const { context, contexts, entries, shownSymbols, mode, headlinesOnly, setPointerOver } = lane;
  const card = useDetailsCard({
    api,
    store,
    details: context.details,
    headlines: context.headlines,
    calendar,
    formatter,
    theme: state.theme === 'light' ? 'light' : 'dark',
    enabled: !preferences.clickThrough,
  });
  const alerted = useAlertMarks(api);
  // The badge speaks of the key or the connection: settings open at the key.
  const openSettings = useCallback(
    () => void settle(() => api.openSettings({ category: 'general', field: 'api-key' })),
    [api],
  );
  const openHeadline = useCallback((url: string) => void settle(() => api.openHeadline(url)), [api]);
  const live = status?.state === 'live' && !demo;
  const shownStatus: FeedStatus | null =
    status && demo && status.state === 'live' ? { ...status, state: 'demo' } : status;
  const positions = usePositions(state);

  const render = (entry: LaneEntry) => {
    if (entry.kind === 'headline') return <HeadlineItem key={entry.key} headline={entry.headline} />;
    const { symbol } = entry;
    const item = itemContextOf(contexts, symbol);
    return (
      <TickerItem
        position={positions.get(symbol)}
        key={symbol}
        symbol={symbol}
        store={store}
        formatter={formatter}
        showSparkline={preferences.showSparklines}
        live={live}
        now={now}
        calendar={calendar}
        fader={state.fader}
        alerted={alerted.has(symbol)}
        companyName={item.companyName}
        markerText={item.markerText}
        markerLabel={item.markerLabel}
      />
    );
  };
  // Nothing watched trades now (a weekend, a holiday, the night): the strip steps back if the user
  // wants it to ('hide' is the main process's: it hides the window until the next open).
  const marketsClosed = calendar.allClosed(symbols, now);
  const motion = stripMotion({
    reducedMotion: state.reducedMotion,
    economy: state.economy,
    scrollStyle: preferences.scrollStyle,
    economyStyle: preferences.economyStyle,
  });

  return (
    <div
      className="strip"
      onClick={(event) => {
        // With click-through on, the window ignores the mouse; this guards a click already under way.
        if (preferences.clickThrough) return;
        const headline = closestWith(event.target, '.headline[data-url]');
        if (headline?.dataset.url) return openHeadline(headline.dataset.url);
        const symbol = closestWith(event.target, '.item[data-symbol]')?.dataset.symbol;
        if (symbol) void settle(() => api.openChart(symbol));
      }}
      onContextMenu={(event) => {
        const symbol = closestWith(event.target, '.item[data-symbol]')?.dataset.symbol;
        if (!symbol) return;
        event.preventDefault();
        if (!preferences.clickThrough) void settle(() => api.showItemMenu(symbol));
      }}
      onPointerOver={(event) => {
        // The order holds while the pointer is over the items (the lane), not the grip or the badge.
        setPointerOver(closestWith(event.target, '.viewport') !== null);
        card.onPointerOver(event);
      }}
      onPointerOut={card.onPointerOut}
      onPointerLeave={() => setPointerOver(false)}
      data-loaded={state.loaded ? 'true' : 'false'}
      data-markets={marketsClosed ? 'closed' : 'open'}
      data-dimmed={marketsClosed && preferences.whenMarketsClosed === 'dim' ? 'true' : 'false'}
      data-quiet={state.quiet ? 'true' : 'false'}
      data-economy={state.economy ? 'true' : 'false'}
      data-motion={entries.length === 0 ? undefined : motion}
      data-content={face.content}
    >
      {/* The frameless window is moved by this grip only; the rest stays clickable (hover pause, badge). */}
      <div className="drag-grip" title="Drag to move the ticker" aria-hidden="true">
        ⋮⋮
      </div>
      <StatusBadgeView
        status={shownStatus}
        problem={loadError === null ? null : `Settings unavailable: ${loadError}`}
        onOpenSettings={openSettings}
      />
      {state.portfolio !== null ? (
        <PortfolioSummary figures={state.portfolio} privacy={preferences.privacy} locale={formatter.locale} />
      ) : null}
      <StripBody state={state} entries={entries} motion={motion} render={render} />
      <AccessibleQuotes
        symbols={shownSymbols}
        store={store}
        formatter={formatter}
        live={live}
        now={now}
        calendar={calendar}
        contexts={contexts}
        onFocusSymbol={card.focusSymbol}
        headlines={mode === 'off' ? [] : context.headlines.filter((h) => headlinesOnly || symbols.includes(h.symbol))}
        onOpenHeadline={openHeadline}
      />
    </div>
  );
}
