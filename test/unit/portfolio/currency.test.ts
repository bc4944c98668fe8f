import { describe, expect, it } from 'vitest';
import { baseCurrencyProblem, quoteCurrencyOf, rateLegs, rateSymbolsFor } from '../../../src/shared/portfolio/currency';

describe('quote currency of a symbol', () => {
  it('plain symbols are USD; pairs are quoted in their quote side; stablecoins count as USD', () => {
    expect(quoteCurrencyOf('AAPL')).toBe('USD');
    expect(quoteCurrencyOf('BINANCE:BTCUSDT')).toBe('USD');
    expect(quoteCurrencyOf('BINANCE:ETHUSDC')).toBe('USD');
    expect(quoteCurrencyOf('OANDA:EUR_USD')).toBe('USD');
    expect(quoteCurrencyOf('OANDA:USD_JPY')).toBe('JPY');
    expect(quoteCurrencyOf('COINBASE:BTC-GBP')).toBe('GBP');
    expect(quoteCurrencyOf('BINANCE:ETHBTC')).toBe('BTC');
  });

  it('a pair whose quote side cannot be told has no currency (never a guess)', () => {
    expect(quoteCurrencyOf('BINANCE:FOOBAR')).toBeNull();
  });
});

describe('rate legs', () => {
  it('uses OANDA pairs in market order, inverted when needed', () => {
    expect(rateLegs('USD', 'USD')).toEqual([]);
    expect(rateLegs('EUR', 'USD')).toEqual([{ symbol: 'OANDA:EUR_USD', invert: false }]);
    expect(rateLegs('USD', 'EUR')).toEqual([{ symbol: 'OANDA:EUR_USD', invert: true }]);
    expect(rateLegs('JPY', 'USD')).toEqual([{ symbol: 'OANDA:USD_JPY', invert: true }]);
    expect(rateLegs('GBP', 'CHF')).toEqual([{ symbol: 'OANDA:GBP_CHF', invert: false }]);
    expect(rateLegs('SEK', 'EUR')).toEqual([{ symbol: 'OANDA:EUR_SEK', invert: true }]);
  });

  it('a crypto quote currency goes through its USDT pair first', () => {
    expect(rateLegs('BTC', 'USD')).toEqual([{ symbol: 'BINANCE:BTCUSDT', invert: false }]);
    expect(rateLegs('BTC', 'EUR')).toEqual([
      { symbol: 'BINANCE:BTCUSDT', invert: false },
      { symbol: 'OANDA:EUR_USD', invert: true },
    ]);
  });

  it('lists each needed rate symbol once', () => {
    expect(rateSymbolsFor(['AAPL', 'MSFT', 'COINBASE:BTC-GBP', 'BINANCE:BTCUSDT'], 'EUR')).toEqual([
      'OANDA:EUR_USD',
      'OANDA:EUR_GBP',
    ]);
    expect(rateSymbolsFor(['AAPL', 'BINANCE:BTCUSDT'], 'USD')).toEqual([]);
  });

  it('the base currency must be an ISO code Intl knows', () => {
    expect(baseCurrencyProblem('EUR')).toBeNull();
    expect(baseCurrencyProblem('eur')).toMatch(/currency code/);
    expect(baseCurrencyProblem('XYZ')).toMatch(/currency code/);
    expect(baseCurrencyProblem('BTC')).toMatch(/currency code/);
    expect(baseCurrencyProblem(42)).toMatch(/currency code/);
  });
});
