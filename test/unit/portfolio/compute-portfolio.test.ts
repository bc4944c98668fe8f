import { describe, expect, it } from 'vitest';
import { computePortfolio, type PortfolioQuote } from '../../../src/shared/portfolio/compute-portfolio';
import type { LotDraft } from '../../../src/shared/portfolio/holdings';
import { portfolioText } from '../../../src/shared/portfolio/portfolio-text';
import { portfolioEvent } from '../../../src/engine/portfolio/portfolio-event';

const TODAY = '2026-12-01';

function lot(symbol: string, quantity: string, price: string, date = '2024-01-10'): LotDraft {
  return { symbol, quantity, price, date, note: '' };
}

function figures(
  lots: LotDraft[],
  quotes: Record<string, PortfolioQuote>,
  rates: Record<string, number> = {},
  baseCurrency = 'USD',
) {
  return computePortfolio({
    lots,
    baseCurrency,
    quote: (symbol) => quotes[symbol],
    rate: (symbol) => rates[symbol] ?? null,
    today: TODAY,
  });
}

describe('computePortfolio (hand-computed)', () => {
  it('a long position of several lots: average cost, value, day change, gain', () => {
    // 10 @ 150 + 5 @ 180: cost 2400, 15 units, average 160. At 190 (prev close 185): value 2850,
    // day +15×5 = 75 (75 / 2775 = 2.7027 %), gain 450 (450 / 2400 = 18.75 %).
    const result = figures([lot('AAPL', '10', '150'), lot('AAPL', '5', '180', '2024-06-01')], {
      AAPL: { price: 190, prevClose: 185 },
    });
    expect(result.positions).toEqual([
      {
        symbol: 'AAPL',
        currency: 'USD',
        quantity: 15,
        lots: 2,
        averageCost: 160,
        price: 190,
        value: 2850,
        dayChange: 75,
        dayChangePct: 2.7027,
        gain: 450,
        gainPct: 18.75,
        exact: { value: '2850', dayChange: '75', gain: '450' },
      },
    ]);
    expect(result).toMatchObject({
      currency: 'USD',
      value: 2850,
      dayChange: 75,
      dayChangePct: 2.7027,
      gain: 450,
      gainPct: 18.75,
      missingRates: [],
      missingPrices: [],
    });
  });

  it('a short position gains when the price falls', () => {
    // −4 @ 250, now 240 (prev close 245): value −960, day −4×(240−245) = +20 (20 / 980 = 2.0408 %),
    // gain −960 − (−1000) = +40 (40 / 1000 = 4 %).
    const result = figures([lot('TSLA', '-4', '250')], { TSLA: { price: 240, prevClose: 245 } });
    expect(result).toMatchObject({ value: -960, dayChange: 20, dayChangePct: 2.0408, gain: 40, gainPct: 4 });
    expect(result.positions[0]?.averageCost).toBe(250);
  });

  it('a fractional crypto position in USDT counts as USD, rounded once to cents', () => {
    // 0.125 × 43210.75 = 5401.34375 → 5401.34; day 0.125 × 1210.5 = 151.3125 → 151.31;
    // gain 0.125 × 3210.25 = 401.28125 → 401.28.
    const result = figures([lot('BINANCE:BTCUSDT', '0.125', '40000.5')], {
      'BINANCE:BTCUSDT': { price: 43210.75, prevClose: 42000.25 },
    });
    expect(result).toMatchObject({ value: 5401.34, dayChange: 151.31, gain: 401.28, missingRates: [] });
  });

  it('sums exactly: 0.1 + 0.2 units at 1.005 is 0.3015 → 0.30, and 1 unit at 1.005 is 1.01', () => {
    const result = figures([lot('X', '0.1', '1'), lot('X', '0.2', '1'), lot('Y', '1', '1')], {
      X: { price: 1.005, prevClose: 1 },
      Y: { price: 1.005, prevClose: 1 },
    });
    expect(result.positions.map((p) => [p.quantity, p.value])).toEqual([
      [0.3, 0.3],
      [1, 1.01],
    ]);
    // The total is rounded from the exact sum 1.3065, not from the rounded parts (0.30 + 1.01).
    expect(result.value).toBe(1.31);
  });

  it('converts to the base currency at the live rate, inverting a pair when needed', () => {
    // Base EUR, AAPL in USD: 10 × 110 = 1100 USD ÷ 1.1 (EUR_USD) = 1000 EUR; day 100 USD = 90.91 EUR.
    const result = figures(
      [lot('AAPL', '10', '100')],
      { AAPL: { price: 110, prevClose: 100 } },
      { 'OANDA:EUR_USD': 1.1 },
      'EUR',
    );
    expect(result).toMatchObject({
      currency: 'EUR',
      value: 1000,
      dayChange: 90.91,
      dayChangePct: 10,
      gain: 90.91,
      gainPct: 10,
      missingRates: [],
    });
    // Base USD, BTC quoted in GBP: 0.5 × 32000 = 16000 GBP × 1.25 = 20000 USD; day 500 GBP = 625; gain 1000 GBP = 1250.
    const gbp = figures(
      [lot('COINBASE:BTC-GBP', '0.5', '30000')],
      { 'COINBASE:BTC-GBP': { price: 32000, prevClose: 31000 } },
      { 'OANDA:GBP_USD': 1.25 },
    );
    expect(gbp).toMatchObject({ value: 20000, dayChange: 625, gain: 1250 });
  });

  it('a crypto quote currency converts through its USDT pair', () => {
    // 2 ETH at 0.05 BTC = 0.1 BTC × 60000 = 6000 USD.
    const result = figures(
      [lot('BINANCE:ETHBTC', '2', '0.04')],
      { 'BINANCE:ETHBTC': { price: 0.05, prevClose: 0.05 } },
      { 'BINANCE:BTCUSDT': 60000 },
    );
    expect(result).toMatchObject({ value: 6000, dayChange: 0, gain: 1200 });
  });

  it('a missing rate is named and the totals stay unknown rather than wrong', () => {
    const result = figures([lot('AAPL', '10', '100'), lot('COINBASE:BTC-GBP', '0.5', '30000')], {
      AAPL: { price: 110, prevClose: 100 },
      'COINBASE:BTC-GBP': { price: 32000, prevClose: 31000 },
    });
    expect(result).toMatchObject({
      value: null,
      dayChange: null,
      dayChangePct: null,
      gain: null,
      gainPct: null,
      missingRates: ['GBP'],
    });
    expect(result.positions[0]?.value).toBe(1100);
    expect(result.positions[1]).toMatchObject({ currency: 'GBP', price: 32000, value: null, gain: null });
  });

  it('a symbol without a price, or without a known currency, is named', () => {
    const result = figures([lot('AAPL', '1', '100'), lot('BINANCE:FOOBAR', '1', '2')], {
      'BINANCE:FOOBAR': { price: 3, prevClose: 2 },
    });
    expect(result).toMatchObject({ value: null, missingPrices: ['AAPL'], missingRates: ['BINANCE:FOOBAR'] });
  });

  it('without a previous close the value is known but the day change is not', () => {
    const result = figures([lot('AAPL', '2', '100')], { AAPL: { price: 110, prevClose: null } });
    expect(result).toMatchObject({ value: 220, gain: 20, dayChange: null, dayChangePct: null });
  });

  it('day change across the previous close: a lot bought today counts from its price paid; next day from the new close', () => {
    // 10 bought long ago, 10 today at 108 (cost 2080); price 110, prev close 105: day 10×5 + 10×2 = 70 of 2130 = 3.2864 %.
    const lots = [lot('AAPL', '10', '100', '2024-01-02'), lot('AAPL', '10', '108', TODAY)];
    const today = figures(lots, { AAPL: { price: 110, prevClose: 105 } });
    expect(today).toMatchObject({ value: 2200, dayChange: 70, dayChangePct: 3.2864, gain: 120 });
    // The next trading day the previous close is 110: both lots now count from it.
    const tomorrow = computePortfolio({
      lots,
      baseCurrency: 'USD',
      quote: () => ({ price: 111, prevClose: 110 }),
      rate: () => null,
      today: '2026-12-02',
    });
    expect(tomorrow).toMatchObject({ value: 2220, dayChange: 20, gain: 140 });
  });

  it('rounds to the base currency minor unit (JPY has none)', () => {
    // 3 × 101.5 USD × 150.333 JPY/USD = 45776.3985 → 45776 JPY.
    const result = figures(
      [lot('AAPL', '3', '100')],
      { AAPL: { price: 101.5, prevClose: 101.5 } },
      { 'OANDA:USD_JPY': 150.333 },
      'JPY',
    );
    expect(result.value).toBe(45776);
  });

  it('a closed position (long and short cancel out) keeps its realised gain', () => {
    const result = figures([lot('AAPL', '10', '100'), lot('AAPL', '-10', '120')], {
      AAPL: { price: 130, prevClose: 125 },
    });
    expect(result.positions[0]).toMatchObject({ quantity: 0, averageCost: null, value: 0, dayChange: 0, gain: 200 });
  });

  it('recomputing after many ticks gives exactly the hand value (no drift)', () => {
    const lots = [lot('BINANCE:BTCUSDT', '0.1', '30000.1'), lot('BINANCE:BTCUSDT', '0.2', '30000.2')];
    let last = figures(lots, { 'BINANCE:BTCUSDT': { price: 30000, prevClose: 30000 } });
    for (let tick = 0; tick < 2_000; tick += 1) {
      last = figures(lots, { 'BINANCE:BTCUSDT': { price: 30000 + (tick % 97) * 0.01, prevClose: 30000 } });
    }
    // Last tick: 1999 % 97 = 59 → 30000.59; 0.3 × 30000.59 = 9000.177 → 9000.18; cost 3000.01 + 6000.04 = 9000.05, gain 0.127.
    expect(last).toMatchObject({ value: 9000.18, dayChange: 0.18, gain: 0.13 });
  });
});

describe('computePortfolio beyond what a JS number holds', () => {
  it('keeps totals above 9×10¹³ exact to the cent, and writes them without an exponent', () => {
    // 3 × 33,333,333,333,333.33 = 99,999,999,999,999.99: as a number, 1e14.
    const big = figures([lot('BRK.A', '3', '1')], { 'BRK.A': { price: 33_333_333_333_333.33, prevClose: 1 } });
    expect(big.exact).toEqual({
      value: '99999999999999.99',
      dayChange: '99999999999996.99',
      gain: '99999999999996.99',
    });
    expect(big.positions[0]?.exact?.value).toBe('99999999999999.99');
    expect(portfolioText(big, { locale: 'en-US', privacy: false }).value).toBe('$99,999,999,999,999.99');
    // A gain of 10²³: never `1e+23`, in the app or in the headless command's JSON line.
    const huge = figures([lot('X', '100000000', '0.01')], { X: { price: 1e15, prevClose: 1e15 } });
    expect(huge.exact?.gain).toBe('99999999999999999000000');
    expect(portfolioText(huge, { locale: 'en-US', privacy: false }).gain).toBe('+$99,999,999,999,999,999,000,000.00');
    const line = JSON.stringify(portfolioEvent(huge));
    expect(line).toContain('"value":100000000000000000000000,');
    expect(line).toContain('"gain":99999999999999999000000,');
    expect(line).not.toMatch(/e\+/);
  });
});
