/**
 * The JSON line the headless command prints for the portfolio (`{"event":"portfolio",…}`): the
 * totals only; the per-position figures are for the app. Money is written digit for digit from the
 * exact figures (`123456789012345.67`, never `1.2345678901234567e+14`).
 */
import type { PortfolioFigures } from '../../shared/portfolio/compute-portfolio';

/** A number JSON.stringify writes as the given decimal text (JSON.rawJSON, Node 22). */
export type ExactJsonNumber = number | { readonly rawJSON: string };

export interface PortfolioEvent {
  event: 'portfolio';
  value: ExactJsonNumber | null;
  dayChange: ExactJsonNumber | null;
  dayChangePct: number | null;
  gain: ExactJsonNumber | null;
  gainPct: number | null;
  currency: string;
  missingRates: string[];
  missingPrices: string[];
}

const rawJSON = (JSON as { rawJSON?: (text: string) => { readonly rawJSON: string } }).rawJSON;

/** The exact decimal text as a JSON number when the runtime can write one, else the nearest number. */
function exactNumber(exact: string | null | undefined, nearest: number | null): ExactJsonNumber | null {
  if (exact === null || exact === undefined || rawJSON === undefined) return nearest;
  return rawJSON(exact);
}

export function portfolioEvent(figures: PortfolioFigures): PortfolioEvent {
  const { dayChangePct, gainPct, currency, missingRates, missingPrices, exact } = figures;
  return {
    event: 'portfolio',
    value: exactNumber(exact?.value, figures.value),
    dayChange: exactNumber(exact?.dayChange, figures.dayChange),
    dayChangePct,
    gain: exactNumber(exact?.gain, figures.gain),
    gainPct,
    currency,
    missingRates,
    missingPrices,
  };
}
