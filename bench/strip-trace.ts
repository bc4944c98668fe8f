/**
 * Where the strip's main thread goes: a Chromium trace of the strip on the bench's own rig (the real
 * core, the fake Finnhub server, the strip page at the default window, 1,000 trades/s), summarised
 * per event type (time and count a second), per layout (full or partial, objects laid out) and per
 * script function (the V8 sampling profiler, self and inclusive). docs/performance-notes.md tells
 * what one showed. The profiler interrupts the thread, so absolute figures run above the bench's;
 * compare shares.
 *
 *   npx tsx bench/strip-trace.ts [--seconds 5] [--out trace.json] [--invalidations]
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

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    out: { type: 'string' },
    invalidations: { type: 'boolean', default: false },
  },
});

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
  const page = await newStripPage(browser, STRIP_WINDOW, { locale: 'en-US', reducedMotion: 'no-preference' });
  cleanups.push(() => page.close());
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

async function record(seconds: number, invalidations: boolean): Promise<TraceEvent[]> {
  const cleanups: (() => unknown)[] = [];
  try {
    const dir = mkdtempSync(join(tmpdir(), 'ticker-trace-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    await buildRenderer(dir);
    const files = await serveStatic(dir);
    cleanups.push(() => files.close());
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    cleanups.push(() => browser.close());
    const { page, pump } = await openStrip(files.url, browser, cleanups);
    // A warm-up stream first (JIT, first layouts), as the renderer row has.
    await pump.run(1000, 3000);
    const cdp = await page.context().newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (data: { value: unknown[] }) =>
      events.push(...(data.value as unknown as TraceEvent[])),
    );
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    const includedCategories = invalidations ? [...CATEGORIES, ...INVALIDATION_CATEGORIES] : CATEGORIES;
    await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories } });
    await pump.run(1000, seconds * 1000);
    await cdp.send('Tracing.end');
    await complete;
    return events;
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
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

const seconds = Number(values.seconds);
if (!(seconds > 0)) throw new Error('--seconds takes a number above 0');
const events = await record(seconds, values.invalidations);
if (values.out) writeFileSync(values.out, JSON.stringify({ traceEvents: events }));
const main = mainThread(events);
const times = main.filter((event) => event.ts > 0).map((event) => event.ts);
const span = (Math.max(...times) - Math.min(...times)) / 1e6;
console.log(`Trace: ${events.length} events, ${main.length} on the strip's main thread over ${span.toFixed(1)} s`);
perEventType(main, span);
layouts(main, span);
scriptByFunction(events, span);
