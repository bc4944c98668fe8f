/**
 * What one symbol of the strip shows, as texts (the scrolling item draws them), and the one short
 * sentence a screen reader says for it (the accessible list reads that). Pure.
 */
import { displayName, instrumentKind } from '../../shared/symbols';
import type { SymbolSnapshot } from '../../shared/types';
import { MISSING_VALUE, type QuoteFormatter } from '../format';
import { isPriceStale } from '../market-hours';
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
}

export interface DescribeOptions {
  formatter: QuoteFormatter;
  /** The feed is live (stale prices are only flagged then). */
  live: boolean;
  /** Epoch ms, for the stale check. */
  now: number;
}

/** The texts, trend and stale flag of one symbol's quote (none yet: dashes). */
export function describeQuote(symbol: string, quote: SymbolSnapshot | undefined, { formatter, live, now }: DescribeOptions): ItemLabelParts {
  return {
    name: displayName(symbol),
    price: formatter.price(symbol, quote?.price ?? null),
    change: formatter.change(symbol, quote?.change ?? null, quote?.price ?? null),
    percent: formatter.percent(quote?.changePct ?? null),
    trend: trendOf(quote?.change, quote?.changePct),
    stale: isPriceStale({ kind: instrumentKind(symbol), priceTime: quote?.time ?? null, now, live }),
  };
}

const TREND_WORDS: Record<Trend, string> = { up: 'up', down: 'down', flat: 'unchanged' };

/** e.g. "AAPL 189.41, up +2.21, +1.18%"; "AAPL, no price yet"; ", stale" when flagged. */
export function itemLabel({ name, price, change, percent, trend, stale }: ItemLabelParts): string {
  let label = price === MISSING_VALUE ? `${name}, no price yet` : `${name} ${price}`;
  if (price !== MISSING_VALUE) {
    const moves = [change, percent].filter((text) => text !== MISSING_VALUE);
    label += moves.length > 0 ? `, ${TREND_WORDS[trend]} ${moves.join(', ')}` : '';
  }
  return stale ? `${label}, stale` : label;
}
