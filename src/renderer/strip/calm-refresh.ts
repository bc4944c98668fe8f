/**
 * A refresh at most once per interval, and only after something changed: the first change after a
 * refresh arms one timer for the interval; changes while it is armed wait for it. With nothing
 * changing, no timer runs at all (an idle strip wakes nothing). Pure apart from the timers given.
 */

/** The timers CalmRefresh uses (window's, or a test's). */
export interface CalmTimers {
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number): void;
}

export class CalmRefresh {
  private timer: number | null = null;

  constructor(
    private readonly timers: CalmTimers,
    private readonly intervalMs: number,
    private readonly refresh: () => void,
  ) {}

  /** Something the refresh would show changed. */
  changed(): void {
    if (this.timer !== null) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.refresh();
    }, this.intervalMs);
  }

  /** Whether a refresh is waiting for its timer. */
  pending(): boolean {
    return this.timer !== null;
  }

  dispose(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
