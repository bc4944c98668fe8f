import { describe, it, expect } from 'vitest';
import { formatRelativeTime } from '../../../src/renderer/relative-time';

describe('formatRelativeTime', () => {
  const now = 1_700_000_000_000;
  it('words recent, minute-old and hour-old times', () => {
    expect(formatRelativeTime(now - 1000, now, 'en-US')).toBe('now');
    expect(formatRelativeTime(now - 12_000, now, 'en-US')).toBe('12 seconds ago');
    expect(formatRelativeTime(now - 61_000, now, 'en-US')).toBe('1 minute ago');
    expect(formatRelativeTime(now - 2 * 3_600_000, now, 'en-US')).toBe('2 hours ago');
  });

  it('says never without a time', () => {
    expect(formatRelativeTime(null, now, 'en-US')).toBe('never');
    expect(formatRelativeTime(Number.NaN, now, 'en-US', 'no data')).toBe('no data');
  });
});
