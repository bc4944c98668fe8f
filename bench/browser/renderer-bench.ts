/**
 * Renderer cost: the strip scrolling while trades stream through the real core, read from the
 * DevTools protocol (Performance.getMetrics deltas over each measured window of the strip-cost
 * bench's trading scenario, the median of its rounds) and the page's long-task observer.
 */
import { median } from '../lib/stats';

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
  /** The main thread second by second over the long run (see strip-cost-bench.ts). */
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
  /** How many windows the medians are of. */
  windows: number;
}

export type Metrics = Record<string, number>;

/** One measured window of the trading strip: DevTools metrics at its ends, long tasks inside it. */
export interface RendererWindow {
  start: Metrics;
  end: Metrics;
  wallMs: number;
  /** Durations (ms) of the long tasks (> 50 ms) that started inside the window. */
  longTasks: number[];
  trades: number;
}

export function metricsDelta(a: Metrics, b: Metrics, name: string): number {
  return (b[name] ?? 0) - (a[name] ?? 0);
}

/** One second (or any span) of the main thread, from two metric samples `wallS` seconds apart. */
export function rendererSecond(a: Metrics, b: Metrics, wallS: number): RendererSecond {
  return {
    busyPct: (metricsDelta(a, b, 'TaskDuration') / wallS) * 100,
    scriptMs: (metricsDelta(a, b, 'ScriptDuration') * 1000) / wallS,
    layoutMs: (metricsDelta(a, b, 'LayoutDuration') * 1000) / wallS,
    styleMs: (metricsDelta(a, b, 'RecalcStyleDuration') * 1000) / wallS,
  };
}

/** Each figure the median of the windows; long tasks counted over all of them. */
export function rendererFromWindows(
  windows: readonly RendererWindow[],
  symbols: number,
  perSecond: RendererSecond[],
): { result: RendererResult; details: RendererDetails } {
  const per = (name: string, scale = 1000): number =>
    median(windows.map((window) => (metricsDelta(window.start, window.end, name) * scale) / (window.wallMs / 1000)));
  const longTasks = windows.flatMap((window) => window.longTasks);
  return {
    result: {
      busy_pct: per('TaskDuration', 100),
      script_ms_per_s: per('ScriptDuration'),
      layout_ms_per_s: per('LayoutDuration'),
      long_tasks: longTasks.length,
      symbols,
      trades_per_s: median(windows.map((window) => (window.trades * 1000) / window.wallMs)),
    },
    details: {
      perSecond,
      cpu_pct: per('ThreadTime', 100),
      bridge_ms_per_s: per('DevToolsCommandDuration'),
      style_ms_per_s: per('RecalcStyleDuration'),
      layouts_per_s: per('LayoutCount', 1),
      style_recalcs_per_s: per('RecalcStyleCount', 1),
      longestTaskMs: Math.max(0, ...longTasks),
      windows: windows.length,
    },
  };
}

declare global {
  interface Window {
    /** Long tasks seen by the page: [startTime, duration] in page ms. */
    __benchLongTasks?: [number, number][];
  }
}

/** Runs in the page before its scripts (an init script): records every long task (> 50 ms). */
export function installLongTaskRecorder(): void {
  const seen: [number, number][] = [];
  window.__benchLongTasks = seen;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) seen.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task support: the count stays empty.
  }
}
