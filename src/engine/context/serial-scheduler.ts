/**
 * Runs keyed tasks when they fall due, one at a time: each context service keeps at most one call
 * in flight and one timer, however many symbols it watches. Rescheduling a key moves its due time;
 * a task that is running when its key is cancelled finishes, but is not run again.
 */
import type { Clock } from '../../shared/clock';

export class SerialScheduler {
  private readonly due = new Map<string, number>();
  private running = false;
  private stopped = false;
  private timer: unknown = null;
  private timerAt = Number.POSITIVE_INFINITY;

  constructor(
    private readonly clock: Clock,
    private readonly run: (key: string) => Promise<void>,
  ) {}

  /** Run `key` at `atMs` (now or earlier: as soon as the one before it is done). */
  schedule(key: string, atMs: number): void {
    if (this.stopped) return;
    this.due.set(key, atMs);
    this.pump();
  }

  /** Run `key` no later than `atMs` (keeps an earlier due time). */
  scheduleBy(key: string, atMs: number): void {
    const current = this.due.get(key);
    if (current === undefined || atMs < current) this.schedule(key, atMs);
  }

  cancel(key: string): void {
    this.due.delete(key);
  }

  has(key: string): boolean {
    return this.due.has(key);
  }

  dueAt(key: string): number | null {
    return this.due.get(key) ?? null;
  }

  get size(): number {
    return this.due.size;
  }

  stop(): void {
    this.stopped = true;
    this.due.clear();
    this.disarm();
  }

  private pump(): void {
    if (this.running || this.stopped) return;
    let nextKey: string | null = null;
    let nextAt = Number.POSITIVE_INFINITY;
    for (const [key, at] of this.due) {
      if (at < nextAt) {
        nextAt = at;
        nextKey = key;
      }
    }
    if (nextKey === null) {
      this.disarm();
      return;
    }
    const now = this.clock.now();
    if (nextAt > now) {
      if (this.timer !== null && this.timerAt === nextAt) return;
      this.disarm();
      this.timerAt = nextAt;
      this.timer = this.clock.setTimeout(() => {
        this.timer = null;
        this.timerAt = Number.POSITIVE_INFINITY;
        this.pump();
      }, nextAt - now);
      return;
    }
    this.disarm();
    this.due.delete(nextKey);
    this.running = true;
    const key = nextKey;
    void this.run(key)
      .catch((error: unknown) => console.error('[context] task failed:', key, error))
      .finally(() => {
        this.running = false;
        this.pump();
      });
  }

  private disarm(): void {
    if (this.timer === null) return;
    this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = Number.POSITIVE_INFINITY;
  }
}
