import { describe, it, expect } from 'vitest';
import { createQuoteFormatter, pricePrecision, resolveLocale, MISSING_VALUE } from '../../../src/renderer/format';

const en = createQuoteFormatter('en-US');

describe('pricePrecision', () => {
  it('gives stocks 2 decimals, 4 below 1', () => {
    expect(pricePrecision('stock', 'AAPL', 189.4)).toEqual({ kind: 'fraction', digits: 2 });
    expect(pricePrecision('stock', 'SNDL', 0.4312)).toEqual({ kind: 'fraction', digits: 4 });
  });

  it('gives forex 5 decimals near 1, 3 for JPY pairs, 4 for large quotes', () => {
    expect(pricePrecision('forex', 'OANDA:EUR_USD', 1.0842)).toEqual({ kind: 'fraction', digits: 5 });
    expect(pricePrecision('forex', 'OANDA:USD_JPY', 151.2)).toEqual({ kind: 'fraction', digits: 3 });
    expect(pricePrecision('forex', 'OANDA:USD_MXN', 17.1)).toEqual({ kind: 'fraction', digits: 4 });
  });

  it('gives crypto fewer decimals for big prices and significant digits below 1', () => {
    expect(pricePrecision('crypto', 'BINANCE:BTCUSDT', 97123.45)).toEqual({ kind: 'fraction', digits: 2 });
    expect(pricePrecision('crypto', 'BINANCE:ADAUSDT', 1.2345)).toEqual({ kind: 'fraction', digits: 3 });
    expect(pricePrecision('crypto', 'BINANCE:SHIBUSDT', 0.00001234)).toEqual({ kind: 'significant', digits: 4 });
  });
});

describe('createQuoteFormatter', () => {
  it('formats prices with thousands separators and per-instrument precision', () => {
    expect(en.price('BINANCE:BTCUSDT', 97123.456)).toBe('97,123.46');
    expect(en.price('AAPL', 189.4)).toBe('189.40');
    expect(en.price('OANDA:EUR_USD', 1.08421)).toBe('1.08421');
    expect(en.price('OANDA:USD_JPY', 151.2345)).toBe('151.235');
    expect(en.price('BINANCE:SHIBUSDT', 0.0000123456)).toBe('0.00001235');
  });

  it('follows the locale', () => {
    const de = createQuoteFormatter('de-DE');
    expect(de.price('BINANCE:BTCUSDT', 97123.456)).toBe('97.123,46');
    expect(de.percent(0.64)).toBe('+0,64\u00a0%');
  });

  it('signs changes and percentages, and leaves zero unsigned', () => {
    expect(en.change('AAPL', 1.2, 189.4)).toBe('+1.20');
    expect(en.change('AAPL', -1.2, 189.4)).toBe('\u22121.20');
    expect(en.change('AAPL', 0, 189.4)).toBe('0.00');
    expect(en.percent(0.644)).toBe('+0.64%');
    expect(en.percent(-12.5)).toBe('\u221212.50%');
    expect(en.percent(0)).toBe('0.00%');
  });

  it('keeps small changes of sub-unit crypto visible', () => {
    expect(en.change('BINANCE:DOGEUSDT', 0.00123, 0.08123)).toBe('+0.00123');
  });

  it('shows a dash for missing or non-finite values', () => {
    expect(en.price('AAPL', null)).toBe(MISSING_VALUE);
    expect(en.price('AAPL', Number.NaN)).toBe(MISSING_VALUE);
    expect(en.change('AAPL', null, 1)).toBe(MISSING_VALUE);
    expect(en.percent(Number.POSITIVE_INFINITY)).toBe(MISSING_VALUE);
  });

  it('falls back to en-US for a locale Intl refuses', () => {
    expect(resolveLocale('not a locale!!')).toBe('en-US');
    expect(resolveLocale(undefined)).toBe('en-US');
    expect(createQuoteFormatter('%%%').price('AAPL', 1234.5)).toBe('1,234.50');
  });
});
