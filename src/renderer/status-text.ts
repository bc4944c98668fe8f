/**
 * The strip's badge for the feed status, in the shared words (src/shared/connection-words.ts).
 */
import { statusCountsDown, statusInWords } from '../shared/connection-words';
import type { ConnectionState, FeedStatus } from '../shared/types';

type BadgeTone = 'demo' | 'info' | 'warning' | 'error';

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

function cleanDetail(message: string | undefined): string | null {
  if (typeof message !== 'string') return null;
  const trimmed = message.trim();
  return trimmed.length > 0 ? trimmed.slice(0, 200) : null;
}

const TONES: Record<Exclude<ConnectionState, 'live' | 'demo' | 'unauthorized'>, BadgeTone> = {
  connecting: 'info',
  reconnecting: 'warning',
  'rate-limited': 'warning',
  offline: 'error',
  paused: 'info',
  stopped: 'info',
};

/**
 * The badge for a status, or null when the feed is live with nothing to say. A null status (not
 * known yet) reads "Connecting…".
 */
export function statusBadge(status: FeedStatus | null, now: number): StatusBadge | null {
  if (!status) status = { state: 'connecting', since: now };
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
    case 'unauthorized':
      return badge('error', `${statusInWords(status, now)} — open settings`, { opensSettings: true });
    default:
      return badge(TONES[status.state] ?? 'info', statusInWords(status, now), {
        countsDown: statusCountsDown(status, now),
      });
  }
}
