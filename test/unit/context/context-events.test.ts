import { describe, expect, it } from 'vitest';
import { parseFeedArgs } from '../../../src/cli/feed-args';
import { detailsEvent, headlineEvent } from '../../../src/engine/context/context-events';
import { emptyDetails } from '../../../src/shared/symbol-context';

describe('feed --details / --news lines', () => {
  it('a details line has every field, in order, unknown as null and never 0', () => {
    const details = { ...emptyDetails('MSFT'), name: 'Microsoft Corp', open: 0, high: Number.NaN, prevClose: 423.8 };
    const line = JSON.stringify(detailsEvent(details));
    expect(line).toBe(
      '{"event":"details","symbol":"MSFT","name":"Microsoft Corp","exchange":null,"currency":null,"open":null,' +
        '"high":null,"low":null,"prevClose":423.8,"week52High":null,"week52Low":null,"earnings":null}',
    );
  });

  it('a headline line carries the UTC time to the second', () => {
    const line = headlineEvent({
      id: 7,
      symbol: 'AAPL',
      headline: 'Apple news',
      source: 'Reuters',
      url: 'https://example.com/7',
      time: Date.UTC(2026, 11, 7, 14, 0, 0),
    });
    expect(JSON.stringify(line)).toBe(
      '{"event":"headline","symbol":"AAPL","id":7,"headline":"Apple news","source":"Reuters",' +
        '"url":"https://example.com/7","time":"2026-12-07T14:00:00Z"}',
    );
  });

  it('the flags parse, and need a key', () => {
    const parsed = parseFeedArgs(['--symbols', 'AAPL', '--details', '--news', '--token', 'abcdefghijklmnopqrst'], {});
    expect(parsed.kind === 'run' && parsed.args.details && parsed.args.news).toBe(true);
    const plain = parseFeedArgs(['--symbols', 'AAPL', '--token', 'abcdefghijklmnopqrst'], {});
    expect(plain.kind === 'run' && !plain.args.details && !plain.args.news).toBe(true);
    expect(parseFeedArgs(['--symbols', 'AAPL', '--details'], {})).toMatchObject({ kind: 'error' });
    expect(
      parseFeedArgs(['--symbols', 'AAPL', '--news', '--demo', '--token', 'abcdefghijklmnopqrst'], {}),
    ).toMatchObject({
      kind: 'error',
    });
    expect(parseFeedArgs(['--details=yes'], {})).toMatchObject({ kind: 'error', reason: '--details takes no value' });
  });
});
