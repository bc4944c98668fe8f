/**
 * The next earnings report of each watched symbol: one calendar call covers every company for the
 * next 14 days (so adding a symbol costs nothing), refreshed every 6 hours and cached on disk. A
 * few days back are asked too, so a report after Friday's close is still known on the weekend and
 * on Monday, when it counts.
 */
import { Signal } from '../../shared/signal';
import { systemClock, type Clock } from '../../shared/clock';
import { MarketCalendar } from '../../shared/market-calendar/market-calendar';
import { dayKeyOf, NewYorkClock } from '../../shared/market-calendar/new-york-clock';
import { CONTEXT_LIMITS, type EarningsDate } from '../../shared/symbol-context';
import { earningsMarker, parseDayKey } from '../../shared/earnings-marker';
import type { ContextApi, EarningsEntry } from '../market/finnhub-context-api';
import type { ContextCache } from './context-cache';
import { pieceFailure } from './piece-failure';
import { SerialScheduler } from './serial-scheduler';

/** Days before today asked for, so a report on Friday after the close still counts on Monday. */
const EARNINGS_DAYS_BACK = 4;

export interface EarningsView {
  /** The next (or current) report of each watched symbol that has one. */
  next: ReadonlyMap<string, EarningsDate>;
  /** Why the calendar is not known, or null. */
  note: string | null;
}

export interface EarningsCalendarOptions {
  api: ContextApi;
  cache: ContextCache;
  clock?: Clock;
  calendar?: MarketCalendar;
}

export class EarningsCalendar {
  /** The view, once the calendar is known (or failed), and again on every change. */
  readonly changed = new Signal<EarningsView>();

  private readonly api: ContextApi;
  private readonly cache: ContextCache;
  private readonly clock: Clock;
  private readonly calendar: MarketCalendar;
  private readonly nyClock = new NewYorkClock();
  private readonly scheduler: SerialScheduler;
  private symbols = new Set<string>();
  private entries: EarningsEntry[] = [];
  private note: string | null = null;
  private known = false;
  private attempts = 0;
  private emitted: string | null = null;
  private started = false;

  constructor(options: EarningsCalendarOptions) {
    this.api = options.api;
    this.cache = options.cache;
    this.clock = options.clock ?? systemClock;
    this.calendar = options.calendar ?? new MarketCalendar();
    this.scheduler = new SerialScheduler(this.clock, () => this.refresh());
  }

  setSymbols(symbols: readonly string[]): void {
    this.symbols = new Set(symbols);
    if (!this.started) {
      this.started = true;
      const cached = this.cache.earnings();
      const now = this.clock.now();
      if (cached !== null && now - cached.fetchedAt < CONTEXT_LIMITS.earningsRefreshMs && cached.fetchedAt <= now) {
        this.entries = cached.value.entries;
        this.known = true;
        this.scheduler.schedule('calendar', cached.fetchedAt + CONTEXT_LIMITS.earningsRefreshMs);
      } else this.scheduler.schedule('calendar', now);
    }
    this.publish();
  }

  view(): EarningsView {
    return { next: this.nextReports(), note: this.note };
  }

  stop(): void {
    this.scheduler.stop();
  }

  private async refresh(): Promise<void> {
    const now = this.clock.now();
    const today = this.nyClock.dayAt(now);
    const from = dayKeyOf(today - EARNINGS_DAYS_BACK);
    const to = dayKeyOf(today + CONTEXT_LIMITS.earningsDaysAhead);
    let nextInMs = CONTEXT_LIMITS.earningsRefreshMs;
    try {
      this.entries = await this.api.earnings(from, to);
      this.cache.setEarnings({ from, to, entries: this.entries });
      this.note = null;
      this.attempts = 0;
    } catch (error) {
      this.attempts += 1;
      const failure = pieceFailure(error, this.attempts);
      nextInMs = failure.retryInMs;
      // Known dates stay shown while a refresh fails; only a calendar never had shows the note.
      if (!this.known || (error as { status?: unknown }).status === 403) this.note = failure.note;
    }
    this.known = true;
    this.scheduler.schedule('calendar', this.clock.now() + nextInMs);
    this.publish();
  }

  private nextReports(): Map<string, EarningsDate> {
    const now = this.clock.now();
    const next = new Map<string, EarningsDate>();
    if (this.note !== null && this.entries.length === 0) return next;
    const sorted = this.entries
      .filter((entry) => this.symbols.has(entry.symbol))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const today = this.nyClock.dayAt(now);
    for (const entry of sorted) {
      if (next.has(entry.symbol)) continue;
      const day = parseDayKey(entry.date) as number;
      const date: EarningsDate = { date: entry.date, hour: entry.hour };
      // A past report is kept only while its marker still shows (it has not traded yet).
      if (day < today && earningsMarker(date, now, this.calendar, this.nyClock) === null) continue;
      next.set(entry.symbol, date);
    }
    return next;
  }

  private publish(): void {
    if (!this.known) return;
    const view = this.view();
    const text = JSON.stringify([[...view.next], view.note]);
    if (text === this.emitted) return;
    this.emitted = text;
    this.changed.emit(view);
  }
}
