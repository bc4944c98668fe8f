/**
 * The app as `npm start` builds it (electron-vite build with the project's config), laid out like
 * an installed app in a temporary folder: package.json, out/{main,preload,renderer}, resources/,
 * and node_modules (a link to the project's, so the main bundle's external imports resolve).
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const PROJECT_ROOT = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');
const ELECTRON_VITE = join(PROJECT_ROOT, 'node_modules', '.bin', 'electron-vite');

export interface AppBuild {
  /** The app folder (holds package.json, out/, resources, node_modules). */
  dir: string;
  /** dir/out */
  out: string;
  remove(): void;
}

export async function buildApp(): Promise<AppBuild> {
  const dir = mkdtempSync(join(tmpdir(), 'ticker-app-build-'));
  const out = join(dir, 'out');
  try {
    await promisify(execFile)(ELECTRON_VITE, ['build', '--outDir', out, '--logLevel', 'warn'], {
      cwd: PROJECT_ROOT,
      maxBuffer: 16 * 1024 * 1024,
    });
    copyFileSync(join(PROJECT_ROOT, 'package.json'), join(dir, 'package.json'));
    symlinkSync(join(PROJECT_ROOT, 'resources'), join(dir, 'resources'));
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, out, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
