#!/usr/bin/env node
// The headless commands as a build: src/cli/{feed,market,settings}.ts bundled by esbuild into
// out/cli/*.mjs (dependencies in node_modules stay imports), so a command starts without compiling
// TypeScript. out/cli/inputs.json lists every source file a bundle holds; the bundles are stale
// when one of them is newer than that list (or gone). `node scripts/cli-build.mjs` builds;
// `npm run build` and scripts/cli.mjs (behind `npm run feed` etc.) call it too.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const COMMANDS = ['feed', 'market', 'settings'];
export const OUT_DIR = join(ROOT, 'out', 'cli');
const INPUTS = join(OUT_DIR, 'inputs.json');

export function commandBundle(command) {
  return join(OUT_DIR, `${command}.mjs`);
}

/** Why the bundles must be built again, or null when they are current. */
export function staleReason() {
  if (!COMMANDS.every((command) => existsSync(commandBundle(command)))) return 'not built yet';
  let built;
  let inputs;
  try {
    built = statSync(INPUTS).mtimeMs;
    inputs = JSON.parse(readFileSync(INPUTS, 'utf8'));
  } catch {
    return 'not built yet';
  }
  for (const input of inputs) {
    let changed;
    try {
      changed = statSync(join(ROOT, input)).mtimeMs;
    } catch {
      return `${input} is gone`;
    }
    if (changed > built) return `${input} changed`;
  }
  return null;
}

/** Bundles every command; returns the source files they hold. */
export async function buildCli() {
  const { build } = await import('esbuild');
  mkdirSync(OUT_DIR, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(COMMANDS.map((command) => [command, `src/cli/${command}.ts`])),
    outdir: OUT_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Code a command loads only to run (the engine, ws) goes to chunks, so --help starts fast.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = [...new Set(Object.keys(result.metafile.inputs))]
    .filter((input) => !input.startsWith('node_modules/'))
    .concat('package.json', 'scripts/cli-build.mjs')
    .sort();
  writeFileSync(INPUTS, `${JSON.stringify(inputs, null, 2)}\n`);
  return inputs.map((input) => relative(ROOT, join(ROOT, input)));
}

const LOCK = join(ROOT, 'out', '.cli-build.lock');

/**
 * Builds when stale, one process at a time (commands or test files started together wait for the
 * one that builds, then find the bundles current). Returns why it built, or null.
 */
export async function ensureCliBuilt(onBuild = () => {}) {
  if (staleReason() === null) return null;
  mkdirSync(dirname(LOCK), { recursive: true });
  for (const started = Date.now(); ;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A lock left by a build that died is taken over after a minute.
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs > 60_000 || Date.now() - started > 120_000)
        rmSync(LOCK, { recursive: true, force: true });
      await sleep(50);
    }
  }
  try {
    const reason = staleReason();
    if (reason === null) return null;
    onBuild(reason);
    await buildCli();
    return reason;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const started = performance.now();
  buildCli().then(
    (inputs) =>
      console.log(
        `Built ${COMMANDS.map((command) => `out/cli/${command}.mjs`).join(', ')} from ${inputs.length} files in ${Math.round(performance.now() - started)} ms`,
      ),
    (error) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}
