/**
 * The composition of the app without Electron: settings → the one feed session → events.
 * The Electron shell and the browser test bridge both use exactly this. Each part owns one thing
 * (the key's source, alerts, the relay, the portfolio, the notices); this wires them to the
 * settings and runs them from start() to stop().
 */
import type { EventContract, EventName } from '../../shared/ipc-contract';
import { systemClock, type Clock } from '../../shared/clock';
import { Signal } from '../../shared/signal';
import type { FeedStatus } from '../../shared/types';
import type { AlertEngine } from '../alerts/alert-engine';
import { memoryAlertHistory, type AlertHistoryStore } from '../alerts/alert-history-file';
import { RateLimiter } from '../market/rate-limiter';
import { memoryJsonStore, type JsonStore } from '../context/context-cache';
import { ContextFeed } from '../context/context-feed';
import { PortfolioTracker } from '../portfolio/portfolio-tracker';
import type { RelayServer, RelayServerOptions } from '../relay/relay-server';
import type { Settings } from '../settings/settings';
import { startCoreAlerts } from './core-alerts';
import { coreHandlers } from './core-handlers';
import { CoreRelay } from './core-relay';
import type { FeedSourceConfig, FeedSourceOverrides } from './create-feed-source';
import { FeedSession } from '../session/feed-session';
import { KeySources } from './key-sources';
import { NoticeLog } from './notice-log';
import type { TickerCore } from './ticker-core';

export interface TickerCoreDeps extends FeedSourceOverrides {
  settings: Settings;
  /** Time and timers for everything the core runs (default: the system clock). */
  clock?: Clock;
  /** Override how the relay's server is made (tests: timers, limits). */
  createRelayServer?: (options: RelayServerOptions) => RelayServer;
  /** Where company context is cached between runs (default: memory only). */
  contextStore?: JsonStore;
  /** Where the history of alert firings is kept between runs (default: memory only). */
  alertHistory?: AlertHistoryStore;
}

function newEvents(): { [K in EventName]: Signal<EventContract[K]> } {
  return {
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
    economy: new Signal(),
    update: new Signal(),
    showAbout: new Signal(),
    details: new Signal(),
    headlines: new Signal(),
    card: new Signal(),
    showSettings: new Signal(),
  };
}

/** How the feed's sources are made: the deps' overrides on top of the defaults. */
function feedSourceConfig(
  deps: TickerCoreDeps,
  limiter: RateLimiter,
  clock: Clock,
): Omit<FeedSourceConfig, 'key' | 'symbols'> {
  return {
    limiter,
    clock,
    ...(deps.wsUrl !== undefined ? { wsUrl: deps.wsUrl } : {}),
    ...(deps.restUrl !== undefined ? { restUrl: deps.restUrl } : {}),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.proxyFor ? { proxyFor: deps.proxyFor } : {}),
    ...(deps.heartbeatTimeoutMs !== undefined ? { heartbeatTimeoutMs: deps.heartbeatTimeoutMs } : {}),
    ...(deps.createLiveSource ? { createLiveSource: deps.createLiveSource } : {}),
    ...(deps.createDemoSource ? { createDemoSource: deps.createDemoSource } : {}),
  };
}

interface Followers {
  settings: Settings;
  session: FeedSession;
  alerts: AlertEngine;
  portfolio: PortfolioTracker;
  relay: CoreRelay;
  /** The company context follows the symbols on screen and whether a strip shows headlines. */
  applyContext(): void;
  events: { settings: Signal<EventContract['settings']> };
  started(): boolean;
}

/** Each part follows the kinds of settings it depends on; every change a window shows is pushed to them. */
function followSettings(parts: Followers): void {
  const { settings, session } = parts;
  let shown = settings.lists.shownSymbols();
  const followScreen = (): void => {
    const now = settings.lists.shownSymbols();
    if (now.join(',') !== shown.join(',')) session.setSymbols(now);
    shown = now;
    parts.applyContext();
  };
  settings.lists.changed.subscribe(followScreen);
  settings.secondStrip.changed.subscribe(followScreen);
  settings.alerts.changed.subscribe((rules) => parts.alerts.setRules(rules));
  settings.portfolio.changed.subscribe((holdings) => parts.portfolio.setHoldings(holdings));
  settings.preferences.changed.subscribe(({ current, previous }) => {
    if (current.updateRateHz !== previous.updateRateHz) session.publisher.setRate(current.updateRateHz);
    const relayMoved = current.relayEnabled !== previous.relayEnabled || current.relayPort !== previous.relayPort;
    if (parts.started() && relayMoved) void parts.relay.apply();
    if (current.paused !== previous.paused) {
      const source = session.currentSource();
      if (current.paused) source?.pause();
      else source?.resume();
    }
    if (current.headlines !== previous.headlines) parts.applyContext();
  });
  settings.changed.subscribe((next) => parts.events.settings.emit(next));
}

/** The one connection carries every symbol of every list on screen (and, through the relay, its clients'). */
function openSession(
  settings: Settings,
  clock: Clock,
  events: { quotes: Signal<EventContract['quotes']>; status: Signal<EventContract['status']> },
): FeedSession {
  const session = new FeedSession({
    symbols: settings.lists.shownSymbols(),
    rateHz: settings.preferences.current().updateRateHz,
    maxSymbols: settings.maxSymbols,
    clock,
  });
  session.batches.subscribe((batch) => events.quotes.emit(batch));
  session.status.subscribe((status) => events.status.emit(status));
  return session;
}

export function createTickerCore(deps: TickerCoreDeps): TickerCore {
  const { settings } = deps;
  const clock = deps.clock ?? systemClock;
  const events = newEvents();
  let started = false;
  let stopped = false;
  const running = (): boolean => started && !stopped;

  // Loading problems (e.g. a repaired settings field) first, then anything raised later.
  const notices = new NoticeLog({ clock, emit: events.notice, initial: settings.notices() });
  settings.noticeRaised.subscribe((notice) => notices.raise(notice));
  const notify = notices.notify.bind(notices);

  const session = openSession(settings, clock, events);
  const status = (): FeedStatus => session.currentStatus();

  const limiter = new RateLimiter({ clock });
  // Company names, the card's figures, earnings dates and headlines: background calls on the same limiter.
  const context = new ContextFeed({
    store: deps.contextStore ?? memoryJsonStore(),
    limiter,
    userBusy: () => session.loadingPrevCloses(),
    clock,
  });
  context.details.subscribe((details) => events.details.emit(details));
  context.headlines.subscribe((headlines) => events.headlines.emit(headlines));
  const applyContext = (): void => {
    if (running()) context.apply(sources.restClient(), settings.lists.shownSymbols(), wantsHeadlines(settings));
  };
  const sources = new KeySources({
    session,
    settings,
    config: feedSourceConfig(deps, limiter, clock),
    running,
    restChanged: applyContext,
  });
  const coreAlerts = startCoreAlerts({
    session,
    settings: settings.alerts,
    clock,
    fired: events.alert,
    history: deps.alertHistory ?? memoryAlertHistory(),
  });
  const alerts = coreAlerts.engine;

  // The portfolio's rates and unwatched holdings share the one connection as another owner.
  const portfolio = new PortfolioTracker({ feed: session, clock });
  portfolio.changed.subscribe((figures) => events.portfolio.emit(figures));
  portfolio.setHoldings(settings.portfolio.holdings());

  const relay = new CoreRelay({
    session,
    settings,
    changed: events.relay,
    notify,
    running,
    ...(deps.createRelayServer ? { createServer: deps.createRelayServer } : {}),
  });

  followSettings({ settings, session, alerts, portfolio, relay, applyContext, events, started: () => started });

  return {
    handlers: coreHandlers({ settings, session, sources, alerts, relay, portfolio, context, status }),
    events,
    start() {
      if (started || stopped) return;
      started = true;
      void sources.sync(true).catch((error: unknown) => {
        console.error('[core] could not start the feed:', error);
        notify({ level: 'error', message: 'Ticker could not start its feed. See the log for details.' });
      });
      void relay.apply();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await relay.stop();
      coreAlerts.stop();
      context.stop();
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
    symbols: () => settings.lists.symbols(),
    lists: () => settings.lists.all(),
    shownListId: () => settings.lists.shownListId(),
    secondStrip: () => settings.secondStrip.current(),
    preferences: () => settings.preferences.current(),
    windowState: () => settings.window.current(),
    setWindowState: (state) => settings.window.set(state),
    pendingNotices: () => notices.pending(),
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
    contextCardOpened: (symbol) => context.cardOpened(symbol),
    currentHeadlines: () => context.currentHeadlines(),
  };
}

/** Headlines are polled only while a strip shows them (between the items, or as the second strip). */
function wantsHeadlines(settings: Settings): boolean {
  const second = settings.secondStrip.current();
  return settings.preferences.current().headlines === 'strip' || (second.enabled && second.content === 'headlines');
}
