/** The goals the benchmarks are held to: `npm run bench` prints each figure beside its bar, and
 * docs/performance.md (bench/performance-doc.ts) shows them. */

/** How often the publisher pushes a batch to the windows. */
export const PUBLISH_INTERVAL_MS = 100;

export const BARS = {
  /** Ingest over `JSON.parse` alone on the same frames. */
  ingestRatio: 1.2,
  publishedPerSecond: 10,
  latencyP99Ms: PUBLISH_INTERVAL_MS + 50,
  busyPct: 5,
  longTasks: 0,
  heapGrowthMb: 5,
  calendarNsPerCall: 250,
  /** Half of the 13 % of a core the scrolling strip once cost the whole browser. */
  idleStripCpuPct: 6.5,
  /** 1,000 trades/s at most 1.5× the idle strip's whole-browser cost. */
  tradingOverIdle: 1.5,
  /** The idle scrolling strip against the simplest ticker (one CSS keyframe animation), per round. */
  idleOverMarquee: 1.1,
  /** The idle gliding strip against a blank page, its items crossing at the scrolling speed. */
  glideOverBlank: 3,
  /** The renderer main thread, median of the rounds. */
  mainBusyMedianPct: 3,
  firstPriceMs: 1000,
  /** The long run: no growth beyond measuring noise, extrapolated to an hour. */
  heapGrowthMbPerHour: 5,
  domNodesGrowthPerHour: 0,
  /** The whole full bench, in minutes. */
  fullRunMinutes: 10,
  /** A headless command's `--help`, from start to exit. */
  commandStartMs: 300,
};
