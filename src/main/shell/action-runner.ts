/**
 * Menu clicks (tray, item menu, shortcuts) have nobody to return an error to: a refused or failed
 * action becomes a notice the user sees, never an unhandled rejection.
 */
import type { Notice } from '../../shared/types';

/** Run `action`; `what` completes "Could not …" in the notice if it fails. */
export type RunAction = (what: string, action: () => unknown) => void;

export function createActionRunner(notify: (notice: Omit<Notice, 'at'>) => void): RunAction {
  return (what, action) => {
    Promise.resolve()
      .then(action)
      .catch((error: unknown) => {
        console.error(`[tray] ${what} failed:`, error);
        notify({
          level: 'error',
          message: `Could not ${what}: ${error instanceof Error ? error.message : 'unknown error'}`,
        });
      });
  };
}
