/** What the relay is doing, in the words the Relay category and the status line share. */
import type { RelayView } from '../../shared/types';

export type RelayState = 'off' | 'listening' | 'failed' | 'starting';

/** What the relay is doing now, from the saved switch and main's view of it. */
export function relayState(enabled: boolean, view: RelayView | null): RelayState {
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

function clientCount(view: RelayView | null): string {
  const count = view?.clients.length ?? 0;
  return count === 0 ? 'no clients connected' : `${count} client${count === 1 ? '' : 's'} connected`;
}

/** The relay in one sentence, for the Relay category. */
export function relaySentence(state: RelayState, view: RelayView | null, port: number): string {
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

/** The relay in a few words, for the status line (null while it is off). */
export function relaySummary(state: RelayState, view: RelayView | null, port: number): string | null {
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
