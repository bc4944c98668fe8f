/**
 * What the relay is doing, in words, for every place that shows it: the settings window's Relay
 * category and status line, the tray's relay item and the log.
 */
import type { RelayOverview } from './types';

export type RelayState = 'off' | 'listening' | 'failed' | 'starting';

/** What main says of the relay, as far as its state and its words need. */
type RelayFacts = Pick<RelayOverview, 'listening' | 'error' | 'clients'>;

/** What the relay is doing now, from the switch and main's view of it (null: not heard yet). */
export function relayState(enabled: boolean, view: Pick<RelayFacts, 'listening' | 'error'> | null): RelayState {
  if (!enabled) return 'off';
  if (view?.listening) return 'listening';
  if (view?.error) return 'failed';
  return 'starting';
}

export const RELAY_PILL: Record<RelayState, string> = {
  off: 'Off',
  listening: 'On',
  failed: 'Not running',
  starting: 'Starting',
};

function clientCount(view: RelayFacts | null): string {
  const count = view?.clients.length ?? 0;
  return count === 0 ? 'no clients connected' : `${count} client${count === 1 ? '' : 's'} connected`;
}

/** The relay in one sentence, for the Relay category. */
export function relaySentence(state: RelayState, view: RelayFacts | null, port: number): string {
  switch (state) {
    case 'off':
      return 'The relay is off: no other program can use Ticker’s connection. Turn it on to share it.';
    case 'starting':
      return `Starting the relay on port ${port}…`;
    case 'failed':
      return `The relay is not running: ${view?.error ?? 'it could not start'}.`;
    case 'listening':
      return `Listening on 127.0.0.1:${port}, ${clientCount(view)}.`;
  }
}

/** The relay in a few words, for the status line and the tray (null while it is off). */
export function relaySummary(state: RelayState, view: RelayFacts | null, port: number): string | null {
  switch (state) {
    case 'off':
      return null;
    case 'starting':
      return `Relay starting on port ${port}`;
    case 'failed':
      return 'Relay not running';
    case 'listening':
      return `Relay on port ${port}, ${clientCount(view)}`;
  }
}
