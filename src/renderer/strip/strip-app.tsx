import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { StripApi } from '../../shared/ipc-contract';
import { MarketCalendar } from '../../shared/market-calendar/market-calendar';
import { DEFAULT_PREFERENCES } from '../../shared/preference-rules';
import { themeInEffect } from '../../shared/theme';
import type { FeedStatus, Preferences, PublicSettings } from '../../shared/types';
import { settle } from '../bridge';
import type { BegunStart } from '../page-start';
import { createQuoteFormatter } from '../format';
import { useEconomy } from '../hooks/use-economy';
import { useMediaQuery } from '../hooks/use-media-query';
import { useNow } from '../hooks/use-now';
import { useTickerBootstrap } from '../hooks/use-ticker-bootstrap';
import { usePageVisible } from '../hooks/use-page-visible';
import { AccessibleQuotes } from './accessible-quotes';
import { FlashFader } from './flash-fader';
import { PagedStrip } from './paged-strip';
import { QuoteStore } from './quote-store';
import { ScrollingStrip } from './scrolling-strip';
import { stripMotion } from './strip-motion';
import { PortfolioSummary } from './portfolio-summary';
import type { PortfolioFigures } from '../../shared/portfolio/compute-portfolio';
import { positionText, type PositionText } from '../../shared/portfolio/portfolio-text';

/** A pushed payload is only trusted as far as its shape (a renderer checks what it draws). */
function isPortfolioFigures(value: unknown): value is PortfolioFigures {
  if (typeof value !== 'object' || value === null) return false;
  const figures = value as Partial<PortfolioFigures>;
  return (
    typeof figures.currency === 'string' &&
    Array.isArray(figures.positions) &&
    Array.isArray(figures.missingRates) &&
    Array.isArray(figures.missingPrices)
  );
}
import { StatusBadgeView } from './status-badge';
import { useAlertMarks } from './use-alert-marks';
import { TickerItem } from './ticker-item';

/** The symbol of the strip item an event happened in, or null outside items. */
function itemSymbol(target: EventTarget | null): string | null {
  const item = target instanceof Element ? target.closest<HTMLElement>('.item[data-symbol]') : null;
  return item?.dataset.symbol ?? null;
}

/** Shown until settings arrive, so the strip never renders unstyled. */
const INITIAL_PREFERENCES: Preferences = DEFAULT_PREFERENCES;

/** Settings are only trusted as far as their shape (a renderer checks what it draws). */
function hasSymbolList(settings: unknown): settings is PublicSettings {
  return typeof settings === 'object' && settings !== null && Array.isArray((settings as PublicSettings).symbols);
}

function preferencesOf(settings: PublicSettings | undefined): Preferences {
  return hasSymbolList(settings) && settings.preferences
    ? { ...INITIAL_PREFERENCES, ...settings.preferences }
    : INITIAL_PREFERENCES;
}

const PAGE_MS = 5000;
const STALE_CLOCK_MS = 15_000;

export interface StripAppProps {
  api: StripApi;
  /** The user's locale for numbers (navigator.language). */
  locale: string;
  /** The first load, begun when the page's script started (strip-main.tsx). */
  begun?: BegunStart;
  /** The market calendar, made (and its New York clock warmed) while the first load was under way. */
  calendar?: MarketCalendar;
}

/** The ticker strip: loads settings, snapshot and status (useTickerBootstrap), then follows the bridge's events. */
export function StripApp({ api, locale, begun, calendar: givenCalendar }: StripAppProps) {
  // When main has answered before React's first render (its IPC is quick), that render already
  // draws the prices; otherwise the bootstrap brings them a render later.
  const store = useMemo(() => {
    const created = new QuoteStore();
    const first = begun?.answered();
    if (first && hasSymbolList(first.settings)) {
      created.setOrder(first.settings.symbols);
      created.setSnapshot(first.snapshot);
    }
    return created;
  }, [begun]);
  const fader = useMemo(() => new FlashFader(), []);
  const calendar = useMemo(() => givenCalendar ?? new MarketCalendar(), [givenCalendar]);
  const formatter = useMemo(() => createQuoteFormatter(locale), [locale]);
  const [preferences, setPreferences] = useState(() => preferencesOf(begun?.answered()?.settings));
  /** Main says whether anyone can see the strips (screen unlocked, system awake, a strip shown). */
  const [drawing, setDrawing] = useState(true);
  const [portfolio, setPortfolio] = useState<PortfolioFigures | null>(() => {
    const figures = begun?.answered()?.portfolio;
    return isPortfolioFigures(figures) ? figures : null;
  });
  const pageVisible = usePageVisible();
  const quiet = !drawing || !pageVisible;
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  /** Main says whether economy is in effect (the preference, and the power source). */
  const economy = useEconomy(api, begun?.answered()?.economy)?.active ?? false;
  const now = useNow(STALE_CLOCK_MS);

  const subscribeOrder = useCallback((listener: () => void) => store.subscribeOrder(listener), [store]);
  const symbols = useSyncExternalStore(subscribeOrder, () => store.getOrder());

  const { status, demo, loadError, loaded } = useTickerBootstrap(api, {
    onSettings: (settings) => {
      if (!hasSymbolList(settings)) return;
      store.setOrder(settings.symbols);
      if (settings.preferences) setPreferences(preferencesOf(settings));
    },
    quotes: {
      setSnapshot: (snapshot) => store.setSnapshot(snapshot),
      applyBatch: (batch) => {
        store.applyBatch(batch);
        // Quiet prices' flashes fade in the frame this batch costs anyway, not in frames of their own.
        fader.sweep();
      },
    },
    // A pushed figure set wins over the first load when it overtakes it.
    onPortfolio: (next) => setPortfolio(isPortfolioFigures(next) ? next : null),
    ...(begun ? { begun } : {}),
  });
  const problem = loadError === null ? null : `Settings unavailable: ${loadError}`;

  useEffect(
    () =>
      api.onDrawing((next) => {
        if (typeof next === 'boolean') setDrawing(next);
      }),
    [api],
  );

  useEffect(() => () => fader.dispose(), [fader]);

  // "System" follows the OS live: Chromium's prefers-color-scheme is Electron's nativeTheme.
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)');
  const theme = themeInEffect(preferences.theme, systemDark);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.setProperty('--font-size', `${preferences.fontSize}px`);
  }, [theme, preferences.fontSize]);

  const alerted = useAlertMarks(api);
  const openSettings = useCallback(() => void settle(() => api.openSettings()), [api]);
  const live = status?.state === 'live' && !demo;
  const shownStatus: FeedStatus | null =
    status && demo && status.state === 'live' ? { ...status, state: 'demo' } : status;
  const showSparklines = preferences.showSparklines;

  const positions = useMemo(() => {
    const texts = new Map<string, PositionText>();
    if (portfolio === null || !preferences.showPositionFigures) return texts;
    for (const position of portfolio.positions)
      texts.set(
        position.symbol,
        positionText(position, portfolio.currency, { privacy: preferences.privacy, locale: formatter.locale }),
      );
    return texts;
  }, [portfolio, preferences.showPositionFigures, preferences.privacy, formatter]);

  const renderItem = (symbol: string) => (
    <TickerItem
      position={positions.get(symbol)}
      key={symbol}
      symbol={symbol}
      store={store}
      formatter={formatter}
      showSparkline={showSparklines}
      live={live}
      now={now}
      calendar={calendar}
      fader={fader}
      alerted={alerted.has(symbol)}
    />
  );
  // Nothing watched trades now (a weekend, a holiday, the night): the strip steps back if the user
  // wants it to ('hide' is the main process's: it hides the window until the next open).
  const marketsClosed = calendar.allClosed(symbols, now);
  const dimmed = marketsClosed && preferences.whenMarketsClosed === 'dim';

  const motion = stripMotion({
    reducedMotion,
    economy,
    scrollStyle: preferences.scrollStyle,
    economyStyle: preferences.economyStyle,
  });
  let body;
  if (symbols.length === 0) {
    body = loaded ? <div className="empty">No symbols — add some from the tray</div> : <div className="empty" />;
  } else if (motion === 'pages') {
    body = <PagedStrip symbols={symbols} pageMs={PAGE_MS} quiet={quiet} renderItem={renderItem} />;
  } else {
    body = (
      <ScrollingStrip speed={preferences.speed} frozen={preferences.paused} quiet={quiet} glide={motion === 'glide'}>
        {symbols.map(renderItem)}
      </ScrollingStrip>
    );
  }

  return (
    <div
      className="strip"
      onClick={(event) => {
        // With click-through on, the window ignores the mouse; this guards a click already under way.
        const symbol = itemSymbol(event.target);
        if (symbol !== null && !preferences.clickThrough) void settle(() => api.openChart(symbol));
      }}
      onContextMenu={(event) => {
        const symbol = itemSymbol(event.target);
        if (symbol === null) return;
        event.preventDefault();
        if (!preferences.clickThrough) void settle(() => api.showItemMenu(symbol));
      }}
      data-loaded={loaded ? 'true' : 'false'}
      data-markets={marketsClosed ? 'closed' : 'open'}
      data-dimmed={dimmed ? 'true' : 'false'}
      data-quiet={quiet ? 'true' : 'false'}
      data-economy={economy ? 'true' : 'false'}
      data-motion={symbols.length === 0 ? undefined : motion}
    >
      {/* The frameless window is moved by this grip only; the rest stays clickable (hover pause, badge). */}
      <div className="drag-grip" title="Drag to move the ticker" aria-hidden="true">
        ⋮⋮
      </div>
      <StatusBadgeView status={shownStatus} problem={problem} onOpenSettings={openSettings} />
      {portfolio !== null ? (
        <PortfolioSummary figures={portfolio} privacy={preferences.privacy} locale={formatter.locale} />
      ) : null}
      {body}
      <AccessibleQuotes
        symbols={symbols}
        store={store}
        formatter={formatter}
        live={live}
        now={now}
        calendar={calendar}
      />
    </div>
  );
}
