/**
 * Coalescing: a steady trade stream through protocol parsing, the TickStore and the QuotePublisher
 * at its default rate, on a simulated clock (faster than real time, same ordering). The naive
 * client gets the same frames and publishes once per trade.
 */
import { createDropCounts, parseFrame, type ParseContext } from '../src/engine/feed/protocol';
import { DEFAULT_PUBLISH_RATE_HZ, QuotePublisher } from '../src/engine/market/quote-publisher';
import { DEFAULT_HISTORY_CAPACITY, DEFAULT_HISTORY_INTERVAL_MS, TickStore } from '../src/engine/market/tick-store';
import {
  BENCH_SYMBOL_NAMES,
  benchRoutes,
  TradeItemGenerator,
  tradeFrameText,
  type FinnhubTradeItem,
} from './lib/market';
import { NaiveClient } from './lib/naive-client';
import { randomInt, seededRandom } from './lib/prng';
import { createSimClock } from './lib/sim-clock';

export interface CoalesceResult {
  input_trades_per_s: number;
  symbols: number;
  published_msgs_per_s: number;
  published_bytes_per_s: number;
  naive_msgs_per_s: number;
}

export interface CoalesceDetails {
  /** Simulated seconds. */
  seconds: number;
  trades: number;
  batches: number;
  /** Most batches published within any one simulated second. */
  maxBatchesInOneSecond: number;
  naiveBytesPerSecond: number;
}

export interface CoalesceOptions {
  tradesPerSecond: number;
  seconds: number;
  seed: number;
  /**
   * Run the store for a simulated 10 minutes first so every sparkline history is full, as in an app
   * that has been running a while (batches carry each changed symbol's whole history).
   */
  fullHistories: boolean;
}

/** Frames arrive every this many simulated ms, carrying the trades due since the previous one. */
const FRAME_INTERVAL_MS = 5;

export function runCoalesceBench(options: CoalesceOptions): { result: CoalesceResult; details: CoalesceDetails } {
  const prefillMs = options.fullHistories ? DEFAULT_HISTORY_CAPACITY * DEFAULT_HISTORY_INTERVAL_MS : 0;
  const clock = createSimClock(Date.now() - 60_000 - prefillMs);
  const store = new TickStore({ now: clock.now });
  store.setSymbols(BENCH_SYMBOL_NAMES);
  const publisher = new QuotePublisher(store, { rateHz: DEFAULT_PUBLISH_RATE_HZ, clock });
  const context: ParseContext = { subscribed: benchRoutes(store), sink: store, drops: createDropCounts() };
  const naive = new NaiveClient(new Set(BENCH_SYMBOL_NAMES));
  const random = seededRandom(options.seed);
  const generator = new TradeItemGenerator(random);

  let measureFrom = Number.POSITIVE_INFINITY;
  let batches = 0;
  let bytes = 0;
  const perSecond = new Map<number, number>();
  publisher.batches.subscribe((batch) => {
    // What Electron's IPC would carry (structured clone of about this size).
    bytes += Buffer.byteLength(JSON.stringify(batch));
    batches += 1;
    const second = Math.floor((batch.at - measureFrom) / 1000);
    perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
  });
  // Symbols start out "changed" (newly watched): publish that first batch before measuring.
  publisher.start();
  const prefillStart = clock.now();
  for (let at = prefillStart; at < prefillStart + prefillMs; at += DEFAULT_HISTORY_INTERVAL_MS) {
    clock.advanceTo(at);
    // Enough random trades that every symbol gets at least one in each history slot.
    for (let frame = 0; frame < 10; frame += 1) {
      const items: FinnhubTradeItem[] = [];
      for (let i = 0; i < 50; i += 1) items.push(generator.next(at));
      parseFrame(tradeFrameText(items), false, context);
    }
  }
  const start = prefillStart + prefillMs;
  clock.advanceTo(start);
  measureFrom = start;
  batches = 0;
  bytes = 0;
  perSecond.clear();

  const durationMs = options.seconds * 1000;
  let trades = 0;
  for (let elapsed = FRAME_INTERVAL_MS; elapsed <= durationMs; elapsed += FRAME_INTERVAL_MS) {
    const time = start + elapsed;
    clock.advanceTo(time);
    const due = Math.round((elapsed * options.tradesPerSecond) / 1000) - trades;
    // Finnhub packs up to ~50 trades per frame; split what is due into frames of random size.
    let left = due;
    while (left > 0) {
      const size = Math.min(left, randomInt(random, 1, 50));
      const items: FinnhubTradeItem[] = [];
      for (let i = 0; i < size; i += 1) items.push(generator.next(time));
      const text = tradeFrameText(items);
      parseFrame(text, false, context);
      naive.handleFrame(text);
      left -= size;
    }
    trades += due;
  }
  clock.advanceTo(start + durationMs);
  publisher.stop();

  const seconds = options.seconds;
  return {
    result: {
      input_trades_per_s: trades / seconds,
      symbols: BENCH_SYMBOL_NAMES.length,
      published_msgs_per_s: batches / seconds,
      published_bytes_per_s: bytes / seconds,
      naive_msgs_per_s: naive.published / seconds,
    },
    details: {
      seconds,
      trades,
      batches,
      maxBatchesInOneSecond: Math.max(0, ...perSecond.values()),
      naiveBytesPerSecond: naive.publishedBytes / seconds,
    },
  };
}
