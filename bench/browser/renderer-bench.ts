/**
 * Renderer cost: the strip scrolling while trades stream through the real core, read from the
 * DevTools protocol (Performance.getMetrics deltas) and the page's long-task observer.
 */
import { performance } from 'node:perf_hooks';
import type { StripRig } from './strip-rig';
import type { TradePump } from './trade-pump';

export interface RendererResult {
  busy_pct: number;
  script_ms_per_s: number;
  layout_ms_per_s: number;
  long_tasks: number;
  symbols: number;
  trades_per_s: number;
}

export interface RendererSecond {
  busyPct: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
}

export interface RendererDetails {
  perSecond: RendererSecond[];
  /** CPU time the main thread used (ThreadTime), % of wall time: busy without time spent preempted. */
  cpu_pct: number;
  /**
   * Main-thread time in DevTools commands: the test bridge delivering each batch (in Electron, IPC
   * does this). Includes the page's own handling of the batch (JSON.parse, store, item writes).
   */
  bridge_ms_per_s: number;
  style_ms_per_s: number;
  layouts_per_s: number;
  style_recalcs_per_s: number;
  longestTaskMs: number;
}

export interface RendererOptions {
  tradesPerSecond: number;
  durationMs: number;
}

type Metrics = Record<string, number>;

export async function runRendererBench(
  rig: StripRig,
  pump: TradePump,
  options: RendererOptions,
): Promise<{ result: RendererResult; details: RendererDetails }> {
  const { page } = rig;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  const read = async (): Promise<{ metrics: Metrics; at: number }> => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return { metrics: Object.fromEntries(metrics.map((metric) => [metric.name, metric.value])), at: performance.now() };
  };
  const delta = (a: Metrics, b: Metrics, name: string): number => (b[name] ?? 0) - (a[name] ?? 0);

  const pageStart = await page.evaluate(() => performance.now());
  const sentBefore = pump.sentTrades;
  const first = await read();
  const perSecond: RendererSecond[] = [];
  let previous = first;
  const sampler = setInterval(() => {
    void read().then((sample) => {
      const wallS = (sample.at - previous.at) / 1000;
      perSecond.push({
        busyPct: (delta(previous.metrics, sample.metrics, 'TaskDuration') / wallS) * 100,
        scriptMs: (delta(previous.metrics, sample.metrics, 'ScriptDuration') * 1000) / wallS,
        layoutMs: (delta(previous.metrics, sample.metrics, 'LayoutDuration') * 1000) / wallS,
        styleMs: (delta(previous.metrics, sample.metrics, 'RecalcStyleDuration') * 1000) / wallS,
      });
      previous = sample;
    });
  }, 1000);
  await pump.run(options.tradesPerSecond, options.durationMs);
  clearInterval(sampler);
  const last = await read();
  const longTasks = await page.evaluate(
    (since) => (window.__benchLongTasks ?? []).filter(([start]) => start >= since),
    pageStart,
  );
  await cdp.send('Performance.disable');
  await cdp.detach();

  const seconds = (last.at - first.at) / 1000;
  const perS = (name: string): number => (delta(first.metrics, last.metrics, name) * 1000) / seconds;
  return {
    result: {
      busy_pct: (delta(first.metrics, last.metrics, 'TaskDuration') / seconds) * 100,
      script_ms_per_s: perS('ScriptDuration'),
      layout_ms_per_s: perS('LayoutDuration'),
      long_tasks: longTasks.length,
      symbols: pump.symbols.length,
      trades_per_s: (pump.sentTrades - sentBefore) / seconds,
    },
    details: {
      perSecond,
      cpu_pct: (delta(first.metrics, last.metrics, 'ThreadTime') / seconds) * 100,
      bridge_ms_per_s: perS('DevToolsCommandDuration'),
      style_ms_per_s: perS('RecalcStyleDuration'),
      layouts_per_s: delta(first.metrics, last.metrics, 'LayoutCount') / seconds,
      style_recalcs_per_s: delta(first.metrics, last.metrics, 'RecalcStyleCount') / seconds,
      longestTaskMs: Math.max(0, ...longTasks.map(([, duration]) => duration)),
    },
  };
}
