/**
 * Every alert firing becomes a desktop notification (a click opens settings at the rule) and counts
 * towards the tray's "recent alerts".
 */
import type { Clock } from '../../shared/clock';
import { RecentAlerts } from '../../engine/alerts/recent-alerts';
import type { TickerCore } from '../../engine/core/ticker-core';
import type { AlertSettings } from '../../engine/settings/alert-settings';
import { AlertNotifier, type AlertNotifierDeps } from './alert-notifier';
import type { OpenSettingsOptions } from './settings-window';

export interface AlertNotificationsDeps {
  /** The desktop's notifications (Electron's Notification in the app). */
  notifications: Pick<AlertNotifierDeps, 'createNotification' | 'isSupported'>;
  core: Pick<TickerCore, 'events' | 'preferences'>;
  alerts: Pick<AlertSettings, 'rules'>;
  openSettings(options: OpenSettingsOptions): void;
  clock: Clock;
}

export interface AlertNotifications {
  recentAlerts: RecentAlerts;
  stop(): void;
}

export function showAlertNotifications(deps: AlertNotificationsDeps): AlertNotifications {
  const { core } = deps;
  const notifier = new AlertNotifier({
    ...deps.notifications,
    sound: () => core.preferences().alertSound,
    ruleById: (id) => deps.alerts.rules().find((rule) => rule.id === id) ?? null,
    openRule: (ruleId) => deps.openSettings({ focusAlert: ruleId }),
  });
  const recentAlerts = new RecentAlerts({ clock: deps.clock });
  const stopNotifying = core.events.alert.subscribe((firing) => {
    recentAlerts.add();
    try {
      notifier.show(firing);
    } catch (error) {
      console.error('[alerts] could not show a notification:', error);
    }
  });
  return {
    recentAlerts,
    stop: () => {
      stopNotifying();
      recentAlerts.stop();
    },
  };
}
