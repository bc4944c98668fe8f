import { describe, expect, it } from 'vitest';
import { MarketCalendar } from '../../../src/shared/market-calendar/market-calendar';
import { formatCountdown, MarketHoursText } from '../../../src/shared/market-calendar/market-hours-text';

const at = (iso: string) => Date.parse(iso);

describe('formatCountdown', () => {
  it('shows the two largest units, rounded down', () => {
    expect(formatCountdown((2 * 24 + 14) * 3_600_000 + 59 * 60_000)).toBe('2 d 14 h');
    expect(formatCountdown(3 * 86_400_000)).toBe('3 d');
    expect(formatCountdown(2 * 3_600_000 + 5 * 60_000 + 30_000)).toBe('2 h 5 min');
    expect(formatCountdown(3_600_000)).toBe('1 h');
    expect(formatCountdown(12 * 60_000)).toBe('12 min');
    expect(formatCountdown(59_000)).toBe('under a minute');
    expect(formatCountdown(-5)).toBe('under a minute');
  });
});

describe('MarketHoursText', () => {
  const text = new MarketHoursText(new MarketCalendar());

  it('says when the US market opens next, across a weekend', () => {
    // Friday 2026-11-27 19:00 New York (after the early close): Monday 09:30 is 2 d 14 h 30 min away.
    expect(text.line('us-equity', at('2026-11-28T00:00:00Z'))).toBe('US market opens Monday 09:30 ET (in 2 d 14 h)');
  });

  it('says when it closes while open, early closes included', () => {
    expect(text.line('us-equity', at('2026-11-27T15:00:00Z'))).toBe('US market closes 13:00 ET (in 3 h)');
    expect(text.line('us-equity', at('2026-11-24T18:55:00Z'))).toBe('US market closes 16:00 ET (in 2 h 5 min)');
  });

  it('names today and tomorrow, and skips holidays', () => {
    expect(text.line('us-equity', at('2026-11-24T12:00:00Z'))).toBe('US market opens 09:30 ET (in 2 h 30 min)'); // pre-dawn Tuesday
    expect(text.line('us-equity', at('2026-11-24T22:00:00Z'))).toBe(
      'US market opens tomorrow 09:30 ET (in 16 h 30 min)',
    );
    expect(text.line('us-equity', at('2026-11-25T22:00:00Z'))).toBe('US market opens Friday 09:30 ET (in 1 d 16 h)'); // Thanksgiving between
  });

  it('gives forex its own line, and one line per watched market with hours', () => {
    expect(text.line('forex', at('2026-11-28T12:00:00Z'))).toBe('Forex market opens tomorrow 17:00 ET (in 1 d 10 h)');
    expect(text.lines(['BINANCE:BTCUSDT'], at('2026-11-28T12:00:00Z'))).toEqual([]);
    expect(text.lines(['OANDA:EUR_USD', 'AAPL', 'MSFT'], at('2026-11-28T12:00:00Z'))).toEqual([
      'US market opens Monday 09:30 ET (in 2 d 2 h)',
      'Forex market opens tomorrow 17:00 ET (in 1 d 10 h)',
    ]);
  });
});
