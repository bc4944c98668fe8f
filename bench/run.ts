/**
 * `npm run bench` (full, a few minutes) or `npm run bench -- --quick` (under a minute, same
 * measures, fewer samples): measures ingest, coalescing, end-to-end latency, renderer cost and
 * memory, prints a table with each bar, and writes bench/results.json and bench/latency.svg.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBrowserBenches } from './browser/browser-benches';
import { runCalendarBench } from './calendar-bench';
import { runCoalesceBench } from './coalesce-bench';
import { runIngestBench } from './ingest-bench';
import { renderResultsSvg } from './lib/results-svg';
import { round } from './lib/stats';
import { runMemoryBench } from './memory-bench';
import { runRelayBench } from './relay-bench';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const PUBLISH_INTERVAL_MS = 100;

const BARS = {
  ingestRatio: 1.5,
  publishedPerSecond: 10,
  latencyP99Ms: PUBLISH_INTERVAL_MS + 50,
  busyPct: 5,
  longTasks: 0,
  heapGrowthMb: 5,
  calendarNsPerCall: 250,
};

interface Plan {
  ingest: { frames: number; rounds: number; warmupRounds: number };
  coalesceSeconds: number;
  memoryTrades: number;
  calendarCalls: number;
  relaySeconds: number;
  browser: { warmupMs: number; rendererMs: number; latencyMs: number };
}

const PLANS: Record<'quick' | 'full', Plan> = {
  quick: {
    ingest: { frames: 3000, rounds: 7, warmupRounds: 2 },
    coalesceSeconds: 5,
    memoryTrades: 2_000_000,
    calendarCalls: 1_000_000,
    relaySeconds: 3,
    browser: { warmupMs: 1500, rendererMs: 5000, latencyMs: 6000 },
  },
  full: {
    ingest: { frames: 8000, rounds: 25, warmupRounds: 3 },
    coalesceSeconds: 10,
    memoryTrades: 2_000_000,
    calendarCalls: 5_000_000,
    relaySeconds: 8,
    browser: { warmupMs: 3000, rendererMs: 10_000, latencyMs: 30_000 },
  },
};

type Row = [measure: string, figure: string, bar: string, verdict: 'PASS' | 'FAIL' | 'info'];

function verdict(ok: boolean): 'PASS' | 'FAIL' {
  return ok ? 'PASS' : 'FAIL';
}

function printTable(rows: readonly Row[]): void {
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0), ['Measure', 'Figure', 'Bar', 'Result'][column]?.length ?? 0));
  const line = (cells: readonly string[]): string => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
  console.log(line(['Measure', 'Figure', 'Bar', 'Result']));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== 'function') {
    // The memory measure needs a full GC on demand: run again with --expose-gc.
    const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
      stdio: 'inherit',
    });
    return child.status ?? 1;
  }
  const quick = process.argv.includes('--quick');
  const plan = PLANS[quick ? 'quick' : 'full'];
  const started = Date.now();
  const step = (name: string): void => console.log(`[bench] ${name}… (${((Date.now() - started) / 1000).toFixed(0)} s)`);

  step('ingest');
  const ingest = runIngestBench({ ...plan.ingest, seed: 20_241_125 });
  step('coalescing');
  const coalesceFresh = runCoalesceBench({ tradesPerSecond: 20_000, seconds: plan.coalesceSeconds, seed: 11, fullHistories: false });
  const coalesce = runCoalesceBench({ tradesPerSecond: 20_000, seconds: plan.coalesceSeconds, seed: 11, fullHistories: true });
  step('memory');
  const memory = runMemoryBench({ trades: plan.memoryTrades, seed: 5, tradesPerSecond: 500, gc });
  step('market calendar');
  const calendar = runCalendarBench({ calls: plan.calendarCalls, seed: 17 });
  step('relay: the headless command serving websocket clients');
  const relay = await runRelayBench({ clients: 8, symbolsPerClient: 10, tradesPerSecond: 20_000, phaseSeconds: plan.relaySeconds, seed: 31 });
  step('Chromium: renderer cost and end-to-end latency');
  const browser = await runBrowserBenches({ tradesPerSecond: 1000, seed: 99, ...plan.browser });
  const { latency, renderer } = browser;

  const cpuList = cpus();
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: `${cpuList[0]?.model.trim() ?? 'unknown'} × ${cpuList.length}`,
    ingest: {
      trades: ingest.trades,
      floor_ns_per_trade: round(ingest.floor_ns_per_trade, 1),
      ours_ns_per_trade: round(ingest.ours_ns_per_trade, 1),
      naive_ns_per_trade: round(ingest.naive_ns_per_trade, 1),
      ratio_vs_floor: round(ingest.ratio_vs_floor, 3),
      trades_per_s: Math.round(ingest.trades_per_s),
    },
    coalesce: {
      input_trades_per_s: Math.round(coalesce.result.input_trades_per_s),
      symbols: coalesce.result.symbols,
      published_msgs_per_s: round(coalesce.result.published_msgs_per_s, 2),
      published_bytes_per_s: Math.round(coalesce.result.published_bytes_per_s),
      naive_msgs_per_s: Math.round(coalesce.result.naive_msgs_per_s),
    },
    latency_ms: {
      p50: round(latency.result.p50, 1),
      p95: round(latency.result.p95, 1),
      p99: round(latency.result.p99, 1),
      trades_per_s: Math.round(latency.result.trades_per_s),
      symbols: latency.result.symbols,
      /** Trades measured: those whose item was in view when sent (off-screen items update when near). */
      counted: latency.result.counted,
    },
    renderer: {
      busy_pct: round(renderer.result.busy_pct, 2),
      script_ms_per_s: round(renderer.result.script_ms_per_s, 1),
      layout_ms_per_s: round(renderer.result.layout_ms_per_s, 1),
      long_tasks: renderer.result.long_tasks,
      symbols: renderer.result.symbols,
      trades_per_s: Math.round(renderer.result.trades_per_s),
    },
    memory: {
      trades: memory.result.trades,
      heap_growth_mb: round(memory.result.heap_growth_mb, 3),
    },
    calendar: {
      steady_ns_per_call: round(calendar.steady_ns_per_call, 1),
      random_ns_per_call: Math.round(calendar.random_ns_per_call),
    },
    relay: Object.fromEntries(Object.entries(relay.result).map(([key, value]) => [key, round(value, 3)])),
  };

  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB/s`;
  const rows: Row[] = [
    ['Ingest: JSON.parse floor', `${results.ingest.floor_ns_per_trade} ns/trade`, '', 'info'],
    ['Ingest: ours (parse+validate+store)', `${results.ingest.ours_ns_per_trade} ns/trade (${(results.ingest.trades_per_s / 1e6).toFixed(2)} M trades/s)`, '', 'info'],
    ['Ingest: naive client', `${results.ingest.naive_ns_per_trade} ns/trade (${(ingest.naive_ns_per_trade / ingest.ours_ns_per_trade).toFixed(1)}× ours)`, '', 'info'],
    ['Ingest: ours / floor', `${results.ingest.ratio_vs_floor.toFixed(3)}`, `≤ ${BARS.ingestRatio} (aim 1.2)`, verdict(ingest.ratio_vs_floor <= BARS.ingestRatio)],
    ['Coalesce: messages/s to renderer', `${results.coalesce.published_msgs_per_s} (max ${coalesce.details.maxBatchesInOneSecond} in any 1 s) vs naive ${results.coalesce.naive_msgs_per_s}`, `≤ ${BARS.publishedPerSecond}`, verdict(coalesce.result.published_msgs_per_s <= BARS.publishedPerSecond && coalesce.details.maxBatchesInOneSecond <= BARS.publishedPerSecond)],
    ['Coalesce: bytes/s (full sparklines)', `${kb(coalesce.result.published_bytes_per_s)} (fresh store ${kb(coalesceFresh.result.published_bytes_per_s)}; naive ${kb(coalesce.details.naiveBytesPerSecond)})`, '', 'info'],
    ['Latency p50 / p95', `${results.latency_ms.p50} / ${results.latency_ms.p95} ms (max ${latency.details.max.toFixed(1)}, ${latency.result.counted} in-view trades of ${latency.details.tally.sent} sent, ${latency.details.missing} never shown)`, '', 'info'],
    ['Latency p99', `${results.latency_ms.p99} ms`, `≤ ${BARS.latencyP99Ms} ms`, verdict(latency.result.p99 <= BARS.latencyP99Ms && latency.details.missing === 0)],
    ['Renderer: main thread busy', `${results.renderer.busy_pct} % (script ${results.renderer.script_ms_per_s}, layout ${results.renderer.layout_ms_per_s}, style ${renderer.details.style_ms_per_s.toFixed(1)} ms/s)`, `≤ ${BARS.busyPct} %`, verdict(renderer.result.busy_pct <= BARS.busyPct)],
    ['Renderer: main-thread CPU, test bridge', `${renderer.details.cpu_pct.toFixed(2)} % CPU; bridge commands ${renderer.details.bridge_ms_per_s.toFixed(1)} ms/s`, '', 'info'],
    ['Renderer: layouts, style recalcs', `${renderer.details.layouts_per_s.toFixed(1)} / s, ${renderer.details.style_recalcs_per_s.toFixed(1)} / s`, '', 'info'],
    ['Renderer: long tasks (> 50 ms)', `${results.renderer.long_tasks} (longest ${renderer.details.longestTaskMs.toFixed(0)} ms)`, `= ${BARS.longTasks}`, verdict(renderer.result.long_tasks === BARS.longTasks)],
    ['Memory: heap growth, 2 M trades', `${results.memory.heap_growth_mb} MB (history ≤ ${memory.details.longestHistory}/${memory.details.historyCapacity}, ${memory.details.simulatedHours.toFixed(1)} h simulated)`, `≤ ${BARS.heapGrowthMb} MB`, verdict(memory.result.heap_growth_mb <= BARS.heapGrowthMb && memory.details.longestHistory <= memory.details.historyCapacity)],
    ['Calendar: session lookup, time moving on', `${results.calendar.steady_ns_per_call} ns/call`, `≤ ${BARS.calendarNsPerCall} ns`, verdict(calendar.steady_ns_per_call <= BARS.calendarNsPerCall)],
    ['Calendar: session lookup, unrelated instants', `${(results.calendar.random_ns_per_call / 1000).toFixed(1)} µs/call (every call a new span)`, '', 'info'],
    [
      `Relay: ${relay.result.clients} clients × ${relay.result.symbols_per_client} symbols, upstream ${relay.result.upstream_trades_per_s} trades/s`,
      `${Math.round(relay.result.delivered_trades_per_s)} trades/s delivered, ${relay.result.lost_trades} lost`,
      'none lost',
      verdict(relay.result.lost_trades === 0),
    ],
    ['Relay: latency p50 / p99 (direct hop)', `${relay.result.relay_p50_ms.toFixed(1)} / ${relay.result.relay_p99_ms.toFixed(1)} ms (direct ${relay.result.direct_p50_ms.toFixed(1)} / ${relay.result.direct_p99_ms.toFixed(1)} ms): adds ${relay.result.added_p50_ms.toFixed(1)} / ${relay.result.added_p99_ms.toFixed(1)} ms`, '', 'info'],
    ['Relay: CPU per 1,000 forwarded trades', `${relay.result.cpu_ms_per_1000_forwarded.toFixed(3)} ms (the command's CPU with clients minus without)`, '', 'info'],
  ];

  console.log('');
  console.log(`Ticker benchmarks (${quick ? 'quick' : 'full'}) — ${results.date}, Node ${results.node}, ${results.cpu}`);
  printTable(rows);

  writeFileSync(join(BENCH_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(
    join(BENCH_DIR, 'latency.svg'),
    renderResultsSvg({
      title: `Ticker, 50 symbols at ${results.latency_ms.trades_per_s} trades/s — ${results.date.slice(0, 10)}, ${results.cpu}`,
      latencySamples: latency.details.samples,
      latencyBarMs: BARS.latencyP99Ms,
      busyPerSecond: renderer.details.perSecond.map((second) => second.busyPct),
      busyBarPct: BARS.busyPct,
    }),
  );
  console.log(`\nWrote bench/results.json and bench/latency.svg in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('[bench] failed:', error);
    process.exitCode = 1;
  },
);
