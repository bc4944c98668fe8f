import { describe, expect, it } from 'vitest';
import { marketTerminalLines } from '../../../src/cli/market-command';
import { feedTerminalLine, isoTime, localIsoTime, wantsJson } from '../../../src/cli/output';

const AT = Date.UTC(2026, 10, 27, 18, 30, 5, 123);

describe('how the commands print', () => {
  it('prints NDJSON unless stdout is a terminal and --json was not given', () => {
    expect(wantsJson(false, true)).toBe(false);
    expect(wantsJson(true, true)).toBe(true);
    expect(wantsJson(false, false)).toBe(true);
    expect(wantsJson(false, undefined)).toBe(true);
  });

  it('writes times as ISO 8601 with a zone: UTC in JSON, local with its offset on a terminal', () => {
    expect(isoTime(AT)).toBe('2026-11-27T18:30:05.123Z');
    expect(localIsoTime(AT, -300)).toBe('2026-11-27T13:30:05-05:00');
    expect(localIsoTime(AT, 330)).toBe('2026-11-28T00:00:05+05:30');
    expect(localIsoTime(AT, 0)).toBe('2026-11-27T18:30:05+00:00');
  });

  it('aligns feed events in columns on a terminal', () => {
    const iso = isoTime(AT);
    const lines = [
      feedTerminalLine(
        {
          event: 'quote',
          symbol: 'AAPL',
          price: 189.41,
          session: 'regular',
          change: 1.21,
          changePct: 0.64,
          volume: 1,
          time: iso,
        },
        0,
        -300,
      ),
      feedTerminalLine(
        {
          event: 'quote',
          symbol: 'OANDA:EUR_USD',
          price: 1.08345,
          session: 'regular',
          change: -0.0021,
          changePct: -0.19,
          volume: 0,
          time: iso,
        },
        0,
        -300,
      ),
      feedTerminalLine(
        { event: 'alert', rule: 'AAPL>=200', symbol: 'AAPL', price: 200.12, changePct: 1.23, time: iso },
        0,
        -300,
      ),
    ];
    expect(lines).toEqual([
      '2026-11-27T13:30:05-05:00  quote      AAPL                    189.41     +1.21   +0.64%  regular',
      '2026-11-27T13:30:05-05:00  quote      OANDA:EUR_USD          1.08345   -0.0021   -0.19%  regular',
      '2026-11-27T13:30:05-05:00  alert      AAPL>=200               200.12             +1.23%',
    ]);
  });

  it('stamps events without a time of their own with the time of printing, and says what they mean', () => {
    expect(
      feedTerminalLine(
        { event: 'status', state: 'offline', attempt: 2, retryInMs: 1500, message: 'no network' },
        AT,
        0,
      ),
    ).toBe('2026-11-27T18:30:05+00:00  status     offline  attempt 2  retry in 1.5 s  no network');
    expect(
      feedTerminalLine(
        { event: 'summary', connections: 1, reconnects: 0, trades: 5230, dropped: 0, live: false },
        AT,
        0,
      ),
    ).toBe('2026-11-27T18:30:05+00:00  summary    1 connection, 0 reconnects, 5230 trades, 0 dropped, never live');
    const portfolio = {
      event: 'portfolio',
      value: 872,
      dayChange: 6.4,
      dayChangePct: 0.7394,
      gain: 104,
      gainPct: 13.5417,
      currency: 'EUR',
      missingRates: [],
      missingPrices: [],
    };
    expect(feedTerminalLine(portfolio, AT, 0)).toBe(
      '2026-11-27T18:30:05+00:00  portfolio  872.00 EUR  today +6.40 (+0.74%)  gain +104.00 (+13.54%)',
    );
    expect(feedTerminalLine({ ...portfolio, value: null, missingRates: ['OANDA:EUR_USD'] }, AT, 0)).toBe(
      '2026-11-27T18:30:05+00:00  portfolio  waiting for OANDA:EUR_USD',
    );
    // Exact money from the portfolio line, digit for digit, never in e+ notation.
    const exact = (JSON as unknown as { rawJSON(text: string): { rawJSON: string } }).rawJSON;
    expect(
      feedTerminalLine(
        { ...portfolio, value: exact('100000000000000000000000'), gain: exact('-99999999999999.99') },
        AT,
        0,
      ),
    ).toBe(
      '2026-11-27T18:30:05+00:00  portfolio  100000000000000000000000.00 EUR  today +6.40 (+0.74%)  gain -99999999999999.99 (+13.54%)',
    );
  });

  it('gives company details and headlines a line each', () => {
    expect(
      feedTerminalLine(
        {
          event: 'details',
          symbol: 'AAPL',
          name: 'Apple Inc',
          exchange: 'NASDAQ',
          currency: 'USD',
          open: 188,
          high: 190.1,
          low: null,
          prevClose: 188.2,
          week52High: 237.49,
          week52Low: 164.08,
          earnings: { date: '2026-12-10', hour: 'amc' },
        },
        AT,
        0,
      ),
    ).toBe(
      '2026-11-27T18:30:05+00:00  details    AAPL              Apple Inc  NASDAQ  USD  open 188 high 190.1 low ? prev 188.2  52w 164.08–237.49  earnings 2026-12-10 amc',
    );
    expect(
      feedTerminalLine(
        {
          event: 'headline',
          symbol: 'AAPL',
          id: 1,
          headline: 'Apple ships a thing',
          source: 'Reuters',
          url: 'https://example.com/a',
          time: '2026-12-07T14:00:00Z',
        },
        AT,
        -300,
      ),
    ).toBe(
      '2026-12-07T09:00:00-05:00  headline   AAPL              Apple ships a thing (Reuters)  https://example.com/a',
    );
  });

  it('aligns market lines and gives the next change in local time with its offset', () => {
    expect(
      marketTerminalLines(
        [
          {
            symbol: 'AAPL',
            market: 'us-equity',
            session: 'post',
            next: { session: 'closed', at: '2026-11-27T22:00:00.000Z' },
          },
          { symbol: 'BINANCE:BTCUSDT', market: 'crypto', session: 'regular', next: null },
        ],
        () => -300,
      ),
    ).toEqual([
      'AAPL             us-equity  post     next: closed at 2026-11-27T17:00:00-05:00',
      'BINANCE:BTCUSDT  crypto     regular  never closes',
    ]);
  });
});
