/**
 * The details card as the card page draws it: what the strip sent, nothing fetched or computed
 * here beyond the chart's geometry. Its text is also one sentence for the screen reader.
 */
import type { CardShown } from '../../shared/card-content';
import { CARD_LIMITS } from '../../shared/card-content';
import { dayChart } from './day-chart';

const CHART_WIDTH = CARD_LIMITS.width - CARD_LIMITS.padding * 2;
const CHART_HEIGHT = CARD_LIMITS.chartHeight - 12;

export function CardView({ card }: { card: CardShown }) {
  const chart =
    card.chart === null ? null : dayChart(card.chart.points, card.chart.prevClose, CHART_WIDTH, CHART_HEIGHT);
  return (
    <section className={`details-card details-card-${card.side}`} aria-label={card.spoken} data-symbol={card.symbol}>
      <header className="card-header">
        <h1 className="card-title">{card.title}</h1>
        <p className="card-subtitle">{card.subtitle}</p>
      </header>
      {card.marker !== null && <p className="card-marker">{card.marker}</p>}
      <dl className="card-rows">
        {card.rows.map((row) => (
          <div className="card-row" key={row.label}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      {card.rangePosition !== null && (
        <div className="card-range" aria-hidden="true">
          <span className="card-range-track">
            <span className="card-range-dot" style={{ left: `${(card.rangePosition * 100).toFixed(1)}%` }} />
          </span>
        </div>
      )}
      {chart !== null && (
        <svg
          className={`card-chart${chart.up === null ? '' : chart.up ? ' card-chart-up' : ' card-chart-down'}`}
          viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`}
          aria-hidden="true"
          focusable="false"
        >
          {chart.prevCloseY !== null && (
            <line className="card-chart-close" x1="0" x2={CHART_WIDTH} y1={chart.prevCloseY} y2={chart.prevCloseY} />
          )}
          {chart.line !== '' && <polyline className="card-chart-line" points={chart.line} />}
        </svg>
      )}
      {card.notes.map((note) => (
        <p className="card-note" key={note}>
          {note}
        </p>
      ))}
    </section>
  );
}
