/**
 * Fades the flashes of prices that stopped moving (a moving price is faded by its own updates).
 * It sweeps with each batch (the strip calls sweep() after applying one), so its writes land in the
 * frame the batch costs anyway; its own timer runs only while some flash is lit, and sweeps only
 * when no batch has. The strip owns one; its clock also times the flashes (see ItemView).
 */
import { systemClock, type Clock, type TimerHandle } from '../../shared/clock';

/** What the fader steps down: returns whether its flash is still lit. */
export interface Fading {
  fadeIfQuiet(): boolean;
}

/** How often the fader looks at quiet prices when no batch arrives (a step may be this much late). */
export const FADE_SWEEP_MS = 250;

/** Flashes are timed on the page's monotonic clock, so a wall-clock change cannot stall or skip one. */
const frameClock: Clock = { ...systemClock, now: () => performance.now() };

export class FlashFader {
  private readonly lit = new Set<Fading>();
  private timer: TimerHandle | null = null;
  private lastSweepAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly clock: Clock = frameClock) {}

  now(): number {
    return this.clock.now();
  }

  add(view: Fading): void {
    this.lit.add(view);
    this.timer ??= this.clock.setInterval(() => {
      if (this.clock.now() - this.lastSweepAt >= FADE_SWEEP_MS) this.sweep();
    }, FADE_SWEEP_MS);
  }

  /** Step down the flashes of prices that have gone quiet; call after applying a batch. */
  sweep(): void {
    this.lastSweepAt = this.clock.now();
    for (const view of this.lit) if (!view.fadeIfQuiet()) this.lit.delete(view);
    if (this.lit.size === 0) this.stopTimer();
  }

  /** Forget every flash and stop the timer (the strip is going away). */
  dispose(): void {
    this.lit.clear();
    this.stopTimer();
  }

  private stopTimer(): void {
    if (this.timer === null) return;
    this.clock.clearInterval(this.timer);
    this.timer = null;
  }
}
