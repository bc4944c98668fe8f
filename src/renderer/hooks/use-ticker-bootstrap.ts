import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { TickerApi } from '../../shared/ipc-contract';
import type { FeedOverview, FeedStatus, PublicSettings, SnapshotBatch, SymbolSnapshot } from '../../shared/types';
import { settle } from '../bridge';

/** Where the strip's quotes go: the first full snapshot, then the coalesced batches. */
export interface QuoteSink {
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
  /** Fetch the overview again this often and on every pushed status (the settings window's counters). */
  overviewRefreshMs?: number;
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
  /** The first loads (settings, snapshot, overview) are done, answered or failed. */
  loaded: boolean;
}

/**
 * What every page starts with: subscribe to settings, status (and quotes), then load them, without
 * an older answer ever replacing a newer push. The strip and the settings window both use it.
 */
export function useTickerBootstrap(api: TickerApi, options: BootstrapOptions = {}): Bootstrap {
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

  useEffect(() => {
    let disposed = false;
    let settingsSeen = false;
    let statusSeen = false;
    let snapshotLoaded = false;
    const pending: SnapshotBatch[] = [];

    const takeSettings = (next: PublicSettings) => {
      latest.current.onSettings?.(next);
      setSettings(next);
    };
    const refreshOverview = async () => {
      const result = await settle(() => api.getOverview());
      if (!disposed && result.ok) setOverview(result.value);
    };

    const unsubscribers = [
      api.onSettings((next) => {
        settingsSeen = true;
        takeSettings(next);
      }),
      api.onStatus((next) => {
        statusSeen = true;
        setStatus(next);
        setDemo(next?.state === 'demo');
        setOverview((current) => (current ? { ...current, status: next } : current));
        if (refreshMs !== undefined) void refreshOverview();
      }),
      ...(followsQuotes
        ? [
            api.onQuotes((batch) => {
              if (snapshotLoaded) latest.current.quotes?.applyBatch(batch);
              else pending.push(batch);
            }),
          ]
        : []),
    ];

    void (async () => {
      const [first, snapshot, firstOverview] = await Promise.all([
        settle(() => api.getSettings()),
        followsQuotes ? settle(() => api.getSnapshot()) : null,
        settle(() => api.getOverview()),
      ]);
      if (disposed) return;
      if (first.ok) {
        if (!settingsSeen) takeSettings(first.value);
      } else setLoadError(first.error.message);
      if (snapshot?.ok) latest.current.quotes?.setSnapshot(snapshot.value);
      snapshotLoaded = true;
      for (const batch of pending.splice(0)) latest.current.quotes?.applyBatch(batch);
      if (firstOverview.ok) {
        setOverview(firstOverview.value);
        if (!statusSeen) {
          setDemo(firstOverview.value.demo);
          setStatus(firstOverview.value.status);
        }
      }
      setLoaded(true);
    })();

    const timer = refreshMs !== undefined ? window.setInterval(() => void refreshOverview(), refreshMs) : null;
    return () => {
      disposed = true;
      if (timer !== null) window.clearInterval(timer);
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, [api, refreshMs, followsQuotes]);

  return { settings, setSettings, overview, status, demo, loadError, loaded };
}
