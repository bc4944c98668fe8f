/**
 * Where the strip's main thread goes: a Chromium trace of the strip on the bench's own rig (the real
 * core, the fake Finnhub server, the strip page at the default window, 1,000 trades/s), summarised
 * per event type (time and count a second), per layout (full or partial, objects laid out) and per
 * script function (the V8 sampling profiler, self and inclusive). docs/performance-notes.md tells
 * what one showed. The profiler interrupts the thread, so absolute figures run above the bench's;
 * compare shares.
 *
 *   npx tsx bench/strip-trace.ts [--seconds 5] [--out trace.json] [--invalidations]
 *   npx tsx bench/strip-trace.ts --scenario glide [--seconds 12] [--out trace.json]
 *
 * `--scenario glide` traces the gliding strip with no trades instead (the strip-cost bench's
 * strip_glide row) and, alongside the trace, samples every Chromium thread's CPU time from /proc
 * every few milliseconds: per process type and thread, how much CPU each slide costs (from its
 * start to a little after its end) and how much the strip costs between slides, and the main
 * thread's events split the same way. The slides' start times come from the page (each
 * `Element.animate` call); `--untraced` stops there, with no trace. `--scenario blank` samples a blank page's threads the same way, to
 * compare with (no trace).
 *
 * `--invalidations` also records what invalidated each layout and style recalc, with stacks (every
 * DOM write then records a stack: its script figures are not the real ones). `--out` keeps the trace
 * for chrome://tracing or the DevTools performance panel. Run it under the heavy-job lock.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { buildRenderer } from '../test/e2e/harness/build-renderer';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/harness/renderer-session';
import { serveStatic } from '../test/e2e/harness/static-server';
import { attachBrowserBridge } from '../test/support/browser-bridge';
import { createCoreFixture } from '../test/support/core-fixture';
import { startFakeFinnhub } from '../test/support/fake-finnhub';
import { fitToWindow, newStripPage, STRIP_WINDOW } from './browser/strip-window';
import { TradePump } from './browser/trade-pump';
import { BENCH_SYMBOL_NAMES, BENCH_SYMBOLS } from './lib/market';
import { seededRandom } from './lib/prng';
import { sampleThreads, type ThreadSample } from './lib/thread-sampler';
import { GLIDE_MS } from '../src/shared/glide-timing';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    out: { type: 'string' },
    invalidations: { type: 'boolean', default: false },
    scenario: { type: 'string', default: 'trading' },
    /** Gliding: sample the threads only, no trace after (a quicker look). */
    untraced: { type: 'boolean', default: false },
  },
});
if (!['trading', 'glide', 'blank'].includes(values.scenario)) {
  throw new Error('--scenario takes trading, glide or blank');
}
const gliding = values.scenario === 'glide';
/** The blank page, sampled as the glide is (no trace): what the glide's threads compare with. */
const blank = values.scenario === 'blank';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: Record<string, unknown> & {
    name?: string;
    data?: Record<string, unknown>;
    beginData?: Record<string, unknown>;
  };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
];
/**
 * Gliding: every thread's tasks, the frames' path through the compositor, the animations and the
 * garbage collector, but not the sampling profiler (it interrupts and allocates, and moves the
 * collector's work around).
 */
const GLIDE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'toplevel',
  'cc',
  'viz',
  'v8',
  'blink.animations',
];
const INVALIDATION_CATEGORIES = [
  'disabled-by-default-devtools.timeline.stack',
  'disabled-by-default-devtools.timeline.invalidationTracking',
];

const API_KEY = 'bench-key';

/** The strip page at the default window over the real core and the fake server, every symbol priced. */
async function openStrip(filesUrl: string, browser: Browser, cleanups: (() => unknown)[]) {
  const server = await startFakeFinnhub({ tokens: [API_KEY], pingIntervalMs: 20_000 });
  cleanups.push(() => server.close());
  const { core } = createCoreFixture(server, { symbols: [...BENCH_SYMBOL_NAMES], key: API_KEY });
  cleanups.push(() => core.stop());
  if (gliding) await core.handlers.setPreferences({ scrollStyle: 'glide' });
  const page = await newStripPage(browser, STRIP_WINDOW, { locale: 'en-US', reducedMotion: 'no-preference' });
  cleanups.push(() => page.close());
  // Each animation started (a slide, or a rest after the lane changed width), in epoch ms.
  if (gliding) await page.addInitScript(RECORD_ANIMATIONS);
  const bridge = await attachBrowserBridge(page, core);
  cleanups.push(() => bridge.dispose());
  core.start();
  await server.waitForSubscriptions(BENCH_SYMBOL_NAMES.length);
  await page.goto(`${filesUrl}/strip.html`);
  await fitToWindow(page, STRIP_WINDOW);
  await page.waitForSelector('.strip[data-loaded="true"] .item', { timeout: 15_000 });
  const pump = new TradePump(server, BENCH_SYMBOLS, seededRandom(7));
  pump.sendRound();
  await page.waitForFunction(
    (count: number) => document.querySelectorAll('[data-testid="accessible-quotes"] li').length === count,
    BENCH_SYMBOLS.length,
    { timeout: 15_000 },
  );
  return { page, pump };
}

/**
 * Run in the page before its scripts: note each animation started (epoch ms and duration) for the
 * sampler, and mark it in the trace (a TimeStamp event) for the trace's own split.
 */
const RECORD_ANIMATIONS = `(() => {
  const animate = Element.prototype.animate;
  window.__tickerAnimations = [];
  Element.prototype.animate = function (keyframes, options) {
    const duration = Number(typeof options === 'object' && options !== null ? options.duration : options) || 0;
    window.__tickerAnimations.push([Date.now(), duration]);
    console.timeStamp('ticker-animate ' + duration);
    return animate.call(this, keyframes, options);
  };
})();`;

interface Recording {
  events: TraceEvent[];
  /** Gliding: the untraced window's thread samples and the slides' starts (epoch ms) in it. */
  threads?: { samples: ThreadSample[]; labels: Map<string, string>; slides: number[] };
}

/** Record the trace and, gliding, the threads' CPU over an untraced window before it. */
async function record(seconds: number, invalidations: boolean): Promise<Recording> {
  const cleanups: (() => unknown)[] = [];
  try {
    const dir = mkdtempSync(join(tmpdir(), 'ticker-trace-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    await buildRenderer(dir);
    const files = await serveStatic(dir);
    cleanups.push(() => files.close());
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    cleanups.push(() => browser.close());
    if (blank) {
      const page = await newStripPage(browser, STRIP_WINDOW);
      await page.goto('about:blank');
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const sampler = sampleThreads(process.pid, /^chrom/, SAMPLE_EVERY_MS);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      return { events: [], threads: { ...sampler.stop(), slides: [] } };
    }
    const { page, pump } = await openStrip(files.url, browser, cleanups);
    let threads: Recording['threads'];
    if (gliding) {
      await page.waitForSelector('.strip[data-motion="glide"]', { timeout: 15_000 });
      // Settle as the bench does (first layouts, the first slides), then sample with no trace.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const sampler = sampleThreads(process.pid, /^chrom/, SAMPLE_EVERY_MS);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      const { samples, labels } = sampler.stop();
      const started = await page.evaluate(
        () => (window as unknown as { __tickerAnimations: [number, number][] }).__tickerAnimations,
      );
      threads = { samples, labels, slides: started.filter(([, ms]) => ms > 0).map(([at]) => at) };
      if (values.untraced) return { events: [], threads };
    } else {
      // A warm-up stream first (JIT, first layouts), as the renderer row has.
      await pump.run(1000, 3000);
    }
    const cdp = await page.context().newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (data: { value: unknown[] }) =>
      events.push(...(data.value as unknown as TraceEvent[])),
    );
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    const includedCategories = [
      ...(gliding ? GLIDE_CATEGORIES : CATEGORIES),
      ...(invalidations ? INVALIDATION_CATEGORIES : []),
    ];
    await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories } });
    if (gliding) await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    else await pump.run(1000, seconds * 1000);
    await cdp.send('Tracing.end');
    await complete;
    return { events, threads };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

/** How often the glide's thread sampler reads /proc. */
const SAMPLE_EVERY_MS = 10;
/** A slide's share of the time: from its start to a little after its end (the last frames, the aftermath). */
const SLIDE_WINDOW_MS = GLIDE_MS + 200;

/** The time since the last slide started at `at`, or NaN before the first. */
function sinceSlide(slides: readonly number[], at: number): number {
  let last = Number.NaN;
  for (const start of slides) if (start <= at) last = start;
  return at - last;
}

/**
 * The glide's CPU per thread from the sampler: in each slide's window (ms per slide) and between
 * slides (ms per second), and the whole tree's CPU folded over the time since a slide started.
 */
function glideThreads({ samples, labels, slides }: NonNullable<Recording['threads']>): void {
  const first = samples[0]?.at ?? 0;
  const last = samples.at(-1)?.at ?? 0;
  // Only whole slides inside the window, and the time from the first of them on.
  const counted = slides.filter((at) => at >= first && at + SLIDE_WINDOW_MS <= last);
  const from = counted[0] ?? first;
  const inSlide = new Map<string, number>();
  const between = new Map<string, number>();
  const folded = new Map<number, number>();
  /** Per 50 ms bucket, per thread: which threads a bucket's CPU came from. */
  const foldedThreads = new Map<number, Map<string, number>>();
  let betweenMs = 0;
  for (let index = 1; index < samples.length; index += 1) {
    const before = samples[index - 1] as ThreadSample;
    const after = samples[index] as ThreadSample;
    const mid = (before.at + after.at) / 2;
    if (mid < from) continue;
    const since = sinceSlide(counted, mid);
    const sliding = since < SLIDE_WINDOW_MS && mid <= (counted.at(-1) ?? 0) + SLIDE_WINDOW_MS;
    if (!sliding) betweenMs += after.at - before.at;
    let total = 0;
    for (const [key, ns] of after.ns) {
      const ms = (ns - (before.ns.get(key) ?? ns)) / 1e6;
      if (ms <= 0) continue;
      total += ms;
      const label = labels.get(key) ?? key;
      const map = sliding ? inSlide : between;
      map.set(label, (map.get(label) ?? 0) + ms);
      const bucketThreads = foldedThreads.get(Math.floor(since / 50) * 50) ?? new Map<string, number>();
      bucketThreads.set(label, (bucketThreads.get(label) ?? 0) + ms);
      foldedThreads.set(Math.floor(since / 50) * 50, bucketThreads);
    }
    const bucket = Math.floor(since / 50) * 50;
    folded.set(bucket, (folded.get(bucket) ?? 0) + total);
  }
  const slidesSeen = Math.max(counted.length, 1);
  const betweenS = Math.max(betweenMs / 1000, 1e-9);
  const sum = (map: Map<string, number>): number => [...map.values()].reduce((a, b) => a + b, 0);
  const spanS = (last - from) / 1000;
  console.log(
    `\nThreads (untraced, /proc every ${SAMPLE_EVERY_MS} ms): ${counted.length} slides in ${spanS.toFixed(1)} s; ` +
      `whole tree ${((sum(inSlide) + sum(between)) / spanS / 10).toFixed(2)} % of a core; ` +
      `per slide (its first ${SLIDE_WINDOW_MS} ms) ${(sum(inSlide) / slidesSeen).toFixed(1)} ms; ` +
      `between slides ${(sum(between) / betweenS).toFixed(2)} ms/s`,
  );
  const names = [...new Set([...inSlide.keys(), ...between.keys()])].sort(
    (a, b) =>
      (inSlide.get(b) ?? 0) / slidesSeen +
      (between.get(b) ?? 0) / betweenS -
      ((inSlide.get(a) ?? 0) / slidesSeen + (between.get(a) ?? 0) / betweenS),
  );
  console.log('  per slide ms   between ms/s   thread');
  for (const name of names.slice(0, 30)) {
    const slide = (inSlide.get(name) ?? 0) / slidesSeen;
    const rest = (between.get(name) ?? 0) / betweenS;
    if (slide < 0.05 && rest < 0.01) continue;
    console.log(`  ${slide.toFixed(2).padStart(12)}   ${rest.toFixed(3).padStart(12)}   ${name}`);
  }
  console.log('\nWhole tree, ms per slide by time since the slide started (50 ms buckets; the top threads):');
  for (const [bucket, ms] of [...folded].sort((a, b) => a[0] - b[0])) {
    if (!Number.isFinite(bucket) || ms / slidesSeen < 0.05) continue;
    const top = [...(foldedThreads.get(bucket) ?? [])]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([name, value]) => `${name} ${(value / slidesSeen).toFixed(2)}`)
      .join(', ');
    console.log(`  ${String(bucket).padStart(5)} ms  ${(ms / slidesSeen).toFixed(2).padStart(6)}   ${top}`);
  }
}

/** The strip page's main thread: the renderer main thread with the most events. */
function mainThread(events: readonly TraceEvent[]): TraceEvent[] {
  const mains = new Set(
    events
      .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    const key = `${event.pid}:${event.tid}`;
    if (mains.has(key)) byThread.set(key, [...(byThread.get(key) ?? []), event]);
  }
  return [...byThread.values()].sort((a, b) => b.length - a.length)[0] ?? [];
}

function table(title: string, rows: [string, number, number?][], unit: string): void {
  console.log(`\n${title}`);
  for (const [name, value, count] of rows.slice(0, 25)) {
    const rate = count === undefined ? '' : `  ${count.toFixed(1).padStart(6)} /s`;
    console.log(`  ${value.toFixed(2).padStart(8)} ${unit}${rate}  ${name}`);
  }
}

/** Time and count a second per event type (complete events, and begin/end pairs). */
function perEventType(events: readonly TraceEvent[], seconds: number): void {
  const totals = new Map<string, { ms: number; count: number }>();
  const open = new Map<string, number>();
  const add = (name: string, us: number): void => {
    const total = totals.get(name) ?? { ms: 0, count: 0 };
    total.ms += us / 1000;
    total.count += 1;
    totals.set(name, total);
  };
  for (const event of events) {
    if (event.ph === 'X') add(event.name, event.dur ?? 0);
    else if (event.ph === 'B') open.set(event.name, event.ts);
    else if (event.ph === 'E' && open.has(event.name)) add(event.name, event.ts - (open.get(event.name) ?? 0));
  }
  const rows = [...totals]
    .map(([name, { ms, count }]): [string, number, number] => [name, ms / seconds, count / seconds])
    .sort((a, b) => b[1] - a[1]);
  table('Main thread, per event type:', rows, 'ms/s');
}

/** Each layout: full or partial, how many objects it laid out and how many were dirty. */
function layouts(events: readonly TraceEvent[], seconds: number): void {
  const begins = events.filter((event) => event.name === 'Layout' && (event.ph === 'B' || event.ph === 'X'));
  const data = begins.map((event) => event.args?.beginData ?? {});
  const partial = data.filter((item) => item.partialLayout === true).length;
  const objects = data.map((item) => Number(item.totalObjects ?? Number.NaN));
  const dirty = data.map((item) => Number(item.dirtyObjects ?? Number.NaN));
  const range = (list: number[]): string => `${Math.min(...list)}–${Math.max(...list)}`;
  console.log(
    `\nLayouts: ${(begins.length / seconds).toFixed(1)}/s, ${partial} of ${begins.length} partial; ` +
      `objects laid out ${range(objects)}, dirty ${range(dirty)}`,
  );
  const reasons = new Map<string, number>();
  for (const event of events) {
    if (event.name !== 'LayoutInvalidationTracking' && event.name !== 'StyleRecalcInvalidationTracking') continue;
    const item = event.args?.data ?? {};
    const stack = (item.stackTrace as { functionName: string }[] | undefined)?.[0]?.functionName ?? '';
    const key = `${event.name.replace('InvalidationTracking', '')}: ${String(item.reason)} ${String(item.nodeName ?? '')} ${stack}`;
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
  }
  if (reasons.size === 0) return;
  const rows = [...reasons].map(([key, count]): [string, number] => [key, count / seconds]);
  table('Invalidations (what made layout or style dirty, and the first function of its stack):', rows, '/s');
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url?: string; lineNumber: number };
}

/** Self and inclusive time per function, from the sampling profiler's chunks. */
function scriptByFunction(events: readonly TraceEvent[], seconds: number): void {
  const nodes = new Map<string, ProfileNode>();
  const samples: string[] = [];
  const deltas: number[] = [];
  for (const event of events) {
    if (event.name !== 'ProfileChunk') continue;
    const data = event.args?.data as
      { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
    for (const node of data?.cpuProfile?.nodes ?? []) nodes.set(`${event.id}:${node.id}`, node);
    for (const sample of data?.cpuProfile?.samples ?? []) samples.push(`${event.id}:${sample}`);
    deltas.push(...(data?.timeDeltas ?? []));
  }
  const label = (node: ProfileNode): string =>
    `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url?.split('/').pop() ?? ''}:${node.callFrame.lineNumber}`;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  samples.forEach((key, index) => {
    const ms = (deltas[index + 1] ?? 0) / 1000;
    const prefix = key.slice(0, key.indexOf(':') + 1);
    let node = nodes.get(key);
    if (node) self.set(label(node), (self.get(label(node)) ?? 0) + ms);
    const seen = new Set<string>();
    while (node) {
      const name = label(node);
      if (!seen.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
      seen.add(name);
      node = node.parent === undefined ? undefined : nodes.get(`${prefix}${node.parent}`);
    }
  });
  const rows = (map: Map<string, number>): [string, number][] =>
    [...map]
      .filter(([name]) => !name.startsWith('(idle)') && !name.startsWith('(root)'))
      .map(([name, ms]): [string, number] => [name, ms / seconds])
      .sort((a, b) => b[1] - a[1]);
  table('Script, self time per function (sampled):', rows(self), 'ms/s');
  table('Script, inclusive time per function (sampled):', rows(inclusive), 'ms/s');
}

/**
 * Gliding, from the trace: each thread's busy time (the union of its complete events) in the
 * slides' windows (ms per slide) and between them (ms/s), every process's threads, and the main
 * thread's event types split the same way. Slides are the page's TimeStamp marks.
 */
function glideTrace(events: readonly TraceEvent[]): void {
  const slides = events
    .filter((event) => event.name === 'TimeStamp')
    .map((event) => ({ ts: event.ts, message: String(event.args?.data?.message ?? '') }))
    .filter(({ message }) => message.startsWith('ticker-animate ') && Number(message.split(' ')[1]) > 0)
    .map(({ ts }) => ts / 1000)
    .sort((a, b) => a - b);
  const stamped = events.filter((event) => event.ts > 0 && event.ph !== 'M').map((event) => event.ts / 1000);
  const first = Math.min(...stamped);
  const last = Math.max(...stamped);
  const counted = slides.filter((at) => at + SLIDE_WINDOW_MS <= last);
  if (counted.length === 0) {
    console.log('\nTrace: no slide seen');
    return;
  }
  const from = counted[0] as number;
  const slideEnd = (counted.at(-1) as number) + SLIDE_WINDOW_MS;
  const sliding = (at: number): boolean => at <= slideEnd && sinceSlide(counted, at) < SLIDE_WINDOW_MS;
  const betweenS = (last - from - counted.length * SLIDE_WINDOW_MS) / 1000;
  const names = new Map<string, string>();
  for (const event of events) {
    if (event.ph !== 'M') continue;
    if (event.name === 'process_name') names.set(`${event.pid}`, String(event.args?.name));
    if (event.name === 'thread_name') names.set(`${event.pid}:${event.tid}`, String(event.args?.name));
  }
  const byThread = new Map<string, [number, number][]>();
  for (const event of events) {
    if (event.ph !== 'X' || !(event.dur && event.dur > 0) || event.ts / 1000 < from) continue;
    const key = `${event.pid}:${event.tid}`;
    byThread.set(key, [...(byThread.get(key) ?? []), [event.ts / 1000, (event.ts + event.dur) / 1000]]);
  }
  const rows: [string, number, number][] = [];
  for (const [key, spans] of byThread) {
    spans.sort((a, b) => a[0] - b[0]);
    let inSlide = 0;
    let between = 0;
    let reached = Number.NEGATIVE_INFINITY;
    for (const [start, end] of spans) {
      const begin = Math.max(start, reached);
      if (end <= begin) continue;
      reached = end;
      if (sliding(begin)) inSlide += end - begin;
      else between += end - begin;
    }
    const pid = key.split(':')[0] as string;
    rows.push([`${names.get(pid) ?? pid}/${names.get(key) ?? key}`, inSlide / counted.length, between / betweenS]);
  }
  rows.sort((a, b) => b[1] + b[2] - (a[1] + a[2]));
  console.log(
    `\nTrace (${((last - first) / 1000).toFixed(1)} s, ${counted.length} slides): busy per thread ` +
      `(union of its events), per slide (first ${SLIDE_WINDOW_MS} ms) and between slides`,
  );
  console.log('  per slide ms   between ms/s   thread');
  for (const [name, slide, rest] of rows.slice(0, 25)) {
    if (slide < 0.05 && rest < 0.01) continue;
    console.log(`  ${slide.toFixed(2).padStart(12)}   ${rest.toFixed(3).padStart(12)}   ${name}`);
  }
  const main = mainThread(events);
  const split = (inside: boolean) =>
    main.filter((event) => event.ts / 1000 >= from && sliding(event.ts / 1000) === inside);
  console.log(`\nMain thread in the slides' windows ("/s" here is per slide, over ${counted.length}):`);
  perEventType(split(true), counted.length);
  console.log('\nMain thread between slides:');
  perEventType(split(false), betweenS);
}

const seconds = Number(values.seconds);
if (!(seconds > 0)) throw new Error('--seconds takes a number above 0');
const { events, threads } = await record(seconds, values.invalidations);
if (values.out) writeFileSync(values.out, JSON.stringify({ traceEvents: events }));
const main = mainThread(events);
const times = main.filter((event) => event.ts > 0).map((event) => event.ts);
const span = (Math.max(...times) - Math.min(...times)) / 1e6;
if (events.length > 0) {
  console.log(`Trace: ${events.length} events, ${main.length} on the strip's main thread over ${span.toFixed(1)} s`);
}
if ((blank || values.untraced) && threads) glideThreads(threads);
else if (threads) {
  glideThreads(threads);
  glideTrace(events);
} else {
  perEventType(main, span);
  layouts(main, span);
  scriptByFunction(events, span);
}
