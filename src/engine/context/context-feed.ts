/**
 * The company context as the app runs it: one CompanyContext over the saved key's REST client and
 * the shared rate limiter (behind the reserve that keeps the user's own calls first), on the
 * symbols on screen, with headlines polled only while a strip shows them. The cache outlives the
 * context (and, on disk, the app): a new key or a headlines switch makes a new context over the
 * same cache, so nothing already known is asked again. Pushes each symbol's details when they
 * change and the headlines when they change.
 */
import { systemClock, type Clock } from '../../shared/clock';
import { Signal } from '../../shared/signal';
import type { ContextState, Headline, SymbolDetails } from '../../shared/symbol-context';
import { contextApi, type JsonGetter } from '../market/finnhub-context-api';
import type { RateLimiter } from '../market/rate-limiter';
import { CompanyContext } from './company-context';
import { ContextCache, type JsonStore } from './context-cache';
import { reserveGate, type CallGate } from './reserve-gate';

interface ContextFeedDeps {
  store: JsonStore;
  limiter: Pick<RateLimiter, 'freeSlots' | 'waitingFor'>;
  /** True while the user's own REST work is still coming (the previous closes loading). */
  userBusy(): boolean;
  clock?: Clock;
}

export class ContextFeed {
  /** One symbol's details, when first known and on every change. */
  readonly details = new Signal<SymbolDetails[]>();
  /** The headlines to show (deduplicated, newest first), on every change. */
  readonly headlines = new Signal<Headline[]>();

  private readonly cache: ContextCache;
  private readonly clock: Clock;
  private readonly known = new Map<string, SymbolDetails>();
  private context: CompanyContext | null = null;
  private gate: CallGate | null = null;
  private rest: JsonGetter | null = null;
  private withHeadlines = false;
  private symbols: readonly string[] = [];
  private shown: Headline[] = [];
  private stopped = false;

  constructor(private readonly deps: ContextFeedDeps) {
    this.clock = deps.clock ?? systemClock;
    this.cache = new ContextCache({ store: deps.store, clock: this.clock });
  }

  /**
   * Follow the key's REST client (null: the demo, no context calls), the symbols on screen and
   * whether any strip shows headlines. A new client or a headlines switch starts a new context.
   */
  apply(rest: JsonGetter | null, symbols: readonly string[], headlines: boolean): void {
    if (this.stopped) return;
    this.symbols = [...symbols];
    if (rest !== this.rest || headlines !== this.withHeadlines) {
      this.rest = rest;
      this.withHeadlines = headlines;
      this.restart();
      return;
    }
    this.context?.setSymbols(this.symbols);
    this.forget();
  }

  /** Every watched symbol's details known now, and the headlines shown. */
  state(): ContextState {
    const wanted = new Set(this.symbols);
    return {
      details: [...this.known.values()].filter((details) => wanted.has(details.symbol)),
      headlines: this.shown.map((headline) => ({ ...headline })),
    };
  }

  /** The headlines shown now (the links the app may open). */
  currentHeadlines(): readonly Headline[] {
    return this.shown;
  }

  /** A details card opened: its day figures are refreshed unless they are fresh. */
  cardOpened(symbol: string): void {
    this.context?.details?.cardOpened(symbol);
  }

  stop(): void {
    this.stopped = true;
    this.end();
  }

  private restart(): void {
    this.end();
    const rest = this.rest;
    if (rest === null) {
      this.setShown([]);
      return;
    }
    const gate = reserveGate(this.deps.limiter, this.clock, { userBusy: () => this.deps.userBusy() });
    const context = new CompanyContext({
      api: contextApi(rest, gate),
      cache: this.cache,
      clock: this.clock,
      headlines: this.withHeadlines,
    });
    this.gate = gate;
    this.context = context;
    context.details?.changed.subscribe((details) => {
      if (this.context !== context) return;
      this.known.set(details.symbol, details);
      this.details.emit([details]);
    });
    context.headlines?.changed.subscribe((headlines) => {
      if (this.context === context) this.setShown(headlines);
    });
    if (!this.withHeadlines) this.setShown([]);
    context.setSymbols(this.symbols);
  }

  private end(): void {
    this.context?.stop();
    this.gate?.close();
    this.context = null;
    this.gate = null;
  }

  /** Details of symbols no longer watched are not kept. */
  private forget(): void {
    const wanted = new Set(this.symbols);
    for (const symbol of [...this.known.keys()]) if (!wanted.has(symbol)) this.known.delete(symbol);
  }

  private setShown(headlines: Headline[]): void {
    if (headlines.length === 0 && this.shown.length === 0) return;
    this.shown = headlines;
    this.headlines.emit(headlines.map((headline) => ({ ...headline })));
  }
}
