import { useEffect, useState } from 'react';
import type { SettingsApi } from '../../shared/ipc-contract';
import type { PortfolioFigures } from '../../shared/portfolio/compute-portfolio';
import { baseCurrencyProblem } from '../../shared/portfolio/currency';
import { LOT_FIELDS, type Holdings, type Lot } from '../../shared/portfolio/holdings';
import { formatQuantity, HIDDEN_AMOUNT } from '../../shared/portfolio/portfolio-text';
import { displayName } from '../../shared/symbols';
import { settle } from '../bridge';
import { ActionButton } from './forms/action-button';
import { FieldError } from './forms/field';
import { TextField } from './forms/inputs';
import { HoldingsTransfer } from './holdings-transfer';
import { LOT_LABELS, LotForm } from './lot-form';
import { PositionsTable } from './positions-table';
import { useAction } from './use-action';
import { TableHead } from './forms/table-head';

export interface PortfolioSectionProps {
  api: SettingsApi;
  holdings: Holdings;
  privacy: boolean;
  locale: string;
}

/** Base currencies offered first (any ISO code can be typed). */
const COMMON_CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'CAD', 'AUD', 'SEK', 'NOK', 'DKK', 'HKD', 'SGD'];

/** ISO 4217 codes are three letters. */
const CURRENCY_CODE_LENGTH = 3;

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

function BaseCurrencyField({ api, saved }: { api: SettingsApi; saved: string }) {
  const [currency, setCurrency] = useState(saved);
  const action = useAction();
  useEffect(() => setCurrency(saved), [saved]);
  const normalized = currency.trim().toUpperCase();
  const problem = baseCurrencyProblem(normalized);
  return (
    <TextField
      id="portfolio-currency"
      label="Base currency"
      className="short"
      value={currency}
      maxLength={CURRENCY_CODE_LENGTH}
      suggestions={COMMON_CURRENCIES}
      error={problem ?? action.error}
      onChange={(code) => {
        setCurrency(code);
        const next = code.trim().toUpperCase();
        if (baseCurrencyProblem(next) === null && next !== saved) void action.run(() => api.setBaseCurrency(next));
      }}
    />
  );
}

function LotsTable({
  api,
  lots,
  privacy,
  locale,
  onEdit,
}: {
  api: SettingsApi;
  lots: readonly Lot[];
  privacy: boolean;
  locale: string;
  onEdit(lot: Lot): void;
}) {
  const removing = useAction();
  return (
    <>
      <div className="table-scroll">
        <table className="lots">
          <TableHead
            columns={[
              ...LOT_FIELDS.map((field) => LOT_LABELS[field]),
              <span className="visually-hidden">Actions</span>,
            ]}
          />
          <tbody>
            {lots.map((lot) => (
              <tr key={lot.id} data-lot={lot.id}>
                <td>{displayName(lot.symbol)}</td>
                <td className="quantity">
                  {privacy ? HIDDEN_AMOUNT : formatQuantity(Number(lot.quantity), { privacy, locale })}
                </td>
                <td>{lot.price}</td>
                <td>{lot.date}</td>
                <td>{lot.note}</td>
                <td className="row-actions">
                  <ActionButton disabled={privacy} onClick={() => onEdit(lot)}>
                    Edit
                  </ActionButton>
                  <ActionButton onClick={() => void removing.run(() => api.removeLot(lot.id))}>Remove</ActionButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FieldError id="lots-error" message={removing.error} />
    </>
  );
}

/**
 * The portfolio: its positions (value, today's change, total gain), its lots with an inline-checked
 * form, the base currency, and CSV import and export. With privacy on, every amount reads "•••" and
 * lots cannot be edited until amounts are shown again.
 */
export function PortfolioSection({ api, holdings, privacy, locale }: PortfolioSectionProps) {
  const figures = usePortfolio(api);
  // The form's start: a lot to edit or a new one (a new seq remounts it).
  const [start, setStart] = useState<{ editing: Lot | null; seq: number }>({ editing: null, seq: 0 });
  const begin = (editing: Lot | null) => setStart((current) => ({ editing, seq: current.seq + 1 }));

  return (
    <>
      <section
        className="card portfolio-section"
        aria-labelledby="positions-heading"
        data-privacy={privacy ? 'true' : 'false'}
      >
        <h3 id="positions-heading">Positions</h3>
        <BaseCurrencyField api={api} saved={holdings.baseCurrency} />
        {figures !== null ? (
          <PositionsTable figures={figures} privacy={privacy} locale={locale} />
        ) : (
          <p className="hint">No holdings yet: add a lot below or import a CSV file.</p>
        )}
      </section>
      <section className="card" aria-labelledby="lots-heading">
        <h3 id="lots-heading">Lots</h3>
        {holdings.lots.length > 0 ? (
          <LotsTable api={api} lots={holdings.lots} privacy={privacy} locale={locale} onEdit={begin} />
        ) : null}
        {privacy ? (
          <p className="hint">Amounts are hidden (privacy). Turn privacy off to add or edit lots.</p>
        ) : (
          <LotForm key={start.seq} api={api} editing={start.editing} onDone={() => begin(null)} />
        )}
      </section>
      <HoldingsTransfer api={api} hasLots={holdings.lots.length > 0} />
    </>
  );
}
