/**
 * Desktop notifications for alert firings, through a thin injected edge (Electron's Notification in
 * the app, the stand-in in tests). The sound is the notification's own (not `silent`), so the
 * system's Do Not Disturb / Focus, which holds back our notifications, silences it too: Electron
 * offers no query of that state of its own.
 */
import { describeAlertCondition, type AlertFiring, type AlertRule } from '../../shared/alert-rules';
import { displayName } from '../../shared/symbols';

export interface NotificationContent {
  title: string;
  body: string;
  silent: boolean;
}

export interface NotificationLike {
  show(): void;
  on(event: 'click' | 'close' | 'failed', listener: () => void): unknown;
}

export interface AlertNotifierDeps {
  createNotification(content: NotificationContent): NotificationLike;
  /** False where the system has no notifications (then nothing is shown). */
  isSupported(): boolean;
  /** Whether notifications play the system's sound (the `alertSound` preference). */
  sound(): boolean;
  /** The saved rule that fired, to describe it (null when removed meanwhile). */
  ruleById(id: string): AlertRule | null;
  /** The notification was clicked: show this rule in the settings window. */
  openRule(ruleId: string): void;
}

/** Notifications kept referenced until closed, so their click handler is not collected. */
const MAX_LIVE_NOTIFICATIONS = 20;

function formatNumber(value: number, maxFractionDigits: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: maxFractionDigits }).format(value);
}

/** What a firing's notification says: the symbol and rule in the title, price and change in the body. */
export function alertNotificationContent(
  firing: AlertFiring,
  rule: AlertRule | null,
  sound: boolean,
): NotificationContent {
  const name = displayName(firing.symbol);
  const title = rule ? describeAlertCondition(rule, name) : `${name}: ${firing.rule}`;
  const price = formatNumber(firing.price, firing.price < 10 ? 6 : 2);
  const change =
    firing.changePct === null
      ? 'change vs previous close not known yet'
      : `${firing.changePct > 0 ? '+' : firing.changePct < 0 ? '−' : ''}${formatNumber(Math.abs(firing.changePct), 2)} % vs previous close`;
  return { title: `Alert: ${title}`, body: `${name} ${price} (${change}) · rule ${firing.rule}`, silent: !sound };
}

export class AlertNotifier {
  private readonly live = new Set<NotificationLike>();

  constructor(private readonly deps: AlertNotifierDeps) {}

  show(firing: AlertFiring): void {
    if (!this.deps.isSupported()) return;
    const notification = this.deps.createNotification(
      alertNotificationContent(firing, this.deps.ruleById(firing.ruleId), this.deps.sound()),
    );
    const release = (): void => {
      this.live.delete(notification);
    };
    notification.on('click', () => {
      release();
      this.deps.openRule(firing.ruleId);
    });
    notification.on('close', release);
    notification.on('failed', release);
    this.live.add(notification);
    if (this.live.size > MAX_LIVE_NOTIFICATIONS) {
      const oldest = this.live.values().next().value;
      if (oldest) this.live.delete(oldest);
    }
    notification.show();
  }
}
