/**
 * The composition of the app without Electron: settings → the one feed session → events.
 * The Electron shell and the browser test bridge both use exactly this.
 */
import { apiKeyProblem } from '../../shared/api-key-rule';
import type { EventContract, EventName } from '../../shared/ipc-contract';
import { systemClock, type Clock } from '../../shared/clock';
import { Signal } from '../../shared/signal';
import type { FeedOverview, FeedStats, FeedStatus, KeyTestResult, Notice, Preferences, PublicSettings, RelayView, SymbolMatch } from '../../shared/types';
import { AlertEngine } from '../alerts/alert-engine';
import type { TradeSource } from '../feed/trade-source';
import type { FetchLike, FinnhubRest } from '../market/finnhub-rest';
import { RateLimiter } from '../market/rate-limiter';
import type { SettingsService } from '../settings/settings-service';
import { createFeedSource, createRestClient, type FeedSourceConfig } from './create-feed-source';
import type { PreviousCloseSource } from './demo-quotes';
import { searchDemoSymbols } from './demo-symbols';
import { RelayController } from '../relay/relay-controller';
import type { RelayServer, RelayServerOptions } from '../relay/relay-server';
import { FeedSession } from './feed-session';
import { PortfolioTracker } from '../portfolio/portfolio-tracker';
import type { CoreHandlers, TickerCore } from './ticker-core';

/** How long search and key tests may wait for a rate-limit slot before failing fast. */
const INTERACTIVE_MAX_WAIT_MS = 5_000;

export interface TickerCoreDeps {
  settings: SettingsService;
  wsUrl?: string;
  restUrl?: string;
  fetch?: FetchLike;
  /** Time and timers for everything the core runs (default: the system clock). */
  clock?: Clock;
  /** Override how sources are made (tests). */
  createLiveSource?: (token: string, symbols: readonly string[]) => TradeSource;
  createDemoSource?: (symbols: readonly string[]) => TradeSource & PreviousCloseSource;
  heartbeatTimeoutMs?: number;
  /** Override how the relay's server is made (tests: timers, limits). */
  createRelayServer?: (options: RelayServerOptions) => RelayServer;
}

const EMPTY_STATS: FeedStats = {
  connections: 0,
  reconnects: 0,
  trades: 0,
  dropped: 0,
  droppedByReason: {},
  lastMessageAt: null,
  lastServerError: null,
};

export function createTickerCore(deps: TickerCoreDeps): TickerCore {
  const { settings } = deps;
  const clock = deps.clock ?? systemClock;
  const now = (): number => clock.now();
  const limiter = new RateLimiter({ clock });
  const sourceConfig: Omit<FeedSourceConfig, 'key' | 'symbols'> = {
    limiter,
    clock,
    ...(deps.wsUrl !== undefined ? { wsUrl: deps.wsUrl } : {}),
    ...(deps.restUrl !== undefined ? { restUrl: deps.restUrl } : {}),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.heartbeatTimeoutMs !== undefined ? { heartbeatTimeoutMs: deps.heartbeatTimeoutMs } : {}),
    ...(deps.createLiveSource ? { createLiveSource: deps.createLiveSource } : {}),
    ...(deps.createDemoSource ? { createDemoSource: deps.createDemoSource } : {}),
  };
  const events: { [K in EventName]: Signal<EventContract[K]> } = {
    quotes: new Signal(),
    status: new Signal(),
    settings: new Signal(),
    notice: new Signal(),
    focusAddSymbol: new Signal(),
    alert: new Signal(),
    focusAlert: new Signal(),
    relay: new Signal(),
    prefillAlert: new Signal(),
    drawing: new Signal(),
    portfolio: new Signal(),
  };
  /** Loading problems (e.g. a repaired settings field) first, then anything raised later. */
  const notices: Notice[] = [...settings.notices()];

  // The one connection carries every symbol of every list on screen (and, through the relay, its clients').
  const session = new FeedSession({ symbols: settings.shownSymbols(), rateHz: settings.preferences().updateRateHz, maxSymbols: settings.maxSymbols, clock });
  session.batches.subscribe((batch) => events.quotes.emit(batch));
  session.status.subscribe((status) => events.status.emit(status));

  const alerts = new AlertEngine({ now });
  alerts.setRules(settings.alerts());
  session.store.setTradeObserver(alerts.onTrade);
  alerts.fired.subscribe((firing) => events.alert.emit(firing));
  alerts.ruleChanged.subscribe((rule) => {
    try {
      settings.setAlertTriggered(rule.id, rule.triggered);
    } catch (error) {
      // The engine keeps the state in memory; only the saved copy lags until the next write.
      console.error('[alerts] could not save an alert state:', error);
    }
  });

  // The portfolio's rates and unwatched holdings share the one connection as another owner.
  const portfolio = new PortfolioTracker({ feed: session, clock });
  portfolio.changed.subscribe((figures) => events.portfolio.emit(figures));
  portfolio.setHoldings(settings.holdings());

  const relay = new RelayController({ session, maxSymbols: settings.maxSymbols, ...(deps.createRelayServer ? { createServer: deps.createRelayServer } : {}) });
  const relayView = (): RelayView => ({ ...relay.overview(), token: settings.relayToken(), origins: settings.relayOrigins() });
  let relayError: string | null = null;
  relay.changed.subscribe((overview) => {
    if (overview.error !== null && overview.error !== relayError) notify({ level: 'warning', message: `The relay is not running: ${overview.error}` });
    relayError = overview.error;
    events.relay.emit(relayView());
  });
  function applyRelay(): Promise<void> {
    const { relayEnabled, relayPort } = settings.preferences();
    // The token is made only when the relay is first turned on (or the settings window shows it).
    const token = relayEnabled ? settings.relayToken() : (settings.relayTokenIfMade() ?? '');
    return relay.apply({ enabled: relayEnabled && !stopped, port: relayPort, token, origins: settings.relayOrigins() });
  }
  settings.relayChanged.subscribe(() => {
    // Before start the saved config is only recorded; start() applies it (stop() ends it for good).
    if (started && !stopped) void applyRelay();
    events.relay.emit(relayView());
  });

  let started = false;
  let stopped = false;
  /** The key the attached source uses; null while the demo runs. */
  let activeKey: string | null = null;
  let rest: FinnhubRest | null = null;

  /** (Re)attach the source that matches the saved key; a no-op when it already does. */
  async function syncSource(force = false): Promise<void> {
    if (!started || stopped) return;
    const key = settings.apiKey();
    if (!force && key === activeKey && session.currentSource()) return;
    activeKey = key;
    const made = createFeedSource({ ...sourceConfig, key, symbols: settings.shownSymbols() });
    rest = made.rest;
    const { source } = made;
    await session.attach(source, made.quotes);
    if (settings.preferences().paused) source.pause();
  }

  function notify(notice: Omit<Notice, 'at'>): void {
    raise({ ...notice, at: now() });
  }

  function raise(notice: Notice): void {
    notices.push(notice);
    if (notices.length > 20) notices.shift();
    events.notice.emit(notice);
  }
  settings.noticeRaised.subscribe(raise);

  let previous: PublicSettings = settings.publicSettings();
  let shown = settings.shownSymbols();
  settings.changed.subscribe((next) => {
    const before = previous;
    previous = next;
    const nowShown = settings.shownSymbols();
    if (nowShown.join(',') !== shown.join(',')) session.setSymbols(nowShown);
    shown = nowShown;
    if (JSON.stringify(next.alerts) !== JSON.stringify(before.alerts)) alerts.setRules(next.alerts);
    if (JSON.stringify(next.holdings) !== JSON.stringify(before.holdings)) portfolio.setHoldings(next.holdings);
    if (next.preferences.updateRateHz !== before.preferences.updateRateHz) session.publisher.setRate(next.preferences.updateRateHz);
    if (started && (next.preferences.relayEnabled !== before.preferences.relayEnabled || next.preferences.relayPort !== before.preferences.relayPort)) {
      void applyRelay();
    }
    if (next.preferences.paused !== before.preferences.paused) {
      const source = session.currentSource();
      if (next.preferences.paused) source?.pause();
      else source?.resume();
    }
    events.settings.emit(next);
  });

  function status(): FeedStatus {
    return session.currentStatus();
  }

  const handlers: CoreHandlers = {
    getSettings: () => settings.publicSettings(),
    setPreferences: (patch: Partial<Preferences>) => {
      settings.setPreferences(patch);
      return settings.publicSettings();
    },
    addSymbol: (symbol: string) => settings.addSymbol(symbol),
    removeSymbol: (symbol: string) => settings.removeSymbol(symbol),
    moveSymbol: (symbol: string, toIndex: number) => settings.moveSymbol(symbol, toIndex),
    addToList: (listId: string, symbol: string) => settings.addSymbol(symbol, listId),
    removeFromList: (listId: string, symbol: string) => settings.removeSymbol(symbol, listId),
    moveInList: (listId: string, symbol: string, toIndex: number) => settings.moveSymbol(symbol, toIndex, listId),
    createList: (name: string) => settings.createList(name),
    renameList: (listId: string, name: string) => settings.renameList(listId, name),
    deleteList: (listId: string) => {
      settings.deleteList(listId);
      return settings.publicSettings();
    },
    showList: (listId: string) => {
      settings.showList(listId);
      return settings.publicSettings();
    },
    setSecondStrip: (patch) => {
      settings.setSecondStrip(patch);
      return settings.publicSettings();
    },
    setApiKey: async (key: string) => {
      const info = settings.setApiKey(key);
      await syncSource();
      return info;
    },
    testApiKey: async (key?: string): Promise<KeyTestResult> => {
      const token = key !== undefined && key.trim() !== '' ? key.trim() : settings.apiKey();
      if (token === null) return { ok: false, reason: 'No key to test: paste your Finnhub key first.' };
      // The rule setApiKey applies: a key that could never be saved is not worth a REST request.
      const problem = apiKeyProblem(token);
      if (problem !== null) return { ok: false, reason: problem };
      return createRestClient(sourceConfig, token).testKey(token, { maxWaitMs: INTERACTIVE_MAX_WAIT_MS });
    },
    searchSymbols: async (query: string): Promise<SymbolMatch[]> => {
      if (!rest) return searchDemoSymbols(query);
      return rest.search(query, { maxWaitMs: INTERACTIVE_MAX_WAIT_MS });
    },
    getSnapshot: () => session.store.snapshots(),
    getRelay: () => relayView(),
    regenerateRelayToken: () => {
      settings.regenerateRelayToken();
      return relayView();
    },
    setRelayOrigins: (origins: string[]) => {
      settings.setRelayOrigins(origins);
      return relayView();
    },
    addAlert: (draft) => settings.addAlert(draft),
    updateAlert: (id, draft) => settings.updateAlert(id, draft),
    removeAlert: (id) => settings.removeAlert(id),
    rearmAlert: (id) => settings.rearmAlert(id),
    getAlertHistory: () => alerts.history(),
    addLot: (draft) => settings.addLot(draft),
    updateLot: (id, draft) => settings.updateLot(id, draft),
    removeLot: (id) => settings.removeLot(id),
    replaceLots: (lots) => settings.replaceLots(lots),
    setBaseCurrency: (code) => settings.setBaseCurrency(code),
    getPortfolio: () => portfolio.figures(),
    getOverview: (): FeedOverview => ({ status: status(), stats: session.stats() ?? EMPTY_STATS, demo: activeKey === null }),
    setPaused: (paused: boolean) => {
      settings.setPreferences({ paused });
      return status();
    },
  };

  return {
    handlers,
    events,
    start() {
      if (started || stopped) return;
      started = true;
      void syncSource(true).catch((error: unknown) => {
        console.error('[core] could not start the feed:', error);
        notify({ level: 'error', message: 'Ticker could not start its feed. See the log for details.' });
      });
      void applyRelay();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await relay.stop();
      session.flush();
      portfolio.stop();
      await session.close();
      limiter.dispose();
    },
    reconnectNow() {
      session.currentSource()?.reconnectNow();
    },
    status,
    relay: () => relay.overview(),
    symbols: () => settings.symbols(),
    lists: () => settings.lists(),
    shownListId: () => settings.shownListId(),
    secondStrip: () => settings.secondStrip(),
    preferences: () => settings.preferences(),
    windowState: () => settings.windowState(),
    setWindowState: (state) => settings.setWindowState(state),
    pendingNotices: () => [...notices],
    portfolio: () => portfolio.figures(),
    notify,
    setDrawing(drawing: boolean) {
      if (drawing === !session.publisher.holding) return;
      if (drawing) {
        // The catch-up batch first, so a strip that starts moving again shows current prices.
        session.publisher.hold(false);
        events.drawing.emit(true);
      } else {
        events.drawing.emit(false);
        session.publisher.hold(true);
      }
    },
    drawing: () => !session.publisher.holding,
  };
}

