/**
 * A fresh copy of the project in a temporary folder, as a new clone after `npm install` looks:
 * the project's files copied (not node_modules, builds or .git); node_modules with every package linked to the project's,
 * except `electron` (a copy without the runtime: no dist/, no path.txt) and `electron-vite` (a
 * copy, because it finds Electron relative to its own real location).
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from './app-build';

/** Not part of a clone: installed, built or written by runs. */
const NOT_CLONED = new Set(['.git', 'node_modules', 'out', 'dist', 'test-output']);
/** Packages whose copy must not resolve back into the project's node_modules. */
const REAL_PACKAGES = new Set(['electron', 'electron-vite']);
/** What Electron's installer adds to node_modules/electron. */
const RUNTIME = new Set(['dist', 'path.txt']);

export interface ProjectCopy {
  dir: string;
  /** node_modules/electron of the copy. */
  electronDir: string;
  /** Forget the installed runtime, as if the copy had just been installed. */
  removeRuntime(): void;
  remove(): void;
}

export function copyProjectWithoutRuntime(): ProjectCopy {
  const dir = mkdtempSync(join(tmpdir(), 'ticker-clone-'));
  for (const name of readdirSync(PROJECT_ROOT)) {
    if (!NOT_CLONED.has(name)) cpSync(join(PROJECT_ROOT, name), join(dir, name), { recursive: true });
  }
  const sourceModules = join(PROJECT_ROOT, 'node_modules');
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(sourceModules)) {
    const source = join(sourceModules, name);
    if (name === '.bin') {
      // Relative links (../electron-vite/bin/…) then point into the copy.
      cpSync(source, join(modules, name), { recursive: true, verbatimSymlinks: true });
    } else if (REAL_PACKAGES.has(name)) {
      cpSync(source, join(modules, name), {
        recursive: true,
        filter: (path) => name !== 'electron' || !RUNTIME.has(relative(source, path)),
      });
    } else {
      symlinkSync(source, join(modules, name));
    }
  }
  const electronDir = join(modules, 'electron');
  return {
    dir,
    electronDir,
    removeRuntime: () => {
      for (const name of RUNTIME) rmSync(join(electronDir, name), { recursive: true, force: true });
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
