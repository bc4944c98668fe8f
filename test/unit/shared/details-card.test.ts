import { describe, expect, it } from 'vitest';
import { cardModel, cardPlacement, CARD_GAP_PX } from '../../../src/shared/details-card';
import { emptyDetails } from '../../../src/shared/symbol-context';

const workArea = { x: 0, y: 0, width: 1920, height: 1040 };
const card = { width: 320, height: 260 };

describe('details card placement', () => {
  it('opens below a strip at the top and above one at the bottom, never off the screen', () => {
    const top = { x: 0, y: 0, width: 1920, height: 32 };
    expect(cardPlacement(top, workArea, 960, card)).toEqual({ x: 800, y: 32 + CARD_GAP_PX, width: 320, height: 260 });
    const bottom = { x: 0, y: 1008, width: 1920, height: 32 };
    expect(cardPlacement(bottom, workArea, 960, card)).toEqual({
      x: 800,
      y: 1008 - CARD_GAP_PX - 260,
      width: 320,
      height: 260,
    });
    // An item at the very edge: the card slides in, whole.
    expect(cardPlacement(top, workArea, 5, card).x).toBe(0);
    expect(cardPlacement(top, workArea, 1915, card).x).toBe(1600);
  });

  it('a card taller than the room is shortened to fit', () => {
    const small = { x: 0, y: 0, width: 800, height: 200 };
    const strip = { x: 0, y: 0, width: 800, height: 32 };
    const placed = cardPlacement(strip, small, 400, card);
    expect(placed.y + placed.height).toBeLessThanOrEqual(200);
  });
});

describe('details card content', () => {
  const format = {
    price: (v: number) => v.toFixed(2),
    volume: (v: number) => `${Math.round(v / 1000)}k`,
    time: (t: number) => new Date(t).toISOString().slice(11, 16),
  };

  it('names the company, lists the figures, places the price in the 52-week range', () => {
    const details = {
      ...emptyDetails('AAPL'),
      name: 'Apple Inc',
      exchange: 'NASDAQ',
      currency: 'USD',
      open: 188,
      high: 190.1,
      low: 187.9,
      prevClose: 188.2,
      week52High: 200,
      week52Low: 100,
      earnings: { date: '2026-12-10', hour: 'amc' as const },
      notes: { metric: 'Not available on your Finnhub plan' },
    };
    const model = cardModel(
      details,
      {
        price: 150,
        volume: 12_000,
        lastTradeTime: Date.UTC(2026, 11, 7, 15, 30),
        session: 'regular',
        marker: {
          text: 'E 2d',
          daysAhead: 2,
          hourText: 'after close',
          label: 'Earnings Thu, Dec 10, after close, in 2 trading days',
        },
        headline: { id: 1, symbol: 'AAPL', headline: 'Apple ships', source: 'Reuters', url: 'https://e.com', time: 0 },
      },
      format,
    );
    expect(model.title).toBe('Apple Inc');
    expect(model.subtitle).toBe('AAPL · NASDAQ · USD');
    expect(model.rows).toEqual([
      { label: 'Open', value: '188.00' },
      { label: 'High', value: '190.10' },
      { label: 'Low', value: '187.90' },
      { label: 'Previous close', value: '188.20' },
      { label: 'Last trade', value: '15:30 · Market open' },
      { label: 'Volume', value: '12k' },
      { label: '52-week range', value: '100.00 – 200.00' },
      { label: 'Next earnings', value: '2026-12-10, after close' },
      { label: 'Latest headline', value: 'Reuters: Apple ships' },
    ]);
    expect(model.rangePosition).toBe(0.5);
    expect(model.notes).toEqual(['52-week range: Not available on your Finnhub plan']);
    expect(model.spoken).toContain('At 50 % of its 52-week range');
    expect(model.spoken).toContain('Earnings Thu, Dec 10, after close, in 2 trading days');
  });

  it('unknown figures read as a dash, never 0; no volume row without volume', () => {
    const model = cardModel(
      emptyDetails('BINANCE:BTCUSDT'),
      { price: null, volume: 0, lastTradeTime: null, session: 'regular', marker: null, headline: null },
      format,
    );
    expect(model.title).toBe('BTC/USDT');
    expect(model.rows.map((r) => r.value)).toEqual(['—', '—', '—', '—', '— · Market open']);
    expect(model.rangePosition).toBeNull();
  });
});
