/**
 * The app's state in one line at the top of the settings window: the connection (with the retry
 * countdown) and, while it is on, the relay. Each part links to the category that explains it.
 */
import type { SettingsCategory } from '../../shared/settings-categories';
import type { FeedOverview, Preferences, RelayView } from '../../shared/types';
import { useNow } from '../hooks/use-now';
import { describeState, secondsUntilRetry } from '../../shared/connection-words';
import { relayState, relaySummary } from '../../shared/relay-words';

export interface StatusLineProps {
  overview: FeedOverview | null;
  relay: RelayView | null;
  preferences: Pick<Preferences, 'relayEnabled' | 'relayPort'> | null;
  onOpen(category: SettingsCategory): void;
}

export function StatusLine({ overview, relay, preferences, onOpen }: StatusLineProps) {
  const now = useNow(1000);
  const state = overview?.status.state ?? null;
  const retry = overview ? secondsUntilRetry(overview.status, now) : null;
  const connection =
    state === null ? 'Connecting…' : `${describeState(state)}${retry ? ` (next try in ${retry} s)` : ''}`;
  const relayText = preferences
    ? relaySummary(
        relayState(preferences.relayEnabled, relay),
        relay,
        relay?.listening ? relay.port : preferences.relayPort,
      )
    : null;
  return (
    <p className="status-line" role="status" data-testid="status-line">
      <button
        type="button"
        className={`status-part state state-${state ?? 'connecting'}`}
        data-testid="status-connection"
        onClick={() => onOpen('general')}
      >
        <span className="dot" aria-hidden="true" />
        {connection}
      </button>
      {relayText ? (
        <>
          <span className="status-separator" aria-hidden="true">
            ·
          </span>
          <button
            type="button"
            className={`status-part relay-${relayState(true, relay)}`}
            data-testid="status-relay"
            onClick={() => onOpen('relay')}
          >
            {relayText}
          </button>
        </>
      ) : null}
    </p>
  );
}
