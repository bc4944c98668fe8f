import { useEffect, useRef, useState } from 'react';
import {
  ALERT_LIMITS,
  checkAlertDraft,
  describeAlertCondition,
  type AlertCondition,
  type AlertDraft,
  type AlertFiring,
  type AlertMetric,
  type AlertOp,
  type AlertRule,
} from '../../shared/alert-rules';
import type { SettingsApi } from '../../shared/ipc-contract';
import { displayName } from '../../shared/symbols';
import type { PublicSettings } from '../../shared/types';
import { settle } from '../bridge';

export interface AlertsSectionProps {
  api: SettingsApi;
  alerts: readonly AlertRule[];
  /** The watch list: alerts are checked on the trades of these symbols. */
  symbols: readonly string[];
  alertSound: boolean;
  locale: string;
  /** A rule to show (a notification was clicked; '' for the section), with a counter so a repeat request scrolls again. */
  focus: { ruleId: string; seq: number } | null;
  /** Start a new alert with this condition ("Alert when …" on a strip item). */
  prefill?: { condition: AlertCondition; seq: number } | null;
  onSettings: (settings: PublicSettings) => void;
  onAlerts: (alerts: AlertRule[]) => void;
}

interface FormState {
  symbol: string;
  metric: AlertMetric;
  op: AlertOp;
  value: string;
  recurring: boolean;
  cooldown: string;
}

function emptyForm(symbols: readonly string[]): FormState {
  return {
    symbol: symbols[0] ?? '',
    metric: 'price',
    op: '>=',
    value: '',
    recurring: false,
    cooldown: String(ALERT_LIMITS.defaultCooldownS),
  };
}

function formOf(rule: AlertRule): FormState {
  return {
    symbol: rule.symbol,
    metric: rule.metric,
    op: rule.op,
    value: String(rule.value),
    recurring: rule.recurring,
    cooldown: String(rule.cooldownS),
  };
}

function draftOf(form: FormState): unknown {
  const number = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim()));
  return {
    symbol: form.symbol,
    metric: form.metric,
    op: form.op,
    value: number(form.value),
    recurring: form.recurring,
    cooldownS: number(form.cooldown),
  };
}

/** Price alerts: add, edit, remove, re-arm, and the last firings. */
export function AlertsSection({
  api,
  alerts,
  symbols,
  alertSound,
  locale,
  focus,
  prefill = null,
  onSettings,
  onAlerts,
}: AlertsSectionProps) {
  const [form, setForm] = useState<FormState>(() => emptyForm(symbols));
  const [editing, setEditing] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [history, setHistory] = useState<AlertFiring[]>([]);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const valueRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let alive = true;
    void settle(() => api.getAlertHistory()).then((result) => {
      if (alive && result.ok && Array.isArray(result.value)) setHistory(result.value.slice(-ALERT_LIMITS.historySize));
    });
    const stop = api.onAlert((firing) =>
      setHistory((current) => [...current, firing].slice(-ALERT_LIMITS.historySize)),
    );
    return () => {
      alive = false;
      stop();
    };
  }, [api]);

  // A clicked notification: bring its rule (or the section) into view and focus it.
  useEffect(() => {
    if (!focus) return;
    const item = focus.ruleId
      ? listRef.current?.querySelector<HTMLElement>(`li[data-alert-id="${CSS.escape(focus.ruleId)}"]`)
      : null;
    const target = item ?? headingRef.current;
    target?.scrollIntoView({ block: 'center' });
    target?.focus();
  }, [focus]);

  // "Alert when …" from the strip: a new alert with that condition, ready to adjust and add.
  useEffect(() => {
    if (!prefill) return;
    const { condition } = prefill;
    setEditing(null);
    setTouched(false);
    setServerError(null);
    setForm((current) => ({
      ...current,
      symbol: condition.symbol,
      metric: condition.metric,
      op: condition.op,
      value: String(condition.value),
    }));
    valueRef.current?.scrollIntoView({ block: 'center' });
    valueRef.current?.focus();
  }, [prefill]);

  // Keep the chosen symbol valid as the watch list changes.
  useEffect(() => {
    if (editing === null && !symbols.includes(form.symbol) && symbols[0] !== undefined)
      setForm((current) => ({ ...current, symbol: symbols[0] as string }));
  }, [symbols, editing, form.symbol]);

  const checked = checkAlertDraft(draftOf(form));
  const formError = touched && !checked.ok ? checked.message : null;
  const error = formError ?? serverError;
  const full = editing === null && alerts.length >= ALERT_LIMITS.maxRules;

  const update = (patch: Partial<FormState>) => {
    setForm((current) => ({ ...current, ...patch }));
    setServerError(null);
  };

  const reset = () => {
    setForm(emptyForm(symbols));
    setEditing(null);
    setTouched(false);
    setServerError(null);
  };

  const submit = async () => {
    setTouched(true);
    if (!checked.ok) return;
    const draft: AlertDraft = checked.value;
    setBusy(true);
    const result = await settle(() => (editing === null ? api.addAlert(draft) : api.updateAlert(editing, draft)));
    setBusy(false);
    if (!result.ok) {
      setServerError(result.error.message);
      return;
    }
    onAlerts(result.value);
    reset();
  };

  const act = async (call: () => ReturnType<SettingsApi['removeAlert']>) => {
    const result = await settle(call);
    if (result.ok) {
      onAlerts(result.value);
      setListError(null);
    } else setListError(result.error.message);
  };

  const toggleSound = async (on: boolean) => {
    const result = await settle(() => api.setPreferences({ alertSound: on }));
    if (result.ok) onSettings(result.value);
    else setListError(result.error.message);
  };

  const timeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
  const priceFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  const unit = form.metric === 'price' ? 'price' : '% vs previous close';

  return (
    <section className="card alerts" aria-labelledby="alerts-heading">
      <h2 id="alerts-heading" ref={headingRef} tabIndex={-1}>
        Alerts
      </h2>
      <p className="hint">
        Checked on every trade of the symbols in your list. One-shot alerts wait to be re-armed after firing; recurring
        ones re-arm once the price moves back past the threshold by {ALERT_LIMITS.rearmMarginPct} % (
        {ALERT_LIMITS.rearmMarginPoints} points for % alerts).
      </p>
      <form
        className="alert-form"
        aria-label={editing === null ? 'New alert' : 'Edit alert'}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label>
          Symbol
          <select
            id="alert-symbol"
            value={form.symbol}
            onChange={(event) => update({ symbol: event.target.value })}
            disabled={symbols.length === 0}
          >
            {!symbols.includes(form.symbol) && form.symbol !== '' ? (
              <option value={form.symbol}>{displayName(form.symbol)}</option>
            ) : null}
            {symbols.map((symbol) => (
              <option key={symbol} value={symbol}>
                {displayName(symbol) === symbol ? symbol : `${displayName(symbol)} (${symbol})`}
              </option>
            ))}
          </select>
        </label>
        <label>
          When
          <select
            id="alert-metric"
            value={form.metric}
            onChange={(event) => update({ metric: event.target.value as AlertMetric })}
          >
            <option value="price">Price</option>
            <option value="change">Change vs previous close</option>
          </select>
        </label>
        <label>
          Is
          <select id="alert-op" value={form.op} onChange={(event) => update({ op: event.target.value as AlertOp })}>
            <option value=">=">at or above</option>
            <option value="<=">at or below</option>
          </select>
        </label>
        <label>
          Threshold ({unit})
          <input
            id="alert-value"
            ref={valueRef}
            type="text"
            inputMode="decimal"
            value={form.value}
            placeholder={form.metric === 'price' ? '200' : '-2'}
            aria-invalid={formError !== null}
            aria-describedby={error ? 'alert-error' : undefined}
            onChange={(event) => update({ value: event.target.value })}
          />
        </label>
        <label className="toggle">
          <input
            id="alert-recurring"
            type="checkbox"
            checked={form.recurring}
            onChange={(event) => update({ recurring: event.target.checked })}
          />
          Recurring
        </label>
        <label>
          Cooldown (s)
          <input
            id="alert-cooldown"
            type="number"
            min={0}
            max={ALERT_LIMITS.maxCooldownS}
            step={1}
            value={form.cooldown}
            onChange={(event) => update({ cooldown: event.target.value })}
          />
        </label>
        <div className="actions">
          <button type="submit" disabled={busy || full || symbols.length === 0}>
            {editing === null ? 'Add alert' : 'Save alert'}
          </button>
          {editing !== null ? (
            <button type="button" onClick={reset}>
              Cancel
            </button>
          ) : null}
        </div>
        {error ? (
          <p id="alert-error" className="field-error" role="alert">
            {error}
          </p>
        ) : symbols.length === 0 ? (
          <p className="hint">Add a symbol to your list first.</p>
        ) : full ? (
          <p className="hint">
            You have {ALERT_LIMITS.maxRules} alerts, the most Ticker keeps. Remove one to add another.
          </p>
        ) : null}
      </form>

      <label className="toggle">
        <input
          id="pref-alertSound"
          type="checkbox"
          checked={alertSound}
          onChange={(event) => void toggleSound(event.target.checked)}
        />
        Play the system sound with alert notifications
      </label>

      {listError ? (
        <p className="field-error" role="alert">
          {listError}
        </p>
      ) : null}
      {alerts.length === 0 ? (
        <p className="hint">No alerts yet.</p>
      ) : (
        <ul className="alert-list" ref={listRef} aria-label="Your alerts">
          {alerts.map((rule) => (
            <li
              key={rule.id}
              data-alert-id={rule.id}
              tabIndex={-1}
              className={rule.triggered ? 'triggered' : undefined}
            >
              <span className="alert-rule">{describeAlertCondition(rule, displayName(rule.symbol))}</span>
              <span className="alert-meta">
                {rule.recurring ? 'Recurring' : 'One-shot'}
                {rule.cooldownS > 0 ? `, cooldown ${rule.cooldownS} s` : ''} ·{' '}
                {rule.triggered ? (rule.recurring ? 'Fired, re-arms past the margin' : 'Triggered') : 'Armed'}
                {symbols.includes(rule.symbol) ? '' : ' · not in your list, not checked'}
              </span>
              <span className="alert-actions">
                {rule.triggered ? (
                  <button type="button" onClick={() => void act(() => api.rearmAlert(rule.id))}>
                    Re-arm
                  </button>
                ) : null}
                <button
                  type="button"
                  onClick={() => {
                    setEditing(rule.id);
                    setForm(formOf(rule));
                    setTouched(false);
                    setServerError(null);
                  }}
                >
                  Edit
                </button>
                <button
                  type="button"
                  aria-label={`Remove ${describeAlertCondition(rule, displayName(rule.symbol))}`}
                  onClick={() => void act(() => api.removeAlert(rule.id))}
                >
                  Remove
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}

      <h3>Last {ALERT_LIMITS.historySize} alerts</h3>
      {history.length === 0 ? (
        <p className="hint">No alert has fired yet.</p>
      ) : (
        <table className="alert-history">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Symbol</th>
              <th scope="col">Rule</th>
              <th scope="col">Price</th>
            </tr>
          </thead>
          <tbody>
            {[...history].reverse().map((firing, index) => (
              <tr key={`${firing.ruleId}-${firing.time}-${index}`}>
                <td>{timeFormat.format(firing.time)}</td>
                <td>{displayName(firing.symbol)}</td>
                <td>{firing.rule}</td>
                <td>{priceFormat.format(firing.price)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
