/**
 * The three context sources wired together over one API and one cache: details (profile, day
 * quote, 52-week range), the earnings calendar (feeding the details' earnings dates) and the
 * headlines. Each source runs and fails on its own; headlines run only when asked for.
 */
import { systemClock, type Clock } from '../../shared/clock';
import { MarketCalendar } from '../../shared/market-calendar/market-calendar';
import type { ContextApi } from '../market/finnhub-context-api';
import type { ContextCache } from './context-cache';
import { EarningsCalendar } from './earnings-calendar';
import { HeadlinesPoller } from './headlines-poller';
import { SymbolDetailsService } from './symbol-details-service';

export interface CompanyContextOptions {
  api: ContextApi;
  cache: ContextCache;
  clock?: Clock;
  calendar?: MarketCalendar;
  /** Fetch details and earnings (default true). */
  details?: boolean;
  /** Poll headlines (default false: the preference is off by default). */
  headlines?: boolean;
}

export class CompanyContext {
  readonly details: SymbolDetailsService | null;
  readonly earnings: EarningsCalendar | null;
  readonly headlines: HeadlinesPoller | null;
  private readonly cache: ContextCache;
  private readonly unsubscribe: () => void = () => {};

  constructor(options: CompanyContextOptions) {
    const clock = options.clock ?? systemClock;
    const calendar = options.calendar ?? new MarketCalendar();
    const { api, cache } = options;
    this.cache = cache;
    const wantDetails = options.details ?? true;
    this.details = wantDetails ? new SymbolDetailsService({ api, cache, clock }) : null;
    this.earnings = wantDetails ? new EarningsCalendar({ api, cache, clock, calendar }) : null;
    this.headlines = options.headlines === true ? new HeadlinesPoller({ api, cache, clock }) : null;
    const details = this.details;
    if (details !== null && this.earnings !== null) {
      this.unsubscribe = this.earnings.changed.subscribe((view) => details.setEarnings(view.next, view.note));
    }
  }

  setSymbols(symbols: readonly string[]): void {
    this.earnings?.setSymbols(symbols);
    this.details?.setSymbols(symbols);
    this.headlines?.setSymbols(symbols);
  }

  stop(): void {
    this.unsubscribe();
    this.details?.stop();
    this.earnings?.stop();
    this.headlines?.stop();
    this.cache.flush();
  }
}
