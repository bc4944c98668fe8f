/**
 * Ingest: frames → parse → validate → store, against the floor (JSON.parse alone on the same
 * frames), over one deterministic corpus; and the naive client for comparison.
 *
 * Floor and ours are measured in paired rounds, interleaved finely: each round takes the corpus in
 * chunks of a few hundred frames and runs every chunk through both sides back to back, the side
 * that goes first alternating from chunk to chunk and round to round. A change of load on a shared
 * machine, a collection of the young generation or a cold cache then lands on both sides alike,
 * and each round gives one ratio of the two sides' sums. The naive client runs in its own rounds
 * afterwards: the heaps of garbage it makes (and the larger young generation V8 grows for it) must
 * not land on whichever side happens to follow it.
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
  /** Median over the paired rounds of the round's wall time per trade (each side's chunks summed). */
  floor_ns_per_trade: number;
  ours_ns_per_trade: number;
  /** Median over the naive client's own rounds. */
  naive_ns_per_trade: number;
  /** The median over the paired rounds of each round's ours / floor in wall time: the bar. */
  ratio_vs_floor: number;
  /**
   * The same ratio from the main thread's CPU time (the thread that parses; V8's helper threads and
   * other processes do not count), as the median of each round's ours / floor. Wall time also
   * counts waits for a core on a shared machine; on an idle machine the two agree.
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

/** Frames per chunk: about 5,000 trades, a few ms per side, so the two sides see the same load. */
const CHUNK_FRAMES = 200;

/** The floor: the JSON parse every client must pay, nothing else. */
function floorChunk(frames: readonly string[], start: number, end: number): number {
  let seen = 0;
  for (let i = start; i < end; i += 1) {
    const message = JSON.parse(frames[i] as string) as { data?: unknown[] };
    seen += message.data?.length ?? 0;
  }
  return seen;
}

/** Alert rules on a few of the symbols, never true, so every trade of those symbols is evaluated. */
const BENCH_ALERT_RULES: AlertRule[] = BENCH_SYMBOL_NAMES.slice(0, 5).flatMap((symbol, i) => [
  { id: `p${i}`, symbol, metric: 'price', op: '>=', value: 1e9, recurring: true, cooldownS: 0, triggered: false },
  { id: `c${i}`, symbol, metric: 'change', op: '<=', value: -999, recurring: false, cooldownS: 0, triggered: false },
]);

/**
 * Ours: the app's real path, as the connection runs it: each frame parsed against the socket's
 * subscriptions (routed to the store's slots) straight into a store watching the 50 symbols, with
 * alerts on 5. A fresh one each round (its setup is timed with its first chunk), kept for the
 * round's chunks as the app keeps it.
 */
class OursPipeline {
  readonly store = new TickStore();
  private readonly routes: TradeRoutes;
  private readonly drops = createDropCounts();

  constructor() {
    this.store.setSymbols(BENCH_SYMBOL_NAMES);
    const alerts = new AlertEngine();
    alerts.setRules(BENCH_ALERT_RULES);
    feedAlertsFromStore(this.store, alerts);
    this.routes = new TradeRoutes(this.store);
    for (const symbol of BENCH_SYMBOL_NAMES) this.routes.add(symbol);
  }

  run(frames: readonly string[], start: number, end: number): void {
    const routes = this.routes;
    const drops = this.drops;
    for (let i = start; i < end; i += 1) {
      parseFrame(frames[i] as string, false, { subscribed: routes.forFrame(), sink: routes.currentSink(), drops });
    }
  }
}

function naivePass(corpus: FrameCorpus): number {
  const client = new NaiveClient(new Set(BENCH_SYMBOL_NAMES));
  for (const text of corpus.frames) client.handleFrame(text);
  return client.published;
}

/** Wall and main-thread CPU time of `work`, in ns. */
function timed(work: () => void): { ns: number; cpuNs: number } {
  const cpuStart = process.threadCpuUsage();
  const start = process.hrtime.bigint();
  work();
  const ns = Number(process.hrtime.bigint() - start);
  const cpu = process.threadCpuUsage(cpuStart);
  return { ns, cpuNs: (cpu.user + cpu.system) * 1000 };
}

interface PairedRound {
  floorNs: number;
  oursNs: number;
  floorCpuNs: number;
  oursCpuNs: number;
}

/** One paired round: every chunk through both sides back to back, alternating which goes first. */
function pairedRound(corpus: FrameCorpus, round: number): PairedRound {
  const frames = corpus.frames;
  const result: PairedRound = { floorNs: 0, oursNs: 0, floorCpuNs: 0, oursCpuNs: 0 };
  let ours: OursPipeline | null = null;
  let floorSeen = 0;
  for (let start = 0, chunk = 0; start < frames.length; start += CHUNK_FRAMES, chunk += 1) {
    const end = Math.min(frames.length, start + CHUNK_FRAMES);
    for (let turn = 0; turn < 2; turn += 1) {
      if ((round + chunk + turn) % 2 === 0) {
        const { ns, cpuNs } = timed(() => {
          floorSeen += floorChunk(frames, start, end);
        });
        result.floorNs += ns;
        result.floorCpuNs += cpuNs;
      } else {
        const { ns, cpuNs } = timed(() => {
          ours ??= new OursPipeline();
          ours.run(frames, start, end);
        });
        result.oursNs += ns;
        result.oursCpuNs += cpuNs;
      }
    }
  }
  const accepted = (ours as OursPipeline | null)?.store.stats().accepted ?? 0;
  if (floorSeen !== corpus.trades) throw new Error(`ingest floor: handled ${floorSeen} of ${corpus.trades} trades`);
  if (accepted !== corpus.trades) throw new Error(`ingest ours: handled ${accepted} of ${corpus.trades} trades`);
  return result;
}

export function runIngestBench(options: IngestOptions): IngestResult {
  const corpus = buildFrameCorpus(seededRandom(options.seed), options.frames, Date.now() - 60_000);
  const floor: number[] = [];
  const ours: number[] = [];
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  for (let round = 0; round < options.warmupRounds + options.rounds; round += 1) {
    options.collect?.();
    const paired = pairedRound(corpus, round);
    if (round < options.warmupRounds) continue;
    floor.push(paired.floorNs / corpus.trades);
    ours.push(paired.oursNs / corpus.trades);
    ratios.push(paired.oursNs / paired.floorNs);
    if (paired.floorCpuNs > 0) cpuRatios.push(paired.oursCpuNs / paired.floorCpuNs);
  }
  // The naive client is many times slower and only for comparison: fewer rounds of its own.
  const naive: number[] = [];
  const naiveRounds = Math.max(3, Math.ceil(options.rounds / 4));
  for (let round = 0; round < 1 + naiveRounds; round += 1) {
    options.collect?.();
    let count = 0;
    const { ns } = timed(() => {
      count = naivePass(corpus);
    });
    if (count !== corpus.trades) throw new Error(`ingest naive: handled ${count} of ${corpus.trades} trades`);
    if (round >= 1) naive.push(ns / corpus.trades);
  }
  const oursMedian = median(ours);
  return {
    trades: corpus.trades,
    floor_ns_per_trade: median(floor),
    ours_ns_per_trade: oursMedian,
    naive_ns_per_trade: median(naive),
    ratio_vs_floor: median(ratios),
    ratio_vs_floor_cpu: median(cpuRatios),
    trades_per_s: 1e9 / oursMedian,
  };
}
