/**
 * `npm run settings -- export|import FILE` in a temp folder: as users run it (a child process with
 * tsx, the settings file found through XDG_CONFIG_HOME like the app's userData), and in-process for
 * the refusals, each leaving the settings file byte for byte as it was.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { builtCommand } from '../../support/cli-bundle';
import {
  EXIT_APP_RUNNING,
  EXIT_BAD_ARGS,
  EXIT_OK,
  EXIT_REFUSED,
  EXIT_SETTINGS_FILE,
  parseSettingsArgs,
  runSettingsCommand,
  type SettingsCommandIo,
} from '../../../src/cli/settings-command';
import { runningAppPid } from '../../../src/cli/running-app';
import { defaultSettings, type SavedSettings } from '../../../src/engine/settings/schema';
import { APP_NAME, userDataDir } from '../../../src/engine/settings/user-data-dir';

let ENTRY = '';
beforeAll(async () => {
  ENTRY = await builtCommand('settings');
});
const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);

let dir: string;
let settingsFile: string;

const MINE: SavedSettings = {
  ...defaultSettings(),
  lists: [
    { id: 'l1', name: 'Tech', symbols: ['AAPL', 'MSFT'] },
    { id: 'l2', name: 'Crypto', symbols: ['BINANCE:BTCUSDT'] },
  ],
  shownListId: 'l2',
  preferences: { ...defaultSettings().preferences, theme: 'light', height: 40 },
  apiKey: { protection: 'encrypted', data: 'c2VjcmV0a2V5' },
  relay: { token: 'T'.repeat(43), origins: [] },
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ticker-settings-cli-'));
  settingsFile = join(dir, 'config', APP_NAME, 'settings.json');
  mkdirSync(join(dir, 'config', APP_NAME), { recursive: true });
  writeFileSync(settingsFile, JSON.stringify(MINE, null, '\t'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** As `npm run settings -- …` runs it, with the app's default settings location under XDG_CONFIG_HOME. */
function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [ENTRY, ...args], {
    env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config'), HOME: dir },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function run(argv: string[], io: Partial<SettingsCommandIo> = {}, file = settingsFile) {
  const out: string[] = [];
  const err: string[] = [];
  const parsed = parseSettingsArgs([...argv, '--settings-file', file]);
  if (parsed.kind !== 'run') throw new Error('bad test arguments');
  const code = runSettingsCommand(parsed.args, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: {},
    platform: 'linux',
    home: dir,
    now: () => NOW,
    runningAppPid: () => null,
    ...io,
  });
  return { code, out, err };
}

const onDisk = (): SavedSettings => JSON.parse(readFileSync(settingsFile, 'utf8')) as SavedSettings;

// Each case starts Node (a fraction of a second, more on a busy machine), some of them several times.
describe('npm run settings (a real child process)', { timeout: 60_000 }, () => {
  it('exports JSON and CSV from the app settings file and imports them back: a round trip', () => {
    const json = join(dir, 'ticker.json');
    const exported = cli('export', json);
    expect(exported).toMatchObject({ code: EXIT_OK, stderr: '' });
    expect(exported.stdout).toBe(`Exported 2 lists (3 symbols) and the preferences to ${json}\n`);
    const text = readFileSync(json, 'utf8');
    expect(text).not.toContain('c2VjcmV0a2V5');
    expect(text).not.toContain('T'.repeat(43));
    const csv = join(dir, 'symbols.csv');
    expect(cli('export', csv).code).toBe(EXIT_OK);
    expect(readFileSync(csv, 'utf8')).toBe('symbol,list\r\nAAPL,Tech\r\nMSFT,Tech\r\nBINANCE:BTCUSDT,Crypto\r\n');

    // Change everything, then import the exports: the lists and preferences come back, the key stays.
    writeFileSync(
      settingsFile,
      JSON.stringify({
        ...MINE,
        lists: [{ id: 'l1', name: 'Tech', symbols: ['IBM'] }],
        shownListId: 'l1',
        preferences: defaultSettings().preferences,
      }),
    );
    const imported = cli('import', json);
    expect(imported).toMatchObject({ code: EXIT_OK, stderr: '' });
    // Only what changes counts, each change listed old → new.
    expect(imported.stdout).toBe(
      [
        `Imported: replaced the symbols of "Tech"; added "Crypto"; set 2 preferences; now showing "Crypto". (${settingsFile})`,
        '  list "Tech": IBM → AAPL, MSFT',
        '  new list "Crypto": BINANCE:BTCUSDT',
        '  shown list: "Tech" → "Crypto"',
        '  height: 32 → 40',
        `  theme: ${JSON.stringify(defaultSettings().preferences.theme)} → "light"`,
        '',
      ].join('\n'),
    );
    expect(onDisk()).toEqual(MINE);
    expect(cli('import', csv).code).toBe(EXIT_OK);
    expect(onDisk()).toEqual(MINE);
    // Written through a temporary file and a rename: nothing else is left in the folder.
    expect(readdirSync(join(dir, 'config', APP_NAME))).toEqual(['settings.json']);
  });

  it('refuses an invalid file with every problem on stderr, and leaves the settings file as it was', () => {
    const before = readFileSync(settingsFile, 'utf8');
    writeFileSync(join(dir, 'bad.csv'), 'IBM,Tech\nnot a symbol,Tech\nIBM,Tech\nA,B,C\n');
    const refused = cli('import', join(dir, 'bad.csv'));
    expect(refused.code).toBe(EXIT_REFUSED);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.split('\n')).toEqual([
      `settings: nothing imported: ${join(dir, 'bad.csv')} has problems:`,
      '  line 2: "not a symbol" is not a valid symbol (letters, digits and . - _ : / ^ =, starting with a letter, a digit or ^ (up to 40 characters))',
      '  line 3: IBM is already in "Tech" (line 1)',
      '  line 4: 3 columns; expected a symbol and an optional list name',
      '',
    ]);
    expect(readFileSync(settingsFile, 'utf8')).toBe(before);
    expect(cli('import').code).toBe(EXIT_BAD_ARGS);
  });
});

describe('the settings command, in-process', () => {
  it('finds the settings file where Electron keeps userData for "Ticker"', () => {
    expect(userDataDir('linux', { XDG_CONFIG_HOME: '/x/cfg' }, '/home/u')).toBe('/x/cfg/Ticker');
    expect(userDataDir('linux', {}, '/home/u')).toBe('/home/u/.config/Ticker');
    expect(userDataDir('linux', { XDG_CONFIG_HOME: 'relative' }, '/home/u')).toBe('/home/u/.config/Ticker');
    expect(userDataDir('darwin', {}, '/Users/u')).toBe('/Users/u/Library/Application Support/Ticker');
    expect(userDataDir('win32', { APPDATA: '/c/Users/u/AppData/Roaming' }, '/c/Users/u')).toBe(
      '/c/Users/u/AppData/Roaming/Ticker',
    );
    // Electron names the folder after package.json's productName, in development and packaged alike:
    // electron-builder takes it from there, and its configuration sets no other.
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      productName?: string;
      build?: { productName?: string };
    };
    expect(pkg.productName).toBe(APP_NAME);
    const builderConfig = readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8');
    expect(/^productName: (.*)$/m.exec(builderConfig)?.[1] ?? pkg.build?.productName ?? pkg.productName).toBe(APP_NAME);
  });

  it('imports into a missing settings file from the defaults', () => {
    rmSync(settingsFile);
    writeFileSync(join(dir, 'in.csv'), 'IBM\n');
    expect(run(['import', join(dir, 'in.csv')]).code).toBe(EXIT_OK);
    expect(onDisk().lists).toEqual([{ id: 'l1', name: 'Watch list', symbols: ['IBM'] }]);
  });

  it.each([
    [
      'Ticker runs on this folder',
      () => ({ runningAppPid: () => 4242 }),
      EXIT_APP_RUNNING,
      /Ticker is running \(process 4242\).*quit it first/,
    ],
    [
      'the settings file is from a newer Ticker',
      () => (writeFileSync(settingsFile, JSON.stringify({ ...MINE, portfolio: [] })), {}),
      EXIT_SETTINGS_FILE,
      /does not know \(portfolio\)/,
    ],
    [
      'the settings file needs repairs',
      () => (
        writeFileSync(settingsFile, JSON.stringify({ ...MINE, preferences: { ...MINE.preferences, height: 900 } })),
        {}
      ),
      EXIT_SETTINGS_FILE,
      /invalid values \(preferences\.height\): start Ticker once/,
    ],
    [
      'the settings file is not settings',
      () => (writeFileSync(settingsFile, '[]'), {}),
      EXIT_SETTINGS_FILE,
      /does not hold settings/,
    ],
    ['the settings file is read-only', () => (chmodSync(settingsFile, 0o444), {}), EXIT_SETTINGS_FILE, /is read-only/],
  ])('refuses to import when %s, changing nothing', (_case, arrange, code, message) => {
    const io = arrange();
    const before = readFileSync(settingsFile, 'utf8');
    writeFileSync(join(dir, 'in.csv'), 'IBM,Tech\n');
    const result = run(['import', join(dir, 'in.csv')], io);
    expect(result.code).toBe(code);
    expect(result.err.join('\n')).toMatch(message);
    expect(readFileSync(settingsFile, 'utf8')).toBe(before);
    chmodSync(settingsFile, 0o644);
  });

  it('lists every change, and switches on the relay or launch at login only with --allow-switch-on', () => {
    const file = join(dir, 'in.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'ticker-settings',
        version: 1,
        lists: [{ name: 'Tech', symbols: ['IBM'] }],
        preferences: { relayEnabled: true, launchAtLogin: true, theme: 'dark' },
      }),
    );
    const held = run(['import', file]);
    expect(held.code).toBe(EXIT_OK);
    expect(held.out).toContain('  list "Tech": AAPL, MSFT → IBM');
    expect(held.out).toContain('  theme: "light" → "dark"');
    expect(held.out).toContain('  relayEnabled: false → true (only when you confirm it)');
    expect(held.out.join('\n')).toMatch(/Not switched on: the relay .*; launch at login .*--allow-switch-on/);
    expect(onDisk().preferences).toMatchObject({ relayEnabled: false, launchAtLogin: false, theme: 'dark' });

    expect(run(['import', file, '--allow-switch-on']).code).toBe(EXIT_OK);
    expect(onDisk().preferences).toMatchObject({ relayEnabled: true, launchAtLogin: true });
  });

  it('writes the settings file private: 0600 when new, its own mode otherwise, a symlink kept', () => {
    writeFileSync(join(dir, 'in.csv'), 'IBM,Tech\n');
    rmSync(settingsFile);
    expect(run(['import', join(dir, 'in.csv')]).code).toBe(EXIT_OK);
    expect(statSync(settingsFile).mode & 0o777).toBe(0o600);

    chmodSync(settingsFile, 0o640);
    expect(run(['import', join(dir, 'in.csv')]).code).toBe(EXIT_OK);
    expect(statSync(settingsFile).mode & 0o777).toBe(0o640);

    // A settings file kept elsewhere (a dotfiles folder) through a symlink.
    const real = join(dir, 'dotfiles', 'ticker-settings.json');
    mkdirSync(join(dir, 'dotfiles'));
    writeFileSync(real, JSON.stringify(MINE), { mode: 0o600 });
    rmSync(settingsFile);
    symlinkSync(real, settingsFile);
    expect(run(['import', join(dir, 'in.csv')]).code).toBe(EXIT_OK);
    expect(lstatSync(settingsFile).isSymbolicLink()).toBe(true);
    expect(readlinkSync(settingsFile)).toBe(real);
    expect(statSync(real).mode & 0o777).toBe(0o600);
    expect(
      (JSON.parse(readFileSync(real, 'utf8')) as SavedSettings).lists.find((l) => l.name === 'Tech')?.symbols,
    ).toEqual(['IBM']);
    expect(readdirSync(join(dir, 'dotfiles'))).toEqual(['ticker-settings.json']);
  });

  it('exports what it understands from a newer file, which it never writes', () => {
    writeFileSync(settingsFile, JSON.stringify({ ...MINE, version: 3 }));
    const result = run(['export', join(dir, 'out.csv')]);
    expect(result.code).toBe(EXIT_OK);
    expect(result.err).toEqual([
      expect.stringMatching(/exporting what this version understands: it was saved by a newer version/),
    ]);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toContain('BINANCE:BTCUSDT,Crypto');
  });

  it('--force imports even though the app seems to run', () => {
    writeFileSync(join(dir, 'in.csv'), 'IBM,Tech\n');
    expect(run(['import', join(dir, 'in.csv'), '--force'], { runningAppPid: () => 4242 }).code).toBe(EXIT_OK);
    expect(onDisk().lists[0]).toEqual({ id: 'l1', name: 'Tech', symbols: ['IBM'] });
  });

  it('refuses a device, a FIFO or an oversized import at once, reading nothing past the limit', () => {
    const before = readFileSync(settingsFile, 'utf8');
    const started = Date.now();
    const zero = run(['import', '/dev/zero', '--format', 'json']);
    expect(zero).toMatchObject({ code: EXIT_REFUSED, out: [] });
    expect(zero.err.join('\n')).toContain('"/dev/zero" is not a regular file');
    expect(Date.now() - started).toBeLessThan(5_000);
    const big = join(dir, 'big.json');
    writeFileSync(big, ' '.repeat(2 * 1024 * 1024));
    expect(run(['import', big]).err.join('\n')).toContain(`"${big}" is 2048 KiB; at most 1024 KiB is read`);
    expect(readFileSync(settingsFile, 'utf8')).toBe(before);
    // The settings file itself is read the same way.
    const asSettings = run(['export', join(dir, 'out.json')], {}, '/dev/zero');
    expect(asSettings.code).toBe(EXIT_SETTINGS_FILE);
    expect(asSettings.err.join('\n')).toContain('"/dev/zero" is not a regular file');
  });

  it('--format overrides the extension', () => {
    writeFileSync(join(dir, 'symbols.txt'), 'IBM,Tech\n');
    expect(run(['import', join(dir, 'symbols.txt')]).code).toBe(EXIT_REFUSED);
    expect(run(['import', join(dir, 'symbols.txt'), '--format', 'csv']).code).toBe(EXIT_OK);
  });

  it('tells bad arguments apart', () => {
    expect(parseSettingsArgs(['export'])).toEqual({ kind: 'error', reason: 'export needs a file' });
    expect(parseSettingsArgs(['list', 'x'])).toMatchObject({ kind: 'error' });
    expect(parseSettingsArgs(['export', 'x', '--format', 'xml'])).toEqual({
      kind: 'error',
      reason: '--format must be json or csv, not xml',
    });
    expect(parseSettingsArgs(['export', 'x', '--settings-file'])).toEqual({
      kind: 'error',
      reason: '--settings-file needs a value',
    });
    expect(parseSettingsArgs(['--help'])).toEqual({ kind: 'help' });
  });
});

describe('runningAppPid (Electron single-instance lock)', () => {
  it('finds a live process on this host, and ignores a stale or foreign lock', () => {
    symlinkSync(`${hostname()}-${process.pid}`, join(dir, 'SingletonLock'));
    expect(runningAppPid(dir)).toBe(process.pid);
    expect(runningAppPid(dir, { isAlive: () => false })).toBeNull();
    expect(runningAppPid(dir, { hostname: () => 'elsewhere' })).toBeNull();
    expect(runningAppPid(join(dir, 'nothing-here'))).toBeNull();
  });
});
