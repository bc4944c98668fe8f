/** Both browser measures on one rig: renderer cost first (no observers), then latency. */
import { BENCH_SYMBOLS } from '../lib/market';
import { seededRandom } from '../lib/prng';
import { runLatencyBench, type LatencyDetails, type LatencyResult } from './latency-bench';
import { runRendererBench, type RendererDetails, type RendererResult } from './renderer-bench';
import type { BenchBrowser } from './bench-browser';
import { startStripRig } from './strip-rig';
import type { StripWindow } from './strip-window';
import { TradePump } from './trade-pump';

export interface BrowserBenchOptions {
  tradesPerSecond: number;
  warmupMs: number;
  rendererMs: number;
  latencyMs: number;
  seed: number;
}

export interface BrowserBenchResults {
  latency: { result: LatencyResult; details: LatencyDetails };
  renderer: { result: RendererResult; details: RendererDetails };
  /** The strip window both ran in. */
  window: StripWindow;
}

export async function runBrowserBenches(
  bench: BenchBrowser,
  options: BrowserBenchOptions,
): Promise<BrowserBenchResults> {
  const rig = await startStripRig(bench);
  try {
    const pump = new TradePump(rig.server, BENCH_SYMBOLS, seededRandom(options.seed));
    // Every symbol gets a price, then a warm-up stream (JIT, React, first layouts) before measuring.
    pump.sendRound();
    // Read from the screen-reader list: it covers every symbol (the strip draws only those near view).
    await rig.page.waitForFunction(
      (count) => {
        const labels = [...document.querySelectorAll('[data-testid="accessible-quotes"] li')].map(
          (element) => element.textContent ?? '',
        );
        return labels.length === count && labels.every((text) => !text.includes('no price yet'));
      },
      BENCH_SYMBOLS.length,
      { timeout: 15_000 },
    );
    await pump.run(options.tradesPerSecond, options.warmupMs);
    const renderer = await runRendererBench(rig, pump, {
      tradesPerSecond: options.tradesPerSecond,
      durationMs: options.rendererMs,
    });
    const latency = await runLatencyBench(rig, pump, {
      tradesPerSecond: options.tradesPerSecond,
      durationMs: options.latencyMs,
    });
    return { latency, renderer, window: rig.window };
  } finally {
    await rig.close();
  }
}
