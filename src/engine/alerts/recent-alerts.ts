/**
 * How many alerts fired in the last hour (for the tray), with a `changed` signal both when one fires
 * and when the oldest ages out, so a count on screen never goes stale. Clock and timer are injected.
 */
import { systemClock, type Clock, type TimerHandle } from '../../shared/clock';
import { Signal } from '../../shared/signal';

const RECENT_ALERTS_WINDOW_MS = 3_600_000;

export interface RecentAlertsOptions {
  clock?: Pick<Clock, 'now' | 'setTimeout' | 'clearTimeout'>;
  windowMs?: number;
}

export class RecentAlerts {
  readonly changed = new Signal<number>();
  private readonly times: number[] = [];
  private readonly clock: Pick<Clock, 'now' | 'setTimeout' | 'clearTimeout'>;
  private readonly windowMs: number;
  private timer: TimerHandle | null = null;

  constructor(options: RecentAlertsOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.windowMs = options.windowMs ?? RECENT_ALERTS_WINDOW_MS;
  }

  /** An alert fired now. */
  add(): void {
    this.times.push(this.clock.now());
    this.prune();
    this.changed.emit(this.times.length);
    this.schedule();
  }

  count(): number {
    this.prune();
    return this.times.length;
  }

  stop(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private prune(): void {
    const cutoff = this.clock.now() - this.windowMs;
    while (this.times.length > 0 && (this.times[0] as number) <= cutoff) this.times.shift();
  }

  private schedule(): void {
    this.stop();
    const oldest = this.times[0];
    if (oldest === undefined) return;
    this.timer = this.clock.setTimeout(
      () => {
        this.timer = null;
        const before = this.times.length;
        this.prune();
        if (this.times.length !== before) this.changed.emit(this.times.length);
        this.schedule();
      },
      Math.max(0, oldest + this.windowMs - this.clock.now()),
    );
  }
}
