/**
 * `npm run dist:deb` for real, from a stand-in Electron runtime served by a local mirror: Electron's
 * own installer first fetches the runtime into a fresh download cache (what `npm start` does on a new
 * clone, here in a copy of the project), then the project is built (electron-vite) and
 * scripts/dist.mjs packages it with electron-builder and Debian's dpkg-deb, into a scratch folder.
 * The .deb is checked from outside with dpkg-deb (control fields, file list, desktop entry, icons),
 * its app.asar is listed with @electron/asar, and main is booted from the packaged files.
 */
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { extractAll, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../support/app-build';
import { bootStep, runBootDriver, type Boot } from '../../support/boot-run';
import {
  cleanEnv,
  FUSE_SENTINEL,
  startElectronMirror,
  ZIP_PATH,
  type ElectronMirror,
} from '../../support/electron-mirror';
import { copyProjectWithoutRuntime, type ProjectCopy } from '../../support/project-copy';

const run = promisify(execFile);

interface PackageJson {
  name: string;
  productName: string;
  version: string;
  homepage: string;
  license: string;
  desktopName: string;
  author: { name: string; email: string };
  build: { linux: { category: string } };
}
const PACKAGE = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as PackageJson;
const DEB_ARCH = ({ x64: 'amd64', arm64: 'arm64', ia32: 'i386', arm: 'armhf' } as Record<string, string>)[
  process.arch
]!;
const INSTALL_DIR = `./opt/${PACKAGE.productName}`;
const EXECUTABLE = `${INSTALL_DIR}/${PACKAGE.name}`;
const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const MAX_ASAR_BYTES = 3 * 1024 * 1024;
const ELECTRON_VITE = join(PROJECT_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');

let scratch: string;
let mirror: ElectronMirror;
let project: ProjectCopy;
/** Where dist.mjs writes (its --output). */
let dist: string;
/** Mirror requests made while packaging (after Electron's installer filled the cache). */
let packagingRequests: string[];
let deb: string;
/** The .deb's files, unpacked with dpkg-deb -x. */
let root: string;
let files: string[];
let asarEntries: string[];
let boot: Boot;

async function node(cwd: string, env: Record<string, string>, args: string[]): Promise<string> {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...cleanEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited with ${code}:\n${output}`);
  return output;
}

const dpkgDeb = async (...args: string[]): Promise<string> =>
  (await run('dpkg-deb', args, { maxBuffer: 16 * 1024 * 1024 })).stdout;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'ticker-packaging-'));
  const cache = join(scratch, 'electron-cache');
  mirror = await startElectronMirror();
  project = copyProjectWithoutRuntime();
  // What `npm start` runs first: Electron's installer fetches the runtime into the cache.
  await node(project.dir, mirror.env(cache), ['scripts/ensure-electron.mjs']);
  const before = mirror.requests.length;

  // What `npm run dist:deb` runs after that: the build, then the packaging.
  await node(PROJECT_ROOT, {}, [ELECTRON_VITE, 'build', '--logLevel', 'warn']);
  dist = join(scratch, 'dist');
  await node(PROJECT_ROOT, mirror.env(cache), ['scripts/dist.mjs', 'deb', '--output', dist]);
  packagingRequests = mirror.requests.slice(before);
  deb = join(dist, `${PACKAGE.name}_${PACKAGE.version}_${DEB_ARCH}.deb`);

  root = join(scratch, 'root');
  await dpkgDeb('-x', deb, root);
  files = (await dpkgDeb('-c', deb))
    .trim()
    .split('\n')
    .map((line) => line.split(/\s+/).slice(5).join(' '));
  const asar = join(root, INSTALL_DIR, 'resources', 'app.asar');
  asarEntries = listPackage(asar, { isPack: false });

  // The packaged main, booted from the files app.asar holds (nothing else on its module path).
  const app = join(scratch, 'app');
  extractAll(asar, app);
  mkdirSync(join(scratch, 'user-data'));
  boot = await runBootDriver(app, join(scratch, 'user-data'), {});
}, 300_000);

afterAll(async () => {
  await mirror?.close();
  project?.remove();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('npm run dist:deb, from a stand-in runtime on a local mirror', () => {
  it('reuses the runtime Electron’s installer downloaded for npm start, and downloads nothing else', () => {
    expect(mirror.requests.filter((path) => path === ZIP_PATH)).toHaveLength(1);
    // With electron_use_remote_checksums the mirror's SHASUMS256.txt is the checksum list, as for npm start.
    expect(packagingRequests.every((path) => path.endsWith('/SHASUMS256.txt'))).toBe(true);
  });

  it('builds dist/<name>_<version>_<arch>.deb beside the unpacked app', () => {
    expect(existsSync(deb)).toBe(true);
    expect(existsSync(join(dist, 'linux-unpacked', 'resources', 'app.asar'))).toBe(true);
  });

  it('has control fields from package.json and the libraries the app needs', async () => {
    const field = async (name: string): Promise<string> => (await dpkgDeb('-f', deb, name)).trim();
    expect(await field('Package')).toBe(PACKAGE.name);
    expect(await field('Version')).toBe(PACKAGE.version);
    expect(await field('Architecture')).toBe(DEB_ARCH);
    expect(await field('Maintainer')).toBe(`${PACKAGE.author.name} <${PACKAGE.author.email}>`);
    expect(await field('Homepage')).toBe(PACKAGE.homepage);
    expect(Number(await field('Installed-Size'))).toBeGreaterThan(0);
    expect((await field('Description')).split('\n')[0]).toMatch(/\S/);
    const depends = (await field('Depends')).split(/,\s*/);
    for (const library of [
      'libgtk-3-0', // GTK 3
      'libnss3', // NSS
      'libsecret-1-0', // the keyring that encrypts the API key
      'xdg-utils', // links open in the browser
      'libnotify4', // notifications
      'libayatana-appindicator3-1 | libappindicator3-1', // the tray
    ])
      expect(depends).toContain(library);
    const scripts = await dpkgDeb('-I', deb);
    expect(scripts).toMatch(/\bpostinst\b/);
    expect(scripts).toMatch(/\bpostrm\b/);
  });

  it('installs the app under /opt, a desktop entry and hicolor icons, and nothing of Electron’s default app', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        EXECUTABLE,
        `${INSTALL_DIR}/chrome-sandbox`,
        `${INSTALL_DIR}/resources/app.asar`,
        `./usr/share/applications/${PACKAGE.desktopName}`,
        ...ICON_SIZES.map((size) => `./usr/share/icons/hicolor/${size}x${size}/apps/${PACKAGE.name}.png`),
      ]),
    );
    expect(files.filter((file) => /default_app|\/version$/.test(file))).toEqual([]);
    expect(statSync(join(root, EXECUTABLE)).mode & 0o111).not.toBe(0);
    // Only /opt/<app> and /usr/share: nothing elsewhere on the user's system.
    const elsewhere = files.filter(
      (file) =>
        !['./', './opt/', './usr/'].includes(file) &&
        !file.startsWith(`${INSTALL_DIR}/`) &&
        !file.startsWith('./usr/share/'),
    );
    expect(elsewhere).toEqual([]);
  });

  it('has a desktop entry that starts the installed app under its name, icon and categories', () => {
    const text = readFileSync(join(root, 'usr/share/applications', PACKAGE.desktopName), 'utf8');
    const entry = Object.fromEntries(
      text
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(text.startsWith('[Desktop Entry]\n')).toBe(true);
    expect(entry).toMatchObject({
      Type: 'Application',
      Name: PACKAGE.productName,
      Exec: `${EXECUTABLE.slice(1)} %U`,
      Icon: PACKAGE.name,
      Terminal: 'false',
      StartupWMClass: PACKAGE.desktopName.replace(/\.desktop$/, ''),
      Categories: `${PACKAGE.build.linux.category};`,
    });
  });

  it('has an icon of each hicolor size, at that size', () => {
    for (const size of ICON_SIZES) {
      const png = readFileSync(join(root, `usr/share/icons/hicolor/${size}x${size}/apps/${PACKAGE.name}.png`));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('sets the Electron fuses on the packaged executable', () => {
    const binary = readFileSync(join(root, EXECUTABLE));
    const wire = binary.subarray(binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length + 2).subarray(0, 6);
    // RunAsNode, cookie encryption (left), NODE_OPTIONS, --inspect, asar integrity, only app.asar.
    expect(wire.toString('latin1')).toBe('010011');
  });
});

describe('the packaged app.asar', () => {
  it('holds the built app, the tray icons and the packages main imports', () => {
    expect(asarEntries).toEqual(
      expect.arrayContaining([
        '/package.json',
        '/out/main/index.js',
        '/out/preload/index.cjs',
        '/out/renderer/strip.html',
        '/out/renderer/settings.html',
        '/out/renderer/card.html',
        '/resources/tray/live.png',
        '/resources/tray/liveTemplate.png',
        '/node_modules/electron-store/package.json',
        '/node_modules/ws/package.json',
      ]),
    );
  });

  it('holds no React, no sources, tests, benches or source maps', () => {
    const top = new Set(asarEntries.map((entry) => entry.split('/')[1]));
    expect([...top].sort()).toEqual(['node_modules', 'out', 'package.json', 'resources']);
    const modules = new Set(asarEntries.filter((e) => e.startsWith('/node_modules/')).map((e) => e.split('/')[2]));
    for (const name of ['react', 'react-dom', 'scheduler', 'electron', 'typescript', 'vite'])
      expect(modules).not.toContain(name);
    expect(asarEntries.filter((entry) => /\.(map|ts|tsx|mts|cts)$/.test(entry))).toEqual([]);
    expect(asarEntries.filter((entry) => /\/(test|tests|__tests__|bench|benchmarks?)\//.test(entry))).toEqual([]);
  });

  it('carries package.json with the productName Electron names the user data folder after', () => {
    const packed = JSON.parse(readFileSync(join(scratch, 'app', 'package.json'), 'utf8')) as PackageJson;
    expect(packed).toMatchObject({ name: PACKAGE.name, productName: PACKAGE.productName, version: PACKAGE.version });
  });

  it('stays within 3 MB', () => {
    expect(statSync(join(root, INSTALL_DIR, 'resources', 'app.asar')).size).toBeLessThanOrEqual(MAX_ASAR_BYTES);
  });
});

describe('the packaged main, booted with the Electron stand-in', () => {
  it('starts without a single error and exits cleanly on Quit', () => {
    expect(boot.stderr).toBe('');
    expect(boot.code).toBe(0);
    expect(bootStep(boot, 'exit')).toMatchObject({ code: 0 });
  });

  it('loads its pages, preload and tray icon from the packaged files', () => {
    const running = bootStep(boot, 'running') as {
      windows: { loadFile: string[]; webPreferences: { preload: string } }[];
      tray: { image: string };
    };
    const app = join(scratch, 'app');
    expect(running.windows.map((window) => window.loadFile)).toEqual([
      [join(app, 'out', 'renderer', 'strip.html')],
      [join(app, 'out', 'renderer', 'settings.html')],
    ]);
    for (const window of running.windows)
      expect(window.webPreferences.preload).toBe(join(app, 'out', 'preload', 'index.cjs'));
    expect(running.tray.image.startsWith(join(app, 'resources', 'tray'))).toBe(true);
    expect(existsSync(running.tray.image)).toBe(true);
  });

  it('runs the demo feed on the packages app.asar carries', () => {
    const quotes = bootStep(boot, 'running').quotes as { quotes?: unknown[] };
    expect(quotes.quotes?.length).toBeGreaterThan(0);
  });
});
