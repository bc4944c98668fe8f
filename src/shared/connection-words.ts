/**
 * The connection state in words, for every place that shows it: the tray's status item and tooltip,
 * the strip's badge and the settings window. A few words (with the retry countdown when one is
 * scheduled) where space is short, a sentence where there is room.
 */
import type { ConnectionState, FeedStatus } from './types';

interface StateWords {
  /** A few words: the tray, the strip's badge. */
  short: string;
  /** The few words while a retry is scheduled, `seconds` from now. */
  retrying?: (seconds: number) => string;
  /** A sentence: the settings window. */
  sentence: string;
}

const WORDS: Record<ConnectionState, StateWords> = {
  connecting: { short: 'Connecting…', sentence: 'Connecting to Finnhub' },
  live: { short: 'Live', sentence: 'Live — streaming trades' },
  reconnecting: {
    short: 'Reconnecting…',
    retrying: (seconds) => `Reconnecting in ${seconds} s`,
    sentence: 'Connection lost — reconnecting',
  },
  'rate-limited': {
    short: 'Rate limited',
    retrying: (seconds) => `Rate limited — retry in ${seconds} s`,
    sentence: 'Rate limited by Finnhub — waiting before retrying',
  },
  unauthorized: { short: 'Key refused', sentence: 'The API key was refused — check or replace it' },
  offline: {
    short: 'Offline',
    retrying: (seconds) => `Offline — retry in ${seconds} s`,
    sentence: 'Offline — no network connection',
  },
  paused: { short: 'Paused', sentence: 'Paused' },
  stopped: { short: 'Stopped', sentence: 'Stopped' },
  demo: { short: 'Demo prices (no API key)', sentence: 'Demo feed — simulated prices, no key needed' },
};

/** Whole seconds left until the scheduled retry at `now` (0 once due), or null when none is scheduled. */
export function secondsUntilRetry(status: FeedStatus, now: number): number | null {
  if (status.retryInMs == null || !Number.isFinite(status.retryInMs) || !Number.isFinite(status.since)) return null;
  const left = status.since + status.retryInMs - now;
  return left > 0 ? Math.ceil(left / 1000) : 0;
}

/**
 * The state in a few words, counting down to the next retry when one is scheduled. `now` defaults to
 * when the status was reported (for text that is not redrawn every second, like the tray's).
 */
export function statusInWords(status: FeedStatus, now: number = status.since): string {
  const words = WORDS[status.state];
  if (!words) return 'Unknown';
  const seconds = secondsUntilRetry(status, now);
  return words.retrying && seconds ? words.retrying(seconds) : words.short;
}

/** Whether statusInWords counts down at `now`, so it must be redrawn every second. */
export function statusCountsDown(status: FeedStatus, now: number): boolean {
  return WORDS[status.state]?.retrying !== undefined && (secondsUntilRetry(status, now) ?? 0) > 0;
}

/** The state as a sentence, for the settings window. */
export function describeState(state: ConnectionState): string {
  return WORDS[state]?.sentence ?? String(state);
}
