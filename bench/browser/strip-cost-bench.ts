/**
 * What the strip costs the whole machine: CPU of every Chromium process (from the OS) for a blank
 * page and the strip in six states, each as a ratio to the blank page measured in the same round
 * (so a busy machine shifts both), median of the rounds; the renderer's main-thread busy share
 * (DevTools) in the same windows; the renderer's JS heap and DOM nodes over a long run; and the
 * startup, from creating the core to the first price painted (startup-bench.ts).
 *
 * One browser, one page at a time (others closed), the real core behind the test bridge. The long
 * run has a Node process, a core and a Chromium of its own (long-run-process.ts), after the rounds
 * or (longRunBesideRounds) beside them, its processes left out of the rounds' CPU sums.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { TickerCore } from '../../src/engine/core/ticker-core';
import { DEFAULT_HISTORY_CAPACITY, DEFAULT_HISTORY_INTERVAL_MS } from '../../src/engine/market/tick-store';
import { systemClock, type Clock } from '../../src/shared/clock';
import { DEFAULT_PREFERENCES, PREFERENCE_RULES } from '../../src/shared/preference-rules';
import { economyState } from '../../src/shared/economy';
import { glideStep } from '../../src/shared/glide-timing';
import { attachBrowserBridge } from '../../test/support/browser-bridge';
import { createCoreFixture } from '../../test/support/core-fixture';
import { startFakeFinnhub, type FakeFinnhub } from '../../test/support/fake-finnhub';
import { BENCH_SYMBOL_NAMES, BENCH_SYMBOLS } from '../lib/market';
import { cpuBetween, treeTimes } from '../lib/process-cpu';
import { seededRandom } from '../lib/prng';
import { linearTrend, median } from '../lib/stats';
import type { BenchBrowser } from './bench-browser';
import { startLatencyRecording, type LatencyDetails, type LatencyResult } from './latency-bench';
import {
  installLongTaskRecorder,
  rendererFromWindows,
  rendererSecond,
  type RendererDetails,
  type RendererResult,
  type RendererSecond,
  type RendererWindow,
} from './renderer-bench';
import { medianMarks, runStartupBench, type StartupMarks, type StartupRuns } from './startup-bench';
import {
  fitToWindow,
  framesPerSecond,
  newStripPage,
  STRIP_WINDOW,
  TALLEST_STRIP_WINDOW,
  type StripWindow,
} from './strip-window';
import { TradePump } from './trade-pump';
import { runCleanups, type Cleanup } from '../lib/cleanups';

const API_KEY = 'bench-key';
const CHROMIUM_PROCESS = /^chrom/;

export const SCENARIOS = [
  'blank',
  'marquee',
  'strip_idle',
  'marquee_trading',
  'strip_glide',
  'strip_trading',
  'paged',
  'hidden',
  'strip_economy',
  'strip_idle_tallest',
  'strip_trading_tallest',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** Every scenario runs in the default strip window except the two at the tallest height. */
export const SCENARIO_WINDOWS: Record<Scenario, StripWindow> = Object.fromEntries(
  SCENARIOS.map((scenario) => [scenario, scenario.endsWith('_tallest') ? TALLEST_STRIP_WINDOW : STRIP_WINDOW]),
) as Record<Scenario, StripWindow>;

const TRADING: ReadonlySet<Scenario> = new Set(['strip_trading', 'marquee_trading', 'hidden', 'strip_trading_tallest']);

export const SCENARIO_LABELS: Record<Scenario, string> = {
  blank: 'blank page',
  marquee: 'the simplest ticker: the same items as text, one CSS keyframe animation',
  strip_idle: 'strip scrolling, no trades',
  marquee_trading: 'the simplest ticker, 1,000 trades/s: each batch written as plain text to the items in view',
  strip_glide: 'strip gliding (a slide every few seconds), no trades',
  strip_trading: 'strip scrolling, 1,000 trades/s over 50 symbols',
  paged: 'paged strip (reduced motion), no trades',
  hidden: 'strip hidden (quiet), 1,000 trades/s into the store',
  strip_economy: 'strip in economy (main says so: on battery), no trades',
  strip_idle_tallest: `strip scrolling, no trades, ${TALLEST_STRIP_WINDOW.height} px tall`,
  strip_trading_tallest: `strip scrolling, 1,000 trades/s, ${TALLEST_STRIP_WINDOW.height} px tall`,
};

export interface StripCostOptions {
  rounds: number;
  /** Time a fresh page gets to load and settle before its window starts. */
  settleMs: number;
  measureMs: number;
  tradesPerSecond: number;
  /** The long run (histories full from the start): heap and nodes from `soakFirstMs` to `soakMs`, every `soakEveryMs`. */
  soakMs: number;
  soakFirstMs: number;
  soakEveryMs: number;
  startupRuns: number;
  seed: number;
  /** Only these scenarios (the blank page always runs: every ratio needs it); default all. */
  scenarios?: readonly Scenario[];
  /**
   * Run the long run and the startup (default true); off for a quick look at a few rows. The
   * end-to-end latency is measured during the long run (every trade of it), so it needs the soak.
   */
  soak?: boolean;
  startup?: boolean;
  /**
   * Run the long run beside the rounds instead of after them and the glide check (default false):
   * five minutes shorter, but it moves figures (every page a round opens stalls a two-core
   * machine for a moment, which shows in the long run's latency tail, and the blank page and the
   * trading strip's main thread read differently with the other core busy).
   */
  longRunBesideRounds?: boolean;
}

export interface StripCostResult {
  /** The window every scenario but the tallest ones ran in. */
  window: StripWindow;
  /** Scenarios left out (`scenarios` option) have NaN figures. */
  scenarios: Record<Scenario, { cpu_pct: number; ratio: number; main_busy_pct: number; frames_per_s: number }>;
  /** The gliding strip's average speed (px/s) over a few slides, against the scrolling speed. */
  glide: { average_px_per_s: number; speed_px_per_s: number; slides: number } | null;
  heap: {
    js_heap_mb: number;
    dom_nodes: number;
    /** Least-squares slopes over the points (histories full throughout). */
    js_heap_growth_mb_per_h: number;
    dom_nodes_growth_per_h: number;
    /** The heap slope's standard error, and the points' root mean square around the line. */
    js_heap_growth_error_mb_per_h: number;
    js_heap_residual_mb: number;
    run_s: number;
    /** Sparkline points per symbol while measured (the history's capacity: nothing left to fill). */
    history_points: number;
  };
  startup_ms: { demo: number; fake_server: number };
  /** Medians of each step, per feed. */
  startup_steps_ms: { demo: StartupMarks; fake_server: StartupMarks };
  /** The trading strip's main thread in detail, from its rounds' windows (null when not run). */
  renderer: { result: RendererResult; details: RendererDetails } | null;
  /** End-to-end latency over the long run (null without it). */
  latency: { result: LatencyResult; details: LatencyDetails } | null;
}

export interface StripCostDetails {
  rounds: Record<Scenario, { cpu_pct: number[]; ratio: number[]; main_busy_pct: number[]; frames_per_s: number[] }>;
  heapPoints: HeapPoint[];
  /** Rounds of one trade per symbol, one history interval apart, that filled the histories. */
  fillRounds: number;
  /** The warm-up lap at the fastest speed, before the first point. */
  lapMs: number;
  startupRuns: StartupRuns;
  processes: number;
}

interface Rig {
  browser: Browser;
  browserRoot: number;
  /** Processes under browserRoot that are not this browser's (the long run's), left out of its CPU. */
  notOurs: ReadonlySet<number>;
  filesUrl: string;
  server: FakeFinnhub;
  core: TickerCore;
  pump: TradePump;
}

type Metrics = Record<string, number>;

interface HeapPoint {
  at_s: number;
  js_heap_mb: number;
  dom_nodes: number;
}

export interface Soak {
  points: HeapPoint[];
  latency: { result: LatencyResult; details: LatencyDetails };
  /** The main thread each second of the long run, heap points left out. */
  perSecond: RendererSecond[];
  fillRounds: number;
  /** How long the warm-up lap at the fastest speed took. */
  lapMs: number;
  historyPoints: number;
}

/** Before each heap point of the long run, the trades in flight reach the screen (p99 about 100 ms). */
const LATENCY_SETTLE_MS = 300;

/** framesPerSecond counts for this long, at the end of a scenario's settling time. */
const FRAMES_COUNTED_MS = 1000;

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((metric) => [metric.name, metric.value]));
}

async function waitForPrices(page: Page): Promise<void> {
  await page.waitForFunction(
    (count) => {
      const labels = [...document.querySelectorAll('[data-testid="accessible-quotes"] li')].map(
        (element) => element.textContent ?? '',
      );
      return labels.length === count && labels.every((text) => !text.includes('no price yet'));
    },
    BENCH_SYMBOLS.length,
    { timeout: 20_000 },
  );
}

/** Open one scenario's page and bring it to its steady state (not yet measured). */
async function openScenario(rig: Rig, scenario: Scenario): Promise<{ page: Page; dispose: () => Promise<void> }> {
  const window = SCENARIO_WINDOWS[scenario];
  const page = await newStripPage(rig.browser, window, {
    locale: 'en-US',
    reducedMotion: scenario === 'paged' ? 'reduce' : 'no-preference',
  });
  page.on('pageerror', (error) => console.error('[bench] page error:', error.message));
  if (scenario === 'blank') {
    await page.goto('about:blank');
    return { page, dispose: () => page.close() };
  }
  if (scenario === 'marquee') {
    await page.setContent(marqueeHtml(await marqueeItems(rig)));
    await startMarquee(page, DEFAULT_PREFERENCES.speed);
    await fitToWindow(page, window);
    return { page, dispose: () => page.close() };
  }
  if (scenario === 'marquee_trading') {
    const items = await marqueeItems(rig);
    const bridge = await attachBrowserBridge(page, rig.core);
    const url = `${rig.filesUrl}/bench-marquee.html`;
    await page.route(url, (route) =>
      route.fulfill({ contentType: 'text/html', body: marqueeHtml(items, tradingMarqueeScript()) }),
    );
    await page.goto(url);
    await startMarquee(page, DEFAULT_PREFERENCES.speed);
    await fitToWindow(page, window);
    return {
      page,
      dispose: async () => {
        bridge.dispose();
        await page.close();
      },
    };
  }
  if (scenario === 'strip_glide') await rig.core.handlers.setPreferences({ scrollStyle: 'glide' });
  if (scenario === 'strip_trading') await page.addInitScript(installLongTaskRecorder);
  const bridge = await attachBrowserBridge(page, rig.core);
  await page.goto(`${rig.filesUrl}/strip.html`);
  await fitToWindow(page, window);
  await page.waitForSelector('.strip[data-loaded="true"] .item', { timeout: 20_000 });
  await waitForPrices(page);
  if (scenario === 'strip_economy') {
    // As main does when the system switches to battery power with the default preference.
    rig.core.events.economy.emit(economyState('on-battery', true));
    await page.waitForSelector('.strip[data-economy="true"]', { timeout: 20_000 });
  }
  if (scenario === 'strip_glide') await page.waitForSelector('.strip[data-motion="glide"]', { timeout: 20_000 });
  return {
    page,
    dispose: async () => {
      bridge.dispose();
      await page.close();
      if (scenario === 'strip_glide') {
        await rig.core.handlers.setPreferences({ scrollStyle: DEFAULT_PREFERENCES.scrollStyle });
      }
    },
  };
}

/** One item as the marquee shows it: its symbol and its texts, the price and the move marked. */
interface MarqueeItem {
  symbol: string;
  parts: { live: 'price' | 'move' | null; text: string }[];
}

/** What the marquee shows: the strip's own items as text, in the strip's font and colours. */
interface MarqueeItems {
  items: MarqueeItem[];
  font: string;
  color: string;
  background: string;
  padding: string;
}

const marqueeProbes = new WeakMap<TickerCore, Promise<MarqueeItems>>();

/** Read the items, font and colours off a real strip page once per core (the first marquee's). */
function marqueeItems(rig: Rig): Promise<MarqueeItems> {
  const known = marqueeProbes.get(rig.core);
  if (known) return known;
  const probe = (async () => {
    const { page, dispose } = await openScenario(rig, 'paged');
    try {
      return await page.evaluate(() => {
        const items = [...document.querySelectorAll<HTMLElement>('.page .item')];
        const first = items[0];
        const strip = document.querySelector('.strip');
        if (!first || !strip) throw new Error('marquee: the strip has no items to copy');
        const style = getComputedStyle(first);
        return {
          items: items.map((item) => ({
            symbol: item.dataset.symbol ?? '',
            parts: [...item.children]
              .map((child) => ({
                live: child.classList.contains('price')
                  ? ('price' as const)
                  : child.classList.contains('move')
                    ? ('move' as const)
                    : null,
                text: child.textContent?.trim() ?? '',
              }))
              .filter((part) => part.text !== ''),
          })),
          font: style.font,
          color: style.color,
          background: getComputedStyle(strip).backgroundColor,
          padding: style.padding,
        };
      });
    } finally {
      await dispose();
    }
  })();
  marqueeProbes.set(rig.core, probe);
  return probe;
}

/**
 * The simplest ticker there is, as a floor for the strip: two copies of the items as spans in one
 * flex row, moved by one CSS keyframe animation of `translateX` (no item views, flashes, sparklines
 * or offscreen window). Idle, it runs no script once started; `script` (the trading floor) is
 * added as the page's only script.
 */
function marqueeHtml(items: MarqueeItems, script = ''): string {
  const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const spans = items.items
    .map(
      (item) =>
        `<span data-symbol="${escape(item.symbol)}">${item.parts
          .map((part) =>
            part.live === null ? escape(part.text) : `<span class="${part.live}">${escape(part.text)}</span>`,
          )
          .join(' ')}</span>`,
    )
    .join('');
  return `<!doctype html><html><head><style>
html, body { margin: 0; height: 100%; overflow: hidden; background: ${items.background}; color: ${items.color}; }
.marquee { display: flex; width: max-content; height: 100%; align-items: center; animation: marquee 1s linear infinite; }
.marquee > span { font: ${items.font}; padding: ${items.padding}; white-space: nowrap; }
@keyframes marquee { from { transform: translateX(0); } to { transform: translateX(-50%); } }
</style></head><body><div class="marquee">${spans}${spans}</div>${script === '' ? '' : `<script>${script}</script>`}</body></html>`;
}

/**
 * The trading floor's script: every batch main sends (through the real preload, as the strip gets
 * it) written the simplest way to the items in view: each quote's price and move as plain text
 * (`toFixed`, no Intl), a text node written only when its text changed. Items out of view are left
 * as they are (the strip catches them up when they come near; the floor does not bother).
 */
function tradingMarqueeScript(): string {
  return `(() => {
  const row = document.querySelector('.marquee');
  const views = new Map();
  for (const item of row.children) {
    const price = item.querySelector('.price');
    const move = item.querySelector('.move');
    if (!price || !move) continue;
    const list = views.get(item.dataset.symbol) ?? [];
    list.push({ left: item.offsetLeft, right: item.offsetLeft + item.offsetWidth, price: price.firstChild, move: move.firstChild });
    views.set(item.dataset.symbol, list);
  }
  const sign = (value) => (value > 0 ? '+' : '');
  const write = (node, text) => { if (node.data !== text) node.data = text; };
  window.ticker.onQuotes((batch) => {
    const animation = row.getAnimations()[0];
    const duration = Number(animation.effect.getTiming().duration);
    const shift = ((Number(animation.currentTime) % duration) / duration) * (row.scrollWidth / 2);
    const width = window.innerWidth;
    for (const quote of batch.quotes) {
      if (quote.price === null) continue;
      for (const view of views.get(quote.symbol) ?? []) {
        if (view.right - shift < 0 || view.left - shift > width) continue;
        write(view.price, quote.price.toFixed(2));
        if (quote.change !== null && quote.changePct !== null) {
          write(view.move, sign(quote.change) + quote.change.toFixed(2) + ' ' + sign(quote.changePct) + quote.changePct.toFixed(2) + '%');
        }
      }
    }
  });
})();`;
}

/** Time the marquee's one animation for `speed` px/s over one copy of the items. */
async function startMarquee(page: Page, speed: number): Promise<void> {
  await page.evaluate((pxPerSecond) => {
    const marquee = document.querySelector<HTMLElement>('.marquee');
    if (!marquee) throw new Error('marquee: no row');
    marquee.style.animationDuration = `${marquee.scrollWidth / 2 / pxPerSecond}s`;
  }, speed);
}

/**
 * The gliding strip's average speed: the track's offset at every frame over a few slides (outside
 * any measured window: sampling draws frames), from the end of the first slide seen to the end of
 * the last, against the scrolling speed it must keep. (The rest under way when sampling begins
 * does not count: it started at an unknown time, and counting from the first sample instead
 * overstated the speed by up to a slide's worth.)
 */
async function glideSpeed(rig: Rig): Promise<NonNullable<StripCostResult['glide']>> {
  const { page, dispose } = await openScenario(rig, 'strip_glide');
  try {
    const speed = DEFAULT_PREFERENCES.speed;
    const laneWidth = await page.evaluate(() => document.querySelector('.lane')?.getBoundingClientRect().width ?? 0);
    const { everyMs } = glideStep(speed, laneWidth);
    // No named functions inside: the bench's compiler would wrap them in a helper the page lacks.
    const samples = await page.evaluate(
      async (ms) => {
        const out: [number, number][] = [];
        let first = -1;
        for (;;) {
          const now = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
          if (first < 0) first = now;
          const track = document.querySelector('.track');
          const transform = track ? getComputedStyle(track).transform : 'none';
          const x = !transform || transform === 'none' ? 0 : new DOMMatrixReadOnly(transform).m41;
          out.push([now - first, -x]);
          if (now - first >= ms) return out;
        }
      },
      everyMs * 3 + 1000,
    );
    // The rests between slides: runs of frames at one offset.
    const rests: { offset: number; at: number }[] = [];
    let previous = Number.NaN;
    for (const [at, offset] of samples) {
      if (Math.abs(offset - previous) > 0.01) rests.push({ offset, at });
      previous = offset;
    }
    // The first rest began before the sampling did: when is unknown, so it cannot start the span.
    const settled = rests.slice(1).filter((rest, i) => (rests[i + 2]?.at ?? Number.POSITIVE_INFINITY) - rest.at > 1000);
    const first = settled[0];
    const last = settled.at(-1);
    if (!first || !last || first === last) throw new Error('glide: fewer than two slides seen');
    let moved = 0;
    for (let i = 1; i < settled.length; i += 1) {
      const step = (settled[i] as { offset: number }).offset - (settled[i - 1] as { offset: number }).offset;
      moved += ((step % laneWidth) + laneWidth) % laneWidth;
    }
    return {
      average_px_per_s: (moved / (last.at - first.at)) * 1000,
      speed_px_per_s: speed,
      slides: settled.length - 1,
    };
  } finally {
    await dispose();
  }
}

/**
 * How long to measure `scenario` for: the window asked for, except for the gliding strip, whose
 * window is a whole number of glide intervals (the shortest at least as long as asked): any
 * other length would hold one slide more or fewer depending on where in the cycle it started.
 */
async function windowFor(page: Page, scenario: Scenario, measureMs: number): Promise<number> {
  if (scenario !== 'strip_glide') return measureMs;
  const laneWidth = await page.evaluate(() => document.querySelector('.lane')?.getBoundingClientRect().width ?? 0);
  const { everyMs } = glideStep(DEFAULT_PREFERENCES.speed, laneWidth);
  return Math.max(1, Math.ceil(measureMs / everyMs)) * everyMs;
}

/**
 * One measured window of one scenario: whole-browser CPU and the page's main-thread busy share,
 * and the animation frames the page ran in the second before it (a starved page looks cheap).
 */
async function measureScenario(
  rig: Rig,
  scenario: Scenario,
  options: StripCostOptions,
): Promise<{ cpuPct: number; busyPct: number; framesPerSecond: number; renderer: RendererWindow | null }> {
  const { page, dispose } = await openScenario(rig, scenario);
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    if (scenario === 'hidden') rig.core.setDrawing(false);
    const pumping = TRADING.has(scenario)
      ? rig.pump.run(options.tradesPerSecond, options.settleMs + options.measureMs + 500)
      : null;
    const counted = scenario === 'blank' ? 0 : FRAMES_COUNTED_MS;
    await new Promise((resolve) => setTimeout(resolve, Math.max(options.settleMs - counted, 0)));
    const frames = scenario === 'blank' ? Number.NaN : await framesPerSecond(page);
    const windowMs = await windowFor(page, scenario, options.measureMs);
    const detailed = scenario === 'strip_trading';
    const pageStart = detailed ? await page.evaluate(() => performance.now()) : 0;
    const startMetrics = await metrics(cdp);
    const sentBefore = rig.pump.sentTrades;
    const startCpu = treeTimes(rig.browserRoot, CHROMIUM_PROCESS, rig.notOurs);
    const startAt = performance.now();
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const endCpu = treeTimes(rig.browserRoot, CHROMIUM_PROCESS, rig.notOurs);
    const wallMs = performance.now() - startAt;
    const trades = rig.pump.sentTrades - sentBefore;
    const endMetrics = await metrics(cdp);
    // Long tasks that started inside the window (the page's clock; the window ends about now).
    const longTasks = detailed
      ? await page.evaluate(
          ([since, until]) =>
            (window.__benchLongTasks ?? [])
              .filter(([start]) => start >= since && start < until)
              .map(([, duration]) => duration),
          [pageStart, pageStart + wallMs] as const,
        )
      : [];
    await pumping;
    if (scenario === 'hidden') rig.core.setDrawing(true);
    await cdp.detach();
    return {
      cpuPct: (cpuBetween(startCpu, endCpu) / wallMs) * 100,
      busyPct: (((endMetrics.TaskDuration ?? 0) - (startMetrics.TaskDuration ?? 0)) * 1000 * 100) / wallMs,
      framesPerSecond: frames,
      renderer: detailed ? { start: startMetrics, end: endMetrics, wallMs, longTasks, trades } : null,
    };
  } finally {
    await dispose();
  }
}

/**
 * The core's clock, which the soak can move forward: each step is one sparkline interval, so every
 * symbol's history fills (a point per interval) in seconds instead of ten minutes, exactly as the
 * core would see the system clock jump forward. Timers stay the system's.
 */
function steppableClock(): Clock & { step(ms: number): void } {
  let ahead = 0;
  return {
    ...systemClock,
    now: () => Date.now() + ahead,
    step(ms) {
      ahead += ms;
    },
  };
}

/**
 * The long run, with every sparkline history already full: a core of its own whose histories were
 * filled before the strip page opens (as a strip window opened after ten minutes of trading gets
 * them in its first snapshot), then the strip at the trade rate, heap (the least after three forced GCs) and DOM
 * nodes every `soakEveryMs` after `soakFirstMs`. Growth per hour is the least-squares slope over
 * those points, so it is what keeps growing once nothing is filling any more.
 */
export async function soak(browser: Browser, filesUrl: string, options: StripCostOptions): Promise<Soak> {
  const clock = steppableClock();
  const server = await startFakeFinnhub({ tokens: [API_KEY], pingIntervalMs: 20_000 });
  const { core } = createCoreFixture(server, { symbols: [...BENCH_SYMBOL_NAMES], key: API_KEY, clock });
  try {
    core.start();
    await server.waitForSubscriptions(BENCH_SYMBOL_NAMES.length);
    const pump = new TradePump(server, BENCH_SYMBOLS, seededRandom(options.seed + 1));
    const shortestHistory = async (): Promise<number> =>
      Math.min(...(await core.handlers.getSnapshot()).map((snapshot) => snapshot.history.length));
    let fillRounds = 0;
    while ((await shortestHistory()) < DEFAULT_HISTORY_CAPACITY) {
      if (fillRounds >= 3 * DEFAULT_HISTORY_CAPACITY) throw new Error('soak: the sparkline histories did not fill');
      clock.step(DEFAULT_HISTORY_INTERVAL_MS);
      pump.sendRound();
      fillRounds += 1;
      // Let the frame reach the store before the clock moves on (else two rounds share a point).
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    const rig: Rig = { browser, browserRoot: process.pid, notOurs: new Set(), filesUrl, server, core, pump };
    const { page, dispose } = await openScenario(rig, 'strip_trading');
    try {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
      // Every item is drawn once before the first point (an item is laid out the first time it comes
      // near the viewport): one lap at the fastest speed a user can set, then back to the default.
      const laneWidth = await page.evaluate(() => document.querySelector('.lane')?.getBoundingClientRect().width ?? 0);
      if (!(laneWidth > 0)) throw new Error('soak: the strip has no lane to scroll');
      const fastest = PREFERENCE_RULES.speed.max;
      await core.handlers.setPreferences({ speed: fastest });
      const lapMs = (laneWidth / fastest) * 1000 * 1.1;
      await pump.run(options.tradesPerSecond, lapMs);
      await core.handlers.setPreferences({ speed: DEFAULT_PREFERENCES.speed });
      // Every trade from here on is a latency sample (its item in view when sent; latency-bench.ts).
      const recording = await startLatencyRecording(page, pump);
      const started = performance.now();
      let pumpedMs = 0;
      const perSecond: RendererSecond[] = [];
      /** Trades at the rate for `ms`, the main thread read every second meanwhile. */
      const run = async (ms: number): Promise<void> => {
        let previous = { metrics: await metrics(cdp), at: performance.now() };
        const sampler = setInterval(() => {
          void metrics(cdp).then((sample) => {
            const at = performance.now();
            perSecond.push(rendererSecond(previous.metrics, sample, (at - previous.at) / 1000));
            previous = { metrics: sample, at };
          });
        }, 1000);
        const from = performance.now();
        await pump.run(options.tradesPerSecond, ms);
        pumpedMs += performance.now() - from;
        clearInterval(sampler);
      };
      const points: HeapPoint[] = [];
      const point = async (): Promise<void> => {
        // The trades in flight reach the screen before the collections, which would hold them up;
        // the page's latency records go to Node, so they are not in the heap measured.
        await new Promise((resolve) => setTimeout(resolve, LATENCY_SETTLE_MS));
        await recording.drain();
        // The least of three collections a moment apart: a batch in flight during one of them is not
        // growth, while whatever leaks is there in all three.
        let sample: Metrics | null = null;
        for (let take = 0; take < 3; take += 1) {
          await cdp.send('HeapProfiler.collectGarbage');
          const next = await metrics(cdp);
          if (sample === null || (next.JSHeapUsedSize ?? 0) < (sample.JSHeapUsedSize ?? 0)) sample = next;
        }
        if (sample === null) throw new Error('soak: no heap sample');
        points.push({
          at_s: (performance.now() - started) / 1000,
          js_heap_mb: (sample.JSHeapUsedSize ?? 0) / 2 ** 20,
          dom_nodes: sample.Nodes ?? 0,
        });
      };
      await run(options.soakFirstMs);
      await point();
      while (performance.now() - started < options.soakMs - options.soakEveryMs / 2) {
        await run(options.soakEveryMs);
        await point();
      }
      const latency = await recording.finish(pumpedMs);
      await cdp.detach();
      return { points, latency, perSecond, fillRounds, lapMs, historyPoints: await shortestHistory() };
    } finally {
      await dispose();
    }
  } finally {
    await core.stop();
    await server.close();
  }
}

/** What the bench asks of the long run's process. */
export interface LongRunRequest {
  filesUrl: string;
  options: StripCostOptions;
}

/** What the long run's process reports. */
export type LongRunReport = { type: 'ready' } | { type: 'done'; soak: Soak } | { type: 'failed'; error: string };

/** The long run's process, seen from the bench. */
interface LongRunProcess {
  pid: number;
  /** Its code loaded and its browser launched: the busy part of its start, over before anything is measured. */
  ready: Promise<void>;
  /** Start the long run; resolves with its figures. */
  run(filesUrl: string, options: StripCostOptions): Promise<Soak>;
  stop(): void;
}

/** Fork long-run-process.ts (with this process's loader options, so it runs TypeScript as this does). */
function forkLongRun(): LongRunProcess {
  const child: ChildProcess = fork(fileURLToPath(new URL('./long-run-process.ts', import.meta.url)), [], {
    serialization: 'advanced',
  });
  const { pid } = child;
  if (pid === undefined) throw new Error("the long run's process did not start");
  let settleReady: { resolve: () => void; reject: (error: Error) => void } | null = null;
  let settleDone: { resolve: (soak: Soak) => void; reject: (error: Error) => void } | null = null;
  const ready = new Promise<void>((resolve, reject) => (settleReady = { resolve, reject }));
  const done = new Promise<Soak>((resolve, reject) => (settleDone = { resolve, reject }));
  // Each is awaited later (or never, when the bench fails first): not an unhandled rejection meanwhile.
  ready.catch(() => {});
  done.catch(() => {});
  const fail = (error: Error): void => {
    settleReady?.reject(error);
    settleDone?.reject(error);
  };
  child.on('message', (report: LongRunReport) => {
    if (report.type === 'ready') settleReady?.resolve();
    else if (report.type === 'done') settleDone?.resolve(report.soak);
    else fail(new Error(`the long run failed: ${report.error}`));
  });
  child.on('error', fail);
  child.on('exit', (code, signal) =>
    fail(new Error(`the long run's process ended (${signal ?? code}) before it finished`)),
  );
  return {
    pid,
    ready,
    run(filesUrl, options) {
      child.send({ filesUrl, options } satisfies LongRunRequest);
      return done;
    },
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    },
  };
}

export async function runStripCostBench(
  bench: BenchBrowser,
  options: StripCostOptions,
): Promise<{ result: StripCostResult; details: StripCostDetails }> {
  const cleanups: Cleanup[] = [];
  try {
    const { browser } = bench;
    // How long each part took, for the log: the section's time is mostly these.
    const phases: string[] = [];
    let phaseStart = performance.now();
    const phase = (name: string): void => {
      const now = performance.now();
      phases.push(`${name} ${((now - phaseStart) / 1000).toFixed(0)} s`);
      phaseStart = now;
    };
    /** Processes under this one that are not the measured browser's (the long run's), left out of its CPU. */
    const notOurs = new Set<number>();
    /** Fork the long run's process and wait until it has loaded and launched its browser. */
    const startLongRun = async (): Promise<LongRunProcess> => {
      const started = forkLongRun();
      notOurs.add(started.pid);
      cleanups.push(() => started.stop());
      await started.ready;
      return started;
    };
    const server = await startFakeFinnhub({ tokens: [API_KEY], pingIntervalMs: 20_000 });
    cleanups.push(() => server.close());

    // Startup first, while no other core runs.
    const startupRuns =
      options.startup === false
        ? { demo: [], fake_server: [] }
        : await runStartupBench(browser, server, options.startupRuns, bench.shippedUrl);
    phase('startup');
    // The long run after the rounds and the glide check: nothing of it runs while they are measured.
    // Beside them (longRunBesideRounds), its process starts once the startup is timed, and the
    // rounds begin once it has loaded and launched its browser (the busy part of its start).
    const longRun = options.soak !== false && options.longRunBesideRounds === true ? await startLongRun() : null;
    if (longRun) phase('long run process ready');
    const longRunning = longRun ? longRun.run(bench.filesUrl, options) : null;
    let longRunEnded = Number.NaN;
    void longRunning?.then(
      () => {
        longRunEnded = performance.now();
      },
      () => {},
    );
    const sectionStart = performance.now();
    const chosen = new Set<Scenario>(['blank', ...(options.scenarios ?? SCENARIOS)]);

    const { core } = createCoreFixture(server, { symbols: [...BENCH_SYMBOL_NAMES], key: API_KEY });
    cleanups.push(() => core.stop());
    core.start();
    await server.waitForSubscriptions(BENCH_SYMBOL_NAMES.length);
    const pump = new TradePump(server, BENCH_SYMBOLS, seededRandom(options.seed));
    // Every symbol has a price before any strip page opens; "no trades" scenarios get no more.
    pump.sendRound();
    const rig: Rig = { browser, browserRoot: process.pid, notOurs, filesUrl: bench.filesUrl, server, core, pump };

    const rounds = Object.fromEntries(
      SCENARIOS.map((scenario) => [
        scenario,
        { cpu_pct: [] as number[], ratio: [] as number[], main_busy_pct: [] as number[], frames_per_s: [] as number[] },
      ]),
    ) as StripCostDetails['rounds'];
    const rendererWindows: RendererWindow[] = [];
    for (let round = 0; round < options.rounds; round += 1) {
      let blank = Number.NaN;
      for (const scenario of SCENARIOS) {
        if (!chosen.has(scenario)) continue;
        const {
          cpuPct,
          busyPct,
          framesPerSecond: frames,
          renderer: rendererWindow,
        } = await measureScenario(rig, scenario, options);
        if (rendererWindow) rendererWindows.push(rendererWindow);
        if (scenario === 'blank') blank = cpuPct;
        rounds[scenario].cpu_pct.push(cpuPct);
        rounds[scenario].ratio.push(cpuPct / blank);
        rounds[scenario].main_busy_pct.push(busyPct);
        rounds[scenario].frames_per_s.push(frames);
      }
    }
    phase(`${options.rounds} rounds`);
    const glide = chosen.has('strip_glide') ? await glideSpeed(rig) : null;
    phase('glide speed');
    const long =
      options.soak === false ? null : await (longRunning ?? (await startLongRun()).run(bench.filesUrl, options));
    phase(longRunning ? 'rest of the long run' : 'long run');
    console.log(`[bench] strip: ${phases.join(', ')}`);
    if (longRunning) {
      console.log(
        `[bench] strip: the long run, beside the rounds, took ${((longRunEnded - sectionStart) / 1000).toFixed(0)} s`,
      );
    }
    const {
      points: heapPoints,
      fillRounds,
      lapMs,
      historyPoints,
    } = long ?? {
      points: [],
      fillRounds: 0,
      lapMs: 0,
      historyPoints: 0,
    };
    const renderer =
      rendererWindows.length > 0
        ? rendererFromWindows(rendererWindows, BENCH_SYMBOLS.length, long?.perSecond ?? [])
        : null;
    const processes = treeTimes(process.pid, CHROMIUM_PROCESS, notOurs).length;

    const last = heapPoints.at(-1);
    const heapTrend = linearTrend(heapPoints.map((point) => ({ x: point.at_s / 3600, y: point.js_heap_mb })));
    const nodesTrend = linearTrend(heapPoints.map((point) => ({ x: point.at_s / 3600, y: point.dom_nodes })));
    const scenarios = Object.fromEntries(
      SCENARIOS.map((scenario) => [
        scenario,
        {
          cpu_pct: median(rounds[scenario].cpu_pct),
          ratio: median(rounds[scenario].ratio),
          main_busy_pct: median(rounds[scenario].main_busy_pct),
          frames_per_s: median(rounds[scenario].frames_per_s),
        },
      ]),
    ) as StripCostResult['scenarios'];
    return {
      result: {
        window: STRIP_WINDOW,
        scenarios,
        heap: {
          js_heap_mb: last?.js_heap_mb ?? Number.NaN,
          dom_nodes: last?.dom_nodes ?? Number.NaN,
          js_heap_growth_mb_per_h: heapTrend.slope,
          dom_nodes_growth_per_h: nodesTrend.slope,
          js_heap_growth_error_mb_per_h: heapTrend.slopeError,
          js_heap_residual_mb: heapTrend.residual,
          run_s: last?.at_s ?? Number.NaN,
          history_points: historyPoints,
        },
        startup_ms: {
          demo: median(startupRuns.demo.map((run) => run.first_price_painted)),
          fake_server: median(startupRuns.fake_server.map((run) => run.first_price_painted)),
        },
        startup_steps_ms: { demo: medianMarks(startupRuns.demo), fake_server: medianMarks(startupRuns.fake_server) },
        glide,
        renderer,
        latency: long?.latency ?? null,
      },
      details: { rounds, heapPoints, fillRounds, lapMs, startupRuns, processes },
    };
  } finally {
    await runCleanups(cleanups, 'bench');
  }
}
