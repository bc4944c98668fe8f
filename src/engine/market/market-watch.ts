/**
 * Follows the watched symbols' markets through time: whether every one of them is closed (the
 * strip dims or hides then) and the "US market opens Monday 09:30 ET (in 2 d 14 h)" lines of the
 * tray. One timer, set for the next moment either can change; nothing runs in between.
 */
import { MarketCalendar } from '../../shared/market-calendar/market-calendar';
import { MarketHoursText } from '../../shared/market-calendar/market-hours-text';
import { systemClock, type Clock, type TimerHandle } from '../../shared/clock';
import { Signal } from '../../shared/signal';

export interface MarketWatchOptions {
  calendar?: MarketCalendar;
  clock?: Pick<Clock, 'now' | 'setTimeout' | 'clearTimeout'>;
}

export interface MarketWatchState {
  /** MarketCalendar.allClosed: some symbols are watched and none of their markets is in any session. */
  allClosed: boolean;
  /** One line per watched market that has hours. */
  lines: readonly string[];
}

const MS_PER_MINUTE = 60_000;

export class MarketWatch {
  /** The state changed (a session began or ended, or a line's countdown moved on). */
  readonly changed = new Signal<MarketWatchState>();

  private readonly calendar: MarketCalendar;
  private readonly text: MarketHoursText;
  private readonly clock: Pick<Clock, 'now' | 'setTimeout' | 'clearTimeout'>;
  private symbols: readonly string[] = [];
  private current: MarketWatchState = { allClosed: false, lines: [] };
  private timer: TimerHandle | null = null;
  private stopped = false;

  constructor(options: MarketWatchOptions = {}) {
    this.calendar = options.calendar ?? new MarketCalendar();
    this.text = new MarketHoursText(this.calendar);
    this.clock = options.clock ?? systemClock;
  }

  state(): MarketWatchState {
    return this.current;
  }

  /** Watch these symbols from now on (re-evaluates at once). */
  setSymbols(symbols: readonly string[]): void {
    if (this.stopped) return;
    this.symbols = [...symbols];
    this.update();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
    this.changed.clear();
  }

  private update(): void {
    this.clearTimer();
    const now = this.clock.now();
    const allClosed = this.calendar.allClosed(this.symbols, now);
    let nextChange = Infinity;
    for (const symbol of this.symbols) nextChange = Math.min(nextChange, this.calendar.sessionAt(symbol, now).end);
    const lines = this.text.lines(this.symbols, now);
    const previous = this.current;
    this.current = { allClosed, lines };
    if (previous.allClosed !== allClosed || previous.lines.join('\n') !== lines.join('\n'))
      this.changed.emit(this.current);
    if (lines.length === 0 && nextChange === Infinity) return;
    // Countdowns read in whole minutes: look again at the next minute or the next session change.
    const nextMinute = (Math.floor(now / MS_PER_MINUTE) + 1) * MS_PER_MINUTE;
    const wakeAt = lines.length > 0 ? Math.min(nextMinute, nextChange) : nextChange;
    this.timer = this.clock.setTimeout(
      () => {
        this.timer = null;
        if (!this.stopped) this.update();
      },
      Math.max(0, wakeAt - now),
    );
  }

  private clearTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
