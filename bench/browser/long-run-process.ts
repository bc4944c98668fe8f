/**
 * The strip-cost bench's long run in a process of its own (strip-cost-bench.ts forks this file):
 * its own Node event loop, core, fake server and Chromium, so it runs beside the scenario rounds
 * without sharing their event loop, and its browser's processes are not in the rounds' CPU sums.
 * It loads, launches its browser and says so; runs the long run when the bench sends the request;
 * sends the figures back and ends.
 */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/e2e/harness/renderer-session';
import { soak as runLongRun, type LongRunReport, type LongRunRequest } from './strip-cost-bench';

function report(message: LongRunReport): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) throw new Error('long-run-process: run it from the strip-cost bench (it needs an IPC channel)');
    process.send(message, () => resolve());
  });
}

async function main(): Promise<void> {
  let browser: Browser | null = null;
  let finished = false;
  // The bench went away (it failed or was stopped): so does this, with its browser.
  process.once('disconnect', () => {
    if (!finished) void (browser?.close() ?? Promise.resolve()).finally(() => process.exit(1));
  });
  try {
    const request = new Promise<LongRunRequest>((resolve) => process.once('message', resolve));
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    await report({ type: 'ready' });
    const { filesUrl, options } = await request;
    const soak = await runLongRun(browser, filesUrl, options);
    await report({ type: 'done', soak });
  } catch (error) {
    await report({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  } finally {
    finished = true;
    await browser?.close();
    process.disconnect();
  }
}

await main();
