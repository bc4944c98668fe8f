/**
 * What every Chromium bench shares, made once per run: one headless Chromium, and the renderer built
 * once each way (the readable test build the strip rows use, the shipped minified build the startup
 * measures) and served over loopback. Each bench opens its own pages and closes them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { buildRenderer } from '../../test/e2e/harness/build-renderer';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/e2e/harness/renderer-session';
import { serveStatic } from '../../test/e2e/harness/static-server';
import { runCleanups, type Cleanup } from '../lib/cleanups';

export interface BenchBrowser {
  readonly browser: Browser;
  /** Where the test build's pages are served (strip.html). */
  readonly filesUrl: string;
  /** Where the shipped (minified) build's pages are served. */
  readonly shippedUrl: string;
  close(): Promise<void>;
}

export async function startBenchBrowser(): Promise<BenchBrowser> {
  const cleanups: Cleanup[] = [];
  const close = async (): Promise<void> => {
    await runCleanups(cleanups, 'bench');
  };
  try {
    const serve = async (shipped: boolean): Promise<string> => {
      const dir = mkdtempSync(join(tmpdir(), shipped ? 'ticker-bench-shipped-' : 'ticker-bench-renderer-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      await buildRenderer(dir, { shipped });
      const files = await serveStatic(dir);
      cleanups.push(() => files.close());
      return files.url;
    };
    const filesUrl = await serve(false);
    const shippedUrl = await serve(true);
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    cleanups.push(() => browser.close());
    return { browser, filesUrl, shippedUrl, close };
  } catch (error) {
    await close();
    throw error;
  }
}
