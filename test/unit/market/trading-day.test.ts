import { describe, expect, it } from 'vitest';
import { TradingDayCalendar } from '../../../src/main/market/trading-day';

describe('TradingDayCalendar', () => {
  it('uses the New York calendar day for stocks (EST, UTC-5)', () => {
    const calendar = new TradingDayCalendar();
    // 2024-01-16 04:59Z is 23:59 on the 15th in New York; 05:00Z is midnight of the 16th.
    expect(calendar.dayKey('AAPL', Date.UTC(2024, 0, 16, 4, 59, 59))).toBe('2024-01-15');
    expect(calendar.dayKey('AAPL', Date.UTC(2024, 0, 16, 5, 0, 0))).toBe('2024-01-16');
  });

  it('follows daylight saving time (EDT, UTC-4)', () => {
    const calendar = new TradingDayCalendar();
    expect(calendar.dayKey('MSFT', Date.UTC(2024, 6, 10, 3, 59, 59))).toBe('2024-07-09');
    expect(calendar.dayKey('MSFT', Date.UTC(2024, 6, 10, 4, 0, 0))).toBe('2024-07-10');
  });

  it('uses the UTC day for crypto and forex', () => {
    const calendar = new TradingDayCalendar();
    expect(calendar.dayKey('BINANCE:BTCUSDT', Date.UTC(2024, 0, 15, 23, 59, 59))).toBe('2024-01-15');
    expect(calendar.dayKey('BINANCE:BTCUSDT', Date.UTC(2024, 0, 16, 0, 0, 0))).toBe('2024-01-16');
    expect(calendar.dayKey('OANDA:EUR_USD', Date.UTC(2024, 0, 16, 3, 0, 0))).toBe('2024-01-16');
  });

  it('gives correct keys when times jump back and forth across its cache', () => {
    const calendar = new TradingDayCalendar();
    const late = Date.UTC(2024, 2, 1, 12);
    const early = Date.UTC(2023, 11, 31, 12);
    expect(calendar.dayKey('AAPL', late)).toBe('2024-03-01');
    expect(calendar.dayKey('AAPL', early)).toBe('2023-12-31');
    expect(calendar.dayKey('AAPL', late)).toBe('2024-03-01');
  });

  it('refuses a non-finite time', () => {
    expect(() => new TradingDayCalendar().dayKey('AAPL', Number.NaN)).toThrow(RangeError);
  });
});
