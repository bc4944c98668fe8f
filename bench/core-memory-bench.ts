/**
 * The whole engine over simulated hours: a TickerCore (demo feed on 50 symbols, recurring alerts
 * set at the prices of the moment so they keep firing, a portfolio in another currency, so a rate
 * is followed beside the strip's symbols, every event serialised as the app's IPC does) on a
 * simulated clock. Heap after a full GC at points once every sparkline history is full; growth per
 * simulated hour is the least-squares slope over them. Needs global.gc (node --expose-gc).
 */
import { createTickerCore } from '../src/engine/core/create-ticker-core';
import { DemoSource } from '../src/engine/feed/demo-source';
import { DEFAULT_HISTORY_CAPACITY, DEFAULT_HISTORY_INTERVAL_MS } from '../src/engine/market/tick-store';
import { createMemoryStore } from '../src/engine/settings/key-value-store';
import { createSettings } from '../src/engine/settings/settings';
import type { EventName } from '../src/shared/ipc-contract';
import { fakeSafeStorage } from '../test/support/core-fixture';
import { BENCH_SYMBOL_NAMES } from './lib/market';
import { seededRandom } from './lib/prng';
import { createSimClock } from './lib/sim-clock';
import { linearTrend } from './lib/stats';

export interface CoreMemoryOptions {
  seed: number;
  /** Simulated hours measured after the warm-up. */
  hours: number;
  /** Heap points, evenly spread over the measured hours (the first at their start). */
  points: number;
  gc: () => void;
}

export interface CoreMemoryResult {
  heap_growth_mb_per_h: number;
  heap_growth_error_mb_per_h: number;
  trades: number;
  alert_firings: number;
}

export interface CoreMemoryDetails {
  points: { at_h: number; heap_mb: number }[];
  batches: number;
  /** Shortest sparkline history when measuring began (its capacity: nothing left to fill). */
  historyPoints: number;
}

const MB = 1024 * 1024;
/** A Monday 08:00 in New York: pre-market, then the open, the close and after-hours in 12 h. */
const START = Date.UTC(2026, 10, 30, 13, 0);
const STEP_MS = 1000;

function heapAfterGc(gc: () => void): number {
  for (let i = 0; i < 4; i += 1) gc();
  return process.memoryUsage().heapUsed;
}

export async function runCoreMemoryBench(
  options: CoreMemoryOptions,
): Promise<{ result: CoreMemoryResult; details: CoreMemoryDetails }> {
  const clock = createSimClock(START);
  const settings = createSettings({
    store: createMemoryStore(),
    safeStorage: fakeSafeStorage,
    platform: 'linux',
    now: clock.now,
  });
  settings.lists.setSymbols([...BENCH_SYMBOL_NAMES]);
  const core = createTickerCore({
    settings,
    clock,
    createDemoSource: (symbols) => new DemoSource({ symbols, clock, random: seededRandom(options.seed) }),
  });
  let batches = 0;
  let firings = 0;
  let bytes = 0;
  const stops = (Object.keys(core.events) as EventName[]).map((event) =>
    core.events[event].subscribe((payload: unknown) => {
      bytes += JSON.stringify(payload)?.length ?? 0;
      if (event === 'quotes') batches += 1;
      if (event === 'alert') firings += 1;
    }),
  );
  let time = START;
  const runFor = async (ms: number): Promise<void> => {
    const end = time + ms;
    while (time < end) {
      time = Math.min(end, time + STEP_MS);
      clock.advanceTo(time);
      // Let promise callbacks (the source's start, settings saves) run as they would between timers.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };

  try {
    core.start();
    await runFor(60_000);
    // Alerts that keep firing: recurring, no cooldown, at each price of the moment.
    for (const snapshot of (await core.handlers.getSnapshot()).slice(0, 10)) {
      if (snapshot.price === null) continue;
      settings.alerts.add({
        symbol: snapshot.symbol,
        metric: 'price',
        op: '>=',
        value: snapshot.price,
        recurring: true,
        cooldownS: 0,
      });
    }
    settings.portfolio.addLot({ symbol: 'AAPL', quantity: '10', price: '150', date: '2026-01-02', note: '' });
    settings.portfolio.setBaseCurrency('EUR');
    // Every history fills (a point per interval, up to its capacity) before the first point.
    // A point is taken at the first trade at least an interval after the last, so allow twice that.
    await runFor(2 * DEFAULT_HISTORY_CAPACITY * DEFAULT_HISTORY_INTERVAL_MS);
    const historyPoints = Math.min(...(await core.handlers.getSnapshot()).map((snapshot) => snapshot.history.length));
    const tradesBefore = (await core.handlers.getOverview()).stats.trades;

    const points: CoreMemoryDetails['points'] = [];
    const every = (options.hours * 3_600_000) / Math.max(1, options.points - 1);
    const firingsBefore = firings;
    for (let i = 0; i < options.points; i += 1) {
      if (i > 0) await runFor(every);
      points.push({ at_h: (i * every) / 3_600_000, heap_mb: heapAfterGc(options.gc) / MB });
    }
    if (batches === 0 || bytes === 0) throw new Error('core memory bench: nothing was published');
    const trend = linearTrend(points.map((point) => ({ x: point.at_h, y: point.heap_mb })));
    return {
      result: {
        heap_growth_mb_per_h: trend.slope,
        heap_growth_error_mb_per_h: trend.slopeError,
        trades: (await core.handlers.getOverview()).stats.trades - tradesBefore,
        alert_firings: firings - firingsBefore,
      },
      details: { points, batches, historyPoints },
    };
  } finally {
    stops.forEach((stop) => stop());
    await core.stop();
  }
}
