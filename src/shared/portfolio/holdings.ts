/**
 * Holdings: lots of a symbol (quantity, price paid, date, note) and the portfolio's base currency.
 * The one source of their rules, for the saved settings, the IPC validators, the CSV import, the
 * headless command and the settings form. Quantities and prices are kept as decimal text, so what
 * the user typed is what is computed with (no binary rounding, see decimal.ts).
 */
import { normalizeSymbol, SYMBOL_RULE_TEXT } from '../symbols';
import { isPlainDataObject } from '../preference-rules';
import { baseCurrencyProblem, DEFAULT_BASE_CURRENCY } from './currency';
import { Decimal } from './decimal';
import { CONTROL_CHARACTER } from '../text-limits';

/** One purchase (or, with a negative quantity, one short sale). */
export interface Lot {
  id: string;
  symbol: string;
  /** Decimal text; negative for a short position, never zero. */
  quantity: string;
  /** Price paid per unit, decimal text > 0, in the symbol's quote currency. */
  price: string;
  /** YYYY-MM-DD */
  date: string;
  /** Free text, possibly empty. */
  note: string;
}

export type LotDraft = Omit<Lot, 'id'>;

export type LotField = keyof LotDraft;

export const LOT_FIELDS: readonly LotField[] = ['symbol', 'quantity', 'price', 'date', 'note'];

export interface Holdings {
  baseCurrency: string;
  lots: Lot[];
}

export const HOLDING_LIMITS = {
  maxLots: 500,
  maxNoteLength: 200,
  /** Digits before the decimal point of a quantity or price. */
  maxIntegerDigits: 12,
  /** Digits after it (crypto quantities need 8; some prices 6). */
  maxFractionDigits: 10,
  maxIdLength: 40,
  earliestDate: '1900-01-01',
  latestDate: '2099-12-31',
} as const;

export const LOT_ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

export function defaultHoldings(): Holdings {
  return { baseCurrency: DEFAULT_BASE_CURRENCY, lots: [] };
}

function decimalProblem(name: string, raw: unknown): string | null {
  if (typeof raw !== 'string' && typeof raw !== 'number') return `${name} must be a number`;
  const text = String(raw).trim();
  const match = /^[+-]?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return `${name} must be a number like 10 or 0.5, got "${text.slice(0, 30)}"`;
  if ((match[1] as string).replace(/^0+(?=\d)/, '').length > HOLDING_LIMITS.maxIntegerDigits)
    return `${name} is too large`;
  if ((match[2] ?? '').length > HOLDING_LIMITS.maxFractionDigits)
    return `${name} has more than ${HOLDING_LIMITS.maxFractionDigits} decimals`;
  return null;
}

function quantityProblem(raw: unknown): string | null {
  const problem = decimalProblem('the quantity', raw);
  if (problem !== null) return problem;
  return Decimal.of(String(raw).trim()).isZero() ? 'the quantity must not be 0 (negative for a short position)' : null;
}

function priceProblem(raw: unknown): string | null {
  const problem = decimalProblem('the price paid', raw);
  if (problem !== null) return problem;
  return Decimal.of(String(raw).trim()).sign() > 0 ? null : 'the price paid must be greater than 0';
}

function dateProblem(raw: unknown): string | null {
  if (typeof raw !== 'string') return 'the date must be a date like 2024-03-15';
  const text = raw.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return `the date must look like 2024-03-15, got "${text.slice(0, 30)}"`;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return `${text} is not a calendar date`;
  if (text < HOLDING_LIMITS.earliestDate || text > HOLDING_LIMITS.latestDate)
    return `the date must be between ${HOLDING_LIMITS.earliestDate} and ${HOLDING_LIMITS.latestDate}`;
  return null;
}

function noteProblem(raw: unknown): string | null {
  if (typeof raw !== 'string') return 'the note must be text';
  if (raw.length > HOLDING_LIMITS.maxNoteLength)
    return `the note is longer than ${HOLDING_LIMITS.maxNoteLength} characters`;
  if (CONTROL_CHARACTER.test(raw)) return 'the note must be one line without control characters';
  return null;
}

function symbolProblem(raw: unknown): string | null {
  return normalizeSymbol(raw) === null ? `the symbol must be ${SYMBOL_RULE_TEXT}` : null;
}

const FIELD_CHECKS: { [K in LotField]: (raw: unknown) => string | null } = {
  symbol: symbolProblem,
  quantity: quantityProblem,
  price: priceProblem,
  date: dateProblem,
  note: noteProblem,
};

export type LotCheck = { ok: true; value: LotDraft } | { ok: false; problems: Partial<Record<LotField, string>> };

/**
 * Check a lot from anywhere (form, IPC, CSV row): every field's problem at once, for inline
 * messages. The value is normalised: upper-case symbol, canonical decimals, trimmed note.
 */
export function checkLotDraft(raw: unknown): LotCheck {
  if (!isPlainDataObject(raw)) return { ok: false, problems: { symbol: 'a lot must be an object' } };
  const problems: Partial<Record<LotField, string>> = {};
  for (const field of LOT_FIELDS) {
    const value = field === 'note' && raw.note === undefined ? '' : raw[field];
    const problem = FIELD_CHECKS[field](value);
    if (problem !== null) problems[field] = problem;
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      symbol: normalizeSymbol(raw.symbol) as string,
      quantity: Decimal.of(String(raw.quantity).trim()).toString(),
      price: Decimal.of(String(raw.price).trim()).toString(),
      date: (raw.date as string).trim(),
      note: typeof raw.note === 'string' ? raw.note.trim() : '',
    },
  };
}

/** Why a saved lot is unusable, or null. */
export function lotProblem(raw: unknown): string | null {
  if (!isPlainDataObject(raw)) return 'not an object';
  if (typeof raw.id !== 'string' || !LOT_ID_PATTERN.test(raw.id)) return 'bad id';
  const checked = checkLotDraft({
    symbol: raw.symbol,
    quantity: raw.quantity,
    price: raw.price,
    date: raw.date,
    note: raw.note,
  });
  if (!checked.ok) return Object.values(checked.problems).join('; ');
  const extra = Object.keys(raw).filter((key) => key !== 'id' && !(LOT_FIELDS as readonly string[]).includes(key));
  return extra.length > 0 ? `unknown field "${(extra[0] as string).slice(0, 30)}"` : null;
}

export type HoldingsCheck = { ok: true; value: Holdings } | { ok: false; message: string };

/** A whole holdings value from IPC: base currency and lots (ids kept), every lot valid. */
export function checkHoldings(raw: unknown): HoldingsCheck {
  if (!isPlainDataObject(raw) || !Array.isArray(raw.lots))
    return { ok: false, message: 'holdings must be { baseCurrency, lots: [...] }' };
  const currencyProblem = baseCurrencyProblem(raw.baseCurrency);
  if (currencyProblem !== null) return { ok: false, message: currencyProblem };
  if (raw.lots.length > HOLDING_LIMITS.maxLots) return { ok: false, message: `at most ${HOLDING_LIMITS.maxLots} lots` };
  const lots: Lot[] = [];
  for (const [index, item] of raw.lots.entries()) {
    const problem = lotProblem(item);
    if (problem !== null) return { ok: false, message: `lot ${index + 1}: ${problem}` };
    const lot = item as Lot;
    if (lots.some((other) => other.id === lot.id)) return { ok: false, message: `lot ${index + 1}: duplicate id` };
    const draft = checkLotDraft(lot);
    if (draft.ok) lots.push({ id: lot.id, ...draft.value });
  }
  return { ok: true, value: { baseCurrency: raw.baseCurrency as string, lots } };
}
