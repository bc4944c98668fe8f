/**
 * The NDJSON lines `feed --details` and `feed --news` print. Every field is always present, in a
 * fixed order; what is unknown is null (never 0, never missing).
 */
import type { EarningsDate, Headline, SymbolDetails } from '../../shared/symbol-context';

/** The card's figures that the line carries, under the same names and types. */
type DetailsFields = Pick<
  SymbolDetails,
  'symbol' | 'name' | 'exchange' | 'currency' | 'open' | 'high' | 'low' | 'prevClose' | 'week52High' | 'week52Low'
>;

export interface DetailsEvent extends DetailsFields {
  event: 'details';
  earnings: EarningsDate | null;
}

export interface HeadlineEvent extends Omit<Headline, 'time'> {
  event: 'headline';
  /** UTC, to the second: `2026-12-07T14:00:00Z`. */
  time: string;
}

/** A figure Ticker may print: a positive finite number, else null (0 means "unknown" at Finnhub). */
const figure = (value: number | null): number | null =>
  value !== null && Number.isFinite(value) && value > 0 ? value : null;

export function detailsEvent(details: SymbolDetails): DetailsEvent {
  return {
    event: 'details',
    symbol: details.symbol,
    name: details.name,
    exchange: details.exchange,
    currency: details.currency,
    open: figure(details.open),
    high: figure(details.high),
    low: figure(details.low),
    prevClose: figure(details.prevClose),
    week52High: figure(details.week52High),
    week52Low: figure(details.week52Low),
    earnings: details.earnings === null ? null : { date: details.earnings.date, hour: details.earnings.hour },
  };
}

export function headlineEvent(headline: Headline): HeadlineEvent {
  return {
    event: 'headline',
    symbol: headline.symbol,
    id: headline.id,
    headline: headline.headline,
    source: headline.source,
    url: headline.url,
    time: new Date(headline.time).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}
