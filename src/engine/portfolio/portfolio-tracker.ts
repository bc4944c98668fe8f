/**
 * Keeps the portfolio's figures current from the one feed. Held symbols and conversion rates that
 * the strip does not watch are "side" symbols: they join the upstream subscription as the owner
 * `portfolio` (so they count against the plan's cap, and leave it when no longer needed), their
 * prices come from the raw trade stream, and one REST quote each gives their previous close.
 * Figures are recomputed from the lots, never updated incrementally: after a published batch that
 * could change them (it moved a held or rate symbol's price or previous close, removed a symbol,
 * or the local day changed since the last figures), shortly after a side price moves, and when the
 * holdings change. A listener hears them only when they changed.
 */
import { Signal } from '../../shared/signal';
import { systemClock, type Clock, type TimerHandle } from '../../shared/clock';
import type { SnapshotBatch, SymbolSnapshot } from '../../shared/types';
import { computePortfolio, type PortfolioFigures, type PortfolioQuote } from '../../shared/portfolio/compute-portfolio';
import { rateSymbolsFor } from '../../shared/portfolio/currency';
import type { Holdings } from '../../shared/portfolio/holdings';
import type { AddOutcome, Eviction, Interest, OwnerKind } from '../session/subscription-union';
import type { RawTrade } from '../feed/protocol';
import type { QuoteFetcher } from '../market/prev-close-loader';

/** The owner name of the portfolio's interests in the subscription union. */
const PORTFOLIO_OWNER = 'portfolio';

/** How soon after a side price moves the figures are recomputed (when no batch comes first). */
export const SIDE_PRICE_DELAY_MS = 250;

/** What the tracker needs of the feed session (FeedSession satisfies it). */
export interface PortfolioFeed {
  readonly batches: Signal<SnapshotBatch>;
  /** Other owners' interests cut when the strip's own symbols need the room. */
  readonly evicted: Signal<readonly Eviction[]>;
  readonly store: { snapshot(symbol: string): SymbolSnapshot | null };
  addInterest(owner: string, symbol: string, kind?: OwnerKind): AddOutcome;
  removeInterest(owner: string, symbol: string): void;
  subscribeRawTrades(listener: (trades: readonly RawTrade[]) => void): () => void;
  quoteFetcher(): QuoteFetcher | null;
}

export interface PortfolioTrackerOptions {
  feed: PortfolioFeed;
  clock?: Clock;
  /** Today's local date as YYYY-MM-DD (default: from the clock, in the local time zone). */
  today?: () => string;
}

interface SideQuote {
  price: number | null;
  prevClose: number | null;
  /** The fetcher that was asked for its quote (asked again only when the source changes). */
  askedWith: QuoteFetcher | null;
  /** False when the union was full: the symbol is not subscribed and stays without a price. */
  subscribed: boolean;
}

function localDate(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export class PortfolioTracker {
  /** The figures each time they changed; null when the holdings were cleared. */
  readonly changed = new Signal<PortfolioFigures | null>();

  private readonly feed: PortfolioFeed;
  private readonly clock: Clock;
  private readonly today: () => string;
  private holdings: Holdings | null = null;
  private readonly side = new Map<string, SideQuote>();
  /**
   * The strip's symbols as its last batch showed them. Figures use these, not the store's newest
   * price, so a figure never runs ahead of the quotes printed or drawn before it.
   */
  private readonly published = new Map<string, PortfolioQuote>();
  private unsubscribeRaw: (() => void) | null = null;
  private readonly unsubscribeFeed: (() => void)[];
  private timer: TimerHandle | null = null;
  /** Held symbols and the rates their currencies need: the only quotes the figures read. */
  private relevant: ReadonlySet<string> = new Set();
  /** The local day the last figures were computed for (lots dated today count differently). */
  private lastDay: string | null = null;
  /** What listeners last heard; they start out knowing there is no portfolio. */
  private last: PortfolioFigures | null = null;
  private stopped = false;

  constructor(options: PortfolioTrackerOptions) {
    this.feed = options.feed;
    this.clock = options.clock ?? systemClock;
    this.today = options.today ?? (() => localDate(this.clock.now()));
    this.unsubscribeFeed = [
      this.feed.batches.subscribe((batch) => this.onBatch(batch)),
      this.feed.evicted.subscribe((interests) => this.onEvicted(interests)),
    ];
  }

  /** Replace the holdings (null or no lots: no portfolio, nothing subscribed). */
  setHoldings(holdings: Holdings | null): void {
    this.holdings = holdings !== null && holdings.lots.length > 0 ? holdings : null;
    const held = this.holdings === null ? [] : [...new Set(this.holdings.lots.map((lot) => lot.symbol))];
    this.relevant = new Set(
      this.holdings === null ? [] : [...held, ...rateSymbolsFor(held, this.holdings.baseCurrency)],
    );
    this.syncSide();
    this.publish();
  }

  /** The figures now, or null without holdings. */
  figures(): PortfolioFigures | null {
    return this.holdings === null ? null : this.compute(this.holdings);
  }

  /** The symbols subscribed for the portfolio only (tests, the settings view). */
  sideSymbols(): string[] {
    return [...this.side.entries()].filter(([, quote]) => quote.subscribed).map(([symbol]) => symbol);
  }

  /** Drop every interest and timer. */
  stop(): void {
    this.stopped = true;
    this.holdings = null;
    this.syncSide();
    for (const unsubscribe of this.unsubscribeFeed) unsubscribe();
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Keep the strip's quotes as published; recompute only when the batch can have changed the
   * figures. Every quote is kept (a symbol held later starts from the price on screen). A symbol
   * the strip starts watching is in the next batch (new in the store), so a held one the side
   * followed is handed back to the strip by that batch.
   */
  private onBatch(batch: SnapshotBatch): void {
    let touched = batch.removed.length > 0;
    for (const quote of batch.quotes) {
      const before = this.published.get(quote.symbol);
      if (before !== undefined && before.price === quote.price && before.prevClose === quote.prevClose) continue;
      this.published.set(quote.symbol, { price: quote.price, prevClose: quote.prevClose });
      if (this.relevant.has(quote.symbol)) touched = true;
    }
    for (const symbol of batch.removed) this.published.delete(symbol);
    if (this.holdings === null) return;
    if (!touched && this.today() !== this.lastDay) touched = true;
    if (!touched) return;
    this.syncSide();
    this.publish();
  }

  /**
   * Subscribe what the holdings need and the strip does not watch; let go of the rest. Runs after
   * every batch too, so a symbol the strip stops watching is picked up here.
   */
  private syncSide(): void {
    const wanted = new Set<string>();
    if (this.holdings !== null) {
      const held = [...new Set(this.holdings.lots.map((lot) => lot.symbol))];
      // Rates first: without one, every holding in that currency is unvalued, not just one.
      for (const symbol of [...rateSymbolsFor(held, this.holdings.baseCurrency), ...held]) {
        if (this.feed.store.snapshot(symbol) === null) wanted.add(symbol);
      }
    }
    for (const [symbol, quote] of this.side) {
      if (wanted.has(symbol)) continue;
      if (quote.subscribed) this.feed.removeInterest(PORTFOLIO_OWNER, symbol);
      this.side.delete(symbol);
    }
    for (const symbol of wanted) {
      let quote = this.side.get(symbol);
      if (quote === undefined) {
        quote = { price: null, prevClose: null, askedWith: null, subscribed: false };
        this.side.set(symbol, quote);
      }
      if (!quote.subscribed) quote.subscribed = this.feed.addInterest(PORTFOLIO_OWNER, symbol, 'ticker') !== 'over-cap';
      if (quote.subscribed) this.askQuote(symbol, quote);
    }
    const needRaw = this.side.size > 0;
    if (needRaw && this.unsubscribeRaw === null)
      this.unsubscribeRaw = this.feed.subscribeRawTrades((trades) => this.onRawTrades(trades));
    else if (!needRaw && this.unsubscribeRaw !== null) {
      this.unsubscribeRaw();
      this.unsubscribeRaw = null;
    }
  }

  /** An evicted symbol has no live price any more: it is reported missing, not shown stale. */
  private onEvicted(interests: readonly Interest[]): void {
    let lost = false;
    for (const { owner, symbol } of interests) {
      const quote = owner === PORTFOLIO_OWNER ? this.side.get(symbol) : undefined;
      if (quote === undefined) continue;
      quote.subscribed = false;
      quote.price = null;
      lost = true;
    }
    if (lost) this.publish();
  }

  private askQuote(symbol: string, quote: SideQuote): void {
    const fetcher = this.feed.quoteFetcher();
    if (fetcher === null || quote.askedWith === fetcher) return;
    quote.askedWith = fetcher;
    fetcher.quote(symbol, { priority: 'own' }).then(
      (answer) => {
        if (this.side.get(symbol) !== quote) return;
        if (answer.prevClose > 0) quote.prevClose = answer.prevClose;
        if (quote.price === null && answer.current > 0) quote.price = answer.current;
        this.schedule();
      },
      // Trades still bring the price; only the day change waits for the next source.
      () => undefined,
    );
  }

  private onRawTrades(trades: readonly RawTrade[]): void {
    let moved = false;
    for (const trade of trades) {
      const quote = this.side.get(trade.s);
      const price = trade.p;
      if (quote === undefined || typeof price !== 'number' || !Number.isFinite(price) || price <= 0) continue;
      if (quote.price !== price) moved = true;
      quote.price = price;
    }
    if (moved) this.schedule();
  }

  private schedule(): void {
    if (this.timer !== null || this.stopped) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.publish();
    }, SIDE_PRICE_DELAY_MS);
  }

  private compute(holdings: Holdings): PortfolioFigures {
    const quote = (symbol: string): PortfolioQuote | undefined => {
      const snapshot = this.feed.store.snapshot(symbol);
      if (snapshot !== null)
        return this.published.get(symbol) ?? { price: snapshot.price, prevClose: snapshot.prevClose };
      const side = this.side.get(symbol);
      return side === undefined ? undefined : { price: side.price, prevClose: side.prevClose };
    };
    const today = this.today();
    this.lastDay = today;
    return computePortfolio({
      lots: holdings.lots,
      baseCurrency: holdings.baseCurrency,
      quote,
      rate: (symbol) => quote(symbol)?.price ?? null,
      today,
    });
  }

  private publish(): void {
    const figures = this.holdings === null ? null : this.compute(this.holdings);
    if (sameData(figures, this.last)) return;
    this.last = figures;
    this.changed.emit(figures);
  }
}

/**
 * Whether two plain data values (what computePortfolio returns: objects, arrays, strings, numbers,
 * booleans, null) are equal as their JSON would be: NaN equals NaN, and a key whose value is
 * undefined is the same as no key.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let count = 0;
  for (const key in left) {
    if (left[key] === undefined) continue;
    count += 1;
    if (!sameData(left[key], right[key])) return false;
  }
  for (const key in right) if (right[key] !== undefined) count -= 1;
  return count === 0;
}
