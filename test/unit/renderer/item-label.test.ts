import { describe, it, expect } from 'vitest';
import type { SymbolSnapshot } from '../../../src/shared/types';
import { createQuoteFormatter, MISSING_VALUE } from '../../../src/renderer/format';
import { describeQuote, itemLabel } from '../../../src/renderer/strip/item-label';

describe('itemLabel', () => {
  it('reads name, price and the move in words', () => {
    expect(itemLabel({ name: 'AAPL', price: '189.41', change: '+2.21', percent: '+1.18%', trend: 'up', stale: false })).toBe('AAPL 189.41, up +2.21, +1.18%');
    expect(itemLabel({ name: 'MSFT', price: '415.10', change: '-2.80', percent: '-0.67%', trend: 'down', stale: true })).toBe('MSFT 415.10, down -2.80, -0.67%, stale');
  });

  it('says when there is no price yet or no change known', () => {
    const none = { change: MISSING_VALUE, percent: MISSING_VALUE, trend: 'flat' as const, stale: false };
    expect(itemLabel({ name: 'NVDA', price: MISSING_VALUE, ...none })).toBe('NVDA, no price yet');
    expect(itemLabel({ name: 'NVDA', price: '131.20', ...none })).toBe('NVDA 131.20');
  });
});

describe('describeQuote', () => {
  const formatter = createQuoteFormatter('en-US');
  const now = Date.UTC(2026, 10, 24, 16, 0); // a Tuesday, 11:00 in New York: stocks trade
  const quote = (fields: Partial<SymbolSnapshot>): SymbolSnapshot => ({
    symbol: 'AAPL',
    price: 189.41,
    prevClose: 187.2,
    change: 2.21,
    changePct: 1.18,
    dayHigh: null,
    dayLow: null,
    volume: 0,
    time: now - 1000,
    direction: 'flat',
    history: [],
    ...fields,
  });

  it('gives the texts the item shows and the trend of the day', () => {
    expect(describeQuote('AAPL', quote({}), { formatter, live: true, now })).toEqual({
      name: 'AAPL',
      price: '189.41',
      change: '+2.21',
      percent: '+1.18%',
      trend: 'up',
      stale: false,
    });
    expect(describeQuote('BINANCE:BTCUSDT', quote({ symbol: 'BINANCE:BTCUSDT', price: 97123.45, change: -10, changePct: -0.01 }), { formatter, live: true, now })).toMatchObject({
      name: 'BTC/USDT',
      price: '97,123.45',
      trend: 'down',
    });
  });

  it('uses dashes before the first price, and flags a live open market gone quiet as stale', () => {
    expect(describeQuote('NVDA', undefined, { formatter, live: true, now })).toEqual({
      name: 'NVDA',
      price: MISSING_VALUE,
      change: MISSING_VALUE,
      percent: MISSING_VALUE,
      trend: 'flat',
      stale: false,
    });
    const quiet = quote({ time: now - 10 * 60_000 });
    expect(describeQuote('AAPL', quiet, { formatter, live: true, now }).stale).toBe(true);
    expect(describeQuote('AAPL', quiet, { formatter, live: false, now }).stale).toBe(false);
  });
});
