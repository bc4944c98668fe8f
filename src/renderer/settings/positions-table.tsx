/** The portfolio's totals and one row per position (value, today's change, total gain), privacy applied. */
import type { PortfolioFigures } from '../../shared/portfolio/compute-portfolio';
import { portfolioText, positionText } from '../../shared/portfolio/portfolio-text';
import { displayName } from '../../shared/symbols';
import { TableHead } from './forms/table-head';

export interface PositionsTableProps {
  figures: PortfolioFigures;
  privacy: boolean;
  locale: string;
}

export function PositionsTable({ figures, privacy, locale }: PositionsTableProps) {
  const options = { privacy, locale };
  const summary = portfolioText(figures, options);
  const amount = (value: number | null, currency?: string | null) =>
    value === null
      ? '—'
      : `${value.toLocaleString(locale, { maximumFractionDigits: 6 })}${currency && currency !== figures.currency ? ` ${currency}` : ''}`;
  return (
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
      <div className="table-scroll">
        <table className="positions">
          <caption className="visually-hidden">Positions</caption>
          <TableHead columns={['Symbol', 'Quantity', 'Average cost', 'Price', 'Value', 'Today', 'Total gain']} />
          <tbody>
            {figures.positions.map((position) => {
              const text = positionText(position, figures.currency, options);
              return (
                <tr key={position.symbol} data-symbol={position.symbol}>
                  <th scope="row">{displayName(position.symbol)}</th>
                  <td className="quantity">{text.quantity}</td>
                  <td>{amount(position.averageCost, position.currency)}</td>
                  <td>{amount(position.price)}</td>
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
      </div>
    </>
  );
}
