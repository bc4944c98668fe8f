/**
 * Server error texts reach the status at most once every SERVER_ERROR_STATUS_INTERVAL_MS, whatever
 * they say: the latest text wins, and a server repeating itself is not news at all.
 */
import type { Clock, TimerHandle } from '../../shared/clock';

/** Server error texts change the status at most this often (four a second), whatever they say. */
export const SERVER_ERROR_STATUS_INTERVAL_MS = 250;

export class ServerErrorThrottle {
  private lastShownAt = Number.NEGATIVE_INFINITY;
  private pending: string | null = null;
  private timer: TimerHandle | null = null;

  /** `apply` shows a text and returns whether the status changed (false when it already said it). */
  constructor(
    private readonly clock: Clock,
    private readonly apply: (message: string) => boolean,
  ) {}

  show(message: string): void {
    if (this.timer !== null) {
      this.pending = message;
      return;
    }
    const now = this.clock.now();
    const wait = this.lastShownAt + SERVER_ERROR_STATUS_INTERVAL_MS - now;
    if (wait <= 0) {
      this.applyAt(message, now);
      return;
    }
    this.pending = message;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      const pending = this.pending;
      this.pending = null;
      if (pending !== null) this.applyAt(pending, this.clock.now());
    }, wait);
  }

  /** Forget a text still waiting (a new state supersedes it). */
  drop(): void {
    this.pending = null;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private applyAt(message: string, now: number): void {
    if (this.apply(message)) this.lastShownAt = now;
  }
}
