/**
 * The core's half of the IPC contract: each handler is the settings change or the query it names;
 * the parts that own state (sources, alerts, relay, portfolio) answer for themselves.
 */
import type { FeedOverview, FeedStats, FeedStatus, Preferences, SecondStrip } from '../../shared/types';
import type { AlertEngine } from '../alerts/alert-engine';
import type { ContextFeed } from '../context/context-feed';
import type { PortfolioTracker } from '../portfolio/portfolio-tracker';
import type { Settings } from '../settings/settings';
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
  settings: Settings;
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
    setPreferences: andSettings((patch: Partial<Preferences>) => settings.preferences.set(patch)),
    addToList: (listId, symbol) => settings.lists.addSymbol(symbol, listId),
    removeFromList: (listId, symbol) => settings.lists.removeSymbol(symbol, listId),
    moveInList: (listId, symbol, toIndex) => settings.lists.moveSymbol(symbol, toIndex, listId),
    createList: (name) => settings.lists.create(name),
    renameList: (listId, name) => settings.lists.rename(listId, name),
    deleteList: andSettings((listId: string) => settings.lists.delete(listId)),
    showList: andSettings((listId: string) => settings.lists.show(listId)),
    setSecondStrip: andSettings((patch: Partial<SecondStrip>) => settings.secondStrip.set(patch)),
    setApiKey: async (key) => {
      const info = settings.key.set(key);
      await sources.sync();
      return info;
    },
    testApiKey: (key) => sources.testKey(key),
    searchSymbols: (query) => sources.search(query),
    getSnapshot: () => session.store.snapshots(),
    getRelay: () => relay.view(),
    regenerateRelayToken: () => {
      settings.relay.regenerateToken();
      return relay.view();
    },
    setRelayOrigins: (origins) => {
      settings.relay.setOrigins(origins);
      return relay.view();
    },
    addAlert: (draft) => settings.alerts.add(draft),
    updateAlert: (id, draft) => settings.alerts.update(id, draft),
    removeAlert: (id) => settings.alerts.remove(id),
    rearmAlert: (id) => settings.alerts.rearm(id),
    getAlertHistory: () => alerts.history(),
    addLot: (draft) => settings.portfolio.addLot(draft),
    updateLot: (id, draft) => settings.portfolio.updateLot(id, draft),
    removeLot: (id) => settings.portfolio.removeLot(id),
    replaceLots: (lots) => settings.portfolio.replaceLots(lots),
    setBaseCurrency: (code) => settings.portfolio.setBaseCurrency(code),
    getPortfolio: () => portfolio.figures(),
    getOverview: overview,
    getContext: () => context.state(),
    setPaused: (paused) => {
      settings.preferences.set({ paused });
      return status();
    },
  };
}
