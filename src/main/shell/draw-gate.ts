/**
 * Whether the strips should draw at all: not while nobody can see them. Pure: the shell feeds it
 * the facts (screen locked, system asleep, which strips are on screen) and follows `changed`.
 */
import { Signal } from '../../shared/signal';

/** Why the strips are quiet, or null while they draw. */
export type QuietReason = 'asleep' | 'locked' | 'hidden';

export interface DrawFacts {
  screenLocked: boolean;
  asleep: boolean;
  /** Each strip's id → whether its window is on screen (shown and not minimized). */
  strips: ReadonlyMap<string, boolean>;
}

/**
 * The reason to stay quiet, or null to draw. With no strip known yet there is nothing to hold
 * back for: a strip counts once its window exists.
 */
export function quietReason(facts: DrawFacts): QuietReason | null {
  if (facts.asleep) return 'asleep';
  if (facts.screenLocked) return 'locked';
  if (facts.strips.size > 0 && ![...facts.strips.values()].some(Boolean)) return 'hidden';
  return null;
}

export class DrawGate {
  /** Emits the new drawing state (true: draw) whenever it flips. */
  readonly changed = new Signal<boolean>();
  private screenLocked = false;
  private asleep = false;
  private readonly strips = new Map<string, boolean>();
  private current = true;

  drawing(): boolean {
    return this.current;
  }

  reason(): QuietReason | null {
    return quietReason({ screenLocked: this.screenLocked, asleep: this.asleep, strips: this.strips });
  }

  setScreenLocked(locked: boolean): void {
    this.screenLocked = locked;
    this.update();
  }

  /** The system goes to sleep (true) or woke up (false). */
  setAsleep(asleep: boolean): void {
    this.asleep = asleep;
    this.update();
  }

  setStripShown(id: string, shown: boolean): void {
    this.strips.set(id, shown);
    this.update();
  }

  /** A strip that no longer exists (its window closed for good) does not count either way. */
  removeStrip(id: string): void {
    this.strips.delete(id);
    this.update();
  }

  private update(): void {
    const next = this.reason() === null;
    if (next === this.current) return;
    this.current = next;
    this.changed.emit(next);
  }
}
