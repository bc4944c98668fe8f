/**
 * What the company context adds to a strip, as data: names and earnings markers per item, the
 * lane's entries with headlines, the details card's request, and the card's day chart.
 */
import { describe, expect, it } from 'vitest';
import { checkCardRequest } from '../../../src/shared/card-content';
import { MarketCalendar } from '../../../src/shared/market-calendar/market-calendar';
import { emptyDetails, type Headline, type SymbolDetails } from '../../../src/shared/symbol-context';
import type { SymbolSnapshot } from '../../../src/shared/types';
import { createQuoteFormatter } from '../../../src/renderer/format';
import { dayChart } from '../../../src/renderer/card/day-chart';
import { cardRequest, itemContexts, laneEntries } from '../../../src/renderer/strip/strip-context';

const calendar = new MarketCalendar();
/** Noon in New York on 2026-12-…: 17:00 UTC. */
const noon = (day: number): number => Date.UTC(2026, 11, day, 17);

const apple: SymbolDetails = {
  ...emptyDetails('AAPL'),
  name: 'Apple Inc',
  exchange: 'NASDAQ',
  currency: 'USD',
  open: 188,
  high: 190.1,
  low: 187.9,
  prevClose: 188.2,
  week52Low: 150,
  week52High: 250,
  // Friday 2026-12-11, after the close.
  earnings: { date: '2026-12-11', hour: 'amc' },
};

const headline = (symbol: string, id: number, time = 0): Headline => ({
  id,
  symbol,
  headline: `${symbol} news ${id}`,
  source: 'Reuters',
  url: `https://news.example.com/${id}`,
  time,
});

describe('itemContexts', () => {
  it('gives each item its name as chosen and its marker, and leaves out items with neither', () => {
    const details = new Map([
      ['AAPL', apple],
      ['MSFT', { ...emptyDetails('MSFT'), name: 'Microsoft Corp' }],
    ]);
    const short = itemContexts(['AAPL', 'MSFT', 'NVDA'], details, 'short', noon(11), calendar);
    expect(short.get('AAPL')).toEqual({
      companyName: 'Apple',
      markerText: 'E',
      markerLabel: 'Earnings today, after close',
    });
    expect(short.get('MSFT')).toEqual({ companyName: 'Microsoft', markerText: null, markerLabel: null });
    expect(short.has('NVDA')).toBe(false);
    expect(itemContexts(['MSFT'], details, 'off', noon(11), calendar).size).toBe(0);
    expect(itemContexts(['MSFT'], details, 'full', noon(11), calendar).get('MSFT')?.companyName).toBe('Microsoft Corp');
  });

  it('follows the market calendar across the weekend: Saturday still shows the Friday-night report', () => {
    const details = new Map([['AAPL', apple]]);
    const at = (day: number) => itemContexts(['AAPL'], details, 'off', noon(day), calendar).get('AAPL');
    expect(at(9)?.markerText).toBe('E 2d');
    expect(at(10)?.markerText).toBe('E 1d');
    expect(at(12)?.markerText).toBe('E');
    expect(at(12)?.markerLabel).toBe('Earnings reported Fri, Dec 11, after close; first trading on Mon, Dec 14');
    expect(at(14)?.markerText).toBe('E');
    expect(at(15)).toBeUndefined();
    expect(at(8)).toBeUndefined();
  });
});

describe('laneEntries', () => {
  const headlines = [headline('AAPL', 2, 200), headline('AAPL', 1, 100), headline('TSLA', 3, 300)];

  it('puts each symbol’s newest headline right after its item, and only for symbols of the strip', () => {
    expect(
      laneEntries(['AAPL', 'MSFT'], headlines, 'between').map((e) => (e.kind === 'item' ? e.symbol : e.key)),
    ).toEqual(['AAPL', 'headline:AAPL:2', 'MSFT']);
  });

  it('shows no headline when off, and only headlines on a headlines-only strip', () => {
    expect(laneEntries(['AAPL'], headlines, 'off')).toEqual([{ kind: 'item', symbol: 'AAPL' }]);
    expect(laneEntries([], headlines, 'only').map((e) => (e.kind === 'headline' ? e.key : ''))).toEqual([
      'headline:AAPL:2',
      'headline:AAPL:1',
      'headline:TSLA:3',
    ]);
  });
});

describe('cardRequest', () => {
  const snapshot: SymbolSnapshot = {
    symbol: 'AAPL',
    price: 200,
    prevClose: 188.2,
    change: 11.8,
    changePct: 6.27,
    dayHigh: 201,
    dayLow: 187,
    volume: 1_234_567,
    time: noon(11),
    history: [190, 195, 200],
  };

  it('carries the card’s content, the day chart with the previous close, and passes main’s check', () => {
    const request = cardRequest({
      symbol: 'AAPL',
      details: apple,
      snapshot,
      headline: headline('AAPL', 9),
      now: noon(11),
      calendar,
      formatter: createQuoteFormatter('en-US'),
      theme: 'dark',
      anchorX: 120,
    });
    expect(request.title).toBe('Apple Inc');
    expect(request.subtitle).toBe('AAPL · NASDAQ · USD');
    expect(request.marker).toBe('Earnings today, after close');
    expect(Object.fromEntries(request.rows.map((row) => [row.label, row.value]))).toMatchObject({
      Open: '188.00',
      'Previous close': '188.20',
      Volume: '1.2M',
      '52-week range': '150.00 – 250.00',
      'Next earnings': '2026-12-11, after close',
      'Latest headline': 'Reuters: AAPL news 9',
    });
    expect(request.rangePosition).toBeCloseTo(0.5);
    expect(request.chart).toEqual({ points: [190, 195, 200], prevClose: 188.2 });
    expect(checkCardRequest(request)).toEqual({ ok: true, value: request });
  });

  it('shows what the live feed knows while the details are not in, never 0', () => {
    const request = cardRequest({
      symbol: 'AAPL',
      details: undefined,
      snapshot: { ...snapshot, volume: 0, history: [] },
      headline: null,
      now: noon(11),
      calendar,
      formatter: createQuoteFormatter('en-US'),
      theme: 'light',
      anchorX: 0,
    });
    expect(request.title).toBe('AAPL');
    const rows = Object.fromEntries(request.rows.map((row) => [row.label, row.value]));
    expect(rows).toMatchObject({ Open: '—', High: '201.00', 'Previous close': '188.20' });
    expect(rows.Volume).toBeUndefined();
    expect(request.chart).toBeNull();
  });
});

describe('dayChart', () => {
  it('scales the prices with the previous close inside the box, and says which side the price is on', () => {
    const shape = dayChart([100, 110], 90, 100, 22);
    expect(shape.line).toBe('0.0,11.0 100.0,1.0');
    expect(shape.prevCloseY).toBe(21);
    expect(shape.up).toBe(true);
    expect(dayChart([100], 90, 100, 22).line).toBe('');
    expect(dayChart([100, 90], null, 100, 22)).toMatchObject({ prevCloseY: null, up: null });
  });
});
