/**
 * How many alerts fired in the last hour (for the tray), with a `changed` signal both when one fires
 * and when the oldest ages out, so a count on screen never goes stale. Clock and timer are injected.
 */
import { Signal } from '../../shared/signal';

export const RECENT_ALERTS_WINDOW_MS = 3_600_000;

export interface RecentAlertsOptions {
  now?: () => number;
  windowMs?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class RecentAlerts {
  readonly changed = new Signal<number>();
  private readonly times: number[] = [];
  private readonly now: () => number;
  private readonly windowMs: number;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private timer: unknown = null;

  constructor(options: RecentAlertsOptions = {}) {
    this.now = options.now ?? Date.now;
    this.windowMs = options.windowMs ?? RECENT_ALERTS_WINDOW_MS;
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  }

  /** An alert fired now. */
  add(): void {
    this.times.push(this.now());
    this.prune();
    this.changed.emit(this.times.length);
    this.schedule();
  }

  count(): number {
    this.prune();
    return this.times.length;
  }

  stop(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }

  private prune(): void {
    const cutoff = this.now() - this.windowMs;
    while (this.times.length > 0 && (this.times[0] as number) <= cutoff) this.times.shift();
  }

  private schedule(): void {
    this.stop();
    const oldest = this.times[0];
    if (oldest === undefined) return;
    this.timer = this.setTimer(() => {
      this.timer = null;
      const before = this.times.length;
      this.prune();
      if (this.times.length !== before) this.changed.emit(this.times.length);
      this.schedule();
    }, Math.max(0, oldest + this.windowMs - this.now()));
  }
}
