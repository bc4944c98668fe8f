/**
 * A focused look at a few rows of the strip-cost bench (strip-cost-bench.ts), without the long run,
 * the startup or any other section, and without writing results: a minute or two instead of the
 * full run. With `--against <git ref>` it also builds the renderer as it is at that ref and measures
 * both builds in alternating rounds on the same browser (A/B, so a busy machine shifts both alike).
 *
 *   npx tsx bench/strip-focus.ts [--scenarios strip_trading,hidden] [--rounds 3] [--against main]
 *   npx tsx bench/strip-focus.ts --renderer [--rounds 3] [--against main]
 *
 * Prints, per build and scenario, main_busy_pct (the renderer main thread's busy share), the CPU
 * ratio to the blank page, the whole browser's CPU (% of a core) and the frames per second, each
 * round and their median; with strip_glide, also the gliding items' average speed. `--renderer`
 * runs the renderer row instead (the trading scenario's window, 1,000 trades/s): busy share, the main thread's
 * own CPU time (less shaken by other work on the machine than the busy share) and script, layout
 * and style time. Run it under the machine's heavy-job lock like any other bench.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { buildRenderer } from '../test/e2e/harness/build-renderer';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/harness/renderer-session';
import { serveStatic } from '../test/e2e/harness/static-server';
import type { BenchBrowser } from './browser/bench-browser';
import { runStripCostBench, SCENARIOS, type Scenario } from './browser/strip-cost-bench';
import { median } from './lib/stats';
import { runCleanups, type Cleanup } from './lib/cleanups';

const { values } = parseArgs({
  options: {
    scenarios: { type: 'string', default: 'strip_trading' },
    rounds: { type: 'string', default: '3' },
    against: { type: 'string' },
    renderer: { type: 'boolean', default: false },
    settle: { type: 'string', default: '2000' },
    measure: { type: 'string', default: '8000' },
  },
});

const scenarios = values.scenarios.split(',').map((name) => name.trim()) as Scenario[];
const unknown = scenarios.filter((name) => !(SCENARIOS as readonly string[]).includes(name));
if (unknown.length > 0) throw new Error(`--scenarios: unknown ${unknown.join(', ')} (known: ${SCENARIOS.join(', ')})`);
const rounds = Number(values.rounds);
if (!(Number.isInteger(rounds) && rounds > 0)) throw new Error('--rounds takes a whole number above 0');

interface Build {
  name: string;
  url: string;
}

const cleanups: Cleanup[] = [];

/** Build the renderer from `sourceRoot` (a directory holding src/renderer and src/shared) and serve it. */
async function serveBuild(name: string, sourceRoot: string): Promise<Build> {
  const out = mkdtempSync(join(tmpdir(), `ticker-focus-${name.replace(/\W/g, '_')}-`));
  cleanups.push(() => rmSync(out, { recursive: true, force: true }));
  await buildRenderer(out, { root: join(sourceRoot, 'src/renderer') });
  const files = await serveStatic(out);
  cleanups.push(() => files.close());
  return { name, url: files.url };
}

/** The renderer's sources at `ref`, unpacked inside this checkout (so its node_modules resolve). */
function sourcesAt(ref: string): string {
  const dir = resolve('node_modules/.cache/strip-focus', ref.replace(/\W/g, '_'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = execFileSync('git', ['archive', ref, 'src/renderer', 'src/shared'], {
    maxBuffer: 256 * 2 ** 20,
  });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * One renderer-row run: the renderer row is the strip-cost bench's trading scenario (one round
 * here; the blank page runs too, as every round needs it): busy %, thread CPU %, script, layout
 * and style ms/s, layouts per second.
 */
/** One round of the chosen strip-cost scenarios: no long run, no startup. */
async function oneRound(bench: BenchBrowser, chosen: readonly Scenario[]) {
  const { result } = await runStripCostBench(bench, {
    rounds: 1,
    settleMs: Number(values.settle),
    measureMs: Number(values.measure),
    tradesPerSecond: 1000,
    seed: 7,
    scenarios: [...chosen],
    soak: false,
    startup: false,
    soakMs: 0,
    soakFirstMs: 0,
    soakEveryMs: 0,
    startupRuns: 0,
  });
  return result;
}

async function rendererRound(bench: BenchBrowser): Promise<Record<string, number>> {
  const result = await oneRound(bench, ['strip_trading']);
  const renderer = result.renderer;
  if (!renderer) throw new Error('focus: the trading scenario gave no renderer figures');
  return {
    busy: renderer.result.busy_pct,
    cpu: renderer.details.cpu_pct,
    script: renderer.result.script_ms_per_s,
    layout: renderer.result.layout_ms_per_s,
    style: renderer.details.style_ms_per_s,
    layouts: renderer.details.layouts_per_s,
  };
}

async function main(): Promise<void> {
  try {
    const builds = [await serveBuild('this checkout', process.cwd())];
    if (values.against) builds.push(await serveBuild(values.against, sourcesAt(values.against)));
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    cleanups.push(() => browser.close());
    const figures = new Map<string, { busy: number[]; ratio: number[]; cpu: number[]; frames: number[] }>();
    const glideSpeeds = new Map<string, number[]>();
    const rendererFigures = new Map<string, Record<string, number[]>>();
    for (let round = 0; round < rounds; round += 1) {
      // Alternate which build goes first, so neither always runs on a warmer machine.
      const order = round % 2 === 0 ? builds : [...builds].reverse();
      for (const build of order) {
        const bench: BenchBrowser = { browser, filesUrl: build.url, shippedUrl: build.url, close: async () => {} };
        if (values.renderer) {
          const row = await rendererRound(bench);
          const entry = rendererFigures.get(build.name) ?? {};
          for (const [name, value] of Object.entries(row)) (entry[name] ??= []).push(value);
          rendererFigures.set(build.name, entry);
          console.log(
            `[focus] round ${round + 1} ${build.name}: ${Object.entries(row)
              .map(([name, value]) => `${name} ${value.toFixed(2)}`)
              .join(', ')}`,
          );
          continue;
        }
        const result = await oneRound(bench, scenarios);
        for (const scenario of ['blank' as const, ...scenarios.filter((name) => name !== 'blank')]) {
          const key = `${build.name} | ${scenario}`;
          const entry = figures.get(key) ?? { busy: [], ratio: [], cpu: [], frames: [] };
          const row = result.scenarios[scenario];
          entry.busy.push(row.main_busy_pct);
          entry.ratio.push(row.ratio);
          entry.cpu.push(row.cpu_pct);
          entry.frames.push(row.frames_per_s);
          figures.set(key, entry);
          console.log(
            `[focus] round ${round + 1} ${key}: busy ${row.main_busy_pct.toFixed(2)} %, ` +
              `CPU ${row.cpu_pct.toFixed(2)} %, ratio ${row.ratio.toFixed(2)}`,
          );
        }
        if (result.glide) {
          glideSpeeds.set(build.name, [...(glideSpeeds.get(build.name) ?? []), result.glide.average_px_per_s]);
        }
      }
    }
    for (const [name, entry] of rendererFigures) {
      console.log(
        `${name}: ${Object.entries(entry)
          .map(([figure, list]) => `${figure} ${median(list).toFixed(2)} (${list.map((v) => v.toFixed(2)).join(', ')})`)
          .join('; ')}`,
      );
    }
    if (values.renderer) return;
    console.log(
      '\nbuild | scenario: main_busy_pct median (rounds); CPU ratio to blank median (rounds); ' +
        'whole-browser CPU % median; frames/s median',
    );
    const list = (values: number[]): string => values.map((v) => v.toFixed(2)).join(', ');
    for (const [key, entry] of figures) {
      console.log(
        `${key}: ${median(entry.busy).toFixed(2)} % (${list(entry.busy)}); ` +
          `ratio ${median(entry.ratio).toFixed(2)} (${list(entry.ratio)}); CPU ${median(entry.cpu).toFixed(2)} %; ` +
          `${median(entry.frames).toFixed(0)} frames/s`,
      );
    }
    for (const [name, speeds] of glideSpeeds) {
      console.log(`${name} | glide: items at ${median(speeds).toFixed(1)} px/s on average (${list(speeds)})`);
    }
  } finally {
    await runCleanups(cleanups, 'focus');
  }
}

await main();
