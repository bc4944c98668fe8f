/** The alert rules: each checked against the shared rules, at most ALERT_LIMITS.maxRules, no two alike. */
import { randomUUID } from 'node:crypto';
import {
  ALERT_LIMITS,
  checkAlertDraft,
  copyAlertRule,
  formatAlertCondition,
  sameCondition,
  type AlertDraft,
  type AlertRule,
} from '../../shared/alert-rules';
import { TickerError } from '../../shared/ipc-contract';
import { Signal } from '../../shared/signal';
import type { SettingsState } from './settings-state';

export class AlertSettings {
  /** A rule was added, edited, removed, re-armed or triggered. */
  readonly changed = new Signal<AlertRule[]>();

  constructor(
    private readonly state: SettingsState,
    private readonly newId: () => string = randomUUID,
  ) {
    state.follow(
      (settings) => settings.alerts,
      (alerts) => this.changed.emit(alerts.map(copyAlertRule)),
      true,
    );
  }

  rules(): AlertRule[] {
    return this.state.current.alerts.map(copyAlertRule);
  }

  /** Add a rule (armed). Refuses an invalid draft, a rule identical to one saved, and more than the limit. */
  add(input: AlertDraft): AlertRule[] {
    const draft = requireDraft(input);
    const { alerts } = this.state.current;
    if (alerts.length >= ALERT_LIMITS.maxRules)
      throw new TickerError('limit', `You can keep at most ${ALERT_LIMITS.maxRules} alerts. Remove one first.`);
    this.refuseDuplicate(draft, null);
    this.save([...alerts, { ...draft, id: this.newId(), triggered: false }]);
    return this.rules();
  }

  /** Replace a rule's condition and options; an edited rule is armed again. */
  update(id: string, input: AlertDraft): AlertRule[] {
    const index = this.requireRule(id);
    const draft = requireDraft(input);
    this.refuseDuplicate(draft, id);
    const alerts = [...this.state.current.alerts];
    alerts[index] = { ...draft, id, triggered: false };
    this.save(alerts);
    return this.rules();
  }

  remove(id: string): AlertRule[] {
    this.requireRule(id);
    this.save(this.state.current.alerts.filter((rule) => rule.id !== id));
    return this.rules();
  }

  /** Arm a triggered rule again (the user's "Re-arm"). */
  rearm(id: string): AlertRule[] {
    this.requireRule(id);
    this.setTriggered(id, false);
    return this.rules();
  }

  /** Save a rule's triggered state as the alert engine changed it; an unknown id (just removed) is ignored. */
  setTriggered(id: string, triggered: boolean): void {
    this.save(this.state.current.alerts.map((rule) => (rule.id === id ? { ...rule, triggered } : rule)));
  }

  private save(alerts: AlertRule[]): void {
    this.state.write({ ...this.state.current, alerts });
  }

  private requireRule(id: unknown): number {
    const index = typeof id === 'string' ? this.state.current.alerts.findIndex((rule) => rule.id === id) : -1;
    if (index < 0) throw new TickerError('not-found', 'That alert no longer exists.');
    return index;
  }

  private refuseDuplicate(draft: AlertDraft, exceptId: string | null): void {
    const same = this.state.current.alerts.find((rule) => rule.id !== exceptId && sameCondition(rule, draft));
    if (same) throw new TickerError('duplicate', `You already have the alert ${formatAlertCondition(same)}.`);
  }
}

function requireDraft(input: unknown): AlertDraft {
  const checked = checkAlertDraft(input);
  if (!checked.ok) throw new TickerError('invalid-payload', checked.message);
  return checked.value;
}
