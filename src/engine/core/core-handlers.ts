/**
 * The core's half of the IPC contract: each handler is the settings change or the query it names;
 * the parts that own state (sources, alerts, relay, portfolio) answer for themselves.
 */
import type { FeedOverview, FeedStats, FeedStatus, Preferences } from '../../shared/types';
import type { AlertEngine } from '../alerts/alert-engine';
import type { ContextFeed } from '../context/context-feed';
import type { PortfolioTracker } from '../portfolio/portfolio-tracker';
import type { SettingsService } from '../settings/settings-service';
import type { CoreRelay } from './core-relay';
import type { FeedSession } from '../session/feed-session';
import type { KeySources } from './key-sources';
import type { CoreHandlers } from './ticker-core';

const EMPTY_STATS: FeedStats = {
  connections: 0,
  reconnects: 0,
  trades: 0,
  dropped: 0,
  droppedByReason: {},
  lastMessageAt: null,
  lastServerError: null,
  serverErrors: 0,
};

export interface CoreParts {
  settings: SettingsService;
  session: FeedSession;
  sources: KeySources;
  alerts: AlertEngine;
  relay: CoreRelay;
  portfolio: PortfolioTracker;
  context: Pick<ContextFeed, 'state'>;
  status(): FeedStatus;
}

export function coreHandlers(parts: CoreParts): CoreHandlers {
  const { settings, session, sources, alerts, relay, portfolio, context, status } = parts;
  /** Apply a settings change, then answer with the settings as they now are. */
  const andSettings =
    <A extends unknown[]>(change: (...args: A) => unknown) =>
    (...args: A) => {
      change(...args);
      return settings.publicSettings();
    };
  const overview = (): FeedOverview => ({
    status: status(),
    stats: session.stats() ?? EMPTY_STATS,
    demo: sources.isDemo(),
  });
  return {
    getPageStart: () => ({
      settings: settings.publicSettings(),
      snapshot: session.store.snapshots(),
      overview: overview(),
      portfolio: portfolio.figures(),
      economy: null,
    }),
    getSettings: () => settings.publicSettings(),
    setPreferences: andSettings((patch: Partial<Preferences>) => settings.setPreferences(patch)),
    addSymbol: (symbol) => settings.addSymbol(symbol),
    removeSymbol: (symbol) => settings.removeSymbol(symbol),
    moveSymbol: (symbol, toIndex) => settings.moveSymbol(symbol, toIndex),
    addToList: (listId, symbol) => settings.addSymbol(symbol, listId),
    removeFromList: (listId, symbol) => settings.removeSymbol(symbol, listId),
    moveInList: (listId, symbol, toIndex) => settings.moveSymbol(symbol, toIndex, listId),
    createList: (name) => settings.createList(name),
    renameList: (listId, name) => settings.renameList(listId, name),
    deleteList: andSettings((listId: string) => settings.deleteList(listId)),
    showList: andSettings((listId: string) => settings.showList(listId)),
    setSecondStrip: andSettings((patch: Parameters<SettingsService['setSecondStrip']>[0]) =>
      settings.setSecondStrip(patch),
    ),
    setApiKey: async (key) => {
      const info = settings.setApiKey(key);
      await sources.sync();
      return info;
    },
    testApiKey: (key) => sources.testKey(key),
    searchSymbols: (query) => sources.search(query),
    getSnapshot: () => session.store.snapshots(),
    getRelay: () => relay.view(),
    regenerateRelayToken: () => {
      settings.regenerateRelayToken();
      return relay.view();
    },
    setRelayOrigins: (origins) => {
      settings.setRelayOrigins(origins);
      return relay.view();
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
    getOverview: overview,
    getContext: () => context.state(),
    setPaused: (paused) => {
      settings.setPreferences({ paused });
      return status();
    },
  };
}
