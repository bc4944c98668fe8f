/**
 * How fast the headless commands start: `--help` of each, run as `npm run feed|market|settings`
 * runs it (`node scripts/cli.mjs <command>`, which checks the build is current and loads the
 * bundle), from spawn to exit, beside a bare `node -e 0` on the same machine at the same moment.
 * Wall time of the whole process, median of the runs, the four interleaved so load hits them alike.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureCliBuilt } from '../scripts/cli-build.mjs';
import { percentile } from './lib/stats';

export interface CliStartResult {
  runs: number;
  node_ms: number;
  feed_help_ms: number;
  market_help_ms: number;
  settings_help_ms: number;
}

const LAUNCHER = fileURLToPath(new URL('../scripts/cli.mjs', import.meta.url));

function wallMs(args: readonly string[]): number {
  const started = performance.now();
  const child = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const elapsed = performance.now() - started;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  return elapsed;
}

export async function runCliStartBench(options: { runs: number }): Promise<CliStartResult> {
  await ensureCliBuilt();
  const cases = {
    node: ['-e', '0'],
    feed: [LAUNCHER, 'feed', '--help'],
    market: [LAUNCHER, 'market', '--help'],
    settings: [LAUNCHER, 'settings', '--help'],
  } as const;
  const times: Record<keyof typeof cases, number[]> = { node: [], feed: [], market: [], settings: [] };
  // One warm-up round: the first start of each reads its files from disk.
  for (const args of Object.values(cases)) wallMs(args);
  for (let run = 0; run < options.runs; run += 1) {
    for (const [name, args] of Object.entries(cases) as [keyof typeof cases, readonly string[]][]) {
      times[name].push(wallMs(args));
    }
  }
  const median = (values: number[]): number => Math.round(percentile(values, 50) * 10) / 10;
  return {
    runs: options.runs,
    node_ms: median(times.node),
    feed_help_ms: median(times.feed),
    market_help_ms: median(times.market),
    settings_help_ms: median(times.settings),
  };
}
