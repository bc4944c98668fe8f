/**
 * When a page's renderer dies: reload it, at most 3 times in 5 minutes; after that it stays down,
 * shows why, and waits for the user ("Reload strip" in the tray). When main itself meets an error
 * nobody caught: log it, tell the user once, keep running. Pure: the clock, the process and the
 * ways of telling come in.
 */
import type { Clock } from '../../shared/clock';
import type { AppLog } from './app-log';

export const MAX_RELOADS = 3;
export const RELOAD_WINDOW_MS = 5 * 60_000;

/** How many times a page may be reloaded after crashing, within a sliding window of time. */
export class ReloadBudget {
  private crashes: number[] = [];

  constructor(
    private readonly clock: Pick<Clock, 'now'>,
    private readonly max = MAX_RELOADS,
    private readonly windowMs = RELOAD_WINDOW_MS,
  ) {}

  /** A crash happened: reload again, or give up (the budget is spent). */
  crashed(): 'reload' | 'give-up' {
    const now = this.clock.now();
    this.crashes = this.crashes.filter((at) => now - at < this.windowMs);
    if (this.crashes.length >= this.max) return 'give-up';
    this.crashes.push(now);
    return 'reload';
  }

  /** The user reloaded by hand: start afresh. */
  reset(): void {
    this.crashes = [];
  }
}

/** What Electron tells of a renderer that went away (render-process-gone's details). */
export interface GoneDetails {
  reason: string;
  exitCode?: number;
}

/** A renderer that "went away" because the window closed or the app quits is not a crash. */
export function isCrash(details: GoneDetails): boolean {
  return details.reason !== 'clean-exit';
}

export interface MainErrorDeps {
  process: Pick<NodeJS.Process, 'on' | 'removeListener'>;
  log: Pick<AppLog, 'error' | 'folder'>;
  /** Tell the user (a dialog); called once per run at most. */
  show(title: string, message: string): void;
}

/**
 * Log every uncaught exception and unhandled rejection in main, and show the first one; the app
 * keeps running (never a silent exit). Returns the function that stops catching.
 */
export function catchMainErrors(deps: MainErrorDeps): () => void {
  let shown = false;
  const handle = (kind: string, error: unknown): void => {
    deps.log.error(`[main] ${kind}:`, error);
    if (shown) return;
    shown = true;
    const detail = error instanceof Error ? error.message : String(error);
    const where = deps.log.folder ? `\n\nDetails are in the log: ${deps.log.folder}` : '';
    try {
      deps.show('Ticker met an unexpected error', `${detail}${where}\n\nTicker keeps running.`);
    } catch {
      // Nothing more can be done to tell; it is in the log.
    }
  };
  const onException = (error: unknown): void => handle('uncaught exception', error);
  const onRejection = (reason: unknown): void => handle('unhandled rejection', reason);
  deps.process.on('uncaughtException', onException);
  deps.process.on('unhandledRejection', onRejection);
  return () => {
    deps.process.removeListener('uncaughtException', onException);
    deps.process.removeListener('unhandledRejection', onRejection);
  };
}
