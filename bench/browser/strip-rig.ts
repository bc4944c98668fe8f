/**
 * The real data path in one process, for the browser benchmarks: the fake Finnhub server → the
 * real TickerCore (FinnhubConnection, TickStore, QuotePublisher at its default 10 Hz) → the
 * browser test bridge → the built strip page in the run's headless Chromium (bench-browser.ts).
 */
import type { Page } from 'playwright-core';
import type { TickerCore } from '../../src/engine/core/ticker-core';
import { attachBrowserBridge, type BrowserBridge } from '../../test/support/browser-bridge';
import { createCoreFixture } from '../../test/support/core-fixture';
import { startFakeFinnhub, type FakeFinnhub } from '../../test/support/fake-finnhub';
import { BENCH_SYMBOL_NAMES } from '../lib/market';
import type { BenchBrowser } from './bench-browser';
import { fitToWindow, newStripPage, STRIP_WINDOW, type StripWindow } from './strip-window';

const API_KEY = 'bench-key';

export interface StripRig {
  readonly server: FakeFinnhub;
  readonly core: TickerCore;
  readonly page: Page;
  /** The window the strip is drawn in (see strip-window.ts). */
  readonly window: StripWindow;
  close(): Promise<void>;
}

export async function startStripRig(bench: BenchBrowser, window: StripWindow = STRIP_WINDOW): Promise<StripRig> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const close = async (): Promise<void> => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error('[bench] cleanup failed:', error);
      }
    }
  };
  try {
    const server = await startFakeFinnhub({ tokens: [API_KEY], pingIntervalMs: 20_000 });
    cleanups.push(() => server.close());
    const { core } = createCoreFixture(server, { symbols: [...BENCH_SYMBOL_NAMES], key: API_KEY });
    cleanups.push(() => core.stop());

    const page = await newStripPage(bench.browser, window, { locale: 'en-US', reducedMotion: 'no-preference' });
    cleanups.push(() => page.close());
    page.on('pageerror', (error) => console.error('[bench] page error:', error.message));
    const bridge: BrowserBridge = await attachBrowserBridge(page, core);
    cleanups.push(() => bridge.dispose());
    await page.addInitScript(installLongTaskRecorder);

    core.start();
    await server.waitForSubscriptions(BENCH_SYMBOL_NAMES.length);
    await page.goto(`${bench.filesUrl}/strip.html`);
    await fitToWindow(page, window);
    await page.waitForSelector('.strip[data-loaded="true"] .item', { timeout: 15_000 });
    return { server, core, page, window, close };
  } catch (error) {
    await close();
    throw error;
  }
}

declare global {
  interface Window {
    /** Long tasks seen by the page: [startTime, duration] in page ms. */
    __benchLongTasks?: [number, number][];
  }
}

/** Runs in the page before its scripts: records every long task (> 50 ms). */
function installLongTaskRecorder(): void {
  const seen: [number, number][] = [];
  window.__benchLongTasks = seen;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) seen.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task support: the count stays empty and the report says so via the metric.
  }
}
