/**
 * What one symbol of the strip shows, as texts (the scrolling item draws them), and the one short
 * sentence a screen reader says for it (the accessible list reads that). Pure.
 */
import type { MarketCalendar, Session } from '../../shared/market-calendar/market-calendar';
import { displayName } from '../../shared/symbols';
import type { SymbolSnapshot } from '../../shared/types';
import { MISSING_VALUE, type QuoteFormatter } from '../format';
import { isPriceStale } from '../stale-price';
import { trendOf, type Trend } from './trend';

export interface ItemLabelParts {
  /** Display name, e.g. "BTC/USDT". */
  name: string;
  /** The formatted texts the item shows. */
  price: string;
  change: string;
  percent: string;
  trend: Trend;
  stale: boolean;
  /** The session of the symbol's market now (the item marks any but the regular one). */
  session: Session;
}

export interface DescribeOptions {
  formatter: QuoteFormatter;
  /** The feed is live (stale prices are only flagged then). */
  live: boolean;
  /** Epoch ms, for the session and the stale check. */
  now: number;
  calendar: MarketCalendar;
}

/** The texts, trend, session and stale flag of one symbol's quote (none yet: dashes). */
export function describeQuote(
  symbol: string,
  quote: SymbolSnapshot | undefined,
  { formatter, live, now, calendar }: DescribeOptions,
): ItemLabelParts {
  const { session } = calendar.sessionAt(symbol, now);
  return {
    name: displayName(symbol),
    price: formatter.price(symbol, quote?.price ?? null),
    change: formatter.change(symbol, quote?.change ?? null, quote?.price ?? null),
    percent: formatter.percent(quote?.changePct ?? null),
    trend: trendOf(quote?.change, quote?.changePct),
    stale: isPriceStale({ session, priceTime: quote?.time ?? null, now, live }),
    session,
  };
}

const TREND_WORDS: Record<Trend, string> = { up: 'up', down: 'down', flat: 'unchanged' };

/** The item's small session mark (none in the regular session). */
export const SESSION_MARKS: Record<Session, string> = { pre: 'pre', regular: '', post: 'after', closed: 'closed' };

/** What the screen reader says of a session other than the regular one. */
export const SESSION_WORDS: Record<Session, string> = {
  pre: 'pre-market',
  regular: '',
  post: 'after-hours',
  closed: 'market closed',
};

/**
 * e.g. "AAPL 189.41, up +2.21, +1.18%"; "AAPL, no price yet"; ", after-hours" outside the regular
 * session; ", stale" when flagged.
 */
export function itemLabel({ name, price, change, percent, trend, stale, session }: ItemLabelParts): string {
  let label = price === MISSING_VALUE ? `${name}, no price yet` : `${name} ${price}`;
  if (price !== MISSING_VALUE) {
    const moves = [change, percent].filter((text) => text !== MISSING_VALUE);
    label += moves.length > 0 ? `, ${TREND_WORDS[trend]} ${moves.join(', ')}` : '';
  }
  if (session !== 'regular') label += `, ${SESSION_WORDS[session]}`;
  return stale ? `${label}, stale` : label;
}
