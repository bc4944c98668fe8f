import type { FeedStats, FeedStatus, Trade } from '../../shared/types';
import type { Signal } from '../../shared/signal';
import type { RawTrade } from './protocol';

/**
 * Anything that produces trades for a list of symbols: the single Finnhub connection or the demo
 * simulator. Consumers (tick store, headless command) depend on this, never on a concrete source.
 */
export interface TradeSource {
  readonly kind: 'finnhub' | 'demo';
  /** Valid trades, one emission per upstream frame (several symbols may be mixed). */
  readonly trades: Signal<readonly Trade[]>;
  /**
   * The same accepted trades as Finnhub sent them, emitted only while someone listens (so the
   * per-trade path costs nothing without listeners). Sources that do not speak Finnhub's protocol
   * (the demo) leave it out.
   */
  readonly rawTrades?: Signal<readonly RawTrade[]>;
  /** Every status change. */
  readonly status: Signal<FeedStatus>;
  currentStatus(): FeedStatus;
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
