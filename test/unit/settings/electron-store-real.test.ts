/**
 * The real electron-store (inlined by vitest so that `vi.mock('electron')` reaches it) with our
 * options, on a temp folder: what the app does on first start, after a restart, and with a broken file.
 */
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const userData = vi.hoisted(() => ({ dir: '' }));

vi.mock('electron', () => {
  const electron = {
    app: { getPath: () => userData.dir, getVersion: () => '0.1.0', getName: () => 'Ticker' },
    ipcMain: { on: vi.fn(), handle: vi.fn() },
    shell: {},
  };
  return { default: electron, ...electron };
});

const { createElectronSettingsStore } = await import('../../../src/main/shell/electron-settings-store');
const { openSettingsStore, settingsFilePath } = await import('../../../src/engine/settings/open-store');
const { createSettings } = await import('../../../src/engine/settings/settings');
const { createFakeSafeStorage } = await import('./fake-safe-storage');
const { DEFAULT_PREFERENCES } = await import('../../../src/shared/preference-rules');
const { defaultSettings, MAX_SETTINGS_FILE_BYTES, SETTINGS_VERSION } =
  await import('../../../src/engine/settings/schema');

beforeEach(() => {
  userData.dir = mkdtempSync(join(tmpdir(), 'ticker-real-store-'));
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(userData.dir, { recursive: true, force: true });
});

function open() {
  const opened = openSettingsStore({
    createStore: () => createElectronSettingsStore({ cwd: userData.dir }),
    filePath: settingsFilePath(userData.dir),
    now: () => Date.UTC(2026, 10, 25, 20, 15, 3),
  });
  const settings = createSettings({
    store: opened.store,
    safeStorage: createFakeSafeStorage(),
    platform: 'linux',
  });
  return { ...opened, settings };
}

describe('settings in the real electron-store', () => {
  it('keeps the portfolio across a restart, through the JSON schema', () => {
    const first = open();
    first.settings.portfolio.addLot({
      symbol: 'BINANCE:BTCUSDT',
      quantity: '-0.00012345',
      price: '40000.5',
      date: '2024-02-29',
      note: 'short, "hedge"',
    });
    first.settings.portfolio.setBaseCurrency('JPY');
    const second = open();
    expect(second.notice).toBeNull();
    expect(second.settings.portfolio.holdings()).toMatchObject({
      baseCurrency: 'JPY',
      lots: [
        {
          symbol: 'BINANCE:BTCUSDT',
          quantity: '-0.00012345',
          price: '40000.5',
          date: '2024-02-29',
          note: 'short, "hedge"',
        },
      ],
    });
  });

  it('writes settings.json in userData and keeps changes across a restart', () => {
    const first = open();
    expect(first.notice).toBeNull();
    expect(first.store.path).toBe(join(userData.dir, 'settings.json'));
    first.settings.lists.addSymbol('binance:solusdt');
    first.settings.preferences.set({ position: 'bottom', speed: 90 });

    const second = open();
    expect(second.notice).toBeNull();
    expect(second.settings.lists.symbols()).toContain('BINANCE:SOLUSDT');
    expect(second.settings.preferences.current()).toMatchObject({ position: 'bottom', speed: 90 });
  });

  it('moves a corrupt file aside, starts from defaults and says where the backup is', () => {
    writeFileSync(join(userData.dir, 'settings.json'), '{"symbols": ["AAPL", ');
    const { notice, settings } = open();
    const backups = readdirSync(userData.dir).filter((name) => name.startsWith('settings.corrupt-'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(userData.dir, backups[0] as string), 'utf8')).toBe('{"symbols": ["AAPL", ');
    expect(notice?.message).toContain(backups[0]);
    expect(settings.lists.symbols().length).toBeGreaterThan(0);
  });

  it('a schema-invalid file is backed up too and its good fields are kept', () => {
    open().settings.lists.setSymbols(['AAPL', 'MSFT']);
    const file = join(userData.dir, 'settings.json');
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    saved.preferences.height = 'very tall';
    writeFileSync(file, JSON.stringify(saved));

    const { notice, settings } = open();
    expect(readdirSync(userData.dir).some((name) => name.startsWith('settings.corrupt-'))).toBe(true);
    expect(notice?.message).toMatch(/height/);
    expect(settings.lists.symbols()).toEqual(['AAPL', 'MSFT']);
    expect(settings.preferences.current().height).toBe(32);
  });

  it('migrates a version 1 file (one list) to named lists, keeping every symbol and preference, and saves it back once', () => {
    const file = join(userData.dir, 'settings.json');
    const preferences = {
      ...DEFAULT_PREFERENCES,
      position: 'bottom',
      displayId: 7,
      height: 44,
      speed: 120,
      opacity: 0.8,
      theme: 'light',
      fontSize: 18,
      clickThrough: true,
      alwaysOnTop: false,
      launchAtLogin: true,
      updateRateHz: 4,
      showSparklines: false,
      paused: true,
      hidden: false,
    };
    const version1 = {
      version: 1,
      symbols: ['IBM', 'BINANCE:SOLUSDT', 'OANDA:GBP_USD'],
      preferences,
      window: { displayId: 7, docked: false, x: 40, y: 900 },
      apiKey: null,
    };
    writeFileSync(file, JSON.stringify(version1));

    const { notice, settings } = open();
    expect(notice).toBeNull();
    expect(settings.notices()).toEqual([]);
    expect(settings.lists.symbols()).toEqual(version1.symbols);
    expect(settings.lists.all()).toEqual([{ id: 'l1', name: 'Watch list', symbols: version1.symbols }]);
    expect(settings.preferences.current()).toEqual(preferences);
    expect(settings.window.current()).toEqual(version1.window);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.symbols).toBeUndefined();
    expect(saved).toMatchObject({
      version: 2,
      shownListId: 'l1',
      lists: [{ id: 'l1', symbols: version1.symbols }],
      preferences,
    });
    expect(readdirSync(userData.dir)).toEqual(['settings.json']);

    // The second start reads version 2 as it is.
    expect(open().settings.lists.all()).toEqual(settings.lists.all());
  });
});

describe('a newer file an older Ticker wrote its single list into', () => {
  it('keeps the named lists, drops the old single list only after a backup, and says so', () => {
    const file = join(userData.dir, 'settings.json');
    const lists = [
      { id: 'l1', name: 'Tech', symbols: ['AAPL', 'MSFT'] },
      { id: 'l2', name: 'Crypto', symbols: ['BINANCE:BTCUSDT'] },
    ];
    const mixed = { ...defaultSettings(), lists, shownListId: 'l2', symbols: ['AAPL', 'MSFT', 'NVDA'] };
    writeFileSync(file, JSON.stringify(mixed));

    const { notice, settings } = open();
    expect(settings.lists.all()).toEqual(lists);
    expect(settings.lists.shownListId()).toBe('l2');
    expect(notice?.level).toBe('warning');
    expect(notice?.message).toContain('symbols');
    const backup = readdirSync(userData.dir).find((name) => name !== 'settings.json');
    expect(backup).toBeDefined();
    expect(notice?.message).toContain(join(userData.dir, backup!));
    // The backup is the file as it was, old single list included.
    expect(JSON.parse(readFileSync(join(userData.dir, backup!), 'utf8')).symbols).toEqual(['AAPL', 'MSFT', 'NVDA']);
    expect(JSON.parse(readFileSync(file, 'utf8')).symbols).toBeUndefined();
    expect(open().settings.lists.all()).toEqual(lists);
  });
});

describe('hostile settings files in the real electron-store', () => {
  const file = () => join(userData.dir, 'settings.json');
  const backups = () => readdirSync(userData.dir).filter((name) => name !== 'settings.json');

  it.each([
    ['[1, 2, 3]', 'a list'],
    ['"AAPL"', 'a piece of text'],
    ['42', 'a number'],
    ['null', 'null'],
  ])('backs up valid JSON that is not an object (%s) before the store rewrites it, and says so', (content, kind) => {
    writeFileSync(file(), content);
    const { notice, settings } = open();
    expect(backups()).toEqual(['settings.corrupt-2026-11-25T20-15-03.json']);
    expect(readFileSync(join(userData.dir, 'settings.corrupt-2026-11-25T20-15-03.json'), 'utf8')).toBe(content);
    expect(notice?.message).toContain(kind);
    expect(notice?.message).toContain(join(userData.dir, 'settings.corrupt-2026-11-25T20-15-03.json'));
    expect(settings.lists.all()).toEqual(defaultSettings().lists);
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual(defaultSettings());
  });

  it.each([
    ['a higher settings version', { version: SETTINGS_VERSION + 1 }, /newer version of Ticker \(settings version 3/],
    ['an unknown top-level key', { portfolio: [{ symbol: 'AAPL', shares: 10 }] }, /does not know \(portfolio\)/],
    [
      'an unknown preference',
      { preferences: { ...DEFAULT_PREFERENCES, shortcut: 'Ctrl+Alt+T' } },
      /preferences\.shortcut/,
    ],
  ])(
    'never writes a file from a newer Ticker (%s), uses what it understands and says so once',
    (_case, change, reason) => {
      const newer = JSON.stringify(
        { ...defaultSettings(), lists: [{ id: 'l1', name: 'Mine', symbols: ['IBM'] }], ...change },
        null,
        2,
      );
      writeFileSync(file(), newer);
      const { notice, settings } = open();
      expect(notice).toBeNull();
      expect(settings.lists.symbols()).toEqual(['IBM']);
      settings.lists.addSymbol('SAP');
      settings.preferences.set({ speed: 99 });
      expect(settings.lists.symbols()).toEqual(['IBM', 'SAP']);
      expect(settings.preferences.current().speed).toBe(99);
      expect(readFileSync(file(), 'utf8')).toBe(newer);
      expect(backups()).toEqual([]);
      const told = settings.notices();
      expect(told).toHaveLength(1);
      expect(told[0]?.message).toMatch(reason);
      expect(told[0]?.message).toMatch(/cannot save changes/);
    },
  );

  it('backs up a file whose values pass the schema but fail repair, and names each field', () => {
    const bad = {
      ...defaultSettings(),
      lists: [{ id: 'l1', name: 'Mine', symbols: ['IBM', 'ibm'] }],
      preferences: { ...DEFAULT_PREFERENCES, displayId: 1e300 },
      apiKey: { protection: 'encrypted', data: '' },
    };
    writeFileSync(file(), JSON.stringify(bad));
    const { notice, settings } = open();
    expect(backups()).toEqual(['settings.corrupt-2026-11-25T20-15-03.json']);
    expect(JSON.parse(readFileSync(join(userData.dir, backups()[0] as string), 'utf8'))).toEqual(bad);
    for (const field of ['lists[0].symbols', 'preferences.displayId', 'apiKey'])
      expect(notice?.message).toContain(field);
    expect(notice?.message).toContain(backups()[0]);
    expect(settings.lists.symbols()).toEqual(['IBM']);
    expect(settings.notices()).toEqual([]);
  });

  it('refuses an oversized file by its size: moved aside unread, defaults and a notice', () => {
    // A sparse 50 MB file: no disk space used, and reading it whole would be the bug.
    writeFileSync(file(), '');
    truncateSync(file(), 50 * 1024 * 1024);
    const { notice, settings } = open();
    const moved = join(userData.dir, 'settings.too-large-2026-11-25T20-15-03.json');
    expect(backups()).toEqual(['settings.too-large-2026-11-25T20-15-03.json']);
    expect(statSync(moved).size).toBe(50 * 1024 * 1024);
    expect(notice?.message).toContain(moved);
    expect(notice?.message).toContain(`${(MAX_SETTINGS_FILE_BYTES / 1024 / 1024).toFixed(1)} MB`);
    expect(settings.lists.all()).toEqual(defaultSettings().lists);
  });

  it('leaves a read-only settings file as it is and says once that changes are not saved', () => {
    open().settings.lists.setSymbols(['AAPL', 'MSFT']);
    const before = readFileSync(file(), 'utf8');
    // Permission bits count for root too (root could write, but the user asked for read-only).
    chmodSync(file(), 0o444);
    const { notice, settings } = open();
    expect(notice).toBeNull();
    const told = settings.notices();
    expect(told).toHaveLength(1);
    expect(told[0]?.message).toContain('read-only');
    settings.lists.addSymbol('SAP');
    settings.preferences.set({ theme: 'light' });
    settings.lists.removeSymbol('AAPL');
    expect(settings.lists.symbols()).toEqual(['MSFT', 'SAP']);
    expect(settings.notices()).toHaveLength(1);
    expect(readFileSync(file(), 'utf8')).toBe(before);
    chmodSync(file(), 0o644);
  });

  it('a write that fails while running (a folder where the file was) is told once, the change kept for the session', () => {
    const { settings } = open();
    unlinkSync(file());
    // Fails for root as well: a file cannot be renamed over a directory (EISDIR).
    mkdirSync(file());
    settings.lists.addSymbol('SAP');
    settings.preferences.set({ speed: 77 });
    expect(settings.lists.symbols()).toContain('SAP');
    expect(settings.preferences.current().speed).toBe(77);
    const told = settings.notices();
    expect(told).toHaveLength(1);
    expect(told[0]?.message).toMatch(/cannot save changes.*EISDIR/);
    expect(readdirSync(file())).toEqual([]);
    // Once saving works again, the whole session's changes are saved and a later failure is told again.
    rmSync(file(), { recursive: true });
    settings.preferences.set({ speed: 78 });
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toMatchObject({ preferences: { speed: 78 } });
    expect(JSON.parse(readFileSync(file(), 'utf8')).lists[0].symbols).toContain('SAP');
  });
});

describe('limits are checked on what is saved (normalised), one rule for every layer', () => {
  // 138 characters typed; 279 once the host is written in punycode, as the origin is saved.
  const letters = 'äöüßéèêáàâíìîóòôúùûçñåøæœ中文字日本語한국어ру';
  const label = Array.from({ length: 40 }, (_, i) => letters[(i * 7) % letters.length]).join('');
  const longIdnOrigin = `https://${label}.${label}.${label}.example`;

  it('refuses an origin that is too long only once normalised, and every later save still works', async () => {
    const { checkRelayOrigin, MAX_RELAY_ORIGIN_LENGTH } = await import('../../../src/shared/relay-rules');
    const { validateArgs } = await import('../../../src/main/ipc/validators');
    const { settingsSchema } = await import('../../../src/engine/settings/schema');
    expect(longIdnOrigin.length).toBeLessThan(MAX_RELAY_ORIGIN_LENGTH);
    expect(new URL(longIdnOrigin).origin.length).toBeGreaterThan(MAX_RELAY_ORIGIN_LENGTH);

    const checked = checkRelayOrigin(longIdnOrigin);
    expect(checked).toMatchObject({
      ok: false,
      message: expect.stringContaining(`the limit is ${MAX_RELAY_ORIGIN_LENGTH}`),
    });
    expect(validateArgs('setRelayOrigins', [[longIdnOrigin]])).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload', message: expect.stringContaining('too long') },
    });
    const origins = settingsSchema().relay as { properties: { origins: { items: { maxLength: number } } } };
    expect(origins.properties.origins.items.maxLength).toBe(MAX_RELAY_ORIGIN_LENGTH);

    const { settings } = open();
    expect(() => settings.relay.setOrigins([longIdnOrigin])).toThrow(/too long.*limit is 200/);
    settings.relay.setOrigins([`https://${'ü'.repeat(20)}.example`]);
    settings.preferences.set({ fontSize: 17 });
    expect(settings.notices()).toEqual([]);
    const again = open();
    expect(again.notice).toBeNull();
    expect(again.settings.preferences.current().fontSize).toBe(17);
    expect(again.settings.relay.origins()).toEqual([new URL(`https://${'ü'.repeat(20)}.example`).origin]);
  });

  it('a file already holding a too-long origin is repaired (the origin named), and saves work again', () => {
    const tooLong = `https://${'a'.repeat(250)}.example`;
    writeFileSync(
      settingsFilePath(userData.dir),
      JSON.stringify({ ...defaultSettings(), relay: { token: null, origins: ['https://ok.example', tooLong] } }),
    );
    const { notice, settings } = open();
    expect(notice?.message).toContain('relay.origins[1]');
    expect(settings.relay.origins()).toEqual(['https://ok.example']);
    settings.preferences.set({ fontSize: 15 });
    expect(settings.notices().filter((n) => n.message.includes('cannot save'))).toEqual([]);
    expect(open().settings.preferences.current().fontSize).toBe(15);
  });

  it('a save the file refuses names the field and the reason', async () => {
    const { writeFailureReason } = await import('../../../src/engine/settings/settings-state');
    const store = createElectronSettingsStore({ cwd: userData.dir });
    let refused: unknown;
    try {
      store.store = { ...defaultSettings(), relay: { token: null, origins: [`https://${'a'.repeat(250)}.example`] } };
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(Error);
    expect(writeFailureReason(refused)).toBe(
      'a value was refused: relay.origins[0] must NOT have more than 200 characters',
    );
    expect(writeFailureReason(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBe(
      'the file could not be written (ENOSPC)',
    );
  });
});

describe('repairs keep the file safe', () => {
  const badHeight = () => ({
    ...defaultSettings(),
    lists: [{ id: 'l1', name: 'Mine', symbols: ['IBM', 'SAP'] }],
    preferences: { ...defaultSettings().preferences, height: 9000, theme: 'light' },
  });

  it('makes a new settings file private (0600)', () => {
    open().settings.preferences.set({ fontSize: 16 });
    expect(statSync(settingsFilePath(userData.dir)).mode & 0o777).toBe(0o600);
  });

  it('is crash-safe: at every step the original or the repaired file is in place, and the backup is named', async () => {
    const fs = await import('node:fs');
    const file = settingsFilePath(userData.dir);
    const original = JSON.stringify(badHeight());
    writeFileSync(file, original);
    // After every change the file system sees, a crash there would leave what is on disk now.
    const states: string[] = [];
    const look = () => states.push(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '(no settings file)');
    const watched = Object.fromEntries(
      (['renameSync', 'writeFileSync', 'unlinkSync', 'linkSync', 'copyFileSync', 'chmodSync'] as const).map((name) => [
        name,
        (...args: unknown[]) => {
          const result = (fs[name] as (...a: unknown[]) => unknown)(...args);
          look();
          return result;
        },
      ]),
    );
    const opened = openSettingsStore({
      createStore: () => createElectronSettingsStore({ cwd: userData.dir }),
      filePath: file,
      now: () => Date.UTC(2026, 10, 25, 20, 15, 3),
      fs: { ...fs, ...watched } as never,
    });
    expect(states.length).toBeGreaterThan(0);
    for (const state of states) {
      expect(state).not.toBe('(no settings file)');
      const parsed = JSON.parse(state) as { preferences: { height: number; theme: string } };
      expect(parsed.preferences.theme).toBe('light');
      expect([9000, DEFAULT_PREFERENCES.height]).toContain(parsed.preferences.height);
    }
    const backup = join(userData.dir, 'settings.corrupt-2026-11-25T20-15-03.json');
    expect(readFileSync(backup, 'utf8')).toBe(original);
    expect(opened.notice?.message).toContain(backup);
    expect(opened.notice?.message).toContain('preferences.height');
  });

  it('never replaces a read-only file: the repair applies until Ticker quits, and the notice says so', () => {
    const file = settingsFilePath(userData.dir);
    const original = JSON.stringify(badHeight());
    writeFileSync(file, original);
    chmodSync(file, 0o444);
    const before = statSync(file);
    const { notice, settings } = open();
    expect(settings.lists.all()).toEqual([{ id: 'l1', name: 'Mine', symbols: ['IBM', 'SAP'] }]);
    expect(settings.preferences.current()).toMatchObject({ height: DEFAULT_PREFERENCES.height, theme: 'light' });
    expect(notice?.message).toContain('preferences.height');
    expect(notice?.message).toMatch(/read-only/);
    const after = statSync(file);
    expect(after.ino).toBe(before.ino);
    expect(after.mode & 0o777).toBe(0o444);
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(readdirSync(userData.dir)).toEqual(['settings.json']);
    chmodSync(file, 0o644);
  });

  it("keeps the file's own mode and a symlink through a repair", () => {
    const real = join(userData.dir, 'elsewhere', 'ticker.json');
    mkdirSync(join(userData.dir, 'elsewhere'));
    writeFileSync(real, JSON.stringify(badHeight()), { mode: 0o640 });
    chmodSync(real, 0o640);
    symlinkSync(real, settingsFilePath(userData.dir));
    const { notice, settings } = open();
    expect(notice?.message).toContain('preferences.height');
    expect(lstatSync(settingsFilePath(userData.dir)).isSymbolicLink()).toBe(true);
    expect(statSync(real).mode & 0o777).toBe(0o640);
    expect(JSON.parse(readFileSync(real, 'utf8')).preferences.height).toBe(DEFAULT_PREFERENCES.height);
    settings.preferences.set({ fontSize: 19 });
    expect(lstatSync(settingsFilePath(userData.dir)).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(real, 'utf8')).preferences.fontSize).toBe(19);
    expect(statSync(real).mode & 0o777).toBe(0o640);
  });
});
