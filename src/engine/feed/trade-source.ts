import type { FeedStats, FeedStatus } from '../../shared/types';
import type { Signal } from '../../shared/signal';
import type { RawTrade } from './protocol';
import type { TradeSink } from './trade-sink';

/**
 * Anything that produces trades for a list of symbols: the single Finnhub connection or the demo
 * simulator. Consumers (tick store, headless command) depend on this, never on a concrete source.
 */
export interface TradeSource {
  readonly kind: 'finnhub' | 'demo';
  /**
   * Deliver every valid trade of a symbol the sink keeps to it, straight from the frame (see
   * ./trade-sink: one symbol lookup per trade, no object per trade); null stops delivering.
   */
  setSink(sink: TradeSink | null): void;
  /**
   * The same accepted trades in Finnhub's shape, one emission per upstream frame (several symbols
   * may be mixed), emitted only while someone listens (so the per-trade path costs nothing without
   * listeners). The connection emits the objects exactly as Finnhub sent them, symbols the sink
   * does not keep included (a relay client's); the demo builds them in the same shape.
   */
  readonly rawTrades: Signal<readonly RawTrade[]>;
  /** Every status change. */
  readonly status: Signal<FeedStatus>;
  currentStatus(): FeedStatus;
  /** `trades` counts the valid trades of carried symbols, whether or not the sink keeps them. */
  stats(): FeedStats;
  /** Begin producing (connect, or start simulating). Idempotent. */
  start(): void;
  /** Replace the watched list; a live source diffs it into subscribe/unsubscribe, never reconnects. */
  setSymbols(symbols: readonly string[]): void;
  pause(): void;
  resume(): void;
  /** Skip any pending backoff and connect now (system resume, network back). */
  reconnectNow(): void;
  /** Clean close (code 1000), no reconnect afterwards. Resolves when the socket is gone. */
  stop(): Promise<void>;
}
