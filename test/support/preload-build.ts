/**
 * The app's preload script as the app compiles it: electron-vite's own preload configuration
 * (electron.vite.config.ts, resolved by electron-vite, then built by Vite) into one CommonJS file
 * that `require`s only `electron`. Browser tests run this text in the page (see browser-bridge.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from 'electron-vite';
import { build } from 'vite';

let built: Promise<string> | null = null;

async function buildPreload(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'ticker-preload-'));
  // electron-vite sets NODE_ENV for the build it resolves; the test process keeps its own.
  const nodeEnv = process.env.NODE_ENV;
  try {
    const resolved = await resolveConfig({ build: { outDir }, logLevel: 'warn' }, 'build', 'production');
    const preload = resolved.config?.preload;
    if (!preload) throw new Error('electron.vite.config.ts has no preload build');
    await build({ ...preload, logLevel: 'warn', build: { ...preload.build, emptyOutDir: true } });
    return readFileSync(join(outDir, 'preload', 'index.cjs'), 'utf8');
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The compiled preload (out/preload/index.cjs) for the current sources, built once per test process. */
export function preloadSource(): Promise<string> {
  built ??= buildPreload().catch((error: unknown) => {
    built = null;
    throw error;
  });
  return built;
}
