/**
 * `npm run bench` (full, about 13 minutes) or `npm run bench -- --quick` (about 3 minutes, same
 * measures, fewer and shorter samples): measures ingest, coalescing, memory, the calendar, the
 * relay, how fast the commands start, and in Chromium what the strip costs the whole browser, the
 * renderer's main thread, end-to-end latency, heap over a long run and startup; prints a table with
 * each bar, and writes bench/results.json and bench/latency.svg.
 * `--only strip,cli` runs just those sections (names: SECTIONS below); the other sections'
 * figures in results.json are kept from their last run (`measured` says when each was taken).
 * `--long-run-beside` runs the strip's long run beside its rounds instead of after them: about five
 * minutes shorter, but it moves some figures (strip-cost-bench.ts, `longRunBesideRounds`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchBrowser, type BenchBrowser } from './browser/bench-browser';
import { CHROMIUM_PATH } from '../test/e2e/harness/renderer-session';
import {
  runStripCostBench,
  SCENARIO_LABELS,
  SCENARIO_WINDOWS,
  SCENARIOS,
  type Scenario,
  type StripCostOptions,
  type StripCostResult,
} from './browser/strip-cost-bench';
import { runCalendarBench } from './calendar-bench';
import { runCoalesceBench } from './coalesce-bench';
import { runIngestBench } from './ingest-bench';
import { BARS } from './lib/bars';
import { writePerformanceDoc } from './performance-doc';
import { renderResultsSvg } from './lib/results-svg';
import { median, round } from './lib/stats';
import { runCoreMemoryBench } from './core-memory-bench';
import { runMemoryBench } from './memory-bench';
import { runRelayBench } from './relay-bench';
import { runCliStartBench } from './cli-start-bench';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));

/**
 * The Chromium rows are all in `strip`: the renderer's main-thread figures come from its trading
 * scenario's rounds, and the end-to-end latency from its long run at the same trade rate.
 */
const SECTIONS = ['ingest', 'coalesce', 'memory', 'calendar', 'relay', 'cli', 'strip'] as const;
type Section = (typeof SECTIONS)[number];

/** The sections named by `--only a,b` (or `--only=a,b`); every section without it. */
function chosenSections(argv: readonly string[]): Set<Section> {
  const index = argv.findIndex((arg) => arg === '--only' || arg.startsWith('--only='));
  if (index < 0) return new Set(SECTIONS);
  const arg = argv[index] as string;
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (argv[index + 1] ?? '');
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new Error(
      `--only takes a comma-separated list of ${SECTIONS.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`,
    );
  }
  return new Set(names as Section[]);
}

interface Plan {
  ingest: { frames: number; rounds: number; warmupRounds: number };
  coalesceSeconds: number;
  memoryTrades: number;
  /** Simulated hours of the whole core's memory run. */
  coreMemoryHours: number;
  calendarCalls: number;
  relaySeconds: number;
  /** Starts of each command's --help (and of bare node) in the command-start measure. */
  cliRuns: number;
  strip: Omit<StripCostOptions, 'seed' | 'tradesPerSecond'>;
}

const PLANS: Record<'quick' | 'full', Plan> = {
  quick: {
    ingest: { frames: 3000, rounds: 7, warmupRounds: 2 },
    coalesceSeconds: 5,
    memoryTrades: 2_000_000,
    coreMemoryHours: 3,
    calendarCalls: 1_000_000,
    relaySeconds: 3,
    cliRuns: 5,
    strip: {
      rounds: 3,
      settleMs: 1500,
      measureMs: 4000,
      soakMs: 60_000,
      soakFirstMs: 10_000,
      soakEveryMs: 10_000,
      startupRuns: 3,
    },
  },
  full: {
    ingest: { frames: 8000, rounds: 25, warmupRounds: 3 },
    coalesceSeconds: 10,
    memoryTrades: 2_000_000,
    coreMemoryHours: 12,
    calendarCalls: 5_000_000,
    relaySeconds: 8,
    cliRuns: 15,
    strip: {
      rounds: 3,
      settleMs: 2000,
      measureMs: 8000,
      soakMs: 300_000,
      soakFirstMs: 30_000,
      soakEveryMs: 20_000,
      startupRuns: 3,
    },
  },
};

type Row = [measure: string, figure: string, bar: string, verdict: 'PASS' | 'FAIL' | 'info'];

function verdict(ok: boolean): 'PASS' | 'FAIL' {
  return ok ? 'PASS' : 'FAIL';
}

function printTable(rows: readonly Row[]): void {
  const widths = [0, 1, 2, 3].map((column) =>
    Math.max(
      ...rows.map((row) => row[column]?.length ?? 0),
      ['Measure', 'Figure', 'Bar', 'Result'][column]?.length ?? 0,
    ),
  );
  const line = (cells: readonly string[]): string =>
    cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
  console.log(line(['Measure', 'Figure', 'Bar', 'Result']));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== 'function') {
    // The memory measure needs a full GC on demand: run again with --expose-gc.
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)],
      {
        stdio: 'inherit',
      },
    );
    return child.status ?? 1;
  }
  const quick = process.argv.includes('--quick');
  const longRunBesideRounds = process.argv.includes('--long-run-beside');
  const sections = chosenSections(process.argv.slice(2));
  const plan = PLANS[quick ? 'quick' : 'full'];
  const started = Date.now();
  const loadBefore = loadavg()[0] ?? Number.NaN;
  // Each section's wall time (the Chromium one includes starting the browser and building the pages).
  const sectionSeconds: Partial<Record<Section, number>> = {};
  let current: { section: Section; at: number } | null = null;
  const endSection = (): void => {
    if (current) sectionSeconds[current.section] = Math.round((Date.now() - current.at) / 100) / 10;
    current = null;
  };
  const step = (section: Section, name: string): void => {
    endSection();
    current = { section, at: Date.now() };
    console.log(`[bench] ${name}… (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  };
  let benchBrowser: BenchBrowser | null = null;
  /** One Chromium and one build of each kind for every browser row (bench-browser.ts). */
  const sharedBrowser = async (): Promise<BenchBrowser> => (benchBrowser ??= await startBenchBrowser());
  const date = new Date().toISOString();
  const resultsPath = join(BENCH_DIR, 'results.json');
  const previous =
    sections.size < SECTIONS.length && existsSync(resultsPath)
      ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as Record<string, unknown>)
      : {};
  const results: Record<string, unknown> = { ...previous };
  /** Only today's sections: a name a past run used (its rows now in another section) is dropped. */
  const ofToday = <T>(record: Record<string, T> | undefined): Record<string, T> =>
    Object.fromEntries(Object.entries(record ?? {}).filter(([name]) => (SECTIONS as readonly string[]).includes(name)));
  const measured = ofToday(previous.measured as Record<string, string> | undefined);
  const rows: Row[] = [];
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB/s`;

  let svg: {
    latency: NonNullable<StripCostResult['latency']>;
    renderer: NonNullable<StripCostResult['renderer']>;
  } | null = null;
  try {
    if (sections.has('ingest')) {
      step('ingest', 'ingest');
      const ingest = runIngestBench({ ...plan.ingest, seed: 20_241_125 });
      results.ingest = {
        trades: ingest.trades,
        floor_ns_per_trade: round(ingest.floor_ns_per_trade, 1),
        ours_ns_per_trade: round(ingest.ours_ns_per_trade, 1),
        naive_ns_per_trade: round(ingest.naive_ns_per_trade, 1),
        ratio_vs_floor: round(ingest.ratio_vs_floor, 3),
        ratio_vs_floor_cpu: round(ingest.ratio_vs_floor_cpu, 3),
        trades_per_s: Math.round(ingest.trades_per_s),
      };
      rows.push(
        ['Ingest: JSON.parse floor', `${round(ingest.floor_ns_per_trade, 1)} ns/trade`, '', 'info'],
        [
          'Ingest: ours (parse+validate+store)',
          `${round(ingest.ours_ns_per_trade, 1)} ns/trade (${(ingest.trades_per_s / 1e6).toFixed(2)} M trades/s)`,
          '',
          'info',
        ],
        [
          'Ingest: naive client',
          `${round(ingest.naive_ns_per_trade, 1)} ns/trade (${(ingest.naive_ns_per_trade / ingest.ours_ns_per_trade).toFixed(1)}× ours)`,
          '',
          'info',
        ],
        [
          'Ingest: ours / floor',
          `${ingest.ratio_vs_floor.toFixed(3)}`,
          `≤ ${BARS.ingestRatio}`,
          verdict(ingest.ratio_vs_floor <= BARS.ingestRatio),
        ],
        ['Ingest: ours / floor, CPU time per round', `${ingest.ratio_vs_floor_cpu.toFixed(3)}`, '', 'info'],
      );
    }

    if (sections.has('coalesce')) {
      step('coalesce', 'coalescing');
      const coalesceFresh = runCoalesceBench({
        tradesPerSecond: 20_000,
        seconds: plan.coalesceSeconds,
        seed: 11,
        fullHistories: false,
      });
      const coalesce = runCoalesceBench({
        tradesPerSecond: 20_000,
        seconds: plan.coalesceSeconds,
        seed: 11,
        fullHistories: true,
      });
      results.coalesce = {
        input_trades_per_s: Math.round(coalesce.result.input_trades_per_s),
        symbols: coalesce.result.symbols,
        published_msgs_per_s: round(coalesce.result.published_msgs_per_s, 2),
        published_bytes_per_s: Math.round(coalesce.result.published_bytes_per_s),
        naive_msgs_per_s: Math.round(coalesce.result.naive_msgs_per_s),
      };
      rows.push(
        [
          'Coalesce: messages/s to renderer',
          `${round(coalesce.result.published_msgs_per_s, 2)} (max ${coalesce.details.maxBatchesInOneSecond} in any 1 s) vs naive ${Math.round(coalesce.result.naive_msgs_per_s)}`,
          `≤ ${BARS.publishedPerSecond}`,
          verdict(
            coalesce.result.published_msgs_per_s <= BARS.publishedPerSecond &&
              coalesce.details.maxBatchesInOneSecond <= BARS.publishedPerSecond,
          ),
        ],
        [
          'Coalesce: bytes/s (full sparklines)',
          `${kb(coalesce.result.published_bytes_per_s)} (fresh store ${kb(coalesceFresh.result.published_bytes_per_s)}; naive ${kb(coalesce.details.naiveBytesPerSecond)})`,
          '',
          'info',
        ],
      );
    }

    if (sections.has('memory')) {
      step('memory', 'memory');
      const memory = runMemoryBench({ trades: plan.memoryTrades, seed: 5, tradesPerSecond: 500, gc });
      const core = await runCoreMemoryBench({ seed: 5, hours: plan.coreMemoryHours, points: 13, gc });
      results.memory = {
        trades: memory.result.trades,
        heap_growth_mb: round(memory.result.heap_growth_mb, 3),
        core: {
          simulated_hours: plan.coreMemoryHours,
          heap_growth_mb_per_h: round(core.result.heap_growth_mb_per_h, 4),
          heap_growth_error_mb_per_h: round(core.result.heap_growth_error_mb_per_h, 4),
          trades: core.result.trades,
          alert_firings: core.result.alert_firings,
          batches: core.details.batches,
          history_points: core.details.historyPoints,
          points: core.details.points.map((point) => ({
            at_h: round(point.at_h, 2),
            heap_mb: round(point.heap_mb, 3),
          })),
        },
      };
      rows.push([
        `Memory: the whole core, ${plan.coreMemoryHours} h simulated, sparklines full`,
        `${core.result.heap_growth_mb_per_h >= 0 ? '+' : ''}${core.result.heap_growth_mb_per_h.toFixed(3)} ± ${core.result.heap_growth_error_mb_per_h.toFixed(3)} MB/h (least squares, ${core.details.points.length} points; ${core.result.trades} trades, ${core.result.alert_firings} alerts fired)`,
        `≤ ${BARS.heapGrowthMbPerHour} MB/h`,
        verdict(core.result.heap_growth_mb_per_h <= BARS.heapGrowthMbPerHour),
      ]);
      rows.push([
        'Memory: heap growth, 2 M trades',
        `${round(memory.result.heap_growth_mb, 3)} MB (history ≤ ${memory.details.longestHistory}/${memory.details.historyCapacity}, ${memory.details.simulatedHours.toFixed(1)} h simulated)`,
        `≤ ${BARS.heapGrowthMb} MB`,
        verdict(
          memory.result.heap_growth_mb <= BARS.heapGrowthMb &&
            memory.details.longestHistory <= memory.details.historyCapacity,
        ),
      ]);
    }

    if (sections.has('calendar')) {
      step('calendar', 'market calendar');
      const calendar = runCalendarBench({ calls: plan.calendarCalls, seed: 17 });
      results.calendar = {
        steady_ns_per_call: round(calendar.steady_ns_per_call, 1),
        random_ns_per_call: Math.round(calendar.random_ns_per_call),
      };
      rows.push(
        [
          'Calendar: session lookup, time moving on',
          `${round(calendar.steady_ns_per_call, 1)} ns/call`,
          `≤ ${BARS.calendarNsPerCall} ns`,
          verdict(calendar.steady_ns_per_call <= BARS.calendarNsPerCall),
        ],
        [
          'Calendar: session lookup, unrelated instants',
          `${(calendar.random_ns_per_call / 1000).toFixed(1)} µs/call (every call a new span)`,
          '',
          'info',
        ],
      );
    }

    if (sections.has('cli')) {
      step('cli', 'cli: how fast the commands start');
      const cli = await runCliStartBench({ runs: plan.cliRuns });
      results.cli_start = cli;
      rows.push([
        'Command start: feed --help (as npm run feed starts it)',
        `${cli.feed_help_ms} ms (node -e 0: ${cli.node_ms} ms; market ${cli.market_help_ms}, settings ${cli.settings_help_ms} ms)`,
        `≤ ${BARS.commandStartMs} ms`,
        verdict(cli.feed_help_ms <= BARS.commandStartMs),
      ]);
    }

    if (sections.has('relay')) {
      step('relay', 'relay: the headless command serving websocket clients');
      const relay = await runRelayBench({
        clients: 8,
        symbolsPerClient: 10,
        tradesPerSecond: 20_000,
        phaseSeconds: plan.relaySeconds,
        seed: 31,
      });
      results.relay = Object.fromEntries(Object.entries(relay.result).map(([key, value]) => [key, round(value, 3)]));
      rows.push(
        [
          `Relay: ${relay.result.clients} clients × ${relay.result.symbols_per_client} symbols, upstream ${relay.result.upstream_trades_per_s} trades/s`,
          `${Math.round(relay.result.delivered_trades_per_s)} trades/s delivered, ${relay.result.lost_trades} lost`,
          'none lost',
          verdict(relay.result.lost_trades === 0),
        ],
        [
          'Relay: latency p50 / p99 (direct hop)',
          `${relay.result.relay_p50_ms.toFixed(1)} / ${relay.result.relay_p99_ms.toFixed(1)} ms (direct ${relay.result.direct_p50_ms.toFixed(1)} / ${relay.result.direct_p99_ms.toFixed(1)} ms): adds ${relay.result.added_p50_ms.toFixed(1)} / ${relay.result.added_p99_ms.toFixed(1)} ms`,
          '',
          'info',
        ],
        [
          'Relay: CPU per 1,000 forwarded trades',
          `${relay.result.cpu_ms_per_1000_forwarded.toFixed(3)} ms (the command's CPU with clients minus without)`,
          '',
          'info',
        ],
      );
    }

    if (sections.has('strip')) {
      step(
        'strip',
        'Chromium: what the strip costs the whole browser, renderer, latency, heap over a long run, startup',
      );
      const { result: strip, details } = await runStripCostBench(await sharedBrowser(), {
        ...plan.strip,
        tradesPerSecond: 1000,
        seed: 7,
        longRunBesideRounds,
      });
      const window = strip.window;
      const { latency, renderer } = strip;
      if (latency && renderer) {
        svg = { latency, renderer };
        results.latency_ms = {
          p50: round(latency.result.p50, 1),
          p95: round(latency.result.p95, 1),
          p99: round(latency.result.p99, 1),
          trades_per_s: Math.round(latency.result.trades_per_s),
          symbols: latency.result.symbols,
          /** Trades measured: those whose item was in view when sent (off-screen items update when near). */
          counted: latency.result.counted,
        };
        results.renderer = {
          window,
          busy_pct: round(renderer.result.busy_pct, 2),
          script_ms_per_s: round(renderer.result.script_ms_per_s, 1),
          layout_ms_per_s: round(renderer.result.layout_ms_per_s, 1),
          long_tasks: renderer.result.long_tasks,
          symbols: renderer.result.symbols,
          trades_per_s: Math.round(renderer.result.trades_per_s),
        };
        rows.push(
          [
            `Latency p50 / p95 (during the ${Math.round(strip.heap.run_s)} s long run, sparklines full)`,
            `${round(latency.result.p50, 1)} / ${round(latency.result.p95, 1)} ms (max ${latency.details.max.toFixed(1)}, ${latency.result.counted} in-view trades of ${latency.details.tally.sent} sent, ${latency.details.missing} never shown)`,
            '',
            'info',
          ],
          [
            'Latency p99',
            `${round(latency.result.p99, 1)} ms`,
            `≤ ${BARS.latencyP99Ms} ms`,
            verdict(latency.result.p99 <= BARS.latencyP99Ms && latency.details.missing === 0),
          ],
          [
            `Renderer: main thread busy, 1,000 trades/s (median of ${renderer.details.windows} windows of the trading strip, ${window.width}×${window.height})`,
            `${round(renderer.result.busy_pct, 2)} % (script ${round(renderer.result.script_ms_per_s, 1)}, layout ${round(renderer.result.layout_ms_per_s, 1)}, style ${renderer.details.style_ms_per_s.toFixed(1)} ms/s)`,
            `≤ ${BARS.busyPct} %`,
            verdict(renderer.result.busy_pct <= BARS.busyPct),
          ],
          [
            'Renderer: main-thread CPU, test bridge',
            `${renderer.details.cpu_pct.toFixed(2)} % CPU; bridge commands ${renderer.details.bridge_ms_per_s.toFixed(1)} ms/s`,
            '',
            'info',
          ],
          [
            'Renderer: layouts, style recalcs',
            `${renderer.details.layouts_per_s.toFixed(1)} / s, ${renderer.details.style_recalcs_per_s.toFixed(1)} / s`,
            '',
            'info',
          ],
          [
            'Renderer: long tasks (> 50 ms)',
            `${renderer.result.long_tasks} (longest ${renderer.details.longestTaskMs.toFixed(0)} ms)`,
            `= ${BARS.longTasks}`,
            verdict(renderer.result.long_tasks === BARS.longTasks),
          ],
        );
      }
      const figures = (values: readonly number[], digits = 2): string =>
        values.map((value) => value.toFixed(digits)).join(', ');
      /** A row over its floor, round by round (both measured in the same round), and their median. */
      const overFloor = (
        scenario: Scenario,
        floor: Scenario,
        field: 'cpu_pct' | 'main_busy_pct',
      ): { rounds: number[]; median: number } => {
        const rounds = details.rounds[scenario][field].map(
          (value, index) => value / (details.rounds[floor][field][index] ?? Number.NaN),
        );
        return { rounds, median: median(rounds) };
      };
      const idleOverMarquee = overFloor('strip_idle', 'marquee', 'cpu_pct');
      const mainOverMarquee = overFloor('strip_trading', 'marquee_trading', 'main_busy_pct');
      results.strip_cost = {
        rounds: plan.strip.rounds,
        window_s: plan.strip.measureMs / 1000,
        /** The strip window (CSS px): the default height preference, a common display's width. */
        strip_window: strip.window,
        scenarios: Object.fromEntries(
          SCENARIOS.map((scenario) => [
            scenario,
            {
              window: SCENARIO_WINDOWS[scenario],
              cpu_pct: round(strip.scenarios[scenario].cpu_pct, 2),
              ratio_to_blank: round(strip.scenarios[scenario].ratio, 2),
              main_busy_pct: round(strip.scenarios[scenario].main_busy_pct, 2),
              /** Animation frames per second the page ran just before its window (median). */
              frames_per_s: strip.scenarios[scenario].frames_per_s,
              rounds_cpu_pct: details.rounds[scenario].cpu_pct.map((value) => round(value, 2)),
            },
          ]),
        ),
        /** The idle scrolling strip over the marquee of the same round, median of the rounds. */
        idle_over_marquee: round(idleOverMarquee.median, 3),
        rounds_idle_over_marquee: idleOverMarquee.rounds.map((value) => round(value, 3)),
        /** The trading strip's main-thread busy share over the trading marquee's, same round, median. */
        trading_main_over_marquee: round(mainOverMarquee.median, 3),
        rounds_trading_main_over_marquee: mainOverMarquee.rounds.map((value) => round(value, 3)),
        /** The gliding strip's average speed over a few slides, against the scrolling speed. */
        glide: strip.glide
          ? {
              average_px_per_s: round(strip.glide.average_px_per_s, 2),
              speed_px_per_s: strip.glide.speed_px_per_s,
              slides: strip.glide.slides,
            }
          : null,
        heap: {
          js_heap_mb: round(strip.heap.js_heap_mb, 2),
          dom_nodes: strip.heap.dom_nodes,
          js_heap_growth_mb_per_h: round(strip.heap.js_heap_growth_mb_per_h, 2),
          dom_nodes_growth_per_h: Math.round(strip.heap.dom_nodes_growth_per_h),
          run_s: Math.round(strip.heap.run_s),
          /** The long run went on beside the rounds (`--long-run-beside`), not after them. */
          beside_rounds: longRunBesideRounds,
          js_heap_growth_error_mb_per_h: round(strip.heap.js_heap_growth_error_mb_per_h, 2),
          js_heap_residual_mb: round(strip.heap.js_heap_residual_mb, 3),
          history_points: strip.heap.history_points,
          fill_rounds: details.fillRounds,
          warm_lap_s: round(details.lapMs / 1000, 1),
          points: details.heapPoints.map((point) => ({
            at_s: round(point.at_s, 1),
            js_heap_mb: round(point.js_heap_mb, 2),
            dom_nodes: point.dom_nodes,
          })),
        },
        startup_ms: {
          demo: Math.round(strip.startup_ms.demo),
          fake_server: Math.round(strip.startup_ms.fake_server),
          steps: Object.fromEntries(
            (['demo', 'fake_server'] as const).map((feed) => [
              feed,
              Object.fromEntries(
                Object.entries(strip.startup_steps_ms[feed]).map(([step, ms]) => [step, Math.round(ms)]),
              ),
            ]),
          ),
          runs: {
            demo: details.startupRuns.demo.map((run) => Math.round(run.first_price_painted)),
            fake_server: details.startupRuns.fake_server.map((run) => Math.round(run.first_price_painted)),
          },
        },
      };
      const { scenarios } = strip;
      for (const scenario of SCENARIOS) {
        const { cpu_pct: cpu, ratio } = scenarios[scenario];
        const figure =
          scenario === 'blank'
            ? `${cpu.toFixed(2)} % of a core (rounds ${figures(details.rounds.blank.cpu_pct)})`
            : `${cpu.toFixed(2)} % of a core, ${ratio.toFixed(2)}× blank (rounds ${figures(details.rounds[scenario].ratio)}×)`;
        let bar = '';
        let result: Row[3] = 'info';
        if (scenario === 'strip_idle') {
          bar = `≤ ${BARS.idleStripCpuPct} % of a core`;
          result = verdict(cpu <= BARS.idleStripCpuPct);
        } else if (scenario === 'strip_glide') {
          const glide = strip.glide;
          const speedKept = glide !== null && Math.abs(glide.average_px_per_s / glide.speed_px_per_s - 1) <= 0.02;
          bar = `≤ ${BARS.glideOverBlank}× blank, items at ${glide ? `${glide.average_px_per_s.toFixed(1)} px/s on average over ${glide.slides} slides (scrolling ${glide.speed_px_per_s})` : 'an unmeasured speed'}`;
          result = verdict(ratio <= BARS.glideOverBlank && speedKept);
        } else if (scenario === 'strip_trading') {
          const overIdle = cpu / scenarios.strip_idle.cpu_pct;
          bar = `≤ ${BARS.tradingOverIdle}× idle (now ${overIdle.toFixed(2)}×)`;
          result = verdict(overIdle <= BARS.tradingOverIdle);
        } else if (scenario === 'strip_trading_tallest') {
          bar = `${(cpu / scenarios.strip_idle_tallest.cpu_pct).toFixed(2)}× idle at this height`;
        }
        const { width, height } = SCENARIO_WINDOWS[scenario];
        const frames = scenarios[scenario].frames_per_s;
        const shape = scenario === 'blank' ? '' : ` [${width}×${height}, ${Math.round(frames)} frames/s]`;
        rows.push([`Whole browser CPU: ${SCENARIO_LABELS[scenario]}${shape}`, figure, bar, result]);
      }
      const busy = scenarios.strip_trading.main_busy_pct;
      rows.push(
        [
          'Whole browser CPU: idle scrolling strip / the simplest ticker (same round, median)',
          `${idleOverMarquee.median.toFixed(2)}× (rounds ${figures(idleOverMarquee.rounds)}×)`,
          `≤ ${BARS.idleOverMarquee}×`,
          verdict(idleOverMarquee.median <= BARS.idleOverMarquee),
        ],
        [
          'Renderer main thread busy, 1,000 trades/s (median)',
          `${busy.toFixed(2)} % (rounds ${figures(details.rounds.strip_trading.main_busy_pct)}; no trades ${scenarios.strip_idle.main_busy_pct.toFixed(2)} %, hidden ${scenarios.hidden.main_busy_pct.toFixed(2)} %; the simplest ticker with the same batches ${scenarios.marquee_trading.main_busy_pct.toFixed(2)} %, ratio ${mainOverMarquee.median.toFixed(2)}×)`,
          `≤ ${BARS.mainBusyMedianPct} %`,
          verdict(busy <= BARS.mainBusyMedianPct),
        ],
        [
          `Renderer after ${Math.round(strip.heap.run_s)} s at 1,000 trades/s, sparklines full: JS heap, DOM nodes`,
          `${strip.heap.js_heap_mb.toFixed(2)} MB, ${strip.heap.dom_nodes} nodes; per hour ${strip.heap.js_heap_growth_mb_per_h >= 0 ? '+' : ''}${strip.heap.js_heap_growth_mb_per_h.toFixed(2)} MB ± ${strip.heap.js_heap_growth_error_mb_per_h.toFixed(2)} (least squares, ${details.heapPoints.length} points), ${strip.heap.dom_nodes_growth_per_h >= 0 ? '+' : ''}${Math.round(strip.heap.dom_nodes_growth_per_h)} nodes`,
          `≤ ${BARS.heapGrowthMbPerHour} MB/h, ≤ ${BARS.domNodesGrowthPerHour} nodes/h`,
          verdict(
            strip.heap.js_heap_growth_mb_per_h <= BARS.heapGrowthMbPerHour &&
              strip.heap.dom_nodes_growth_per_h <= BARS.domNodesGrowthPerHour,
          ),
        ],
        [
          'Startup: core created → first price painted (demo / fake server)',
          `${Math.round(strip.startup_ms.demo)} / ${Math.round(strip.startup_ms.fake_server)} ms (median of ${plan.strip.startupRuns}; demo: page ${Math.round(strip.startup_steps_ms.demo.page_created)}, test bridge ${Math.round(strip.startup_steps_ms.demo.bridge_attached)}, asked ${Math.round(strip.startup_steps_ms.demo.start_asked)}, answered ${Math.round(strip.startup_steps_ms.demo.start_answered)}, ready ${Math.round(strip.startup_steps_ms.demo.strip_ready)} ms; one test-bridge call ${Math.round(strip.startup_steps_ms.demo.bridge_round_trip)} ms)`,
          `≤ ${BARS.firstPriceMs} ms`,
          verdict(Math.max(strip.startup_ms.demo, strip.startup_ms.fake_server) <= BARS.firstPriceMs),
        ],
      );
    }
  } finally {
    endSection();
    // Assigned inside sharedBrowser(): TypeScript cannot see that here.
    await (benchBrowser as BenchBrowser | null)?.close();
  }

  const cpuList = cpus();
  const machine = {
    cpu: `${cpuList[0]?.model.trim() ?? 'unknown'} × ${cpuList.length}`,
    memory_gb: Math.round(totalmem() / 2 ** 30),
    os: `Linux ${release()}`,
    chromium: chromiumVersion(),
    /** The 1-minute load average when the run started and ended: above the core count, figures are noisy. */
    load_average: [round(loadBefore, 2), round(loadavg()[0] ?? Number.NaN, 2)],
  };
  for (const section of sections) measured[section] = date;
  Object.assign(results, {
    date,
    node: process.version,
    cpu: machine.cpu,
    machine,
    plan: quick ? 'quick' : 'full',
    measured,
  });
  // The run's length, when it ran every section (a partial run keeps the last whole run's), and
  // each section's latest time: their sum estimates a full run from partial ones.
  // Only full runs count: a quick run's times say nothing of a full one.
  if (sections.size === SECTIONS.length && !quick) results.duration_s = Math.round((Date.now() - started) / 1000);
  const sectionTimes = {
    ...ofToday(previous.section_s as Record<string, number> | undefined),
    ...(quick ? {} : sectionSeconds),
  };
  results.section_s = sectionTimes;

  console.log('');
  console.log(
    `Ticker benchmarks (${quick ? 'quick' : 'full'}; ${[...sections].join(', ')}) — ${date}, Node ${process.version}, ${machine.cpu}, load ${machine.load_average.join(' → ')}`,
  );
  printTable(rows);

  writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  if (svg) {
    writeFileSync(
      join(BENCH_DIR, 'latency.svg'),
      renderResultsSvg({
        title: `Ticker, 50 symbols at ${Math.round(svg.latency.result.trades_per_s)} trades/s over the long run (sparklines full) — ${date.slice(0, 10)}, ${machine.cpu}`,
        latencySamples: svg.latency.details.samples,
        latencyBarMs: BARS.latencyP99Ms,
        busyPerSecond: svg.renderer.details.perSecond.map((second) => second.busyPct),
        busyBarPct: BARS.busyPct,
      }),
    );
  }
  await writePerformanceDoc(resultsPath);
  const ran = SECTIONS.filter((section) => typeof sectionSeconds[section] === 'number');
  console.log(
    `\nThis run's sections: ${ran.map((section) => `${section} ${Math.round(sectionSeconds[section] ?? 0)} s`).join(', ')}.`,
  );
  const known = SECTIONS.filter((section) => typeof sectionTimes[section] === 'number');
  if (known.length === SECTIONS.length) {
    const estimate = known.reduce((sum, section) => sum + (sectionTimes[section] ?? 0), 0);
    console.log(`A full run ≈ ${(estimate / 60).toFixed(1)} min (each section's latest full-plan time).`);
  }
  console.log(
    `Wrote bench/results.json${svg ? ', bench/latency.svg' : ''} and docs/performance.md. Total wall time ${((Date.now() - started) / 1000).toFixed(0)} s (${((Date.now() - started) / 60_000).toFixed(1)} min).`,
  );
  return 0;
}

/** The browser the Chromium benches use, as it names itself. */
function chromiumVersion(): string {
  const answer = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return answer.status === 0 ? answer.stdout.trim() : 'unknown';
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
