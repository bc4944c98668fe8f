/**
 * Alerts inside the core: the engine sees every trade the store accepts, its firings become the
 * `alert` event, and a rule's armed/triggered state is saved so it survives a restart.
 */
import type { Clock } from '../../shared/clock';
import type { Signal } from '../../shared/signal';
import type { AlertFiring } from '../../shared/alert-rules';
import { AlertEngine } from '../alerts/alert-engine';
import { feedAlertsFromStore } from '../alerts/feed-alerts-from-store';
import type { AlertSettings } from '../settings/alert-settings';
import type { FeedSession } from '../session/feed-session';

export function startCoreAlerts(deps: {
  session: Pick<FeedSession, 'store'>;
  settings: Pick<AlertSettings, 'rules' | 'setTriggered'>;
  clock: Pick<Clock, 'now'>;
  fired: Signal<AlertFiring>;
}): AlertEngine {
  const { settings } = deps;
  const alerts = new AlertEngine({ now: () => deps.clock.now() });
  alerts.setRules(settings.rules());
  feedAlertsFromStore(deps.session.store, alerts);
  alerts.fired.subscribe((firing) => deps.fired.emit(firing));
  alerts.ruleChanged.subscribe((rule) => {
    try {
      settings.setTriggered(rule.id, rule.triggered);
    } catch (error) {
      // The engine keeps the state in memory; only the saved copy lags until the next write.
      console.error('[alerts] could not save an alert state:', error);
    }
  });
  return alerts;
}
