import { describe, it, expect } from 'vitest';
import { statusBadge } from '../../../src/renderer/status-text';
import { statusInWords } from '../../../src/shared/connection-words';
import { CONNECTION_STATES, type FeedStatus } from '../../../src/shared/types';

const since = 1_000_000;
const status = (extra: Partial<FeedStatus>): FeedStatus => ({ state: 'live', since, ...extra });

describe('statusBadge', () => {
  it('shows nothing while live without a server message', () => {
    expect(statusBadge(status({}), since)).toBeNull();
  });

  it('shows the server message while live when there is one', () => {
    expect(statusBadge(status({ message: 'Subscribing to too many symbols' }), since)?.text).toBe(
      'Subscribing to too many symbols',
    );
  });

  it('reads Connecting… before any status is known', () => {
    expect(statusBadge(null, since)?.text).toBe('Connecting…');
  });

  it('labels demo clearly', () => {
    const badge = statusBadge(status({ state: 'demo' }), since);
    expect(badge).toMatchObject({ tone: 'demo', text: 'DEMO' });
  });

  it('counts down to the next reconnect', () => {
    const reconnecting = status({ state: 'reconnecting', retryInMs: 4000, attempt: 2 });
    expect(statusBadge(reconnecting, since)).toMatchObject({ text: 'Reconnecting in 4 s', countsDown: true });
    expect(statusBadge(reconnecting, since + 1500)?.text).toBe('Reconnecting in 3 s');
    expect(statusBadge(reconnecting, since + 4000)?.text).toBe('Reconnecting…');
    expect(statusBadge(status({ state: 'reconnecting' }), since)?.text).toBe('Reconnecting…');
  });

  it('makes a refused key clickable towards settings', () => {
    expect(statusBadge(status({ state: 'unauthorized', message: 'HTTP 401' }), since)).toMatchObject({
      tone: 'error',
      text: 'Key refused — open settings',
      detail: 'HTTP 401',
      opensSettings: true,
    });
  });

  it('names every other non-live state', () => {
    expect(statusBadge(status({ state: 'rate-limited' }), since)?.text).toBe('Rate limited');
    expect(statusBadge(status({ state: 'offline', message: 'ENOTFOUND' }), since)).toMatchObject({
      tone: 'error',
      text: 'Offline',
      detail: 'ENOTFOUND',
    });
    expect(statusBadge(status({ state: 'offline', retryInMs: 2000 }), since)).toMatchObject({
      text: 'Offline — retry in 2 s',
      countsDown: true,
    });
    expect(statusBadge(status({ state: 'paused' }), since)?.text).toBe('Paused');
    expect(statusBadge(status({ state: 'connecting' }), since)?.text).toBe('Connecting…');
    expect(statusBadge(status({ state: 'stopped' }), since)?.text).toBe('Stopped');
  });
});

describe('the badge and the tray', () => {
  it('say every state in the same words', () => {
    for (const state of CONNECTION_STATES) {
      const text = statusBadge(status({ state, retryInMs: 3000 }), since + 1000)?.text;
      if (state === 'live' || state === 'demo') continue;
      expect(text).toContain(statusInWords(status({ state, retryInMs: 3000 }), since + 1000));
    }
  });
});
