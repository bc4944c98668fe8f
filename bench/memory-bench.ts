/**
 * Memory: millions of trades through parsing, the TickStore and the QuotePublisher on a simulated
 * clock spanning hours (so every sparkline ring wraps many times); heap after a full GC, before vs
 * after. Needs global.gc (node --expose-gc).
 */
import { createDropCounts, parseFrame, type ParseContext } from '../src/engine/feed/protocol';
import { QuotePublisher } from '../src/engine/market/quote-publisher';
import { DEFAULT_HISTORY_CAPACITY, TickStore } from '../src/engine/market/tick-store';
import {
  BENCH_SYMBOL_NAMES,
  benchRoutes,
  TradeItemGenerator,
  tradeFrameText,
  type FinnhubTradeItem,
} from './lib/market';
import { randomInt, seededRandom } from './lib/prng';
import { createSimClock } from './lib/sim-clock';

export interface MemoryResult {
  trades: number;
  heap_growth_mb: number;
}

export interface MemoryDetails {
  heapBeforeMb: number;
  heapAfterMb: number;
  batches: number;
  simulatedHours: number;
  /** Longest sparkline history seen in the final snapshots (bounded by the store's capacity). */
  longestHistory: number;
  historyCapacity: number;
}

export interface MemoryOptions {
  trades: number;
  seed: number;
  /** Simulated trades per second (sets how long a day the run spans). */
  tradesPerSecond: number;
  gc: () => void;
}

const MB = 1024 * 1024;

function heapAfterGc(gc: () => void): number {
  // Several passes: finalizers and weak references can free more on the next one.
  for (let i = 0; i < 4; i += 1) gc();
  return process.memoryUsage().heapUsed;
}

export function runMemoryBench(options: MemoryOptions): { result: MemoryResult; details: MemoryDetails } {
  const startTime = Date.now() - 6 * 3_600_000;
  const clock = createSimClock(startTime);
  const store = new TickStore({ now: clock.now });
  store.setSymbols(BENCH_SYMBOL_NAMES);
  const publisher = new QuotePublisher(store, { clock });
  const context: ParseContext = { subscribed: benchRoutes(store), sink: store, drops: createDropCounts() };
  const random = seededRandom(options.seed);
  const generator = new TradeItemGenerator(random);
  let batches = 0;
  let quotesPublished = 0;
  publisher.batches.subscribe((batch) => {
    batches += 1;
    quotesPublished += batch.quotes.length;
  });
  publisher.start();

  let fed = 0;
  let time = startTime;
  const feed = (count: number): void => {
    const target = fed + count;
    while (fed < target) {
      const size = Math.min(target - fed, randomInt(random, 1, 50));
      time += (size * 1000) / options.tradesPerSecond;
      clock.advanceTo(time);
      const items: FinnhubTradeItem[] = [];
      for (let i = 0; i < size; i += 1) items.push(generator.next(Math.floor(time)));
      parseFrame(tradeFrameText(items), false, context);
      fed += size;
    }
  };

  // Warm up (JIT, first day, full rings) before the baseline, so only growth is measured.
  feed(Math.min(200_000, options.trades / 10));
  const before = heapAfterGc(options.gc);
  fed = 0;
  feed(options.trades);
  publisher.flush();
  const after = heapAfterGc(options.gc);
  const longestHistory = Math.max(0, ...store.snapshots().map((snapshot) => snapshot.history.length));
  publisher.stop();
  if (quotesPublished === 0) throw new Error('memory bench: nothing was published');

  return {
    result: { trades: options.trades, heap_growth_mb: (after - before) / MB },
    details: {
      heapBeforeMb: before / MB,
      heapAfterMb: after / MB,
      batches,
      simulatedHours: (time - startTime) / 3_600_000,
      longestHistory,
      historyCapacity: DEFAULT_HISTORY_CAPACITY,
    },
  };
}
