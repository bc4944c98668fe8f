import { describe, it, expect } from 'vitest';
import type { SymbolSnapshot } from '../../../src/shared/types';
import { createQuoteFormatter, MISSING_VALUE } from '../../../src/renderer/format';
import { describeQuote, itemLabel } from '../../../src/renderer/strip/item-label';
import { MarketCalendar } from '../../../src/shared/market-calendar/market-calendar';

describe('itemLabel', () => {
  it('reads name, price and the move in words', () => {
    expect(
      itemLabel({
        name: 'AAPL',
        price: '189.41',
        change: '+2.21',
        percent: '+1.18%',
        trend: 'up',
        stale: false,
        session: 'regular',
      }),
    ).toBe('AAPL 189.41, up +2.21, +1.18%');
    expect(
      itemLabel({
        name: 'MSFT',
        price: '415.10',
        change: '-2.80',
        percent: '-0.67%',
        trend: 'down',
        stale: true,
        session: 'regular',
      }),
    ).toBe('MSFT 415.10, down -2.80, -0.67%, stale');
    expect(
      itemLabel({
        name: 'MSFT',
        price: '415.10',
        change: '-2.80',
        percent: '-0.67%',
        trend: 'down',
        stale: false,
        session: 'post',
      }),
    ).toBe('MSFT 415.10, down -2.80, -0.67%, after-hours');
    expect(
      itemLabel({
        name: 'MSFT',
        price: '415.10',
        change: '-2.80',
        percent: '-0.67%',
        trend: 'down',
        stale: false,
        session: 'closed',
      }),
    ).toBe('MSFT 415.10, down -2.80, -0.67%, market closed');
  });

  it('says when there is no price yet or no change known', () => {
    const none = {
      change: MISSING_VALUE,
      percent: MISSING_VALUE,
      trend: 'flat' as const,
      stale: false,
      session: 'regular' as const,
    };
    expect(itemLabel({ name: 'NVDA', price: MISSING_VALUE, ...none })).toBe('NVDA, no price yet');
    expect(itemLabel({ name: 'NVDA', price: '131.20', ...none })).toBe('NVDA 131.20');
  });
});

describe('describeQuote', () => {
  const formatter = createQuoteFormatter('en-US');
  const calendar = new MarketCalendar();
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
    history: [],
    ...fields,
  });

  it('gives the texts the item shows and the trend of the day', () => {
    expect(describeQuote('AAPL', quote({}), { formatter, live: true, now, calendar })).toEqual({
      name: 'AAPL',
      price: '189.41',
      change: '+2.21',
      percent: '+1.18%',
      trend: 'up',
      stale: false,
      session: 'regular',
    });
    expect(
      describeQuote(
        'BINANCE:BTCUSDT',
        quote({ symbol: 'BINANCE:BTCUSDT', price: 97123.45, change: -10, changePct: -0.01 }),
        { formatter, live: true, now, calendar },
      ),
    ).toMatchObject({
      name: 'BTC/USDT',
      price: '97,123.45',
      trend: 'down',
    });
  });

  it('uses dashes before the first price, and flags a live open market gone quiet as stale', () => {
    expect(describeQuote('NVDA', undefined, { formatter, live: true, now, calendar })).toEqual({
      name: 'NVDA',
      price: MISSING_VALUE,
      change: MISSING_VALUE,
      percent: MISSING_VALUE,
      trend: 'flat',
      stale: false,
      session: 'regular',
    });
    const quiet = quote({ time: now - 10 * 60_000 });
    expect(describeQuote('AAPL', quiet, { formatter, live: true, now, calendar }).stale).toBe(true);
    expect(describeQuote('AAPL', quiet, { formatter, live: false, now, calendar }).stale).toBe(false);
  });

  it('marks the session, and flags stale prices only in the regular session', () => {
    const cases: Array<[string, string, string, boolean]> = [
      // [symbol, instant, session, stale after 10 quiet minutes with the feed live]
      ['AAPL', '2026-11-24T13:00:00Z', 'pre', false], // Tuesday 08:00 New York
      ['AAPL', '2026-11-24T16:00:00Z', 'regular', true],
      ['AAPL', '2026-11-27T18:30:00Z', 'post', false], // day after Thanksgiving: early close
      ['AAPL', '2026-11-26T16:00:00Z', 'closed', false], // Thanksgiving
      ['AAPL', '2026-11-28T16:00:00Z', 'closed', false], // Saturday
      ['BINANCE:BTCUSDT', '2026-11-26T16:00:00Z', 'regular', true], // crypto never closes
      ['OANDA:EUR_USD', '2026-11-28T16:00:00Z', 'closed', false], // forex weekend
      ['OANDA:EUR_USD', '2026-11-26T16:00:00Z', 'regular', true],
    ];
    for (const [symbol, when, session, stale] of cases) {
      const at = Date.parse(when);
      const parts = describeQuote(symbol, quote({ symbol, time: at - 10 * 60_000 }), {
        formatter,
        live: true,
        now: at,
        calendar,
      });
      expect({ symbol, when, session: parts.session, stale: parts.stale }).toEqual({ symbol, when, session, stale });
    }
  });
});
