/**
 * One watch list's data path: a trade source (Finnhub or demo) → tick store → publisher, with the
 * previous-close loader filling in change %. The source can be swapped (new key, demo ↔ live)
 * while the store and publisher stay, and the old source is always fully stopped before the new
 * one starts, so there is never more than one upstream socket.
 */
import { Signal } from '../../shared/signal';
import { DEFAULT_MAX_SYMBOLS } from '../../shared/symbols';
import type { FeedStats, FeedStatus, SnapshotBatch } from '../../shared/types';
import type { RawTrade } from '../feed/protocol';
import type { TradeSource } from '../feed/trade-source';
import { PrevCloseLoader, type QuoteFetcher } from '../market/prev-close-loader';
import { QuotePublisher } from '../market/quote-publisher';
import { TickStore } from '../market/tick-store';
import { SubscriptionUnion, type AddOutcome, type Eviction, type OwnerKind } from './subscription-union';
import { UpstreamPacer } from './upstream-pacer';
import { systemClock, type Clock } from '../../shared/clock';

export interface FeedSessionOptions {
  symbols: readonly string[];
  rateHz: number;
  /** The plan's cap on upstream symbols, counting Ticker's own and every other owner's. Default 50. */
  maxSymbols?: number;
  clock?: Clock;
  random?: () => number;
}

export class FeedSession {
  readonly store: TickStore;
  readonly publisher: QuotePublisher;
  readonly batches: Signal<SnapshotBatch>;
  /** Status of whichever source is attached. */
  readonly status = new Signal<FeedStatus>();
  /** Other owners' interests cut under the cap: for Ticker's own symbols, or another client's fair share. */
  readonly evicted = new Signal<readonly Eviction[]>();

  private readonly clock: Clock;
  private readonly now: () => number;
  private readonly random: (() => number) | undefined;
  private source: TradeSource | null = null;
  private loader: PrevCloseLoader | null = null;
  private detachSource: (() => void) | null = null;
  private swapping: Promise<void> = Promise.resolve();
  private lastStatus: FeedStatus;
  private readonly union: SubscriptionUnion;
  /** Other owners' changes reach the source coalesced and paced; Ticker's own go at once. */
  private readonly pacer: UpstreamPacer;
  private quotes: QuoteFetcher | null = null;
  private readonly rawListeners = new Signal<readonly RawTrade[]>();
  private rawForward: (() => void) | null = null;

  constructor(options: FeedSessionOptions) {
    this.clock = options.clock ?? systemClock;
    this.now = () => this.clock.now();
    this.random = options.random;
    this.store = new TickStore({ now: this.now });
    this.store.setSymbols(options.symbols);
    this.union = new SubscriptionUnion(options.maxSymbols ?? DEFAULT_MAX_SYMBOLS);
    this.union.setOwn(this.store.symbols());
    this.pacer = new UpstreamPacer({
      clock: this.clock,
      wanted: () => this.union.symbols(),
      apply: (symbols) => this.source?.setSymbols(symbols),
    });
    this.publisher = new QuotePublisher(this.store, { rateHz: options.rateHz, clock: this.clock });
    this.batches = this.publisher.batches;
    this.lastStatus = { state: 'stopped', since: this.now() };
    this.store.needsPrevClose.subscribe((symbols) => this.loader?.request(symbols));
    this.publisher.start();
  }

  currentSource(): TradeSource | null {
    return this.source;
  }

  currentStatus(): FeedStatus {
    return this.source?.currentStatus() ?? this.lastStatus;
  }

  /**
   * The source's figures with the store's refusals added in (implausible times, stale days…), so
   * `dropped` counts every trade that did not reach the strip. Null while no source is attached.
   */
  /** True while previous closes are queued or loading (other REST work should wait for them). */
  loadingPrevCloses(): boolean {
    return this.loader?.busy ?? false;
  }

  stats(): FeedStats | null {
    const stats = this.source?.stats();
    if (stats === undefined) return null;
    const store = this.store.stats();
    const droppedByReason = { ...stats.droppedByReason };
    for (const [reason, count] of Object.entries(store.droppedByReason)) {
      if (count > 0) droppedByReason[reason] = (droppedByReason[reason] ?? 0) + count;
    }
    return { ...stats, dropped: stats.dropped + store.dropped, droppedByReason };
  }

  /** Where quotes come from for the attached source (REST, or the demo's), if any. */
  quoteFetcher(): QuoteFetcher | null {
    return this.quotes;
  }

  /** Every symbol the upstream connection should carry: Ticker's own first, then other owners'. */
  upstreamSymbols(): string[] {
    return this.union.symbols();
  }

  /**
   * Another owner (a relay client, or a `ticker` helper such as the portfolio) wants a symbol
   * upstream; a new one is subscribed at once. A slot taken from another client is announced.
   */
  addInterest(owner: string, symbol: string, kind: OwnerKind = 'shared'): AddOutcome {
    const outcome = this.union.add(owner, symbol, kind);
    if (outcome === 'new') {
      if (kind === 'ticker') this.pushSubscriptions();
      else this.pacer.request();
    }
    const evicted = this.union.takeEvictions();
    if (evicted.length > 0) this.evicted.emit(evicted);
    return outcome;
  }

  /** Unsubscribed upstream only when neither Ticker nor any other owner still needs it. */
  removeInterest(owner: string, symbol: string): void {
    if (this.union.remove(owner, symbol)) this.changedFor(owner);
  }

  removeOwner(owner: string): void {
    const helper = this.union.isTickerOwner(owner);
    if (this.union.removeOwner(owner)) {
      if (helper) this.pushSubscriptions();
      else this.pacer.request();
    }
  }

  private changedFor(owner: string): void {
    if (this.union.isTickerOwner(owner)) this.pushSubscriptions();
    else this.pacer.request();
  }

  /**
   * Listen to accepted trades as Finnhub sent them (the demo's are built in the same shape). The
   * source is asked for them only while at least one listener exists.
   */
  subscribeRawTrades(listener: (trades: readonly RawTrade[]) => void): () => void {
    const unsubscribe = this.rawListeners.subscribe(listener);
    this.syncRawForward();
    return () => {
      unsubscribe();
      this.syncRawForward();
    };
  }

  private syncRawForward(): void {
    const source = this.source;
    const wanted = source !== null && this.rawListeners.size > 0;
    if (wanted && this.rawForward === null) {
      this.rawForward = source.rawTrades.subscribe((trades) => this.rawListeners.emit(trades));
    } else if (!wanted && this.rawForward !== null) {
      this.rawForward();
      this.rawForward = null;
    }
  }

  private pushSubscriptions(): void {
    this.pacer.pushNow();
  }

  /**
   * Stop the current source (awaiting its clean close), then attach and start the new one.
   * Calls are serialised: a second swap waits for the first to finish.
   */
  attach(source: TradeSource, quotes: QuoteFetcher | null): Promise<void> {
    this.swapping = this.swapping.then(async () => {
      await this.detach();
      this.source = source;
      // The source hands its trades straight to the store (one lookup per trade, no Trade objects).
      source.setSink(this.store);
      const unsubscribeStatus = source.status.subscribe((status) => {
        this.lastStatus = status;
        this.status.emit(status);
      });
      this.detachSource = () => {
        source.setSink(null);
        unsubscribeStatus();
      };
      this.quotes = quotes;
      this.syncRawForward();
      if (quotes) {
        this.loader = new PrevCloseLoader({
          rest: quotes,
          onQuote: (quote) => this.store.applyQuote(quote),
          clock: this.clock,
          ...(this.random ? { random: this.random } : {}),
        });
        this.loader.request(this.store.symbols());
      }
      this.pushSubscriptions();
      source.start();
    });
    return this.swapping;
  }

  /** Change the watched list: diffed by the store and by the live source (no reconnect). */
  setSymbols(symbols: readonly string[]): void {
    const before = new Set(this.store.symbols());
    this.store.setSymbols(symbols);
    const after = this.store.symbols();
    const removed = [...before].filter((symbol) => !after.includes(symbol));
    if (removed.length) this.loader?.forget(removed);
    const evicted = this.union.setOwn(after);
    this.pushSubscriptions();
    if (evicted.length > 0) this.evicted.emit(evicted);
  }

  /** Publish whatever changed right now (the final snapshot before exit). */
  flush(): SnapshotBatch | null {
    return this.publisher.flush();
  }

  /** Stop the source (clean close) and every timer. The session can be re-attached afterwards. */
  async detach(): Promise<void> {
    const source = this.source;
    this.loader?.stop();
    this.loader = null;
    if (!source) return;
    await source.stop();
    // The source's final status (stopped) has been forwarded; now cut it loose.
    this.detachSource?.();
    this.detachSource = null;
    this.source = null;
    this.quotes = null;
    this.syncRawForward();
  }

  async close(): Promise<void> {
    this.pacer.cancel();
    await this.swapping;
    await this.detach();
    this.publisher.stop();
  }
}
