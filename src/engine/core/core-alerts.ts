/**
 * Alerts inside the core: the engine sees every trade the store accepts, its firings become the
 * `alert` event, a rule's armed/triggered state is saved so it survives a restart, and so is the
 * history of firings (saved shortly after a firing, once for a burst, and at stop).
 */
import type { Clock, TimerHandle } from '../../shared/clock';
import type { Signal } from '../../shared/signal';
import type { AlertFiring } from '../../shared/alert-rules';
import { AlertEngine } from '../alerts/alert-engine';
import type { AlertHistoryStore } from '../alerts/alert-history-file';
import { feedAlertsFromStore } from '../alerts/feed-alerts-from-store';
import type { AlertSettings } from '../settings/alert-settings';
import type { FeedSession } from '../session/feed-session';

/** Firings within this long of each other are saved together. */
const HISTORY_SAVE_DELAY_MS = 1_000;

export interface CoreAlerts {
  engine: AlertEngine;
  /** Save a history not yet saved and stop the timer. */
  stop(): void;
}

export function startCoreAlerts(deps: {
  session: Pick<FeedSession, 'store'>;
  settings: Pick<AlertSettings, 'rules' | 'setTriggered'>;
  clock: Pick<Clock, 'now' | 'setTimeout' | 'clearTimeout'>;
  fired: Signal<AlertFiring>;
  history: AlertHistoryStore;
}): CoreAlerts {
  const { settings, clock, history } = deps;
  const alerts = new AlertEngine({ now: () => clock.now(), history: history.load() });
  alerts.setRules(settings.rules());
  feedAlertsFromStore(deps.session.store, alerts);
  let pending: TimerHandle | null = null;
  const save = (): void => {
    if (pending !== null) clock.clearTimeout(pending);
    pending = null;
    history.save(alerts.history());
  };
  alerts.fired.subscribe((firing) => {
    pending ??= clock.setTimeout(save, HISTORY_SAVE_DELAY_MS);
    deps.fired.emit(firing);
  });
  alerts.ruleChanged.subscribe((rule) => {
    try {
      settings.setTriggered(rule.id, rule.triggered);
    } catch (error) {
      // The engine keeps the state in memory; only the saved copy lags until the next write.
      console.error('[alerts] could not save an alert state:', error);
    }
  });
  return {
    engine: alerts,
    stop: () => {
      if (pending !== null) save();
    },
  };
}
