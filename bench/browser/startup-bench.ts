/**
 * Startup: from creating the core to the first price painted in the strip, as the app starts. The
 * app creates the strip's window before it starts the core and neither waits for the other; here
 * the core starts and the page is created at once, the same way. The page is the renderer as users
 * get it (the shipped, minified build), and the step marks come from inside the page (its own
 * performance marks), so they say where the time goes.
 *
 * The test bridge is not Electron's IPC: attaching it (a Playwright binding, an init script, a
 * DevTools session) and each call through it (page → DevTools → Playwright → handler and back) cost
 * time the app does not pay; both are measured and reported beside the figure, never subtracted.
 */
import type { Browser, Page } from 'playwright-core';
import { PAGE_START_MARKS } from '../../src/shared/page-start-marks';
import { STRIP_VIEWPORT } from '../../test/e2e/harness/renderer-session';
import { attachBrowserBridge } from '../../test/support/browser-bridge';
import { createCoreFixture } from '../../test/support/core-fixture';
import { startFakeFinnhub, type FakeFinnhub } from '../../test/support/fake-finnhub';
import { BENCH_SYMBOL_NAMES, BENCH_SYMBOLS } from '../lib/market';
import { seededRandom } from '../lib/prng';
import { median } from '../lib/stats';
import { newBenchPage } from './strip-window';
import { preciseNow, TradePump } from './trade-pump';

const API_KEY = 'bench-key';
/** Calls timed through the test bridge after the first paint (one trivial handler, in sequence). */
const ROUND_TRIPS = 10;

/** Where the startup goes: ms from creating the core to each step (the last one is a duration). */
export interface StartupMarks {
  /** The core's first batch with a price (the page need not be there yet: it reads the snapshot). */
  first_batch: number;
  /** The window's page exists (in Electron: the BrowserWindow and its renderer process). */
  page_created: number;
  /** The test bridge is attached (Playwright only: Electron's preload comes with the window). */
  bridge_attached: number;
  /** strip.html and its scripts loaded and run: the page asks main for its start (one call). */
  start_asked: number;
  /** Main's answer (settings, snapshot, status, portfolio) is in the page. */
  start_answered: number;
  /** The strip has drawn from that answer (the first animation frame showing it loaded). */
  strip_ready: number;
  first_price_painted: number;
  /** One call through the test bridge, page and back, median of ROUND_TRIPS after the paint (ms). */
  bridge_round_trip: number;
}

export const STARTUP_STEPS: readonly (keyof StartupMarks)[] = [
  'first_batch',
  'page_created',
  'bridge_attached',
  'start_asked',
  'start_answered',
  'strip_ready',
  'first_price_painted',
  'bridge_round_trip',
];

/** In-page epoch times of the page's own marks, of its first loaded frame and of its first price. */
interface PageTimes {
  asked: number;
  answered: number;
  ready: number;
  painted: number;
}

async function pageTimes(page: Page): Promise<PageTimes> {
  // No named functions inside: the page gets this function's text as tsx compiled it, and tsx
  // wraps named functions in a helper the page does not have.
  const handle = await page.waitForFunction(
    (marks) => {
      const w = window as unknown as { __startupReady?: number };
      const now = performance.timeOrigin + performance.now();
      if (w.__startupReady === undefined && document.querySelector('.strip[data-loaded="true"]'))
        w.__startupReady = now;
      const shown = [...document.querySelectorAll('.item .price')].some((element) =>
        /\d/.test(element.textContent ?? ''),
      );
      if (!shown) return false;
      const [asked, answered] = [marks.asked, marks.answered].map(
        (name) => performance.timeOrigin + (performance.getEntriesByName(name, 'mark')[0]?.startTime ?? Number.NaN),
      );
      return { asked, answered, ready: w.__startupReady ?? now, painted: now };
    },
    PAGE_START_MARKS,
    { polling: 'raf', timeout: 20_000 },
  );
  return (await handle.jsonValue()) as PageTimes;
}

async function bridgeRoundTrip(page: Page): Promise<number> {
  const times = await page.evaluate(async (count) => {
    const spent: number[] = [];
    for (let call = 0; call < count; call += 1) {
      const started = performance.now();
      await window.ticker.getOverview();
      spent.push(performance.now() - started);
    }
    return spent;
  }, ROUND_TRIPS);
  return median(times);
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
    page = await newBenchPage(browser, { viewport: STRIP_VIEWPORT, locale: 'en-US', reducedMotion: 'no-preference' });
    const pageCreated = since();
    const bridge = await attachBrowserBridge(page, core);
    page.once('close', () => bridge.dispose());
    const bridgeAttached = since();
    await page.goto(`${filesUrl}/strip.html`, { waitUntil: 'commit' });
    const times = await pageTimes(page);
    return {
      first_batch: firstBatch,
      page_created: pageCreated,
      bridge_attached: bridgeAttached,
      start_asked: times.asked - started,
      start_answered: times.answered - started,
      strip_ready: times.ready - started,
      first_price_painted: times.painted - started,
      bridge_round_trip: await bridgeRoundTrip(page),
    };
  } finally {
    stopWatching();
    await page?.close();
    await core.stop();
    if (!server) await fixtureServer.close();
  }
}

export interface StartupRuns {
  demo: StartupMarks[];
  fake_server: StartupMarks[];
}

/**
 * `runs` startups of each feed, alternating, in `browser` (no other core running), from the shipped
 * build served at `filesUrl`; `server` is the fake Finnhub for the fake-server runs (it sends a
 * trade for every symbol as soon as they are subscribed).
 */
export async function runStartupBench(
  browser: Browser,
  server: FakeFinnhub,
  runs: number,
  filesUrl: string,
): Promise<StartupRuns> {
  const result: StartupRuns = { demo: [], fake_server: [] };
  for (let run = 0; run < runs; run += 1) {
    result.demo.push(await startupOnce(browser, filesUrl, null));
    result.fake_server.push(await startupOnce(browser, filesUrl, server));
  }
  return result;
}

/** The median of each step over the runs. */
export function medianMarks(runs: readonly StartupMarks[]): StartupMarks {
  return Object.fromEntries(
    STARTUP_STEPS.map((key) => [key, median(runs.map((run) => run[key]))]),
  ) as unknown as StartupMarks;
}
