/** The add-a-lot (or edit-a-lot) form: every field checked inline by the shared lot rule. */
import { checkLotDraft, HOLDING_LIMITS, type Lot, type LotDraft, type LotField } from '../../shared/portfolio/holdings';
import type { SettingsApi } from '../../shared/ipc-contract';
import { MAX_SYMBOL_LENGTH } from '../../shared/symbols';
import { ActionButton } from './forms/action-button';
import { FieldError } from './forms/field';
import { DateField, TextField } from './forms/inputs';
import { useAction } from './use-action';
import { useDraftForm, type DraftCheck } from './use-draft-form';
import { SubmitForm } from './forms/submit-form';

type LotFields = Record<LotField, string>;

export const LOT_LABELS: Record<LotField, string> = {
  symbol: 'Symbol',
  quantity: 'Quantity',
  price: 'Price paid',
  date: 'Date',
  note: 'Note',
};

/** A decimal as the rule allows it: sign, integer digits, point, fraction digits. */
const DECIMAL_LENGTH = HOLDING_LIMITS.maxIntegerDigits + HOLDING_LIMITS.maxFractionDigits + 2;

function today(): string {
  const date = new Date();
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function fieldsOf(lot: Lot | null): LotFields {
  if (lot === null) return { symbol: '', quantity: '', price: '', date: today(), note: '' };
  const { symbol, quantity, price, date, note } = lot;
  return { symbol, quantity, price, date, note };
}

const checkFields = (form: LotFields): DraftCheck<LotDraft, LotField> => checkLotDraft(form);

export interface LotFormProps {
  api: SettingsApi;
  /** The lot being edited, or null for a new one (the section remounts the form to start another). */
  editing: Lot | null;
  onDone(): void;
}

export function LotForm({ api, editing, onDone }: LotFormProps) {
  const draft = useDraftForm(() => fieldsOf(editing), checkFields);
  const saving = useAction();
  const { form, problems } = draft;
  const text = (field: Exclude<LotField, 'date'>, placeholder: string, maxLength: number, decimal = false) => (
    <TextField
      id={`lot-${field}`}
      label={LOT_LABELS[field]}
      value={form[field]}
      placeholder={placeholder}
      maxLength={maxLength}
      inputMode={decimal ? 'decimal' : undefined}
      error={problems[field]}
      onChange={(value) => draft.set({ [field]: value })}
      onBlur={draft.touch}
    />
  );
  const submit = () => {
    draft.touch();
    if (!draft.checked.ok) return;
    const lot = draft.checked.value;
    void saving.run(
      () => (editing === null ? api.addLot(lot) : api.updateLot(editing.id, lot)),
      () => {
        onDone();
        return null;
      },
    );
  };
  return (
    <SubmitForm className="lot-form" aria-label={editing === null ? 'Add a lot' : 'Edit the lot'} onSubmit={submit}>
      <div className="grid">
        {text('symbol', 'AAPL', MAX_SYMBOL_LENGTH)}
        {text('quantity', '10, 0.5 or −5 (short)', DECIMAL_LENGTH, true)}
        {text('price', '150.25', DECIMAL_LENGTH, true)}
        <DateField
          id="lot-date"
          label={LOT_LABELS.date}
          value={form.date}
          min={HOLDING_LIMITS.earliestDate}
          max={HOLDING_LIMITS.latestDate}
          error={problems.date}
          onChange={(date) => draft.set({ date })}
          onBlur={draft.touch}
        />
        {text('note', 'optional', HOLDING_LIMITS.maxNoteLength)}
      </div>
      <div className="actions">
        <ActionButton type="submit" variant="primary" pending={saving.pending}>
          {editing === null ? 'Add lot' : 'Save lot'}
        </ActionButton>
        {editing !== null ? <ActionButton onClick={onDone}>Cancel</ActionButton> : null}
      </div>
      <FieldError id="lot-error" message={saving.error} />
    </SubmitForm>
  );
}
