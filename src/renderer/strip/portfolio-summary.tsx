import type { PortfolioFigures } from '../../shared/portfolio/compute-portfolio';
import { portfolioText, type Trend } from '../../shared/portfolio/portfolio-text';

const ARROWS: Record<Trend, string> = { up: '▲', down: '▼', flat: '' };

/**
 * The portfolio at the start of the strip: total value, today's change (amount and %) and the gain
 * since purchase, coloured and arrowed like a quote. With privacy on, amounts read "•••" and only
 * the percentages show. While a rate or price is missing it says so instead of a wrong total.
 */
export function PortfolioSummary({
  figures,
  privacy,
  locale,
}: {
  figures: PortfolioFigures;
  privacy: boolean;
  locale: string;
}) {
  const text = portfolioText(figures, { privacy, locale });
  const waiting = figures.value === null;
  const label = waiting
    ? `Portfolio: ${text.missing ?? 'waiting for prices'}`
    : `Portfolio ${text.value}, today ${text.dayChange} (${text.dayChangePct}), total ${text.gain} (${text.gainPct})`;
  return (
    <div
      className="portfolio-summary"
      data-privacy={privacy ? 'true' : 'false'}
      data-waiting={waiting ? 'true' : 'false'}
      title={label}
      aria-label={label}
      role="status"
    >
      <span className="name">Portfolio</span>
      {waiting ? (
        <span className="missing">{text.missing ?? 'waiting for prices'}</span>
      ) : (
        <>
          <span className="value">{text.value}</span>
          <span className={`day trend-${text.dayTrend}`}>
            <span className="arrow">{ARROWS[text.dayTrend]}</span>
            <span className="amount">{text.dayChange}</span>
            <span className="percent">{text.dayChangePct}</span>
          </span>
          <span className={`gain trend-${text.gainTrend}`}>
            <span className="label">Total</span>
            <span className="amount">{text.gain}</span>
            <span className="percent">{text.gainPct}</span>
          </span>
        </>
      )}
    </div>
  );
}
