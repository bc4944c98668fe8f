/**
 * Build the renderer pages (strip.html, settings.html) with Vite alone, without electron-vite or
 * the Electron binary, into a directory of the caller's choice.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { contentSecurityPolicyMeta, SHIPPED_RENDERER_BUILD } from '../../../electron.vite.config';

export const RENDERER_ROOT = resolve('src/renderer');

/**
 * Build both pages into `outDir` (absolute). Resolves when the files are written. Tests get readable
 * unminified bundles; `shipped` bundles them as the app's build does (minified, its chunks).
 * `root`: another copy of src/renderer to build (a bench comparing two versions); default this one.
 */
export async function buildRenderer(outDir: string, options: { shipped?: boolean; root?: string } = {}): Promise<void> {
  const root = options.root ?? RENDERER_ROOT;
  await build({
    configFile: false,
    root,
    base: './',
    logLevel: 'warn',
    plugins: [react(), contentSecurityPolicyMeta()],
    // React's production build whatever NODE_ENV the caller runs with (vitest sets "test").
    ...(options.shipped ? { mode: 'production', define: { 'process.env.NODE_ENV': '"production"' } } : {}),
    build: {
      outDir,
      emptyOutDir: true,
      minify: options.shipped ? SHIPPED_RENDERER_BUILD.minify : false,
      reportCompressedSize: false,
      rollupOptions: {
        input: {
          strip: resolve(root, 'strip.html'),
          settings: resolve(root, 'settings.html'),
          card: resolve(root, 'card.html'),
        },
        ...(options.shipped ? { output: SHIPPED_RENDERER_BUILD.output } : {}),
      },
    },
  });
}

/** Everything the built pages are made of: the renderer, the shared code, the dependencies, this build recipe. */
const BUILD_INPUTS = [
  RENDERER_ROOT,
  resolve('src/shared'),
  resolve('package-lock.json'),
  resolve('electron.vite.config.ts'),
  fileURLToPath(import.meta.url),
];
const CACHE_ROOT = join(tmpdir(), 'ticker-renderer-cache');
/** Older builds may still be served by a test file of a run that started before a source edit. */
const KEEP_OLD_BUILDS_MS = 30 * 60_000;

function listFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => listFiles(join(path, entry.name)));
}

/** A hash of the names and contents of every build input: equal hashes, equal builds. */
export function rendererSourceHash(): string {
  const hash = createHash('sha256');
  for (const file of BUILD_INPUTS.flatMap(listFiles)) {
    hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The built pages for the current sources, built at most once per change of the sources however
 * many test files (workers) ask: the build lands in a temporary directory and is renamed into the
 * cache atomically, so a reader never sees half a build. Returns the directory (do not delete it).
 */
export async function buildRendererCached(): Promise<string> {
  const hash = rendererSourceHash();
  const target = join(CACHE_ROOT, hash);
  if (existsSync(join(target, 'strip.html')) && existsSync(join(target, 'settings.html'))) return target;
  mkdirSync(CACHE_ROOT, { recursive: true });
  const scratch = mkdtempSync(join(CACHE_ROOT, `.build-${hash}-`));
  await buildRenderer(scratch);
  try {
    renameSync(scratch, target);
  } catch {
    // Another worker finished the same build first: use theirs.
    rmSync(scratch, { recursive: true, force: true });
  }
  removeOldBuilds(hash);
  return target;
}

/** Drop builds of other sources (and abandoned scratch directories) once no run can still use them. */
function removeOldBuilds(current: string): void {
  const cutoff = Date.now() - KEEP_OLD_BUILDS_MS;
  for (const entry of readdirSync(CACHE_ROOT)) {
    if (entry === current) continue;
    const path = join(CACHE_ROOT, entry);
    try {
      if (statSync(path).mtimeMs < cutoff) rmSync(path, { recursive: true, force: true });
    } catch {
      // Gone already (another worker cleaned up).
    }
  }
}
