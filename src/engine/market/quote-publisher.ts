import { DEFAULT_PREFERENCES, PREFERENCE_RULES } from '../../shared/preference-rules';
import { Signal } from '../../shared/signal';
import type { SnapshotBatch } from '../../shared/types';
import type { ChangedQuotes } from './tick-store';
import { systemClock, type Clock, type TimerHandle } from '../../shared/clock';

/** The publisher's limits are the updateRateHz preference's rule: what the user may pick is what it runs. */
export const DEFAULT_PUBLISH_RATE_HZ = DEFAULT_PREFERENCES.updateRateHz;
const MIN_PUBLISH_RATE_HZ = PREFERENCE_RULES.updateRateHz.min;
export const MAX_PUBLISH_RATE_HZ = PREFERENCE_RULES.updateRateHz.max;

/** What the publisher needs of the store (TickStore satisfies it). */
export interface ChangeSource {
  /** Emitted when the source goes from "nothing changed" to "something changed". */
  readonly changed: Signal<void>;
  hasChanges(): boolean;
  takeChanged(): ChangedQuotes;
}

export interface QuotePublisherOptions {
  /** Batches per second at most (default and limits: the updateRateHz preference's rule). */
  rateHz?: number;
  clock?: Clock;
}

/** Clamp a requested rate to the allowed range; anything that is not a finite number gives the default. */
export function clampRateHz(hz: unknown): number {
  if (typeof hz !== 'number' || !Number.isFinite(hz)) return DEFAULT_PUBLISH_RATE_HZ;
  return Math.min(MAX_PUBLISH_RATE_HZ, Math.max(MIN_PUBLISH_RATE_HZ, hz));
}

/**
 * Turns store changes into coalesced `SnapshotBatch`es: at most `rateHz` per second, only what
 * changed, nothing at all while nothing changes. No timer runs while idle: the first change after a
 * quiet period is published on the next tick (leading edge), later ones wait for the rest of the
 * interval, so latency stays within one interval.
 */
export class QuotePublisher {
  readonly batches = new Signal<SnapshotBatch>();

  private rate: number;
  private intervalMs: number;
  private readonly clock: Clock;
  private timer: TimerHandle | null = null;
  private lastPublishAt = Number.NEGATIVE_INFINITY;
  private seq = 0;
  private unsubscribe: (() => void) | null = null;
  private held = false;

  constructor(
    private readonly source: ChangeSource,
    options: QuotePublisherOptions = {},
  ) {
    this.rate = clampRateHz(options.rateHz ?? DEFAULT_PUBLISH_RATE_HZ);
    this.intervalMs = 1000 / this.rate;
    this.clock = options.clock ?? systemClock;
  }

  get rateHz(): number {
    return this.rate;
  }

  get running(): boolean {
    return this.unsubscribe !== null;
  }

  /** Start listening to the store; publishes soon if changes are already waiting. Idempotent. */
  start(): void {
    if (this.unsubscribe !== null) return;
    this.unsubscribe = this.source.changed.subscribe(() => this.schedule());
    if (this.source.hasChanges()) this.schedule();
  }

  /** Stop publishing and cancel the pending timer. Changes stay in the store. Idempotent. */
  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.cancelTimer();
  }

  /** Whether batches are being held back (see `hold`). */
  get holding(): boolean {
    return this.held;
  }

  /**
   * Hold batches back while nobody can see them (screen locked, system asleep, every strip hidden):
   * the store keeps taking trades and remembers what changed, and on release everything that changed
   * meanwhile goes out at once, as one batch, without waiting for the rest of an interval.
   */
  hold(held: boolean): void {
    if (held === this.held) return;
    this.held = held;
    if (held) {
      this.cancelTimer();
      return;
    }
    if (this.unsubscribe !== null) this.flush();
  }

  /** Change the rate live (clamped to the allowed range); a pending publish is re-timed to the new rate. */
  setRate(hz: number): void {
    this.rate = clampRateHz(hz);
    this.intervalMs = 1000 / this.rate;
    if (this.timer !== null) {
      this.cancelTimer();
      this.schedule();
    }
  }

  /** Publish now if anything changed (e.g. the final snapshot before quitting), held or not. */
  flush(): SnapshotBatch | null {
    this.cancelTimer();
    return this.publish();
  }

  private schedule(): void {
    if (this.timer !== null || this.unsubscribe === null || this.held) return;
    const delay = Math.max(0, this.lastPublishAt + this.intervalMs - this.clock.now());
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.publish();
    }, delay);
  }

  private publish(): SnapshotBatch | null {
    if (!this.source.hasChanges()) return null;
    const { quotes, removed } = this.source.takeChanged();
    if (quotes.length === 0 && removed.length === 0) return null;
    const at = this.clock.now();
    this.lastPublishAt = at;
    this.seq += 1;
    const batch: SnapshotBatch = { seq: this.seq, at, quotes, removed };
    this.batches.emit(batch);
    return batch;
  }

  private cancelTimer(): void {
    if (this.timer === null) return;
    this.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
