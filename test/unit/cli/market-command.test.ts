import { describe, expect, it } from 'vitest';
import { marketLines, parseInstant, parseMarketArgs } from '../../../src/cli/market-command';

describe('parseMarketArgs', () => {
  it('reads symbols (normalised, de-duplicated) and an optional instant', () => {
    expect(parseMarketArgs(['--symbols', 'aapl, BINANCE:BTCUSDT,AAPL', '--at', '2026-11-27T18:30:00Z'])).toEqual({
      kind: 'run',
      args: { symbols: ['AAPL', 'BINANCE:BTCUSDT'], at: Date.UTC(2026, 10, 27, 18, 30), json: false },
    });
    expect(parseMarketArgs(['--symbols=OANDA:EUR_USD'])).toEqual({
      kind: 'run',
      args: { symbols: ['OANDA:EUR_USD'], at: null, json: false },
    });
    expect(parseMarketArgs(['--symbols', 'AAPL', '--at=2026-11-27T13:30:00-05:00'])).toMatchObject({
      kind: 'run',
      args: { at: Date.UTC(2026, 10, 27, 18, 30) },
    });
  });

  it('gives a reason for every malformed argument', () => {
    const reason = (argv: string[]) => {
      const result = parseMarketArgs(argv);
      return result.kind === 'error' ? result.reason : null;
    };
    expect(reason([])).toMatch(/--symbols is required/);
    expect(reason(['--symbols', ' , '])).toMatch(/--symbols is empty/);
    expect(reason(['--symbols', 'AAPL,BAD SYMBOL'])).toMatch(/invalid symbol "BAD SYMBOL"/);
    expect(reason(['--symbols', 'AAPL', '--at', 'tomorrow'])).toMatch(/--at must be an ISO 8601 time/);
    expect(reason(['--symbols', 'AAPL', '--at'])).toMatch(/--at needs a value/);
    expect(reason(['--symbols', 'AAPL', '--symbols', 'MSFT'])).toMatch(/given twice/);
    expect(reason(['--symbols', 'AAPL', '--verbose'])).toMatch(/unknown option "--verbose"/);
  });
});

describe('parseInstant', () => {
  it('accepts ISO instants with a zone and refuses guesses and impossible dates', () => {
    expect(parseInstant('2026-11-27T18:30:00.000Z')).toBe(Date.UTC(2026, 10, 27, 18, 30));
    expect(parseInstant('2026-11-27T18:30Z')).toBe(Date.UTC(2026, 10, 27, 18, 30));
    expect(parseInstant('2026-11-27T18:30:00')).toBeNull(); // no zone: local time would be a guess
    expect(parseInstant('2026-02-30T10:00:00Z')).toBeNull();
    expect(parseInstant('2026-11-27T25:00:00Z')).toBeNull();
    expect(parseInstant('1764268200000')).toBeNull();
  });
});

describe('marketLines', () => {
  it('answers market, session and next change per symbol, in order', () => {
    expect(marketLines(['AAPL', 'BINANCE:BTCUSDT', 'OANDA:EUR_USD', 'VOD.L'], Date.UTC(2026, 10, 27, 18, 30))).toEqual([
      {
        symbol: 'AAPL',
        market: 'us-equity',
        session: 'post',
        next: { session: 'closed', at: '2026-11-27T22:00:00.000Z' },
      },
      { symbol: 'BINANCE:BTCUSDT', market: 'crypto', session: 'regular', next: null },
      {
        symbol: 'OANDA:EUR_USD',
        market: 'forex',
        session: 'regular',
        next: { session: 'closed', at: '2026-11-27T22:00:00.000Z' },
      },
      { symbol: 'VOD.L', market: 'unknown', session: 'regular', next: null },
    ]);
  });
});
