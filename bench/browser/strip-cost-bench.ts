/**
 * What the strip costs the whole machine: CPU of every Chromium process (from the OS) for a blank
 * page and the strip in five states, each as a ratio to the blank page measured in the same round
 * (so a busy machine shifts both), median of the rounds; the renderer's main-thread busy share
 * (DevTools) in the same windows; the renderer's JS heap and DOM nodes over a long run; and the
 * startup, from creating the core to the first price painted.
 *
 * One browser, one page at a time (others closed), the real core behind the test bridge.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import type { TickerCore } from '../../src/engine/core/ticker-core';
import { buildRenderer } from '../../test/e2e/harness/build-renderer';
import { CHROMIUM_ARGS, STRIP_VIEWPORT } from '../../test/e2e/harness/renderer-session';
import { serveStatic } from '../../test/e2e/harness/static-server';
import { attachBrowserBridge } from '../../test/support/browser-bridge';
import { createCoreFixture } from '../../test/support/core-fixture';
import { startFakeFinnhub, type FakeFinnhub } from '../../test/support/fake-finnhub';
import { BENCH_SYMBOL_NAMES, BENCH_SYMBOLS } from '../lib/market';
import { cpuBetween, treeTimes } from '../lib/process-cpu';
import { seededRandom } from '../lib/prng';
import { median } from '../lib/stats';
import { preciseNow, TradePump } from './trade-pump';

const API_KEY = 'bench-key';
const CHROMIUM_PROCESS = /^chrom/;

export const SCENARIOS = ['blank', 'strip_idle', 'strip_trading', 'paged', 'hidden'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const SCENARIO_LABELS: Record<Scenario, string> = {
  blank: 'blank page',
  strip_idle: 'strip scrolling, no trades',
  strip_trading: 'strip scrolling, 1,000 trades/s over 50 symbols',
  paged: 'paged strip (reduced motion), no trades',
  hidden: 'strip hidden (quiet), 1,000 trades/s into the store',
};

export interface StripCostOptions {
  rounds: number;
  /** Time a fresh page gets to load and settle before its window starts. */
  settleMs: number;
  measureMs: number;
  tradesPerSecond: number;
  /** The long run: heap and nodes at `soakFirstMs` and at `soakMs`. */
  soakMs: number;
  soakFirstMs: number;
  startupRuns: number;
  seed: number;
}

export interface StripCostResult {
  scenarios: Record<Scenario, { cpu_pct: number; ratio: number; main_busy_pct: number }>;
  heap: {
    js_heap_mb: number;
    dom_nodes: number;
    js_heap_growth_mb_per_h: number;
    dom_nodes_growth_per_h: number;
    run_s: number;
  };
  startup_ms: { demo: number; fake_server: number };
  /** Medians of each step, per feed. */
  startup_steps_ms: { demo: StartupMarks; fake_server: StartupMarks };
}

export interface StripCostDetails {
  rounds: Record<Scenario, { cpu_pct: number[]; ratio: number[]; main_busy_pct: number[] }>;
  heapPoints: { at_s: number; js_heap_mb: number; dom_nodes: number }[];
  startupRuns: { demo: StartupMarks[]; fake_server: StartupMarks[] };
  processes: number;
}

interface Rig {
  browser: Browser;
  browserRoot: number;
  filesUrl: string;
  server: FakeFinnhub;
  core: TickerCore;
  pump: TradePump;
}

type Metrics = Record<string, number>;

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
  const page = await rig.browser.newPage({
    viewport: STRIP_VIEWPORT,
    locale: 'en-US',
    reducedMotion: scenario === 'paged' ? 'reduce' : 'no-preference',
  });
  page.on('pageerror', (error) => console.error('[bench] page error:', error.message));
  if (scenario === 'blank') {
    await page.goto('about:blank');
    return { page, dispose: () => page.close() };
  }
  const bridge = await attachBrowserBridge(page, rig.core);
  await page.goto(`${rig.filesUrl}/strip.html`);
  await page.waitForSelector('.strip[data-loaded="true"] .item', { timeout: 20_000 });
  await waitForPrices(page);
  return {
    page,
    dispose: async () => {
      bridge.dispose();
      await page.close();
    },
  };
}

/** One measured window of one scenario: whole-browser CPU and the page's main-thread busy share. */
async function measureScenario(
  rig: Rig,
  scenario: Scenario,
  options: StripCostOptions,
): Promise<{ cpuPct: number; busyPct: number }> {
  const { page, dispose } = await openScenario(rig, scenario);
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    const trading = scenario === 'strip_trading' || scenario === 'hidden';
    if (scenario === 'hidden') rig.core.setDrawing(false);
    const pumping = trading ? rig.pump.run(options.tradesPerSecond, options.settleMs + options.measureMs + 500) : null;
    await new Promise((resolve) => setTimeout(resolve, options.settleMs));
    const startMetrics = await metrics(cdp);
    const startCpu = treeTimes(rig.browserRoot, CHROMIUM_PROCESS);
    const startAt = performance.now();
    await new Promise((resolve) => setTimeout(resolve, options.measureMs));
    const endCpu = treeTimes(rig.browserRoot, CHROMIUM_PROCESS);
    const wallMs = performance.now() - startAt;
    const endMetrics = await metrics(cdp);
    await pumping;
    if (scenario === 'hidden') rig.core.setDrawing(true);
    await cdp.detach();
    return {
      cpuPct: (cpuBetween(startCpu, endCpu) / wallMs) * 100,
      busyPct: (((endMetrics.TaskDuration ?? 0) - (startMetrics.TaskDuration ?? 0)) * 1000 * 100) / wallMs,
    };
  } finally {
    await dispose();
  }
}

/** The long run: the strip at the trade rate, heap (after a full GC) and DOM nodes at two points. */
async function soak(rig: Rig, options: StripCostOptions): Promise<StripCostDetails['heapPoints']> {
  const { page, dispose } = await openScenario(rig, 'strip_trading');
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    const started = performance.now();
    const points: StripCostDetails['heapPoints'] = [];
    const point = async (): Promise<void> => {
      await cdp.send('HeapProfiler.collectGarbage');
      const sample = await metrics(cdp);
      points.push({
        at_s: (performance.now() - started) / 1000,
        js_heap_mb: (sample.JSHeapUsedSize ?? 0) / 2 ** 20,
        dom_nodes: sample.Nodes ?? 0,
      });
    };
    await rig.pump.run(options.tradesPerSecond, options.soakFirstMs);
    await point();
    await rig.pump.run(options.tradesPerSecond, options.soakMs - options.soakFirstMs);
    await point();
    await cdp.detach();
    return points;
  } finally {
    await dispose();
  }
}

/**
 * From creating the core to the first price painted: a fresh core (demo, or the fake server sending
 * a trade for every symbol the moment they are subscribed), a fresh page with the bridge, and the
 * first animation frame in which any item shows a price.
 */
/** Where the startup goes: ms from creating the core to each step. */
export interface StartupMarks {
  /** The core's first batch with a price (the page may not be there yet: it reads the snapshot). */
  first_batch: number;
  /** The window's page exists (in Electron: the BrowserWindow and its renderer process). */
  page_created: number;
  /** strip.html and its scripts loaded. */
  page_loaded: number;
  /** The strip has its settings, snapshot and status. */
  strip_ready: number;
  first_price_painted: number;
}

async function startupOnce(browser: Browser, filesUrl: string, server: FakeFinnhub | null): Promise<StartupMarks> {
  const started = preciseNow();
  const fixtureServer = server ?? (await startFakeFinnhub({ tokens: [API_KEY] }));
  const { core } = createCoreFixture(fixtureServer, {
    symbols: [...BENCH_SYMBOL_NAMES],
    ...(server ? { key: API_KEY } : {}),
  });
  const since = (): number => preciseNow() - started;
  let firstBatch = Number.NaN;
  const stopWatching = core.events.quotes.subscribe((batch) => {
    if (Number.isNaN(firstBatch) && batch.quotes.some((quote) => quote.price !== null)) firstBatch = since();
  });
  let page: Page | null = null;
  try {
    core.start();
    if (server) {
      void server
        .waitForSubscriptions(BENCH_SYMBOL_NAMES.length)
        .then(() => new TradePump(server, BENCH_SYMBOLS, seededRandom(1)).sendRound())
        .catch(() => {});
    }
    page = await browser.newPage({ viewport: STRIP_VIEWPORT, locale: 'en-US', reducedMotion: 'no-preference' });
    const pageCreated = since();
    const bridge = await attachBrowserBridge(page, core);
    page.once('close', () => bridge.dispose());
    await page.goto(`${filesUrl}/strip.html`);
    const pageLoaded = since();
    await page.waitForSelector('.strip[data-loaded="true"]', { timeout: 20_000 });
    const stripReady = since();
    const painted = await page.waitForFunction(
      () => {
        const shown = [...document.querySelectorAll('.item .price')].some((element) =>
          /\d/.test(element.textContent ?? ''),
        );
        return shown ? performance.timeOrigin + performance.now() : false;
      },
      undefined,
      { polling: 'raf', timeout: 20_000 },
    );
    return {
      first_batch: firstBatch,
      page_created: pageCreated,
      page_loaded: pageLoaded,
      strip_ready: stripReady,
      first_price_painted: ((await painted.jsonValue()) as number) - started,
    };
  } finally {
    stopWatching();
    await page?.close();
    await core.stop();
    if (!server) await fixtureServer.close();
  }
}

export async function runStripCostBench(
  options: StripCostOptions,
): Promise<{ result: StripCostResult; details: StripCostDetails }> {
  const cleanups: (() => Promise<void> | void)[] = [];
  try {
    const buildDir = mkdtempSync(join(tmpdir(), 'ticker-bench-cost-'));
    cleanups.push(() => rmSync(buildDir, { recursive: true, force: true }));
    await buildRenderer(buildDir);
    const files = await serveStatic(buildDir);
    cleanups.push(() => files.close());
    const server = await startFakeFinnhub({ tokens: [API_KEY], pingIntervalMs: 20_000 });
    cleanups.push(() => server.close());
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    cleanups.push(() => browser.close());

    // Startup first, while no other core runs.
    const startupRuns: StripCostDetails['startupRuns'] = { demo: [], fake_server: [] };
    for (let run = 0; run < options.startupRuns; run += 1) {
      startupRuns.demo.push(await startupOnce(browser, files.url, null));
      startupRuns.fake_server.push(await startupOnce(browser, files.url, server));
    }

    const { core } = createCoreFixture(server, { symbols: [...BENCH_SYMBOL_NAMES], key: API_KEY });
    cleanups.push(() => core.stop());
    core.start();
    await server.waitForSubscriptions(BENCH_SYMBOL_NAMES.length);
    const pump = new TradePump(server, BENCH_SYMBOLS, seededRandom(options.seed));
    // Every symbol has a price before any strip page opens; "no trades" scenarios get no more.
    pump.sendRound();
    const rig: Rig = { browser, browserRoot: process.pid, filesUrl: files.url, server, core, pump };

    const rounds = Object.fromEntries(
      SCENARIOS.map((scenario) => [
        scenario,
        { cpu_pct: [] as number[], ratio: [] as number[], main_busy_pct: [] as number[] },
      ]),
    ) as StripCostDetails['rounds'];
    for (let round = 0; round < options.rounds; round += 1) {
      let blank = Number.NaN;
      for (const scenario of SCENARIOS) {
        const { cpuPct, busyPct } = await measureScenario(rig, scenario, options);
        if (scenario === 'blank') blank = cpuPct;
        rounds[scenario].cpu_pct.push(cpuPct);
        rounds[scenario].ratio.push(cpuPct / blank);
        rounds[scenario].main_busy_pct.push(busyPct);
      }
    }
    const heapPoints = await soak(rig, options);
    const processes = treeTimes(process.pid, CHROMIUM_PROCESS).length;

    const [first, last] = [heapPoints[0], heapPoints.at(-1)];
    const hours = first && last ? (last.at_s - first.at_s) / 3600 : Number.NaN;
    const scenarios = Object.fromEntries(
      SCENARIOS.map((scenario) => [
        scenario,
        {
          cpu_pct: median(rounds[scenario].cpu_pct),
          ratio: median(rounds[scenario].ratio),
          main_busy_pct: median(rounds[scenario].main_busy_pct),
        },
      ]),
    ) as StripCostResult['scenarios'];
    return {
      result: {
        scenarios,
        heap: {
          js_heap_mb: last?.js_heap_mb ?? Number.NaN,
          dom_nodes: last?.dom_nodes ?? Number.NaN,
          js_heap_growth_mb_per_h: first && last ? (last.js_heap_mb - first.js_heap_mb) / hours : Number.NaN,
          dom_nodes_growth_per_h: first && last ? (last.dom_nodes - first.dom_nodes) / hours : Number.NaN,
          run_s: last?.at_s ?? Number.NaN,
        },
        startup_ms: {
          demo: median(startupRuns.demo.map((run) => run.first_price_painted)),
          fake_server: median(startupRuns.fake_server.map((run) => run.first_price_painted)),
        },
        startup_steps_ms: { demo: medianMarks(startupRuns.demo), fake_server: medianMarks(startupRuns.fake_server) },
      },
      details: { rounds, heapPoints, startupRuns, processes },
    };
  } finally {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error('[bench] cleanup failed:', error);
      }
    }
  }
}

function medianMarks(runs: readonly StartupMarks[]): StartupMarks {
  const keys: (keyof StartupMarks)[] = [
    'first_batch',
    'page_created',
    'page_loaded',
    'strip_ready',
    'first_price_painted',
  ];
  return Object.fromEntries(keys.map((key) => [key, median(runs.map((run) => run[key]))])) as unknown as StartupMarks;
}
