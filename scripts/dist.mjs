#!/usr/bin/env node
// `npm run dist`: Ticker's installers for this OS, with electron-builder (configured by package.json's
// "build" block and electron-builder.yml): Linux AppImage and .deb, macOS dmg and zip, Windows NSIS.
// `npm run dist:deb` (argument `deb`): the Debian package alone, dist/<name>_<version>_<arch>.deb,
// beside the unpacked app (dist/linux-unpacked). `--output <folder>` puts them elsewhere.
//
// The Electron runtime comes the way `npm start` gets it (scripts/ensure-electron.mjs runs Electron's
// own installer first): ELECTRON_MIRROR, ELECTRON_CUSTOM_DIR and Electron's download cache
// (electron_config_cache, else its per-user default) apply, so the zip `npm start` downloaded is
// found in the cache and nothing is downloaded again.
//
// The .deb: electron-builder's deb target lays the package out (the app under /opt/<productName>,
// the .desktop entry, the hicolor icons, its install and remove scripts) and would then run fpm, a
// Ruby tool it downloads. Here electron-builder does everything up to that point, and Debian's own
// dpkg-deb packs the same layout.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import builder from 'electron-builder';

const { build, Platform } = builder;
const require = createRequire(import.meta.url);

/**
 * electron-builder's Electron download settings matching what Electron's installer (install.js) does
 * for `npm start`: the same cache folder, and the same checksums (the ones Electron's package ships,
 * unless electron_use_remote_checksums asks for the mirror's SHASUMS256.txt). The mirror and custom
 * folder come from the environment in both. electron-builder takes a cache folder only in its older
 * option form, whose checksums are always the mirror's.
 */
export function electronDownloadOptions(env = process.env) {
  const cache = env.electron_config_cache || env.npm_config_electron_config_cache;
  if (cache) return { cache };
  if (env.electron_use_remote_checksums || env.npm_config_electron_use_remote_checksums) return null;
  return { checksums: require('electron/checksums.json') };
}

/** Reads electron-builder's fpm arguments: `--flag value` pairs and `source=destination` mappings. */
export function parseFpmArgs(args) {
  const flags = new Map();
  const mappings = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg.startsWith('--')) {
      flags.set(arg.slice(2), args[i + 1]);
      i += 1;
    } else {
      const at = arg.lastIndexOf('=');
      mappings.push({ source: arg.slice(0, at), destination: arg.slice(at + 1) });
    }
  }
  return { flags, mappings };
}

function sizeInKiB(path) {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return Math.ceil(stats.size / 1024);
  return readdirSync(path).reduce((sum, name) => sum + sizeInKiB(join(path, name)), 0);
}

/** Directories 0755 (a temporary folder is 0700), whatever the umask. */
function openDirectories(path) {
  chmodSync(path, 0o755);
  for (const entry of readdirSync(path, { withFileTypes: true }))
    if (entry.isDirectory()) openDirectories(join(path, entry.name));
}

/** The DEBIAN/control file, from the package electron-builder described. */
export function controlFile({ flags, depends, recommends, installedSize }) {
  const fields = [
    ['Package', flags.get('name')],
    ['Version', flags.get('version')],
    ['Architecture', flags.get('architecture')],
    ['Maintainer', flags.get('maintainer')],
    ['Installed-Size', String(installedSize)],
    ['Depends', depends.join(', ')],
    ['Recommends', recommends.join(', ')],
    ['Section', flags.get('category') ?? 'misc'],
    ['Priority', flags.get('deb-priority') ?? 'optional'],
    ['Homepage', flags.get('url')],
    // electron-builder gives "<synopsis>\n <description>": the short line, then the long one indented.
    ['Description', flags.get('description')],
  ];
  return `${fields
    .filter(([, value]) => value)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n')}\n`;
}

/** Packs what electron-builder's deb target described with dpkg-deb; returns the .deb's path. */
function packDeb({ args, options }) {
  const { flags, mappings } = parseFpmArgs(args);
  const output = flags.get('package');
  const root = mkdtempSync(join(tmpdir(), 'ticker-deb-'));
  try {
    for (const { source, destination } of mappings) {
      const target = join(root, destination);
      mkdirSync(dirname(target), { recursive: true });
      cpSync(source, target, { recursive: true, verbatimSymlinks: true });
    }
    mkdirSync(join(root, 'DEBIAN'));
    const installedSize = sizeInKiB(root);
    const depends = options.depends ?? [];
    const recommends = options.recommends ?? [];
    writeFileSync(join(root, 'DEBIAN', 'control'), controlFile({ flags, depends, recommends, installedSize }));
    cpSync(flags.get('after-install'), join(root, 'DEBIAN', 'postinst'));
    cpSync(flags.get('after-remove'), join(root, 'DEBIAN', 'postrm'));
    openDirectories(root);
    chmodSync(join(root, 'DEBIAN', 'postinst'), 0o755);
    chmodSync(join(root, 'DEBIAN', 'postrm'), 0o755);
    rmSync(output, { force: true });
    const compression = options.compression === 'gz' ? 'gzip' : (options.compression ?? 'xz');
    const packed = spawnSync('dpkg-deb', ['--root-owner-group', `-Z${compression}`, '--build', root, output], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (packed.error?.code === 'ENOENT')
      throw new Error('dpkg-deb is not installed: the .deb is built with it (Debian/Ubuntu: apt install dpkg).');
    if (packed.status !== 0) throw new Error(`dpkg-deb stopped with exit code ${packed.status}`);
    return output;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Builds this OS's installers as configured, or with `debOnly` the Linux .deb alone. Returns the
 * paths of the .deb files it packed.
 */
export async function dist({ debOnly = false, projectDir = process.cwd(), env = process.env, output } = {}) {
  const platformKey = debOnly ? Platform.LINUX.buildConfigurationKey : Platform.current().buildConfigurationKey;
  let packager = null;
  const debs = [];
  const download = electronDownloadOptions(env);
  await build({
    projectDir,
    [platformKey]: debOnly ? ['deb'] : [],
    publish: 'never',
    config: {
      ...(download ? { electronDownload: download } : {}),
      ...(output ? { directories: { output } } : {}),
      afterPack: (context) => {
        packager = context.packager;
      },
    },
    // electron-builder describes each fpm package here (its arguments, with the files it wrote for
    // it) before running fpm; answering true skips fpm, and dpkg-deb packs the same description.
    effectiveOptionComputed: async (options) => {
      if (!Array.isArray(options) || !options[0].includes('--deb-priority')) return false;
      debs.push(
        packDeb({ args: options[0], options: { ...packager.platformSpecificBuildOptions, ...packager.config.deb } }),
      );
      return true;
    },
  });
  return debs;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { output: { type: 'string' } } });
  try {
    const debs = await dist({ debOnly: positionals.includes('deb'), output: values.output });
    for (const deb of debs) console.log(`  • built ${deb}`);
  } catch (error) {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
