/**
 * Writes docs/performance.md from bench/results.json: what each benchmark measures, the latest
 * figures beside their goals, and what the figures mean. `npm run bench` calls it after writing
 * results.json; `npm run bench:doc` runs it alone (for example after editing this file).
 * Sections that results.json does not hold (a section never run) are left out, never invented.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { GLIDE_EVERY_MS, GLIDE_MS } from '../src/shared/glide-timing';
import { BARS, PUBLISH_INTERVAL_MS } from './lib/bars';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const RESULTS_PATH = join(BENCH_DIR, 'results.json');
export const DOC_PATH = resolve(BENCH_DIR, '..', 'docs', 'performance.md');

/** bench/results.json as far as the document reads it; every section is optional. */
export interface BenchResults {
  date?: string;
  node?: string;
  plan?: string;
  machine?: { cpu?: string; memory_gb?: number; os?: string; chromium?: string; load_average?: number[] };
  measured?: Record<string, string>;
  ingest?: {
    floor_ns_per_trade: number;
    ours_ns_per_trade: number;
    naive_ns_per_trade: number;
    ratio_vs_floor: number;
    ratio_vs_floor_cpu?: number;
    trades_per_s: number;
  };
  coalesce?: {
    input_trades_per_s: number;
    symbols: number;
    published_msgs_per_s: number;
    published_bytes_per_s: number;
    naive_msgs_per_s: number;
  };
  memory?: {
    trades: number;
    heap_growth_mb: number;
    core?: {
      simulated_hours: number;
      heap_growth_mb_per_h: number;
      heap_growth_error_mb_per_h: number;
      trades: number;
      alert_firings: number;
    };
  };
  calendar?: { steady_ns_per_call: number; random_ns_per_call: number };
  relay?: {
    clients: number;
    symbols_per_client: number;
    upstream_trades_per_s: number;
    delivered_trades_per_s: number;
    lost_trades: number;
    relay_p50_ms: number;
    relay_p99_ms: number;
    direct_p50_ms: number;
    direct_p99_ms: number;
    added_p50_ms: number;
    added_p99_ms: number;
    cpu_ms_per_1000_forwarded: number;
  };
  latency_ms?: { p50: number; p95: number; p99: number; trades_per_s: number; symbols: number; counted: number };
  renderer?: {
    window?: { width: number; height: number };
    busy_pct: number;
    script_ms_per_s: number;
    layout_ms_per_s: number;
    long_tasks: number;
    symbols: number;
    trades_per_s: number;
  };
  strip_cost?: {
    rounds: number;
    window_s: number;
    strip_window: { width: number; height: number };
    scenarios: Record<
      string,
      {
        window?: { width: number; height: number };
        cpu_pct: number;
        ratio_to_blank: number;
        main_busy_pct: number;
        frames_per_s: number | null;
      }
    >;
    heap?: {
      js_heap_mb: number;
      dom_nodes: number;
      js_heap_growth_mb_per_h: number;
      js_heap_growth_error_mb_per_h: number;
      dom_nodes_growth_per_h: number;
      run_s: number;
      points?: { js_heap_mb: number }[];
      /** Whether the long run went on beside the rounds (absent: after them, in the rounds' browser, as runs before that did). */
      beside_rounds?: boolean;
    };
    startup_ms?: { demo: number; fake_server: number; steps?: Record<string, Record<string, number>> };
    /** The idle scrolling strip over the marquee of the same round, median of the rounds. */
    idle_over_marquee?: number;
    /** The trading strip's main-thread busy share over the trading marquee's, same round, median. */
    trading_main_over_marquee?: number;
    glide?: { average_px_per_s: number; speed_px_per_s: number; slides: number } | null;
  };
  /** How long the whole run took, in seconds. */
  duration_s?: number;
  cli_start?: {
    runs: number;
    node_ms: number;
    feed_help_ms: number;
    market_help_ms?: number;
    settings_help_ms?: number;
  };
}

const n = (value: number, digits = 0): string =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const met = (ok: boolean): string => (ok ? '✅' : '❌');
const day = (iso: string | undefined): string => (iso ? iso.slice(0, 10) : 'unknown');
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** The strip-cost scenarios in the order the document lists them, with the words it uses. */
const SCENARIO_ROWS: [key: string, label: string][] = [
  ['blank', 'blank page'],
  ['marquee', 'the simplest ticker (the same items as text, one CSS keyframe animation)'],
  ['strip_idle', 'scrolling, no trades'],
  ['marquee_trading', 'the simplest ticker, 1,000 trades/s (each batch written as plain text to the items in view)'],
  ['strip_glide', 'gliding (a short slide every few seconds), no trades'],
  ['strip_trading', 'scrolling, 1,000 trades/s over 50 symbols'],
  ['paged', 'paged (reduced motion), no trades'],
  ['strip_economy', 'economy (on battery), no trades'],
  ['hidden', 'hidden, 1,000 trades/s into the store'],
  ['strip_idle_tallest', 'scrolling, no trades'],
  ['strip_trading_tallest', 'scrolling, 1,000 trades/s'],
];

type Row = [measure: string, what: string, figure: string, goal: string];

function summaryRows(r: BenchResults): Row[] {
  const rows: Row[] = [];
  if (r.ingest) {
    const i = r.ingest;
    rows.push([
      'Ingest',
      'Finnhub frames (1–50 trades, 50 symbols) → parse → validate → tick store, against `JSON.parse` alone on the same frames: both sides run each 200-frame chunk back to back (which goes first alternates), the ratio is the median of the rounds',
      `**${n(i.ours_ns_per_trade)} ns/trade** (${(i.trades_per_s / 1e6).toFixed(2)} M trades/s); \`JSON.parse\` alone ${n(i.floor_ns_per_trade)} ns; **ratio ${i.ratio_vs_floor.toFixed(2)}**${i.ratio_vs_floor_cpu === undefined ? '' : ` (${i.ratio_vs_floor_cpu.toFixed(2)} from CPU time)`}; a client that publishes every trade: ${n(i.naive_ns_per_trade)} ns`,
      `ratio ≤ ${BARS.ingestRatio} ${met(i.ratio_vs_floor <= BARS.ingestRatio)}`,
    ]);
  }
  if (r.coalesce) {
    const c = r.coalesce;
    rows.push([
      'Coalescing',
      `${n(c.input_trades_per_s)} trades/s over ${c.symbols} symbols through the tick store and the publisher`,
      `**${c.published_msgs_per_s} messages/s** to the windows, ${n(c.published_bytes_per_s / 1024)} KB/s; publishing every trade: ${n(c.naive_msgs_per_s)} messages/s`,
      `≤ ${BARS.publishedPerSecond}/s ${met(c.published_msgs_per_s <= BARS.publishedPerSecond)}`,
    ]);
  }
  if (r.latency_ms) {
    const l = r.latency_ms;
    rows.push([
      'Latency',
      `the fake Finnhub server sends a trade → connection, store, publisher, bridge → the price text changes in the strip in Chromium; ${n(l.trades_per_s)} trades/s over ${l.symbols} symbols for the whole long run (sparklines full), trades whose symbol is on screen`,
      `**p50 ${n(l.p50)} ms, p95 ${n(l.p95)} ms, p99 ${n(l.p99)} ms** (${n(l.counted)} trades)`,
      `p99 ≤ ${BARS.latencyP99Ms} ms ${met(l.p99 <= BARS.latencyP99Ms)}`,
    ]);
  }
  if (r.renderer) {
    const re = r.renderer;
    const size = re.window ? ` at ${re.window.width}×${re.window.height}` : '';
    rows.push([
      'Renderer',
      `main-thread cost of the scrolling strip, ${re.symbols} symbols at ${n(re.trades_per_s, 0)} trades/s (DevTools \`Performance.getMetrics\`: task time over wall time, median of the strip-cost rounds' trading windows)`,
      `**${re.busy_pct.toFixed(1)} % busy**${size} (script ${re.script_ms_per_s} ms/s, layout ${re.layout_ms_per_s} ms/s), **${re.long_tasks} long tasks**`,
      `≤ ${BARS.busyPct} % ${met(re.busy_pct <= BARS.busyPct)}, ${BARS.longTasks} long tasks ${met(re.long_tasks <= BARS.longTasks)}`,
    ]);
  }
  if (r.memory) {
    const m = r.memory;
    const core = m.core
      ? `; the whole core over ${m.core.simulated_hours} simulated hours **${m.core.heap_growth_mb_per_h.toFixed(3)} ± ${m.core.heap_growth_error_mb_per_h.toFixed(3)} MB/h** (${(m.core.trades / 1e6).toFixed(1)} M trades, ${n(m.core.alert_firings)} alerts fired)`
      : '';
    rows.push([
      'Memory (engine)',
      `${(m.trades / 1e6).toFixed(0)} million trades through store and publisher, heap after GC; and the whole core (demo feed on 50 symbols, recurring alerts, a holding in another currency, every event serialised as IPC does) with the sparklines full, growth per hour as a least-squares slope`,
      `**${m.heap_growth_mb >= 0 ? '+' : ''}${m.heap_growth_mb.toFixed(2)} MB** for ${(m.trades / 1e6).toFixed(0)} M trades${core}`,
      `≤ ${BARS.heapGrowthMb} MB ${met(m.heap_growth_mb <= BARS.heapGrowthMb)}${m.core ? `, ≤ ${BARS.heapGrowthMbPerHour} MB/h ${met(m.core.heap_growth_mb_per_h <= BARS.heapGrowthMbPerHour)}` : ''}`,
    ]);
  }
  const sc = r.strip_cost;
  const idle = sc?.scenarios.strip_idle;
  const trading = sc?.scenarios.strip_trading;
  const economy = sc?.scenarios.strip_economy;
  if (sc && idle && trading) {
    const over = trading.cpu_pct / idle.cpu_pct;
    rows.push([
      'Whole-browser CPU',
      `every Chromium process's CPU from the OS (\`/proc\`), ${sc.window_s} s windows, median of ${sc.rounds} rounds, the strip at ${sc.strip_window.width}×${sc.strip_window.height}`,
      `**idle strip ${idle.cpu_pct.toFixed(1)} %** of a core, **1,000 trades/s ${trading.cpu_pct.toFixed(1)} %** (${over.toFixed(2)}× idle)${economy ? `, economy ${economy.cpu_pct.toFixed(1)} %` : ''}: see [What the strip costs the machine](#what-the-strip-costs-the-machine)`,
      `idle ≤ ${BARS.idleStripCpuPct} % ${met(idle.cpu_pct <= BARS.idleStripCpuPct)}${economy ? ` (economy ${met(economy.cpu_pct <= BARS.idleStripCpuPct)})` : ''}; trading ≤ ${BARS.tradingOverIdle}× idle ${met(over <= BARS.tradingOverIdle)}`,
    ]);
    rows.push([
      'Renderer, median',
      "the strip page's main-thread busy share in the same 1,000 trades/s windows, median of the rounds",
      `**${trading.main_busy_pct.toFixed(1)} %** busy`,
      `≤ ${BARS.mainBusyMedianPct} % ${met(trading.main_busy_pct <= BARS.mainBusyMedianPct)}`,
    ]);
  }
  if (sc?.heap) {
    const h = sc.heap;
    rows.push([
      'Renderer, long run',
      'JS heap (after a forced GC) and DOM nodes of the strip page at 1,000 trades/s with every sparkline full, a point every 20 s, growth per hour as their least-squares slope',
      `${h.js_heap_mb.toFixed(2)} MB heap, ${n(h.dom_nodes)} DOM nodes after ${h.run_s} s; **heap ${h.js_heap_growth_mb_per_h >= 0 ? '+' : ''}${h.js_heap_growth_mb_per_h.toFixed(2)} ± ${h.js_heap_growth_error_mb_per_h.toFixed(2)} MB/h**, nodes ${h.dom_nodes_growth_per_h >= 0 ? '+' : ''}${h.dom_nodes_growth_per_h}/h`,
      `≤ ${BARS.heapGrowthMbPerHour} MB/h ${met(h.js_heap_growth_mb_per_h <= BARS.heapGrowthMbPerHour)}, no node growth ${met(h.dom_nodes_growth_per_h <= BARS.domNodesGrowthPerHour)}`,
    ]);
  }
  if (sc?.startup_ms) {
    const st = sc.startup_ms;
    rows.push([
      'Startup',
      'from creating the core to the first price painted in the strip (the shipped, minified bundle; the page created as the core starts, as the app does), median of the runs',
      `**${s(st.demo)}** demo feed, **${s(st.fake_server)}** fake server`,
      `≤ ${s(BARS.firstPriceMs)} ${met(Math.max(st.demo, st.fake_server) <= BARS.firstPriceMs)}`,
    ]);
  }
  if (r.calendar) {
    rows.push([
      'Market calendar',
      'the session of a symbol for instants moving on (as the tick store and the strip ask), 50 symbols; and for unrelated instants',
      `**${r.calendar.steady_ns_per_call} ns/call**; unrelated instants ${n(r.calendar.random_ns_per_call / 1000)} µs/call`,
      `≤ ${BARS.calendarNsPerCall} ns ${met(r.calendar.steady_ns_per_call <= BARS.calendarNsPerCall)}`,
    ]);
  }
  if (r.cli_start) {
    const c = r.cli_start;
    rows.push([
      'Command start',
      `\`feed --help\` as \`npm run feed\` starts it (\`node scripts/cli.mjs feed\`: checks the build is current, loads the bundle), from start to exit, beside a bare \`node -e 0\`, median of ${c.runs} runs`,
      `**${s(c.feed_help_ms)}** (\`node -e 0\`: ${s(c.node_ms)})`,
      `≤ ${s(BARS.commandStartMs)} ${met(c.feed_help_ms <= BARS.commandStartMs)}`,
    ]);
  }
  return rows;
}

/**
 * Each goal against its floor, where it has one: what the same work costs done the simplest way
 * (`JSON.parse` alone for ingest; one CSS keyframe animation for the scrolling strip, and the same
 * with each batch written as plain text for the renderer's main thread; a blank page for the gliding
 * strip), the figure over it, and the goal on that ratio or on the figure itself.
 */
function goalRows(r: BenchResults): string[][] {
  const rows: string[][] = [];
  const ratioGoal = (ratio: number, goal: number): string => `≤ ${goal}× ${met(ratio <= goal)}`;
  if (r.ingest) {
    const i = r.ingest;
    rows.push([
      'Ingest, per trade',
      `${n(i.ours_ns_per_trade)} ns`,
      `\`JSON.parse\` alone: ${n(i.floor_ns_per_trade)} ns`,
      `${i.ratio_vs_floor.toFixed(2)}×${i.ratio_vs_floor_cpu === undefined ? '' : ` (CPU time ${i.ratio_vs_floor_cpu.toFixed(2)}×)`}`,
      ratioGoal(i.ratio_vs_floor, BARS.ingestRatio),
    ]);
  }
  const sc = r.strip_cost;
  const marquee = sc?.scenarios.marquee;
  const idle = sc?.scenarios.strip_idle;
  if (marquee && idle && sc?.idle_over_marquee !== undefined) {
    rows.push([
      'Idle scrolling strip, whole-browser CPU',
      `${idle.cpu_pct.toFixed(2)} % of a core`,
      `the simplest ticker: ${marquee.cpu_pct.toFixed(2)} %`,
      `${sc.idle_over_marquee.toFixed(2)}× (same round, median)`,
      ratioGoal(sc.idle_over_marquee, BARS.idleOverMarquee),
    ]);
  }
  const glide = sc?.scenarios.strip_glide;
  const blank = sc?.scenarios.blank;
  if (glide && blank) {
    const speed = sc?.glide
      ? `; items at ${sc.glide.average_px_per_s.toFixed(1)} px/s on average (scrolling: ${sc.glide.speed_px_per_s})`
      : '';
    rows.push([
      'Idle gliding strip, whole-browser CPU',
      `${glide.cpu_pct.toFixed(2)} % of a core${speed}`,
      `a blank page: ${blank.cpu_pct.toFixed(2)} %`,
      `${glide.ratio_to_blank.toFixed(2)}× (same round, median)`,
      ratioGoal(glide.ratio_to_blank, BARS.glideOverBlank),
    ]);
  }
  const trading = sc?.scenarios.strip_trading;
  if (trading) {
    const floor = sc?.scenarios.marquee_trading;
    const hasFloor = floor !== undefined && sc?.trading_main_over_marquee !== undefined;
    rows.push([
      'Renderer main thread, 1,000 trades/s',
      `${trading.main_busy_pct.toFixed(1)} % busy (median)`,
      hasFloor ? `the simplest ticker with the same batches: ${floor.main_busy_pct.toFixed(1)} %` : '—',
      hasFloor ? `${sc.trading_main_over_marquee?.toFixed(2)}× (same round, median)` : '—',
      `≤ ${BARS.mainBusyMedianPct} % ${met(trading.main_busy_pct <= BARS.mainBusyMedianPct)}`,
    ]);
  }
  if (sc?.startup_ms && Number.isFinite(sc.startup_ms.demo)) {
    const worst = Math.max(sc.startup_ms.demo, sc.startup_ms.fake_server);
    rows.push([
      'First price',
      `${s(sc.startup_ms.demo)} demo, ${s(sc.startup_ms.fake_server)} fake server (median)`,
      '—',
      '—',
      `≤ ${s(BARS.firstPriceMs)} ${met(worst <= BARS.firstPriceMs)}`,
    ]);
  }
  if (r.latency_ms) {
    rows.push([
      'Latency, p99',
      `${n(r.latency_ms.p99)} ms`,
      `one batch interval: ${n(PUBLISH_INTERVAL_MS)} ms`,
      `${(r.latency_ms.p99 / PUBLISH_INTERVAL_MS).toFixed(2)}×`,
      `≤ ${BARS.latencyP99Ms} ms ${met(r.latency_ms.p99 <= BARS.latencyP99Ms)}`,
    ]);
  }
  if (r.duration_s !== undefined) {
    rows.push([
      'The whole bench (its last run with every section)',
      `${n(r.duration_s / 60, 1)} min`,
      '—',
      '—',
      `≤ ${BARS.fullRunMinutes} min ${met(r.duration_s / 60 <= BARS.fullRunMinutes)}`,
    ]);
  }
  return rows;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function stripCostSection(r: BenchResults): string[] {
  const sc = r.strip_cost;
  if (!sc) return [];
  const rows = SCENARIO_ROWS.flatMap(([key, label]) => {
    const row = sc.scenarios[key];
    if (!row) return [];
    const window = row.window ?? sc.strip_window;
    const size = `${window.width}×${window.height}`;
    return [
      [
        `${label}, ${size}`,
        row.cpu_pct.toFixed(2),
        key === 'blank' ? '1' : `${row.ratio_to_blank.toFixed(1)}×`,
        key === 'blank' ? '—' : `${row.main_busy_pct.toFixed(1)} % busy`,
        row.frames_per_s === null ? '—' : String(row.frames_per_s),
      ],
    ];
  });
  const longRunBeside =
    sc.heap?.beside_rounds === true
      ? "The long run (below) went on at the same time (`--long-run-beside`), in a Chromium and a Node process of its own (its own core and fake server), whose processes are not in these sums. That moves some figures: every page a round opens stalls this two-core machine for up to half a second, which shows in the long run's latency tail, and with the other core busy the blank page reads lower (so every ratio to it higher) and the trading strip's main thread busier."
      : `The long run (below) ran after the rounds${sc.heap?.beside_rounds === false ? ', in a Chromium and a Node process of its own' : ''}.`;
  const out = [
    '## What the strip costs the machine',
    `The bench opens the strip as users run it: a window as tall as the height preference's default (${sc.strip_window.height} px) and as wide as a common display (${sc.strip_window.width} px); two more rows measure it at the tallest height the preference allows. Every Chromium process's CPU time is read from the OS (each thread's run time in nanoseconds, \`/proc/<pid>/task/<tid>/schedstat\`, over the whole process tree: browser, renderer, GPU/viz, utilities) over ${sc.window_s} s windows, one page open at a time, in ${sc.rounds} rounds, each through every row of the table below in its order; each figure is the median of the rounds, and the ratio is to the blank page of the same round. Each row also records the animation frames per second the page ran just before its window, so a starved page shows as one. ${longRunBeside}`,
    table(
      ['strip state', 'whole-browser CPU (% of one core)', 'ratio to blank', 'renderer main thread', 'frames/s'],
      rows,
    ),
    "Headless Chromium draws a page shorter than about 80 px only about twice a second, which would make the real-sized strip look nearly free, so the page's viewport stays 120 px tall and the document is cut to the window's height: the strip lays out, paints and composites at its real size and the rest is a background no frame redraws.",
    "Where the idle cost goes (a Chromium trace of every process, the strip idle at the default 60 px/s): 60 frames a second, each about half a millisecond on the renderer's compositor thread and as much on the GPU process's viz thread (software drawing, no GPU here), while the page's main thread is nearly idle. Two composited layers draw, the page and the scrolling track. So the idle cost is the frame rate times the cost of compositing a frame, and the frame's height changes it little.",
    'What keeps it down:',
    [
      '- **Nothing drawn while hidden.** While the screen is locked, the system sleeps or no strip is on screen, main holds the quote batches (the feed keeps the store current) and tells the strips to stop; on return one batch brings every price that changed.',
      '- **A frame only when the picture moves.** Below one device pixel per frame the scroll steps a whole device pixel at a time instead of gliding by fractions, so the compositor draws only when something moved.',
      '- **Economy mode** (on battery by default): the strip shows a page of symbols at a time instead of scrolling. Stepping the scroll in bigger jumps or moving a paused animation from a timer saved less: the compositor still ticks every frame for a running animation, and a timer moves the cost to the main thread.',
      `- **Gliding** (a choice on mains power and in economy): the strip stands still and every ${GLIDE_EVERY_MS / 1000} s slides by what the scroll covers in that time, in one eased ${GLIDE_MS} ms animation that holds its end, so frames are made only while it slides and items still cross the screen at the scrolling speed on average. Its keyframes sit on whole device pixels, so each frame is copied rather than resampled (a quarter less work per frame for a software compositor). Its row is measured over a whole number of glide intervals (the shortest at least ${sc.window_s} s), so every window holds the same number of slides.`,
      '- **Two layers**: the page and the track; no layer per item or per flash.',
      "- **Where a batch's work goes** at 1,000 trades/s: more than half of the page's script time is Chromium re-shaping text inside the writes of the text nodes (so the change and the percent share one node: two writes per moved price, not three); each batch then costs one layout of about a millisecond and a commit. Layout containment on fixed-width slots, `position: relative` items and replacing text nodes instead of writing them were measured and gave nothing, so none of them is shipped.",
    ].join('\n'),
  ];
  if (sc.heap) {
    const h = sc.heap;
    const points = h.points ?? [];
    const range =
      points.length > 1
        ? ` (${points.length} points from ${points[0]?.js_heap_mb.toFixed(2)} to ${points[points.length - 1]?.js_heap_mb.toFixed(2)} MB)`
        : '';
    out.push(
      '### The long run',
      `A strip reaches its steady state only after about ten minutes: each symbol's sparkline history fills (a point per 5 s up to its cap), the scroll brings every item near once and V8 compiles the hot paths. The long run therefore runs${h.beside_rounds === true ? ', beside the rounds above and in a browser of its own,' : ''} a core whose clock steps one sparkline interval per round of trades until every history is full, opens the strip, draws every item once in a lap at the fastest speed, goes back to the default speed and takes a point every 20 s, each the least of three forced GCs (a batch in flight during one collection is not growth; a leak is in all three). Growth per hour is the least-squares slope of those points with its standard error.`,
      `Latest: ${h.js_heap_mb.toFixed(2)} MB of JS heap and ${n(h.dom_nodes)} DOM nodes after ${h.run_s} s${range}; **${h.js_heap_growth_mb_per_h >= 0 ? '+' : ''}${h.js_heap_growth_mb_per_h.toFixed(2)} ± ${h.js_heap_growth_error_mb_per_h.toFixed(2)} MB/h**, DOM nodes ${h.dom_nodes_growth_per_h >= 0 ? '+' : ''}${h.dom_nodes_growth_per_h}/h. Heap snapshots compared by constructor and retainer find nothing of the page's own accumulating (quote entries, item views, the accessible list and React's fibers are replaced, not added); what grows early is compiled code and Chromium's own capped caches.`,
    );
  }
  return out;
}

function startupSection(r: BenchResults): string[] {
  const st = r.strip_cost?.startup_ms;
  if (!st) return [];
  const steps = st.steps?.demo;
  const LABELS: Record<string, string> = {
    first_batch: "the core's first batch with a price",
    page_created: 'page created',
    bridge_attached: 'test bridge attached',
    start_asked: 'the page asks for its start',
    start_answered: "main's answer in the page",
    strip_ready: 'strip drawn from it',
    first_price_painted: 'first price painted',
  };
  const stepLine = steps
    ? ` With the demo feed: ${Object.entries(LABELS)
        .filter(([key]) => steps[key] !== undefined)
        .map(([key, label]) => `${label} ${s(steps[key] ?? 0)}`)
        .join(
          ', ',
        )}${steps.bridge_round_trip === undefined ? '' : `; one test-bridge call ${n(steps.bridge_round_trip)} ms`}.`
    : '';
  return [
    '## Startup',
    `From creating the core to the first price painted: **${s(st.demo)}** with the demo feed, **${s(st.fake_server)}** against the fake server (median).${stepLine}`,
    "The app creates the strip's window before it starts the core and neither waits for the other; the bench does the same and loads the renderer as shipped (minified). The strip asks main for everything it draws first (settings, snapshot, status, portfolio) in one call as soon as its script runs, and its first render draws the prices straight from the answer, so the window's first paint is a strip with prices. That render draws only the first screen: one copy of the lane with the items that fill the window; the other items, the lane's copies and the screen-reader list follow in the task after that frame is painted. Two steps belong to the test bridge, not to the app, and are reported beside the figure, never subtracted: attaching it (where Electron's preload comes with the window) and its calls (where Electron's IPC answers in about a millisecond).",
  ];
}

function engineSection(r: BenchResults): string[] {
  const out: string[] = [];
  if (r.ingest) {
    out.push(
      '## The engine',
      "**Ingest.** The tick store reads the clock once per frame and allocates nothing per trade, and keeps each symbol's market-session span so the calendar is asked once per span, not once per trade. The alert engine hears only of trades of symbols that have rules (a flag on the symbol's store entry). A source hands each valid trade straight from the frame to the store: it keeps its subscribed symbols in one map whose values are the store's entries (re-resolved when either side's symbols change), so the parser's subscription check is also the store's lookup, and no object is made per trade; the fields a trade writes are plain numbers (NaN for none yet), so V8 keeps them unboxed instead of allocating a number per write. What is left is mostly `JSON.parse` itself (about 80 % of our time); of the per-trade loop, the symbol lookup is the largest part, as symbols longer than ten characters are hashed on every lookup. The method: our path and `JSON.parse` alone take each chunk of 200 frames back to back, so both see the same machine state; the naive client runs afterwards in rounds of its own, so its garbage lands on neither side; the CPU-time ratio counts only the thread that parses, not V8's collector threads.",
    );
  }
  if (r.coalesce) {
    out.push(
      "**Coalescing.** However fast trades arrive, the windows get at most ten batches a second, each carrying a symbol's latest quote; a batch carries a symbol's sparkline history only when a point was added.",
    );
  }
  if (r.memory?.core) {
    const c = r.memory.core;
    out.push(
      `**Memory.** The whole core runs ${c.simulated_hours} simulated hours from pre-market to after-hours on a simulated clock (demo feed on 50 symbols, recurring alerts without cooldown, a holding in another currency so a rate is followed, every event serialised as IPC does), the heap after GC at each hour: ${c.heap_growth_mb_per_h.toFixed(3)} ± ${c.heap_growth_error_mb_per_h.toFixed(3)} MB/h over ${(c.trades / 1e6).toFixed(1)} million trades and ${n(c.alert_firings)} alert firings. Every store is bounded by design: a tick-store entry and history ring per watched symbol, 20 notices, 100 alert firings, per-client relay buffers.`,
    );
  }
  if (r.relay) {
    const re = r.relay;
    out.push(
      '## The relay',
      `The headless command in its own process, the fake Finnhub server at ${n(re.upstream_trades_per_s)} trades/s, ${re.clients} websocket clients of ${re.symbols_per_client} symbols each: **${n(re.delivered_trades_per_s)} trades/s delivered, ${n(re.lost_trades)} lost**; the relay adds ${re.added_p50_ms.toFixed(1)} ms at the median and ${re.added_p99_ms.toFixed(1)} ms at p99 over a client connected straight to the server (${re.relay_p50_ms.toFixed(1)} / ${re.relay_p99_ms.toFixed(1)} ms against ${re.direct_p50_ms.toFixed(1)} / ${re.direct_p99_ms.toFixed(1)} ms), and ${re.cpu_ms_per_1000_forwarded.toFixed(2)} ms of CPU per 1,000 forwarded trades. With no relay client the per-trade path is unchanged: nothing Finnhub-shaped is collected unless someone listens.`,
    );
  }
  if (r.cli_start) {
    const c = r.cli_start;
    const others = [
      c.market_help_ms === undefined ? '' : `\`market --help\` ${s(c.market_help_ms)}`,
      c.settings_help_ms === undefined ? '' : `\`settings --help\` ${s(c.settings_help_ms)}`,
    ].filter(Boolean);
    out.push(
      '## Command start',
      `The headless commands run from a bundle built into \`out/cli\` (\`npm run feed\` rebuilds it only when a source file is newer), not by compiling TypeScript at every start. \`feed --help\` takes **${s(c.feed_help_ms)}** from start to exit, against ${s(c.node_ms)} for a bare \`node -e 0\` (median of ${c.runs} runs; \`npm run\` adds npm's own start to both)${others.length ? `; ${others.join(', ')}` : ''}.`,
    );
  }
  return out;
}

function goalsSection(r: BenchResults): string[] {
  const rows = goalRows(r);
  if (rows.length === 0) return [];
  return [
    '## Goals against their floors',
    'Where a goal has a floor (the same work done the simplest way, measured in the same run and, in Chromium, in the same round), the figure is held to its ratio over that floor, which a busy machine shifts far less than the figure itself.',
    table(['goal', 'figure', 'floor', 'ratio', 'goal met'], rows),
  ];
}

/** The whole of docs/performance.md for these results, before formatting. */
export function renderPerformanceDoc(r: BenchResults): string {
  const m = r.machine ?? {};
  const load = m.load_average?.length === 2 ? `, load average ${m.load_average[0]} → ${m.load_average[1]}` : '';
  const sections = r.measured ? Object.entries(r.measured) : [];
  const older = sections.filter(([, when]) => when !== r.date);
  const mixed = older.length
    ? ` Some sections come from earlier runs: ${older.map(([name, when]) => `${name} ${day(when)}`).join(', ')}.`
    : '';
  const parts = [
    '# Performance',
    '<!-- Written by bench/performance-doc.ts from bench/results.json (npm run bench, or npm run bench:doc alone). Edit those, not this file. -->',
    "`npm run bench` measures the whole path with the real code: Finnhub frames into the engine, batches to the windows, prices painted in the strip in Chromium, what the strip costs the machine, memory over long runs, the relay and how fast the commands start. It writes `bench/results.json` and `bench/latency.svg`, then this page. `npm run bench -- --quick` takes fewer and shorter samples; `--only strip,cli` runs just the named sections (`ingest`, `coalesce`, `memory`, `calendar`, `relay`, `strip`, `cli`) and keeps the others' figures; `--long-run-beside` runs the strip's long run beside its rounds instead of after them (five minutes shorter, but some figures move: see the strip's method below); `strip` holds every Chromium row (the renderer's main thread is read in its trading windows, the latency over its long run). Benchmarks are not part of `npm test`: figures on a shared machine vary with its load.",
    `Latest run: ${day(r.date)} (${r.plan ?? 'full'}), Node ${r.node ?? 'unknown'}, ${m.cpu ?? 'unknown CPU'}${m.memory_gb ? `, ${m.memory_gb} GB` : ''}, ${m.os ?? ''}${m.chromium ? `, ${m.chromium}` : ''}${load}.${mixed}`,
    table(['measure', 'what it is', 'latest', 'goal'], summaryRows(r)),
    ...goalsSection(r),
    "![Latency distribution and the strip's main-thread cost per second](../bench/latency.svg)",
    ...stripCostSection(r),
    ...startupSection(r),
    ...engineSection(r),
  ];
  return `${parts.join('\n\n')}\n`;
}

/** Reads results.json, writes docs/performance.md formatted as the project's Prettier settings say. */
export async function writePerformanceDoc(resultsPath = RESULTS_PATH, docPath = DOC_PATH): Promise<string> {
  const results = JSON.parse(readFileSync(resultsPath, 'utf8')) as BenchResults;
  const options = (await resolveConfig(docPath)) ?? {};
  const text = await format(renderPerformanceDoc(results), { ...options, parser: 'markdown' });
  writeFileSync(docPath, text);
  return docPath;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writePerformanceDoc().then(
    (path) => console.log(`Wrote ${path}`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}
