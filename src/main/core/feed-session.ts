/**
 * One watch list's data path: a trade source (Finnhub or demo) → tick store → publisher, with the
 * previous-close loader filling in change %. The source can be swapped (new key, demo ↔ live)
 * while the store and publisher stay, and the old source is always fully stopped before the new
 * one starts, so there is never more than one upstream socket.
 */
import { Signal } from '../../shared/signal';
import type { FeedStats, FeedStatus, SnapshotBatch } from '../../shared/types';
import type { TradeSource } from '../feed/trade-source';
import { PrevCloseLoader, type QuoteFetcher } from '../market/prev-close-loader';
import { QuotePublisher } from '../market/quote-publisher';
import { TickStore } from '../market/tick-store';

export interface FeedSessionOptions {
  symbols: readonly string[];
  rateHz: number;
  now?: () => number;
  random?: () => number;
}

export class FeedSession {
  readonly store: TickStore;
  readonly publisher: QuotePublisher;
  readonly batches: Signal<SnapshotBatch>;
  /** Status of whichever source is attached. */
  readonly status = new Signal<FeedStatus>();

  private readonly now: () => number;
  private readonly random: (() => number) | undefined;
  private source: TradeSource | null = null;
  private loader: PrevCloseLoader | null = null;
  private detachSource: (() => void) | null = null;
  private swapping: Promise<void> = Promise.resolve();
  private lastStatus: FeedStatus;

  constructor(options: FeedSessionOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random;
    this.store = new TickStore({ now: this.now });
    this.store.setSymbols(options.symbols);
    this.publisher = new QuotePublisher(this.store, { rateHz: options.rateHz, now: this.now });
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

  stats(): FeedStats | null {
    return this.source?.stats() ?? null;
  }

  /**
   * Stop the current source (awaiting its clean close), then attach and start the new one.
   * Calls are serialised: a second swap waits for the first to finish.
   */
  attach(source: TradeSource, quotes: QuoteFetcher | null): Promise<void> {
    this.swapping = this.swapping.then(async () => {
      await this.detach();
      this.source = source;
      const unsubscribeTrades = source.trades.subscribe((trades) => this.store.applyTrades(trades));
      const unsubscribeStatus = source.status.subscribe((status) => {
        this.lastStatus = status;
        this.status.emit(status);
      });
      this.detachSource = () => {
        unsubscribeTrades();
        unsubscribeStatus();
      };
      if (quotes) {
        this.loader = new PrevCloseLoader({
          rest: quotes,
          onQuote: (quote) => this.store.applyQuote(quote),
          now: this.now,
          ...(this.random ? { random: this.random } : {}),
        });
        this.loader.request(this.store.symbols());
      }
      source.setSymbols(this.store.symbols());
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
    this.source?.setSymbols(after);
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
  }

  async close(): Promise<void> {
    await this.swapping;
    await this.detach();
    this.publisher.stop();
  }
}
