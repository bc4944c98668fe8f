/**
 * Paces what other owners (relay clients) change upstream. Their subscribes and unsubscribes are
 * coalesced: the source is handed the net change at most every RELAY_UPSTREAM_PUSH_INTERVAL_MS,
 * so a symbol added and dropped in between costs no frame at all, and the frames those changes
 * send stay within RELAY_UPSTREAM_FRAMES_PER_SECOND (unsubscribes first, the rest at the next
 * push). Ticker's own changes go out at once, whole.
 */
import type { Clock, TimerHandle } from '../../shared/clock';
import { RELAY_UPSTREAM_FRAMES_PER_SECOND, RELAY_UPSTREAM_PUSH_INTERVAL_MS } from '../../shared/relay-rules';

export interface UpstreamPacerOptions {
  clock: Pick<Clock, 'now' | 'setTimeout' | 'clearTimeout'>;
  /** The full set the source should carry now (Ticker's own first). */
  wanted(): string[];
  /** Hand the source a set (it sends the difference as frames). */
  apply(symbols: readonly string[]): void;
  intervalMs?: number;
  framesPerSecond?: number;
}

export class UpstreamPacer {
  private readonly intervalMs: number;
  private readonly framesPerSecond: number;
  /** What the source was last given. */
  private applied: string[] = [];
  private timer: TimerHandle | null = null;
  private lastPushAt = Number.NEGATIVE_INFINITY;
  /** Frame allowance (a token bucket of one second's frames). */
  private allowance: number;
  private refilledAt: number;

  constructor(private readonly options: UpstreamPacerOptions) {
    this.intervalMs = options.intervalMs ?? RELAY_UPSTREAM_PUSH_INTERVAL_MS;
    this.framesPerSecond = options.framesPerSecond ?? RELAY_UPSTREAM_FRAMES_PER_SECOND;
    this.allowance = this.framesPerSecond;
    this.refilledAt = options.clock.now();
  }

  /** Ticker's own change (or a new source): the whole set, now. */
  pushNow(): void {
    this.cancel();
    this.applied = this.options.wanted();
    this.options.apply(this.applied);
  }

  /** Another owner's change: coalesced and paced. */
  request(): void {
    if (this.timer !== null) return;
    const { clock } = this.options;
    const wait = Math.max(0, this.lastPushAt + this.intervalMs - clock.now());
    this.timer = clock.setTimeout(() => {
      this.timer = null;
      this.push();
    }, wait);
  }

  /** Drop a pending push (the session is closing). */
  cancel(): void {
    if (this.timer === null) return;
    this.options.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private push(): void {
    const now = this.options.clock.now();
    this.lastPushAt = now;
    this.allowance = Math.min(
      this.framesPerSecond,
      this.allowance + ((now - this.refilledAt) * this.framesPerSecond) / 1000,
    );
    this.refilledAt = now;
    const wanted = this.options.wanted();
    const wantedSet = new Set(wanted);
    const appliedSet = new Set(this.applied);
    const removals = this.applied.filter((symbol) => !wantedSet.has(symbol));
    const additions = wanted.filter((symbol) => !appliedSet.has(symbol));
    if (removals.length + additions.length === 0) return;
    let budget = Math.floor(this.allowance);
    const dropped = new Set(removals.slice(0, budget));
    budget -= dropped.size;
    // Additions only once every removal is out, so the set never passes the plan's cap.
    const added = new Set(dropped.size === removals.length ? additions.slice(0, Math.max(0, budget)) : []);
    const sent = dropped.size + added.size;
    this.allowance -= sent;
    if (sent > 0) {
      this.applied = [
        ...wanted.filter((symbol) => appliedSet.has(symbol) || added.has(symbol)),
        ...this.applied.filter((symbol) => !wantedSet.has(symbol) && !dropped.has(symbol)),
      ];
      this.options.apply(this.applied);
    }
    if (sent < removals.length + additions.length) this.request();
  }
}
