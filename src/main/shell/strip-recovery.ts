/**
 * A strip whose page crashed is loaded again, at most 3 times in 5 minutes each (ReloadBudget).
 * Past that it shows a page saying it stopped, and the tray offers "Reload strip" (`stopped` is
 * true) until the user takes it.
 */
import type { BrowserWindow } from 'electron';
import type { Clock } from '../../shared/clock';
import { Signal } from '../../shared/signal';
import type { AppLog } from './app-log';
import { isCrash, ReloadBudget, type GoneDetails } from './crash-recovery';

export interface StripRecoveryDeps {
  clock: Pick<Clock, 'now'>;
  log: Pick<AppLog, 'warn' | 'error'>;
  /** Load the strip page into `window` again. */
  loadStrip(window: BrowserWindow): void;
  /** Load the page that says the strip stopped into `window`. */
  loadStopped(window: BrowserWindow): void;
}

export class StripRecovery {
  /** The stopped/not stopped state changed (the tray follows it). */
  readonly changed = new Signal<void>();
  private readonly budgets = new Map<BrowserWindow, ReloadBudget>();
  private readonly given = new Set<BrowserWindow>();

  constructor(private readonly deps: StripRecoveryDeps) {}

  /** Watch a strip window's page from now until the window closes. */
  watch(window: BrowserWindow, name: string): void {
    const budget = new ReloadBudget(this.deps.clock);
    this.budgets.set(window, budget);
    window.webContents.on('render-process-gone', (_event, details: GoneDetails) => {
      if (!isCrash(details) || window.isDestroyed()) return;
      if (budget.crashed() === 'reload') {
        this.deps.log.warn(`[strip] the ${name} strip's page stopped (${details.reason}): reloading it`);
        this.deps.loadStrip(window);
        return;
      }
      this.deps.log.error(
        `[strip] the ${name} strip's page stopped again (${details.reason}): left stopped after 3 reloads in 5 minutes`,
      );
      this.given.add(window);
      this.deps.loadStopped(window);
      this.changed.emit();
    });
    window.once('closed', () => {
      this.budgets.delete(window);
      if (this.given.delete(window)) this.changed.emit();
    });
  }

  /** Whether a strip has stopped and waits for "Reload strip". */
  stopped(): boolean {
    return this.given.size > 0;
  }

  /** "Reload strip": load every stopped strip again, with a fresh budget. */
  reload(): void {
    const windows = [...this.given];
    this.given.clear();
    for (const window of windows) {
      this.budgets.get(window)?.reset();
      if (!window.isDestroyed()) this.deps.loadStrip(window);
    }
    if (windows.length > 0) this.changed.emit();
  }
}
