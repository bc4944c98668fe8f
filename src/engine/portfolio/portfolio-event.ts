/**
 * The JSON line the headless command prints for the portfolio (`{"event":"portfolio",…}`): the
 * totals only; the per-position figures are for the app.
 */
import type { PortfolioFigures } from '../../shared/portfolio/compute-portfolio';

export interface PortfolioEvent {
  event: 'portfolio';
  value: number | null;
  dayChange: number | null;
  dayChangePct: number | null;
  gain: number | null;
  gainPct: number | null;
  currency: string;
  missingRates: string[];
  missingPrices: string[];
}

export function portfolioEvent(figures: PortfolioFigures): PortfolioEvent {
  const { value, dayChange, dayChangePct, gain, gainPct, currency, missingRates, missingPrices } = figures;
  return { event: 'portfolio', value, dayChange, dayChangePct, gain, gainPct, currency, missingRates, missingPrices };
}
