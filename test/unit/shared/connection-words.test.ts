import { describe, expect, it } from 'vitest';
import {
  describeState,
  secondsUntilRetry,
  statusCountsDown,
  statusInWords,
} from '../../../src/shared/connection-words';
import { CONNECTION_STATES, type FeedStatus } from '../../../src/shared/types';

const since = 1_000_000;
const status = (extra: Partial<FeedStatus>): FeedStatus => ({ state: 'live', since, ...extra });

describe('statusInWords', () => {
  it('has a few words for every state', () => {
    for (const state of CONNECTION_STATES) expect(statusInWords(status({ state }))).toMatch(/\w/);
    expect(statusInWords(status({ state: 'unauthorized' }))).toBe('Key refused');
    expect(statusInWords({ state: 'nonsense', since } as unknown as FeedStatus)).toBe('Unknown');
  });

  it('counts down to the retry while one is scheduled, for the states that retry', () => {
    const reconnecting = status({ state: 'reconnecting', retryInMs: 4_200, attempt: 2 });
    expect(statusInWords(reconnecting)).toBe('Reconnecting in 5 s');
    expect(statusInWords(reconnecting, since + 1_500)).toBe('Reconnecting in 3 s');
    expect(statusInWords(reconnecting, since + 4_200)).toBe('Reconnecting…');
    expect(statusInWords(status({ state: 'rate-limited', retryInMs: 30_000 }))).toBe('Rate limited — retry in 30 s');
    expect(statusInWords(status({ state: 'offline', retryInMs: 1_000 }))).toBe('Offline — retry in 1 s');
    expect(statusInWords(status({ state: 'live', retryInMs: 4_200 }))).toBe('Live');
    expect(statusInWords(status({ state: 'reconnecting', retryInMs: Number.NaN }))).toBe('Reconnecting…');
  });

  it('says when the words count down, so they are redrawn every second', () => {
    const offline = status({ state: 'offline', retryInMs: 2_000 });
    expect(statusCountsDown(offline, since)).toBe(true);
    expect(statusCountsDown(offline, since + 2_000)).toBe(false);
    expect(statusCountsDown(status({ state: 'paused', retryInMs: 2_000 }), since)).toBe(false);
  });
});

describe('secondsUntilRetry', () => {
  it('rounds up and never goes negative', () => {
    expect(secondsUntilRetry(status({ retryInMs: 2500 }), since)).toBe(3);
    expect(secondsUntilRetry(status({ retryInMs: 2500 }), since + 9000)).toBe(0);
    expect(secondsUntilRetry(status({}), since)).toBeNull();
  });
});

describe('describeState', () => {
  it('has a sentence for every state', () => {
    for (const state of CONNECTION_STATES) expect(describeState(state)).toMatch(/\w/);
    expect(describeState('unauthorized')).toContain('key');
  });
});
