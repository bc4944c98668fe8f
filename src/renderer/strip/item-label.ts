/** What a screen reader says for one symbol of the strip: one short sentence from the shown texts. */
import { MISSING_VALUE } from '../format';
import type { Trend } from './trend';

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
