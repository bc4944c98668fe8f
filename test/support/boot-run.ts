/**
 * Runs boot-driver.ts on an app folder (one holding out/, resources/ and the packages main imports)
 * in its own Node process and collects the driver's reports, for the boot tests.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { PROJECT_ROOT } from './app-build';

const TSX = join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs');
const DRIVER = join(PROJECT_ROOT, 'test', 'support', 'boot-driver.ts');

export interface Boot {
  /** The driver's reports by step name. */
  steps: Map<string, Record<string, unknown>>;
  code: number | null;
  stderr: string;
  userData: string;
}

export async function runBootDriver(appDir: string, userData: string, env: Record<string, string>): Promise<Boot> {
  const child = spawn(process.execPath, ['--import', TSX, DRIVER, appDir, userData], {
    cwd: appDir,
    env: { ...process.env, FINNHUB_WS_URL: '', FINNHUB_REST_URL: '', BOOT_API_KEY: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'close')) as [number | null];
  const steps = new Map<string, Record<string, unknown>>();
  // The driver's reports; anything else main printed (its log echoed to the console) is left out.
  for (const line of stdout.split('\n').filter((text) => text.startsWith('{"step":'))) {
    const report = JSON.parse(line) as { step: string } & Record<string, unknown>;
    steps.set(report.step, report);
  }
  return { steps, code, stderr, userData };
}

/** The report of `name`, or an error that shows how the driver ended. */
export function bootStep(boot: Boot, name: string): Record<string, unknown> {
  const report = boot.steps.get(name);
  if (!report) throw new Error(`the driver never reported "${name}"; exit ${boot.code}; stderr:\n${boot.stderr}`);
  return report;
}
