/**
 * Ingest: frames → parse → validate → store, against the floor (JSON.parse alone on the same
 * frames) and the naive client, in interleaved rounds over one deterministic corpus.
 */
import { createDropCounts, parseFrame } from '../src/engine/feed/protocol';
import { TradeRoutes } from '../src/engine/feed/trade-routes';
import { AlertEngine } from '../src/engine/alerts/alert-engine';
import { feedAlertsFromStore } from '../src/engine/alerts/feed-alerts-from-store';
import { TickStore } from '../src/engine/market/tick-store';
import type { AlertRule } from '../src/shared/alert-rules';
import { BENCH_SYMBOL_NAMES, buildFrameCorpus, type FrameCorpus } from './lib/market';
import { NaiveClient } from './lib/naive-client';
import { seededRandom } from './lib/prng';
import { median } from './lib/stats';

export interface IngestResult {
  trades: number;
  floor_ns_per_trade: number;
  ours_ns_per_trade: number;
  naive_ns_per_trade: number;
  ratio_vs_floor: number;
  /**
   * The same ratio from the process's CPU time, as the median of each round's ours / floor (the
   * two passes of a round run back to back). On a shared machine wall time also counts the time
   * the process waited for a core, and the load changes between rounds; this figure is steadier
   * there. On an idle machine the two agree.
   */
  ratio_vs_floor_cpu: number;
  trades_per_s: number;
}

export interface IngestOptions {
  frames: number;
  rounds: number;
  warmupRounds: number;
  seed: number;
  /**
   * Called once per round (e.g. global.gc). The bench runs leave it out: a forced full GC shrinks
   * the young generation, a cold start that a long-running app never sees every few ms and that
   * taxes the JavaScript passes far more than the native JSON.parse floor. Without it, each pass
   * still pays for the garbage it makes, through V8's own collections inside the timed loop.
   */
  collect?: () => void;
}

type Pass = (corpus: FrameCorpus) => number;

/** The floor: the JSON parse every client must pay, nothing else. */
const floorPass: Pass = (corpus) => {
  let seen = 0;
  for (const text of corpus.frames) {
    const message = JSON.parse(text) as { data?: unknown[] };
    seen += message.data?.length ?? 0;
  }
  return seen;
};

/** Alert rules on a few of the symbols, never true, so every trade of those symbols is evaluated. */
const BENCH_ALERT_RULES: AlertRule[] = BENCH_SYMBOL_NAMES.slice(0, 5).flatMap((symbol, i) => [
  { id: `p${i}`, symbol, metric: 'price', op: '>=', value: 1e9, recurring: true, cooldownS: 0, triggered: false },
  { id: `c${i}`, symbol, metric: 'change', op: '<=', value: -999, recurring: false, cooldownS: 0, triggered: false },
]);

/**
 * Ours: the app's real path, as the connection runs it: each frame parsed against the socket's
 * subscriptions (routed to the store's slots) straight into a fresh store watching the 50 symbols,
 * with alerts on 5. Counts what the store accepted.
 */
const oursPass: Pass = (corpus) => {
  const store = new TickStore();
  store.setSymbols(BENCH_SYMBOL_NAMES);
  const alerts = new AlertEngine();
  alerts.setRules(BENCH_ALERT_RULES);
  feedAlertsFromStore(store, alerts);
  const subscribed = new TradeRoutes(store);
  for (const symbol of BENCH_SYMBOL_NAMES) subscribed.add(symbol);
  const drops = createDropCounts();
  for (const text of corpus.frames) {
    parseFrame(text, false, { subscribed: subscribed.forFrame(), sink: subscribed.currentSink(), drops });
  }
  return store.stats().accepted;
};

const naivePass: Pass = (corpus) => {
  const client = new NaiveClient(new Set(BENCH_SYMBOL_NAMES));
  for (const text of corpus.frames) client.handleFrame(text);
  return client.published;
};

function timePass(pass: Pass, corpus: FrameCorpus): { ns: number; cpuNs: number; count: number } {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const count = pass(corpus);
  const ns = Number(process.hrtime.bigint() - start);
  const cpu = process.cpuUsage(cpuStart);
  return { ns, cpuNs: (cpu.user + cpu.system) * 1000, count };
}

export function runIngestBench(options: IngestOptions): IngestResult {
  const corpus = buildFrameCorpus(seededRandom(options.seed), options.frames, Date.now() - 60_000);
  const passes: [name: 'floor' | 'ours' | 'naive', pass: Pass][] = [
    ['floor', floorPass],
    ['ours', oursPass],
    ['naive', naivePass],
  ];
  const samples = { floor: [] as number[], ours: [] as number[], naive: [] as number[] };
  const cpuRatios: number[] = [];
  for (let round = 0; round < options.warmupRounds + options.rounds; round += 1) {
    options.collect?.();
    const cpu = { floor: 0, ours: 0, naive: 0 };
    // Rotate the order every round so no pass always runs first (right after the GC, or after
    // the slow one).
    for (let i = 0; i < passes.length; i += 1) {
      const [name, pass] = passes[(round + i) % passes.length] as [keyof typeof samples, Pass];
      const { ns, cpuNs, count } = timePass(pass, corpus);
      if (count !== corpus.trades) throw new Error(`ingest ${name}: handled ${count} of ${corpus.trades} trades`);
      if (round >= options.warmupRounds) samples[name].push(ns / corpus.trades);
      cpu[name] = cpuNs;
    }
    if (round >= options.warmupRounds && cpu.floor > 0) cpuRatios.push(cpu.ours / cpu.floor);
  }
  const floor = median(samples.floor);
  const ours = median(samples.ours);
  const naive = median(samples.naive);
  return {
    trades: corpus.trades,
    floor_ns_per_trade: floor,
    ours_ns_per_trade: ours,
    naive_ns_per_trade: naive,
    ratio_vs_floor: ours / floor,
    ratio_vs_floor_cpu: median(cpuRatios),
    trades_per_s: 1e9 / ours,
  };
}
