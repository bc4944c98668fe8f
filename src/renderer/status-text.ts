/**
 * Pure wording of the feed status: the strip's badge and the settings panel's sentence.
 */
import type { ConnectionState, FeedStatus } from '../shared/types';

export type BadgeTone = 'demo' | 'info' | 'warning' | 'error';

export interface StatusBadge {
  tone: BadgeTone;
  text: string;
  /** The server's or network's own words, when given. */
  detail: string | null;
  /** Clicking the badge should open the settings window. */
  opensSettings: boolean;
  /** The text counts down and must be refreshed every second. */
  countsDown: boolean;
}

/** Whole seconds left until the scheduled retry, or null when none is scheduled. */
export function secondsUntilRetry(status: FeedStatus, now: number): number | null {
  if (status.retryInMs == null || !Number.isFinite(status.retryInMs) || !Number.isFinite(status.since)) return null;
  const left = status.since + status.retryInMs - now;
  return left > 0 ? Math.ceil(left / 1000) : 0;
}

function cleanDetail(message: string | undefined): string | null {
  if (typeof message !== 'string') return null;
  const trimmed = message.trim();
  return trimmed.length > 0 ? trimmed.slice(0, 200) : null;
}

/**
 * The badge for a status, or null when the feed is live with nothing to say. A null status (not
 * known yet) reads "Connecting…".
 */
export function statusBadge(status: FeedStatus | null, now: number): StatusBadge | null {
  if (!status) return { tone: 'info', text: 'Connecting…', detail: null, opensSettings: false, countsDown: false };
  const detail = cleanDetail(status.message);
  const badge = (tone: BadgeTone, text: string, extra: Partial<StatusBadge> = {}): StatusBadge => ({
    tone,
    text,
    detail,
    opensSettings: false,
    countsDown: false,
    ...extra,
  });
  switch (status.state) {
    case 'live':
      // A live feed only shows a badge when the server complained (e.g. too many symbols).
      return detail ? badge('warning', detail, { detail: null }) : null;
    case 'demo':
      return badge('demo', 'DEMO', {
        detail: detail ?? 'Simulated prices — add a Finnhub key in settings',
        opensSettings: true,
      });
    case 'connecting':
      return badge('info', 'Connecting…');
    case 'reconnecting': {
      const seconds = secondsUntilRetry(status, now);
      if (seconds == null || seconds === 0) return badge('warning', 'Reconnecting…');
      return badge('warning', `Reconnecting in ${seconds} s`, { countsDown: true });
    }
    case 'rate-limited': {
      const seconds = secondsUntilRetry(status, now);
      return badge('warning', seconds ? `Rate limited — retry in ${seconds} s` : 'Rate limited', {
        countsDown: seconds != null && seconds > 0,
      });
    }
    case 'unauthorized':
      return badge('error', 'Key refused — open settings', { opensSettings: true });
    case 'offline':
      return badge('error', 'Offline');
    case 'paused':
      return badge('info', 'Paused');
    case 'stopped':
      return badge('info', 'Stopped');
  }
}

const STATE_WORDS: Record<ConnectionState, string> = {
  connecting: 'Connecting to Finnhub',
  live: 'Live — streaming trades',
  reconnecting: 'Connection lost — reconnecting',
  'rate-limited': 'Rate limited by Finnhub — waiting before retrying',
  unauthorized: 'The API key was refused — check or replace it',
  offline: 'Offline — no network connection',
  paused: 'Paused',
  stopped: 'Stopped',
  demo: 'Demo feed — simulated prices, no key needed',
};

/** The connection state in words, for the settings status panel. */
export function describeState(state: ConnectionState): string {
  return STATE_WORDS[state] ?? String(state);
}
