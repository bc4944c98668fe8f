import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { TickerApi } from '../../shared/ipc-contract';
import type { PortfolioFigures } from '../../shared/portfolio/compute-portfolio';
import type { FeedOverview, FeedStatus, PublicSettings, SnapshotBatch, SymbolSnapshot } from '../../shared/types';
import { settle } from '../bridge';
import { isPageStart, type BegunStart } from '../page-start';

/** Where the strip's quotes go: the first full snapshot, then the coalesced batches. */
interface QuoteSink {
  setSnapshot(snapshot: SymbolSnapshot[]): void;
  applyBatch(batch: SnapshotBatch): void;
}

export interface BootstrapOptions {
  /**
   * Called with every settings object that becomes current (pushed, or the first load when nothing
   * was pushed before it), before the snapshot is applied, so a view can order its quotes first.
   */
  onSettings?: (settings: PublicSettings) => void;
  /** Also load the snapshot and follow quotes; batches that overtake the snapshot are applied after it, in order. */
  quotes?: QuoteSink;
  /** Also follow the portfolio's figures: the pushed ones, else the first load's. */
  onPortfolio?: (figures: PortfolioFigures | null) => void;
  /** Fetch the overview again this often and on every pushed status (the settings window's counters). */
  overviewRefreshMs?: number;
  /**
   * The first load, begun before React rendered (see page-start.ts); its held events come first.
   * Without it the hook subscribes and asks for the start itself when it mounts.
   */
  begun?: BegunStart;
}

export interface Bootstrap {
  /** The settings: pushed ones win over the first load when they overtake it. */
  settings: PublicSettings | null;
  setSettings: Dispatch<SetStateAction<PublicSettings | null>>;
  /** The last overview fetched, its status replaced by each pushed one. */
  overview: FeedOverview | null;
  /** The connection status: the last pushed one, else the first overview's. */
  status: FeedStatus | null;
  /** Whether the demo feed runs: a pushed status says so itself, else the first overview does. */
  demo: boolean;
  /** Why the settings could not be loaded, if they could not. */
  loadError: string | null;
  /** The first load (settings, snapshot, overview, portfolio: one call) is done, answered or failed. */
  loaded: boolean;
}

/**
 * What every page starts with: subscribe to settings, status (and quotes, portfolio), then load them
 * in one call, without an older answer ever replacing a newer push. The strip and the settings
 * window both use it.
 */
/** What the first load uses of a page's bridge (both kinds of window have it). */
export type BootstrapApi = Pick<
  TickerApi,
  'getPageStart' | 'getOverview' | 'onSettings' | 'onStatus' | 'onQuotes' | 'onPortfolio'
>;

export function useTickerBootstrap(api: BootstrapApi, options: BootstrapOptions = {}): Bootstrap {
  const [settings, setSettings] = useState<PublicSettings | null>(null);
  const [overview, setOverview] = useState<FeedOverview | null>(null);
  const [status, setStatus] = useState<FeedStatus | null>(null);
  const [demo, setDemo] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  // The options are read when events arrive, so a page need not memoise them.
  const latest = useRef(options);
  latest.current = options;
  const refreshMs = options.overviewRefreshMs;
  const followsQuotes = options.quotes !== undefined;
  const followsPortfolio = options.onPortfolio !== undefined;
  const begun = options.begun;

  useEffect(() => {
    let disposed = false;
    let settingsSeen = false;
    let statusSeen = false;
    let snapshotLoaded = false;
    let portfolioSeen = false;
    const pending: SnapshotBatch[] = [];
    const early = begun?.take() ?? null;
    const events = early?.api ?? api;

    const takeSettings = (next: PublicSettings) => {
      latest.current.onSettings?.(next);
      setSettings(next);
    };
    const refreshOverview = async () => {
      const result = await settle(() => api.getOverview());
      if (!disposed && result.ok) setOverview(result.value);
    };

    const unsubscribers = [
      events.onSettings((next) => {
        settingsSeen = true;
        takeSettings(next);
      }),
      events.onStatus((next) => {
        statusSeen = true;
        setStatus(next);
        setDemo(next?.state === 'demo');
        setOverview((current) => (current ? { ...current, status: next } : current));
        if (refreshMs !== undefined) void refreshOverview();
      }),
      ...(followsQuotes
        ? [
            events.onQuotes((batch) => {
              if (snapshotLoaded) latest.current.quotes?.applyBatch(batch);
              else pending.push(batch);
            }),
          ]
        : []),
      ...(followsPortfolio
        ? [
            events.onPortfolio((figures) => {
              portfolioSeen = true;
              latest.current.onPortfolio?.(figures);
            }),
          ]
        : []),
    ];

    void (async () => {
      const first = await (early?.start ?? settle(() => api.getPageStart()));
      if (disposed) return;
      if (first.ok && !isPageStart(first.value)) setLoadError('The app answered with something unexpected.');
      else if (first.ok) {
        const start = first.value;
        if (!settingsSeen) takeSettings(start.settings);
        if (followsQuotes) latest.current.quotes?.setSnapshot(start.snapshot);
        if (followsPortfolio && !portfolioSeen) latest.current.onPortfolio?.(start.portfolio);
        setOverview(start.overview);
        if (!statusSeen) {
          setDemo(start.overview.demo);
          setStatus(start.overview.status);
        }
      } else setLoadError(first.error.message);
      snapshotLoaded = true;
      for (const batch of pending.splice(0)) latest.current.quotes?.applyBatch(batch);
      setLoaded(true);
    })();

    const timer = refreshMs !== undefined ? window.setInterval(() => void refreshOverview(), refreshMs) : null;
    return () => {
      disposed = true;
      if (timer !== null) window.clearInterval(timer);
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, [api, begun, refreshMs, followsQuotes, followsPortfolio]);

  return { settings, setSettings, overview, status, demo, loadError, loaded };
}
