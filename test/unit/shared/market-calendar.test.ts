import { describe, expect, it, vi } from 'vitest';
import { MarketCalendar } from '../../../src/shared/market-calendar/market-calendar';
import { marketOf } from '../../../src/shared/market-calendar/market-of';
import { NewYorkClock, dayNumber } from '../../../src/shared/market-calendar/new-york-clock';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

/** session and next change as the command prints them. */
function describeAt(calendar: MarketCalendar, symbol: string, when: string) {
  const span = calendar.sessionAt(symbol, at(when));
  return {
    session: span.session,
    next: span.next === null ? null : { session: span.next.session, at: iso(span.next.at) },
  };
}

describe('marketOf', () => {
  it('maps Finnhub symbols to their markets', () => {
    expect(marketOf('AAPL')).toBe('us-equity');
    expect(marketOf('BRK.B')).toBe('us-equity');
    expect(marketOf('BINANCE:BTCUSDT')).toBe('crypto');
    expect(marketOf('COINBASE:BTC-USD')).toBe('crypto');
    expect(marketOf('OANDA:EUR_USD')).toBe('forex');
    expect(marketOf('FXCM:EUR/USD')).toBe('forex');
    expect(marketOf('VOD.L')).toBe('unknown');
    expect(marketOf('SAP.DE')).toBe('unknown');
    expect(marketOf('NASDAQ:XYZ')).toBe('unknown');
  });
});

describe('US equity sessions', () => {
  const calendar = new MarketCalendar();

  it('walks a winter trading day (EST, UTC-5)', () => {
    // Wednesday 2026-01-14.
    expect(describeAt(calendar, 'AAPL', '2026-01-14T08:59:59Z')).toEqual({
      session: 'closed',
      next: { session: 'pre', at: '2026-01-14T09:00:00.000Z' },
    });
    expect(describeAt(calendar, 'AAPL', '2026-01-14T09:00:00Z')).toEqual({
      session: 'pre',
      next: { session: 'regular', at: '2026-01-14T14:30:00.000Z' },
    });
    expect(describeAt(calendar, 'AAPL', '2026-01-14T14:30:00Z')).toEqual({
      session: 'regular',
      next: { session: 'post', at: '2026-01-14T21:00:00.000Z' },
    });
    expect(describeAt(calendar, 'AAPL', '2026-01-14T20:59:59Z').session).toBe('regular');
    expect(describeAt(calendar, 'AAPL', '2026-01-14T21:00:00Z')).toEqual({
      session: 'post',
      next: { session: 'closed', at: '2026-01-15T01:00:00.000Z' },
    });
    expect(describeAt(calendar, 'AAPL', '2026-01-15T01:00:00Z')).toEqual({
      session: 'closed',
      next: { session: 'pre', at: '2026-01-15T09:00:00.000Z' },
    });
  });

  it('walks a summer trading day (EDT, UTC-4)', () => {
    expect(describeAt(calendar, 'MSFT', '2026-07-15T08:00:00Z')).toEqual({
      session: 'pre',
      next: { session: 'regular', at: '2026-07-15T13:30:00.000Z' },
    });
    expect(describeAt(calendar, 'MSFT', '2026-07-15T13:30:00Z')).toEqual({
      session: 'regular',
      next: { session: 'post', at: '2026-07-15T20:00:00.000Z' },
    });
    expect(describeAt(calendar, 'MSFT', '2026-07-16T00:00:00Z')).toEqual({
      session: 'closed',
      next: { session: 'pre', at: '2026-07-16T08:00:00.000Z' },
    });
  });

  it('follows the spring change: closed Friday evening EST, pre-market Monday EDT', () => {
    // 2026-03-08 (Sunday) clocks go forward at 02:00.
    expect(describeAt(calendar, 'AAPL', '2026-03-07T12:00:00Z')).toEqual({
      session: 'closed',
      next: { session: 'pre', at: '2026-03-09T08:00:00.000Z' },
    });
    expect(calendar.sessionAt('AAPL', at('2026-03-07T12:00:00Z')).start).toBe(at('2026-03-07T01:00:00Z')); // Fri 20:00 EST
    expect(describeAt(calendar, 'AAPL', '2026-03-09T13:30:00Z').session).toBe('regular');
    expect(describeAt(calendar, 'AAPL', '2026-03-09T13:29:59Z').session).toBe('pre');
  });

  it('follows the autumn change: closed Friday evening EDT, pre-market Monday EST', () => {
    // 2026-11-01 (Sunday) clocks go back at 02:00.
    expect(describeAt(calendar, 'AAPL', '2026-10-31T12:00:00Z')).toEqual({
      session: 'closed',
      next: { session: 'pre', at: '2026-11-02T09:00:00.000Z' },
    });
    expect(calendar.sessionAt('AAPL', at('2026-10-31T12:00:00Z')).start).toBe(at('2026-10-31T00:00:00Z')); // Fri 20:00 EDT
    expect(describeAt(calendar, 'AAPL', '2026-11-02T14:30:00Z').session).toBe('regular');
    expect(describeAt(calendar, 'AAPL', '2026-11-02T14:29:59Z').session).toBe('pre');
  });

  it('closes early the day after Thanksgiving and on Christmas Eve', () => {
    expect(describeAt(calendar, 'AAPL', '2026-11-27T17:59:59Z')).toEqual({
      session: 'regular',
      next: { session: 'post', at: '2026-11-27T18:00:00.000Z' },
    });
    expect(describeAt(calendar, 'AAPL', '2026-11-27T18:30:00Z')).toEqual({
      session: 'post',
      next: { session: 'closed', at: '2026-11-27T22:00:00.000Z' },
    });
    expect(describeAt(calendar, 'AAPL', '2026-11-27T22:00:00Z')).toEqual({
      session: 'closed',
      next: { session: 'pre', at: '2026-11-30T09:00:00.000Z' },
    });
    expect(describeAt(calendar, 'AAPL', '2026-12-24T18:00:00Z').session).toBe('post');
    expect(describeAt(calendar, 'AAPL', '2024-07-03T16:59:00Z').session).toBe('regular'); // 12:59 EDT
    expect(describeAt(calendar, 'AAPL', '2024-07-03T17:00:00Z').session).toBe('post');
  });

  it('stays closed through holidays, observed holidays included', () => {
    // Thanksgiving 2026: closed from Wednesday 20:00 to Friday 04:00.
    expect(describeAt(calendar, 'AAPL', '2026-11-26T15:00:00Z')).toEqual({
      session: 'closed',
      next: { session: 'pre', at: '2026-11-27T09:00:00.000Z' },
    });
    expect(calendar.sessionAt('AAPL', at('2026-11-26T15:00:00Z')).start).toBe(at('2026-11-26T01:00:00Z'));
    // Independence Day 2026 falls on a Saturday: observed Friday July 3, so closed Thursday 20:00 to Monday 04:00.
    expect(describeAt(calendar, 'AAPL', '2026-07-03T14:00:00Z')).toEqual({
      session: 'closed',
      next: { session: 'pre', at: '2026-07-06T08:00:00.000Z' },
    });
    // Christmas 2027 falls on a Saturday: observed Friday December 24.
    expect(describeAt(calendar, 'AAPL', '2027-12-24T15:00:00Z').session).toBe('closed');
    // Good Friday 2026 and the long weekend.
    expect(describeAt(calendar, 'AAPL', '2026-04-03T15:00:00Z')).toEqual({
      session: 'closed',
      next: { session: 'pre', at: '2026-04-06T08:00:00.000Z' },
    });
    // New Year's Day 2028 (a Saturday) is not observed: Friday 2027-12-31 trades a full day.
    expect(describeAt(calendar, 'AAPL', '2027-12-31T20:59:00Z').session).toBe('regular');
  });

  it('names the next regular open across weekends and holidays', () => {
    expect(iso(calendar.nextRegularOpen('us-equity', at('2026-11-25T23:00:00Z'))!)).toBe('2026-11-27T14:30:00.000Z');
    expect(iso(calendar.nextRegularOpen('us-equity', at('2026-11-27T15:00:00Z'))!)).toBe('2026-11-30T14:30:00.000Z');
    expect(calendar.nextRegularOpen('crypto', at('2026-11-27T15:00:00Z'))).toBeNull();
  });

  it('counts closed time towards the last trading day', () => {
    expect(calendar.tradingDay('us-equity', at('2026-11-28T15:00:00Z'))).toBe('2026-11-27'); // Saturday
    expect(calendar.tradingDay('us-equity', at('2026-11-30T08:59:00Z'))).toBe('2026-11-27'); // Monday 03:59
    expect(calendar.tradingDay('us-equity', at('2026-11-30T09:00:00Z'))).toBe('2026-11-30'); // Monday 04:00
    expect(calendar.tradingDay('us-equity', at('2026-11-26T18:00:00Z'))).toBe('2026-11-25'); // Thanksgiving
    expect(calendar.tradingDay('us-equity', at('2026-11-27T03:00:00Z'))).toBe('2026-11-25'); // Wed 22:00
    expect(calendar.tradingDay('crypto', at('2026-11-28T23:59:59Z'))).toBe('2026-11-28');
  });

  it('rolls the forex day at 17:00 New York, and counts the weekend towards Friday', () => {
    const day = (iso: string): string => calendar.tradingDay('forex', at(iso));
    expect(day('2026-11-24T21:59:59Z')).toBe('2026-11-24'); // Tuesday 16:59:59 (EST)
    expect(day('2026-11-24T22:00:00Z')).toBe('2026-11-25'); // Tuesday 17:00: Wednesday's session
    expect(day('2026-11-25T04:00:00Z')).toBe('2026-11-25'); // past UTC midnight, still Wednesday's
    expect(day('2026-11-27T22:00:00Z')).toBe('2026-11-27'); // Friday 17:00: closed, Friday's
    expect(day('2026-11-28T23:00:00Z')).toBe('2026-11-27'); // Saturday evening
    expect(day('2026-11-29T21:59:00Z')).toBe('2026-11-27'); // Sunday 16:59
    expect(day('2026-11-29T22:00:00Z')).toBe('2026-11-30'); // Sunday 17:00: Monday's session opens
    // Summer time: the roll is 17:00 EDT (21:00 UTC); answers stay right when times jump around.
    expect(day('2026-07-14T20:59:00Z')).toBe('2026-07-14');
    expect(day('2026-07-14T21:00:00Z')).toBe('2026-07-15');
    expect(day('2026-11-24T21:59:59Z')).toBe('2026-11-24');
    expect(day('2026-03-08T21:00:00Z')).toBe('2026-03-09'); // Sunday 17:00 EDT, the day clocks changed
  });

  it('answers correctly when instants jump back and forth across its cache', () => {
    const fresh = new MarketCalendar();
    const friday = describeAt(fresh, 'AAPL', '2026-11-27T18:30:00Z');
    const winter = describeAt(fresh, 'AAPL', '2026-01-14T14:30:00Z');
    expect(describeAt(fresh, 'AAPL', '2026-11-27T18:30:00Z')).toEqual(friday);
    expect(describeAt(fresh, 'AAPL', '2026-01-14T14:30:00Z')).toEqual(winter);
    expect(fresh.tradingDay('us-equity', at('2026-01-14T14:30:00Z'))).toBe('2026-01-14');
    expect(fresh.tradingDay('us-equity', at('2026-11-28T14:30:00Z'))).toBe('2026-11-27');
  });

  it('returns the same span object within a session (no work per call)', () => {
    const fresh = new MarketCalendar();
    expect(fresh.sessionAt('AAPL', at('2026-01-14T15:00:00Z'))).toBe(
      fresh.sessionAt('MSFT', at('2026-01-14T20:00:00Z')),
    );
  });

  it('refuses a non-finite time', () => {
    expect(() => calendar.sessionAt('AAPL', Number.NaN)).toThrow(RangeError);
    expect(() => calendar.tradingDay('crypto', Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('forex sessions', () => {
  const calendar = new MarketCalendar();

  it('opens Sunday 17:00 and closes Friday 17:00 New York, in winter', () => {
    expect(describeAt(calendar, 'OANDA:EUR_USD', '2026-01-18T21:59:59Z')).toEqual({
      session: 'closed',
      next: { session: 'regular', at: '2026-01-18T22:00:00.000Z' },
    });
    expect(describeAt(calendar, 'OANDA:EUR_USD', '2026-01-18T22:00:00Z')).toEqual({
      session: 'regular',
      next: { session: 'closed', at: '2026-01-23T22:00:00.000Z' },
    });
    expect(describeAt(calendar, 'OANDA:EUR_USD', '2026-01-23T21:59:59Z').session).toBe('regular');
    expect(describeAt(calendar, 'OANDA:EUR_USD', '2026-01-23T22:00:00Z')).toEqual({
      session: 'closed',
      next: { session: 'regular', at: '2026-01-25T22:00:00.000Z' },
    });
    expect(describeAt(calendar, 'OANDA:EUR_USD', '2026-01-24T12:00:00Z').session).toBe('closed'); // Saturday
  });

  it('opens and closes at 17:00 New York in summer time and across the changes', () => {
    expect(describeAt(calendar, 'OANDA:EUR_USD', '2026-07-17T20:59:59Z').session).toBe('regular');
    expect(describeAt(calendar, 'OANDA:EUR_USD', '2026-07-17T21:00:00Z').session).toBe('closed');
    // Spring: closes Friday 17:00 EST (22:00Z), reopens Sunday 17:00 EDT (21:00Z) on the day of the change.
    expect(describeAt(calendar, 'OANDA:EUR_USD', '2026-03-07T12:00:00Z')).toEqual({
      session: 'closed',
      next: { session: 'regular', at: '2026-03-08T21:00:00.000Z' },
    });
    // Autumn: closes Friday 17:00 EDT (21:00Z), reopens Sunday 17:00 EST (22:00Z).
    expect(describeAt(calendar, 'OANDA:EUR_USD', '2026-10-31T12:00:00Z')).toEqual({
      session: 'closed',
      next: { session: 'regular', at: '2026-11-01T22:00:00.000Z' },
    });
    expect(calendar.sessionAt('OANDA:EUR_USD', at('2026-10-31T12:00:00Z')).start).toBe(at('2026-10-30T21:00:00Z'));
  });
});

describe('markets that never close', () => {
  it('keeps crypto and unknown venues regular with no next change', () => {
    const calendar = new MarketCalendar();
    expect(describeAt(calendar, 'BINANCE:BTCUSDT', '2026-11-26T12:00:00Z')).toEqual({ session: 'regular', next: null });
    expect(describeAt(calendar, 'VOD.L', '2026-11-28T12:00:00Z')).toEqual({ session: 'regular', next: null });
  });
});

describe('NewYorkClock', () => {
  it('reads the wall clock and converts back, both sides of both changes', () => {
    const clock = new NewYorkClock();
    expect(clock.at(at('2026-03-08T06:59:59Z'))).toEqual({ day: dayNumber(2026, 3, 8), weekday: 0, minutes: 119 });
    expect(clock.at(at('2026-03-08T07:00:00Z'))).toEqual({ day: dayNumber(2026, 3, 8), weekday: 0, minutes: 180 });
    expect(clock.at(at('2026-11-01T05:59:00Z')).minutes).toBe(119); // 01:59 EDT
    expect(clock.at(at('2026-11-01T06:00:00Z')).minutes).toBe(60); // 01:00 EST again
    expect(iso(clock.instantOf(dayNumber(2026, 3, 8), 3 * 60))).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(clock.instantOf(dayNumber(2026, 3, 8), 150))).toBe('2026-03-08T07:30:00.000Z'); // 02:30 does not exist
    expect(iso(clock.instantOf(dayNumber(2026, 11, 1), 90))).toBe('2026-11-01T05:30:00.000Z'); // the first 01:30
    expect(iso(clock.instantOf(dayNumber(2026, 11, 1), 180))).toBe('2026-11-01T08:00:00.000Z');
  });
});

describe('MarketCalendar cost', () => {
  it('creates its Intl formatter once, however many instants it is asked about', () => {
    const created: unknown[] = [];
    const Original = Intl.DateTimeFormat;
    const spy = vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(function (
      this: unknown,
      ...args: ConstructorParameters<typeof Intl.DateTimeFormat>
    ) {
      created.push(args);
      return new Original(...args);
    } as unknown as typeof Intl.DateTimeFormat);
    try {
      const calendar = new MarketCalendar();
      const start = at('2026-01-01T00:00:00Z');
      for (let minute = 0; minute < 60 * 24 * 30; minute += 7) {
        for (const symbol of ['AAPL', 'OANDA:EUR_USD', 'BINANCE:BTCUSDT'])
          calendar.sessionAt(symbol, start + minute * 60_000);
        calendar.tradingDay('us-equity', start + minute * 60_000);
      }
      expect(created).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('allClosed', () => {
  const calendar = new MarketCalendar();
  const saturday = at('2026-01-17T15:00:00Z');
  const wednesdayNoon = at('2026-01-14T17:00:00Z');

  it('holds when every watched market is out of every session', () => {
    expect(calendar.allClosed(['AAPL', 'MSFT'], saturday)).toBe(true);
    expect(calendar.allClosed(['AAPL', 'MSFT'], wednesdayNoon)).toBe(false);
  });

  it('never holds while a market that never closes is watched, or nothing is', () => {
    expect(calendar.allClosed(['AAPL', 'BINANCE:BTCUSDT'], saturday)).toBe(false);
    expect(calendar.allClosed([], saturday)).toBe(false);
  });
});
