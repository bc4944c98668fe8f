import { useEffect, useState } from 'react';
import type { SettingsApi } from '../../shared/ipc-contract';
import type { PortfolioFigures } from '../../shared/portfolio/compute-portfolio';
import { baseCurrencyProblem } from '../../shared/portfolio/currency';
import {
  checkLotDraft,
  HOLDING_LIMITS,
  LOT_FIELDS,
  type Holdings,
  type Lot,
  type LotField,
} from '../../shared/portfolio/holdings';
import { MAX_HOLDINGS_CSV_BYTES, parseHoldingsCsv } from '../../shared/portfolio/holdings-csv';
import { formatQuantity, HIDDEN_AMOUNT, portfolioText, positionText } from '../../shared/portfolio/portfolio-text';
import { displayName } from '../../shared/symbols';
import { settle } from '../bridge';

export interface PortfolioSectionProps {
  api: SettingsApi;
  holdings: Holdings;
  privacy: boolean;
  locale: string;
  onHoldings: (holdings: Holdings) => void;
}

type FormState = Record<LotField, string>;

type ExportState =
  { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; message: string } | { kind: 'failed'; message: string };

const FIELD_LABELS: Record<LotField, string> = {
  symbol: 'Symbol',
  quantity: 'Quantity',
  price: 'Price paid',
  date: 'Date',
  note: 'Note',
};

/** Base currencies offered first (any ISO code can be typed). */
const COMMON_CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'CAD', 'AUD', 'SEK', 'NOK', 'DKK', 'HKD', 'SGD'];

function today(): string {
  const date = new Date();
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function emptyForm(): FormState {
  return { symbol: '', quantity: '', price: '', date: today(), note: '' };
}

function usePortfolio(api: SettingsApi): PortfolioFigures | null {
  const [figures, setFigures] = useState<PortfolioFigures | null>(null);
  useEffect(() => {
    let pushed = false;
    const unsubscribe = api.onPortfolio((next) => {
      pushed = true;
      setFigures(next);
    });
    void settle(() => api.getPortfolio()).then((result) => {
      if (result.ok && !pushed) setFigures(result.value);
    });
    return unsubscribe;
  }, [api]);
  return figures;
}

/**
 * The portfolio: its positions (value, today's change, total gain), its lots with an inline-checked
 * form, the base currency, and CSV import (checked whole, all or nothing) and export (main shows the
 * save dialog and writes the file). With privacy on, every amount reads "•••" and lots cannot be
 * edited until amounts are shown again.
 */
export function PortfolioSection({ api, holdings, privacy, locale, onHoldings }: PortfolioSectionProps) {
  const figures = usePortfolio(api);
  const [form, setForm] = useState<FormState>(emptyForm);
  const [editing, setEditing] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [importProblems, setImportProblems] = useState<string[]>([]);
  const [importDone, setImportDone] = useState<string | null>(null);
  const [exportState, setExportState] = useState<ExportState>({ kind: 'idle' });
  const [currency, setCurrency] = useState(holdings.baseCurrency);
  useEffect(() => setCurrency(holdings.baseCurrency), [holdings.baseCurrency]);

  const checked = checkLotDraft(form);
  const problems = touched && !checked.ok ? checked.problems : {};
  const currencyProblem = baseCurrencyProblem(currency.trim().toUpperCase());
  const options = { privacy, locale };
  const summary = figures === null ? null : portfolioText(figures, options);

  const save = async () => {
    setTouched(true);
    if (!checked.ok) return;
    const result = await settle(() =>
      editing === null ? api.addLot(checked.value) : api.updateLot(editing, checked.value),
    );
    if (!result.ok) {
      setServerError(result.error.message);
      return;
    }
    onHoldings(result.value);
    setServerError(null);
    setEditing(null);
    setTouched(false);
    setForm(emptyForm());
  };

  const edit = (lot: Lot) => {
    setEditing(lot.id);
    setTouched(false);
    setServerError(null);
    setForm({ symbol: lot.symbol, quantity: lot.quantity, price: lot.price, date: lot.date, note: lot.note });
  };

  const remove = async (lot: Lot) => {
    const result = await settle(() => api.removeLot(lot.id));
    if (result.ok) onHoldings(result.value);
    else setServerError(result.error.message);
  };

  const changeCurrency = async (code: string) => {
    setCurrency(code);
    const normalized = code.trim().toUpperCase();
    if (baseCurrencyProblem(normalized) !== null || normalized === holdings.baseCurrency) return;
    const result = await settle(() => api.setBaseCurrency(normalized));
    if (result.ok) onHoldings(result.value);
    else setServerError(result.error.message);
  };

  const importFile = async (file: File | undefined) => {
    setImportProblems([]);
    setImportDone(null);
    if (!file) return;
    if (file.size > MAX_HOLDINGS_CSV_BYTES) {
      setImportProblems([`the file is larger than ${MAX_HOLDINGS_CSV_BYTES / 1024} KiB`]);
      return;
    }
    const parsed = parseHoldingsCsv(await file.text());
    if (!parsed.ok) {
      setImportProblems(parsed.problems);
      return;
    }
    const result = await settle(() => api.replaceLots(parsed.lots));
    if (!result.ok) {
      setImportProblems([result.error.message]);
      return;
    }
    onHoldings(result.value);
    setImportDone(
      `Imported ${parsed.lots.length} lot${parsed.lots.length === 1 ? '' : 's'} from ${file.name}; they replace the previous ones.`,
    );
  };

  const exportLots = async () => {
    setExportState({ kind: 'busy' });
    const result = await settle(() => api.exportHoldings());
    if (!result.ok) setExportState({ kind: 'failed', message: result.error.message });
    else if (result.value.status === 'cancelled') setExportState({ kind: 'idle' });
    else setExportState({ kind: 'done', message: `${result.value.summary} Saved as ${result.value.fileName}.` });
  };

  return (
    <section
      className="card portfolio-section"
      aria-labelledby="portfolio-heading"
      data-privacy={privacy ? 'true' : 'false'}
    >
      <h2 id="portfolio-heading">Portfolio</h2>
      <div className="field">
        <label htmlFor="portfolio-currency">Base currency</label>
        <input
          id="portfolio-currency"
          list="portfolio-currencies"
          value={currency}
          maxLength={3}
          aria-invalid={currencyProblem !== null}
          aria-describedby={currencyProblem !== null ? 'portfolio-currency-error' : undefined}
          onChange={(event) => void changeCurrency(event.target.value)}
        />
        <datalist id="portfolio-currencies">
          {COMMON_CURRENCIES.map((code) => (
            <option key={code} value={code} />
          ))}
        </datalist>
        {currencyProblem !== null ? (
          <span className="field-error" id="portfolio-currency-error" role="alert">
            {currencyProblem}
          </span>
        ) : null}
      </div>

      {figures !== null && summary !== null ? (
        <>
          <p className="portfolio-totals" data-testid="portfolio-totals">
            Value <strong>{summary.value}</strong> · today{' '}
            <span className={`trend-${summary.dayTrend}`}>
              {summary.dayChange} ({summary.dayChangePct})
            </span>{' '}
            · total gain{' '}
            <span className={`trend-${summary.gainTrend}`}>
              {summary.gain} ({summary.gainPct})
            </span>
          </p>
          {summary.missing !== null ? <p className="hint">The totals wait: {summary.missing}.</p> : null}
          <table className="positions">
            <caption className="visually-hidden">Positions</caption>
            <thead>
              <tr>
                <th scope="col">Symbol</th>
                <th scope="col">Quantity</th>
                <th scope="col">Average cost</th>
                <th scope="col">Price</th>
                <th scope="col">Value</th>
                <th scope="col">Today</th>
                <th scope="col">Total gain</th>
              </tr>
            </thead>
            <tbody>
              {figures.positions.map((position) => {
                const text = positionText(position, figures.currency, options);
                return (
                  <tr key={position.symbol} data-symbol={position.symbol}>
                    <th scope="row">{displayName(position.symbol)}</th>
                    <td className="quantity">{text.quantity}</td>
                    <td>
                      {position.averageCost === null
                        ? '—'
                        : `${position.averageCost.toLocaleString(locale, { maximumFractionDigits: 6 })}${position.currency && position.currency !== figures.currency ? ` ${position.currency}` : ''}`}
                    </td>
                    <td>
                      {position.price === null
                        ? '—'
                        : position.price.toLocaleString(locale, { maximumFractionDigits: 6 })}
                    </td>
                    <td className="value">{text.value}</td>
                    <td className={`day trend-${text.dayTrend}`}>
                      {text.dayChange} ({text.dayChangePct})
                    </td>
                    <td className={`gain trend-${text.gainTrend}`}>
                      {text.gain} ({text.gainPct})
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      ) : (
        <p className="hint">No holdings yet: add a lot below or import a CSV file.</p>
      )}

      <h3>Lots</h3>
      {holdings.lots.length > 0 ? (
        <table className="lots">
          <thead>
            <tr>
              {LOT_FIELDS.map((field) => (
                <th scope="col" key={field}>
                  {FIELD_LABELS[field]}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {holdings.lots.map((lot) => (
              <tr key={lot.id} data-lot={lot.id}>
                <td>{displayName(lot.symbol)}</td>
                <td className="quantity">{privacy ? HIDDEN_AMOUNT : formatQuantity(Number(lot.quantity), options)}</td>
                <td>{lot.price}</td>
                <td>{lot.date}</td>
                <td>{lot.note}</td>
                <td>
                  <button type="button" disabled={privacy} onClick={() => edit(lot)}>
                    Edit
                  </button>
                  <button type="button" onClick={() => void remove(lot)}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {privacy ? (
        <p className="hint">Amounts are hidden (privacy). Turn privacy off to add or edit lots.</p>
      ) : (
        <form
          className="lot-form"
          aria-label={editing === null ? 'Add a lot' : 'Edit the lot'}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          {LOT_FIELDS.map((field) => (
            <div className="field" key={field}>
              <label htmlFor={`lot-${field}`}>{FIELD_LABELS[field]}</label>
              <input
                id={`lot-${field}`}
                type={field === 'date' ? 'date' : 'text'}
                inputMode={field === 'quantity' || field === 'price' ? 'decimal' : undefined}
                maxLength={field === 'note' ? HOLDING_LIMITS.maxNoteLength : 40}
                value={form[field]}
                placeholder={
                  field === 'symbol'
                    ? 'AAPL'
                    : field === 'quantity'
                      ? '10, 0.5 or −5 (short)'
                      : field === 'price'
                        ? '150.25'
                        : field === 'note'
                          ? 'optional'
                          : undefined
                }
                aria-invalid={problems[field] !== undefined}
                aria-describedby={problems[field] !== undefined ? `lot-${field}-error` : undefined}
                onChange={(event) => setForm((current) => ({ ...current, [field]: event.target.value }))}
                onBlur={() => setTouched(true)}
              />
              {problems[field] !== undefined ? (
                <span className="field-error" id={`lot-${field}-error`} role="alert">
                  {problems[field]}
                </span>
              ) : null}
            </div>
          ))}
          <div className="actions">
            <button type="submit">{editing === null ? 'Add lot' : 'Save lot'}</button>
            {editing !== null ? (
              <button
                type="button"
                onClick={() => {
                  setEditing(null);
                  setTouched(false);
                  setForm(emptyForm());
                }}
              >
                Cancel
              </button>
            ) : null}
          </div>
          {serverError !== null ? (
            <p className="field-error" role="alert">
              {serverError}
            </p>
          ) : null}
        </form>
      )}

      <div className="field portfolio-csv">
        <label htmlFor="portfolio-import">Import lots from CSV (replaces all)</label>
        <input
          id="portfolio-import"
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => void importFile(event.target.files?.[0])}
        />
        <button
          type="button"
          disabled={holdings.lots.length === 0 || exportState.kind === 'busy'}
          onClick={() => void exportLots()}
        >
          Export lots as CSV…
        </button>
        <span className="hint">
          Columns: symbol,quantity,price,date,note. A file with any problem is refused whole.
        </span>
        {importProblems.length > 0 ? (
          <ul className="field-error import-problems" role="alert">
            {importProblems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        ) : null}
        {importDone !== null ? <p className="hint">{importDone}</p> : null}
        <div className="transfer-result holdings-export-result" role="status" aria-live="polite">
          {exportState.kind === 'done' ? <span className="ok">✓ {exportState.message}</span> : null}
        </div>
        {exportState.kind === 'failed' ? (
          <p className="field-error" role="alert">
            {exportState.message}
          </p>
        ) : null}
      </div>
    </section>
  );
}
