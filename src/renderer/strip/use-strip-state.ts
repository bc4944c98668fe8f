import { useEffect, useMemo, useState, useCallback, useSyncExternalStore } from 'react';
import type { StripApi } from '../../shared/ipc-contract';
import { MarketCalendar } from '../../shared/market-calendar/market-calendar';
import { DEFAULT_PREFERENCES } from '../../shared/preference-rules';
import type { PortfolioFigures } from '../../shared/portfolio/compute-portfolio';
import { themeInEffect, type ShownTheme } from '../../shared/theme';
import type { FeedStatus, Preferences, PublicSettings, StripFace } from '../../shared/types';
import { createQuoteFormatter, type QuoteFormatter } from '../format';
import { useEconomy } from '../hooks/use-economy';
import { useMediaQuery } from '../hooks/use-media-query';
import { useNow } from '../hooks/use-now';
import { usePageVisible } from '../hooks/use-page-visible';
import { useTickerBootstrap } from '../hooks/use-ticker-bootstrap';
import type { BegunStart } from '../page-start';
import { FlashFader } from './flash-fader';
import { QuoteStore } from './quote-store';

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

/** Which strip this is and what it shows (main says; before it has, the first strip's). */
function faceOf(settings: PublicSettings | undefined, preferences: Preferences): StripFace {
  const face = hasSymbolList(settings) ? settings.strip : undefined;
  return face ?? { role: 'first', sortOrder: preferences.sortOrder, content: 'quotes' };
}

const STALE_CLOCK_MS = 15_000;

interface StripStateOptions {
  api: StripApi;
  locale: string;
  begun?: BegunStart | undefined;
  calendar?: MarketCalendar | undefined;
}

export interface StripState {
  store: QuoteStore;
  fader: FlashFader;
  calendar: MarketCalendar;
  formatter: QuoteFormatter;
  preferences: Preferences;
  face: StripFace;
  portfolio: PortfolioFigures | null;
  /** Nobody can see the strip (main says so, or the page is hidden). */
  quiet: boolean;
  reducedMotion: boolean;
  economy: boolean;
  /** The stale clock (every 15 s). */
  now: number;
  theme: ShownTheme;
  /** The list's symbols, in list order. */
  symbols: readonly string[];
  status: FeedStatus | null;
  demo: boolean;
  loadError: string | null;
  loaded: boolean;
}

/** The strip's state: settings, quotes, status and portfolio from main, and what the page itself knows. */
export function useStripState({ api, locale, begun, calendar: givenCalendar }: StripStateOptions): StripState {
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
  const [face, setFace] = useState(() => faceOf(begun?.answered()?.settings, preferences));
  /** Main says whether anyone can see the strips (screen unlocked, system awake, a strip shown). */
  const [drawing, setDrawing] = useState(true);
  const [portfolio, setPortfolio] = useState<PortfolioFigures | null>(() => {
    const figures = begun?.answered()?.portfolio;
    return isPortfolioFigures(figures) ? figures : null;
  });
  const pageVisible = usePageVisible();
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
      if (settings.preferences) {
        const next = preferencesOf(settings);
        setPreferences(next);
        const nextFace = faceOf(settings, next);
        setFace((before) =>
          before.role === nextFace.role &&
          before.sortOrder === nextFace.sortOrder &&
          before.content === nextFace.content
            ? before
            : nextFace,
        );
      }
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

  return {
    store,
    fader,
    calendar,
    formatter,
    preferences,
    face,
    portfolio,
    quiet: !drawing || !pageVisible,
    reducedMotion,
    economy,
    now,
    theme,
    symbols,
    status,
    demo,
    loadError,
    loaded,
  };
}
