/**
 * The third-party licences Ticker ships, written at build time: every package bundled into the
 * pages (read from the bundle's own module list) and every runtime package main loads from
 * node_modules (the production dependencies of package.json, followed through their own), each
 * with its name, version, SPDX licence and the text of its LICENSE file. The renderer build emits
 * them as third-party-licences.json beside the pages, where About reads them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { THIRD_PARTY_LICENCES_FILE, type ThirdPartyLicence } from '../src/shared/about';

export type LicenceEntry = ThirdPartyLicence;

interface PackageJson {
  name?: unknown;
  version?: unknown;
  license?: unknown;
  licenses?: unknown;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

function readJson(path: string): PackageJson | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PackageJson;
  } catch {
    return null;
  }
}

/** The folder of the package a bundled module belongs to, or null for our own sources. */
export function packageRootOf(moduleId: string): string | null {
  const path = moduleId.replace(/^\0/, '').split('?')[0]!;
  const marker = `${sep}node_modules${sep}`;
  const at = path.lastIndexOf(marker);
  if (at < 0) return null;
  const rest = path.slice(at + marker.length).split(sep);
  const nameParts = rest[0]?.startsWith('@') ? rest.slice(0, 2) : rest.slice(0, 1);
  if (nameParts.length === 0 || nameParts.some((part) => part === '')) return null;
  return join(path.slice(0, at + marker.length), ...nameParts);
}

/** Where `name` resolves from `fromDir`: its nested node_modules first, then each parent's. */
function resolvePackage(name: string, fromDir: string, rootDir: string): string | null {
  let dir = fromDir;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (resolve(dir) === resolve(rootDir)) return null;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** The folders of the production dependencies of the project in `rootDir`, followed through their own. */
export function productionPackages(rootDir: string): string[] {
  const seen = new Set<string>();
  const queue: string[] = [rootDir];
  while (queue.length > 0) {
    const dir = queue.shift()!;
    const pkg = readJson(join(dir, 'package.json'));
    if (!pkg) continue;
    for (const name of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) {
      const found = resolvePackage(name, dir, rootDir);
      if (found === null || seen.has(found)) continue;
      seen.add(found);
      queue.push(found);
    }
  }
  return [...seen];
}

function licenceOf(pkg: PackageJson): string {
  if (typeof pkg.license === 'string') return pkg.license;
  if (typeof pkg.license === 'object' && pkg.license !== null) {
    const type = (pkg.license as { type?: unknown }).type;
    if (typeof type === 'string') return type;
  }
  if (Array.isArray(pkg.licenses)) {
    const types = pkg.licenses
      .map((entry) => (typeof entry === 'object' && entry !== null ? (entry as { type?: unknown }).type : null))
      .filter((type): type is string => typeof type === 'string');
    if (types.length > 0) return `(${types.join(' OR ')})`;
  }
  return 'UNKNOWN';
}

/** A package's name, version, licence and licence text; null when its package.json cannot be read. */
export function licenceEntry(dir: string): LicenceEntry | null {
  const pkg = readJson(join(dir, 'package.json'));
  if (!pkg || typeof pkg.name !== 'string' || typeof pkg.version !== 'string') return null;
  let text = '';
  try {
    const file = readdirSync(dir)
      .filter((name) => /^(licen[cs]e|copying)(\.|-|$)/i.test(name))
      .sort()[0];
    if (file) text = readFileSync(join(dir, file), 'utf8').trim();
  } catch {
    text = '';
  }
  return { name: pkg.name, version: pkg.version, license: licenceOf(pkg), text };
}

/** Every shipped package once (by name and version), sorted by name; the project itself left out. */
export function collectLicences(rootDir: string, bundledModuleIds: Iterable<string>): LicenceEntry[] {
  const dirs = new Set(productionPackages(rootDir));
  for (const id of bundledModuleIds) {
    const root = packageRootOf(id);
    if (root !== null) dirs.add(root);
  }
  const own = readJson(join(rootDir, 'package.json'))?.name;
  const entries = new Map<string, LicenceEntry>();
  for (const dir of dirs) {
    const entry = licenceEntry(dir);
    if (entry && entry.name !== own) entries.set(`${entry.name}@${entry.version}`, entry);
  }
  return [...entries.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/** The Vite plugin: emits third-party-licences.json with the bundle (add it to the renderer build). */
export function thirdPartyLicences(rootDir: string = process.cwd()): Plugin {
  return {
    name: 'ticker-third-party-licences',
    apply: 'build',
    generateBundle(_options, bundle) {
      const ids: string[] = [];
      for (const output of Object.values(bundle)) if (output.type === 'chunk') ids.push(...output.moduleIds);
      this.emitFile({
        type: 'asset',
        fileName: THIRD_PARTY_LICENCES_FILE,
        source: `${JSON.stringify(collectLicences(rootDir, ids), null, 1)}\n`,
      });
    },
  };
}
