import { useEffect, useRef, useState } from 'react';
import { ALERT_LIMITS, describeAlertCondition, type AlertCondition, type AlertRule } from '../../shared/alert-rules';
import type { SettingsApi } from '../../shared/ipc-contract';
import { displayName } from '../../shared/symbols';
import { AlertForm } from './alert-form';
import { AlertHistory } from './alert-history';
import { headingId } from './category-panel';
import { ActionButton } from './forms/action-button';
import { FieldError } from './forms/field';
import { ToggleField } from './forms/toggle-field';
import { PREFERENCE_LABELS } from './preference-labels';
import { useAction } from './use-action';
import { usePreferenceDraft } from './use-preference-draft';
import type { Request } from './use-settings-navigation';
import type { Preferences } from '../../shared/types';

export interface AlertsSectionProps {
  api: SettingsApi;
  alerts: readonly AlertRule[];
  /** The watch list: alerts are checked on the trades of these symbols. */
  symbols: readonly string[];
  preferences: Preferences;
  locale: string;
  /** A rule to show (a notification was clicked; '' for the category). */
  focus: Request<string> | null;
  /** Start a new alert with this condition ("Alert when …" on a strip item). */
  prefill: Request<AlertCondition> | null;
}

function ruleState(rule: AlertRule, symbols: readonly string[]): string {
  const kind = `${rule.recurring ? 'Recurring' : 'One-shot'}${rule.cooldownS > 0 ? `, cooldown ${rule.cooldownS} s` : ''}`;
  const state = rule.triggered ? (rule.recurring ? 'Fired, re-arms past the margin' : 'Triggered') : 'Armed';
  return `${kind} · ${state}${symbols.includes(rule.symbol) ? '' : ' · not in your list, not checked'}`;
}

function AlertList({
  api,
  alerts,
  symbols,
  onEdit,
}: Pick<AlertsSectionProps, 'api' | 'alerts' | 'symbols'> & { onEdit(rule: AlertRule): void }) {
  const action = useAction();
  if (alerts.length === 0) return <p className="hint">No alerts yet.</p>;
  return (
    <>
      <FieldError id="alert-list-error" message={action.error} />
      <ul className="alert-list" id="alert-list" aria-label="Your alerts">
        {alerts.map((rule) => {
          const text = describeAlertCondition(rule, displayName(rule.symbol));
          return (
            <li
              key={rule.id}
              data-alert-id={rule.id}
              tabIndex={-1}
              className={rule.triggered ? 'triggered' : undefined}
            >
              <span className="alert-rule">{text}</span>
              <span className="alert-meta">{ruleState(rule, symbols)}</span>
              <span className="alert-actions">
                {rule.triggered ? (
                  <ActionButton onClick={() => void action.run(() => api.rearmAlert(rule.id))}>Re-arm</ActionButton>
                ) : null}
                <ActionButton onClick={() => onEdit(rule)}>Edit</ActionButton>
                <ActionButton
                  aria-label={`Remove ${text}`}
                  onClick={() => void action.run(() => api.removeAlert(rule.id))}
                >
                  Remove
                </ActionButton>
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** Price alerts: add, edit, remove, re-arm, the sound, and the last firings. */
export function AlertsSection({ api, alerts, symbols, preferences, locale, focus, prefill }: AlertsSectionProps) {
  // The form's start: a rule to edit, a condition to begin with, or a blank new alert (a new seq remounts it).
  const [start, setStart] = useState<{ editing: AlertRule | null; condition: AlertCondition | null; seq: number }>({
    editing: null,
    condition: null,
    seq: 0,
  });
  const begin = (editing: AlertRule | null, condition: AlertCondition | null = null) =>
    setStart((current) => ({ editing, condition, seq: current.seq + 1 }));
  const { editing } = start;
  const prefs = usePreferenceDraft(api, preferences);
  const listRef = useRef<HTMLDivElement>(null);

  // A clicked notification: bring its rule (or the category) into view and focus it.
  useEffect(() => {
    if (!focus) return;
    const item = focus.value
      ? listRef.current?.querySelector<HTMLElement>(`li[data-alert-id="${CSS.escape(focus.value)}"]`)
      : null;
    const target = item ?? document.getElementById(headingId('alerts'));
    target?.scrollIntoView({ block: 'center' });
    target?.focus();
  }, [focus]);

  // "Alert when…" starts a new alert, whatever was being edited.
  useEffect(() => {
    if (prefill) setStart((current) => ({ editing: null, condition: prefill.value, seq: current.seq + 1 }));
  }, [prefill]);

  return (
    <>
      <section className="card alerts" aria-labelledby="alerts-form-heading">
        <h3 id="alerts-form-heading">{editing === null ? 'New alert' : 'Edit alert'}</h3>
        <p className="hint">
          Checked on every trade of the symbols in your list. One-shot alerts wait to be re-armed after firing;
          recurring ones re-arm once the price moves back past the threshold by {ALERT_LIMITS.rearmMarginPct} % (
          {ALERT_LIMITS.rearmMarginPoints} points for % alerts).
        </p>
        <AlertForm
          key={start.seq}
          api={api}
          symbols={symbols}
          count={alerts.length}
          editing={editing}
          condition={start.condition}
          onDone={() => begin(null)}
        />
      </section>
      <section className="card" aria-labelledby="alerts-list-heading">
        <h3 id="alerts-list-heading">Your alerts</h3>
        <ToggleField
          id="pref-alertSound"
          label={PREFERENCE_LABELS.alertSound}
          error={prefs.errors.alertSound}
          checked={prefs.draft.alertSound}
          onChange={(on) => prefs.change('alertSound', on)}
        />
        <div ref={listRef}>
          <AlertList api={api} alerts={alerts} symbols={symbols} onEdit={(rule) => begin(rule)} />
        </div>
      </section>
      <AlertHistory api={api} locale={locale} />
    </>
  );
}
