/**
 * The new-alert (or edit-alert) form: symbol, metric, direction, threshold, recurring and cooldown,
 * checked by the shared alert rule before main sees it. Ranges come from ALERT_LIMITS.
 */
import { useEffect, useRef } from 'react';
import {
  ALERT_LIMITS,
  checkAlertDraft,
  type AlertCondition,
  type AlertDraft,
  type AlertMetric,
  type AlertOp,
  type AlertRule,
} from '../../shared/alert-rules';
import type { SettingsApi } from '../../shared/ipc-contract';
import { displayName } from '../../shared/symbols';
import { ActionButton } from './forms/action-button';
import { FieldError } from './forms/field';
import { NumberField, SelectField, TextField } from './forms/inputs';
import { ToggleField } from './forms/toggle-field';
import { useAction } from './use-action';
import { useDraftForm, type DraftCheck } from './use-draft-form';
import { SubmitForm } from './forms/submit-form';

interface AlertFields {
  symbol: string;
  metric: AlertMetric;
  op: AlertOp;
  value: string;
  recurring: boolean;
  cooldown: string;
}

export interface AlertFormProps {
  api: SettingsApi;
  symbols: readonly string[];
  /** How many rules there are (a new one is refused at the limit). */
  count: number;
  /** The rule being edited, or null for a new one. */
  editing: AlertRule | null;
  /** A new alert's condition, given ("Alert when…" on the strip): the threshold takes the focus. */
  condition: AlertCondition | null;
  onDone(): void;
}

function fieldsOf(rule: AlertRule | null, symbols: readonly string[]): AlertFields {
  if (rule === null)
    return {
      symbol: symbols[0] ?? '',
      metric: 'price',
      op: '>=',
      value: '',
      recurring: false,
      cooldown: String(ALERT_LIMITS.defaultCooldownS),
    };
  const { symbol, metric, op, value, recurring, cooldownS } = rule;
  return { symbol, metric, op, value: String(value), recurring, cooldown: String(cooldownS) };
}

function checkFields(form: AlertFields): DraftCheck<AlertDraft, 'form'> {
  const number = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim()));
  const { cooldown, value, ...rest } = form;
  const checked = checkAlertDraft({ ...rest, value: number(value), cooldownS: number(cooldown) });
  return checked.ok ? checked : { ok: false, problems: { form: checked.message } };
}

const METRICS = [
  { value: 'price', label: 'Price' },
  { value: 'change', label: 'Change vs previous close' },
] as const;
const OPS = [
  { value: '>=', label: 'at or above' },
  { value: '<=', label: 'at or below' },
] as const;

function symbolOptions(symbols: readonly string[], chosen: string) {
  const label = (symbol: string) => (displayName(symbol) === symbol ? symbol : `${displayName(symbol)} (${symbol})`);
  const all = !symbols.includes(chosen) && chosen !== '' ? [chosen, ...symbols] : symbols;
  return all.map((symbol) => ({ value: symbol, label: label(symbol) }));
}

/** A form for one rule or one new alert: the section gives it a new key to start another. */
export function AlertForm({ api, symbols, count, editing, condition, onDone }: AlertFormProps) {
  const draft = useDraftForm(
    () =>
      condition
        ? { ...fieldsOf(null, symbols), ...condition, value: String(condition.value) }
        : fieldsOf(editing, symbols),
    checkFields,
  );
  const saving = useAction();
  const valueRef = useRef<HTMLInputElement>(null);
  const { form, set } = draft;

  // "Alert when …" from the strip: a new alert with that condition, ready to adjust and add.
  const prefilled = condition !== null;
  useEffect(() => {
    if (!prefilled) return;
    valueRef.current?.scrollIntoView({ block: 'center' });
    valueRef.current?.focus();
  }, [prefilled]);

  // Keep the chosen symbol valid as the watch list changes.
  useEffect(() => {
    if (editing === null && !symbols.includes(form.symbol) && symbols[0] !== undefined) set({ symbol: symbols[0] });
  }, [symbols, editing, form.symbol, set]);

  const full = editing === null && count >= ALERT_LIMITS.maxRules;
  const error = draft.problems.form ?? saving.error;
  const change = (patch: Partial<AlertFields>) => {
    set(patch);
    saving.reset();
  };
  const submit = () => {
    draft.touch();
    if (!draft.checked.ok) return;
    const rule = draft.checked.value;
    void saving.run(
      () => (editing === null ? api.addAlert(rule) : api.updateAlert(editing.id, rule)),
      () => {
        onDone();
        return null;
      },
    );
  };

  return (
    <SubmitForm className="alert-form" aria-label={editing === null ? 'New alert' : 'Edit alert'} onSubmit={submit}>
      <div className="grid">
        <SelectField
          id="alert-symbol"
          label="Symbol"
          value={form.symbol}
          options={symbolOptions(symbols, form.symbol)}
          disabled={symbols.length === 0}
          onChange={(symbol) => change({ symbol })}
        />
        <SelectField
          id="alert-metric"
          label="When"
          value={form.metric}
          options={METRICS}
          onChange={(metric) => change({ metric })}
        />
        <SelectField id="alert-op" label="Is" value={form.op} options={OPS} onChange={(op) => change({ op })} />
        <TextField
          id="alert-value"
          label={`Threshold (${form.metric === 'price' ? 'price' : '% vs previous close'})`}
          inputMode="decimal"
          inputRef={valueRef}
          value={form.value}
          placeholder={form.metric === 'price' ? '200' : '-2'}
          formError={draft.problems.form ? 'alert-error' : null}
          onChange={(value) => change({ value })}
        />
        <NumberField
          id="alert-cooldown"
          label="Cooldown"
          integer
          min={0}
          max={ALERT_LIMITS.maxCooldownS}
          unit="s"
          value={form.cooldown}
          onChange={(cooldown) => change({ cooldown })}
        />
        <ToggleField
          id="alert-recurring"
          label="Recurring"
          checked={form.recurring}
          onChange={(recurring) => change({ recurring })}
        />
      </div>
      <div className="actions">
        <ActionButton type="submit" variant="primary" pending={saving.pending} disabled={full || symbols.length === 0}>
          {editing === null ? 'Add alert' : 'Save alert'}
        </ActionButton>
        {editing !== null ? <ActionButton onClick={onDone}>Cancel</ActionButton> : null}
      </div>
      <FieldError id="alert-error" message={error} />
      {!error && symbols.length === 0 ? <p className="hint">Add a symbol to your list first.</p> : null}
      {!error && full ? (
        <p className="hint">
          You have {ALERT_LIMITS.maxRules} alerts, the most Ticker keeps. Remove one to add another.
        </p>
      ) : null}
    </SubmitForm>
  );
}
