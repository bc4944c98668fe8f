/**
 * The real electron-store (inlined by vitest so that `vi.mock('electron')` reaches it) with our
 * options, on a temp folder: what the app does on first start, after a restart, and with a broken file.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

const { createElectronSettingsStore } = await import('../../../src/main/settings/electron-settings-store');
const { openSettingsStore, settingsFilePath } = await import('../../../src/main/settings/open-store');
const { SettingsService } = await import('../../../src/main/settings/settings-service');
const { createFakeSafeStorage } = await import('./fake-safe-storage');
const { DEFAULT_PREFERENCES } = await import('../../../src/shared/preference-rules');

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
    createStore: () => createElectronSettingsStore(),
    filePath: settingsFilePath(userData.dir),
    now: () => Date.UTC(2026, 10, 25, 20, 15, 3),
  });
  const settings = new SettingsService({ store: opened.store, safeStorage: createFakeSafeStorage(), platform: 'linux' });
  return { ...opened, settings };
}

describe('settings in the real electron-store', () => {
  it('writes settings.json in userData and keeps changes across a restart', () => {
    const first = open();
    expect(first.notice).toBeNull();
    expect(first.store.path).toBe(join(userData.dir, 'settings.json'));
    first.settings.addSymbol('binance:solusdt');
    first.settings.setPreferences({ position: 'bottom', speed: 90 });

    const second = open();
    expect(second.notice).toBeNull();
    expect(second.settings.symbols()).toContain('BINANCE:SOLUSDT');
    expect(second.settings.preferences()).toMatchObject({ position: 'bottom', speed: 90 });
  });

  it('moves a corrupt file aside, starts from defaults and says where the backup is', () => {
    writeFileSync(join(userData.dir, 'settings.json'), '{"symbols": ["AAPL", ');
    const { notice, settings } = open();
    const backups = readdirSync(userData.dir).filter((name) => name.startsWith('settings.corrupt-'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(userData.dir, backups[0] as string), 'utf8')).toBe('{"symbols": ["AAPL", ');
    expect(notice?.message).toContain(backups[0]);
    expect(settings.symbols().length).toBeGreaterThan(0);
  });

  it('a schema-invalid file is backed up too and its good fields are kept', () => {
    open().settings.setSymbols(['AAPL', 'MSFT']);
    const file = join(userData.dir, 'settings.json');
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    saved.preferences.height = 'very tall';
    writeFileSync(file, JSON.stringify(saved));

    const { notice, settings } = open();
    expect(readdirSync(userData.dir).some((name) => name.startsWith('settings.corrupt-'))).toBe(true);
    expect(notice?.message).toMatch(/height/);
    expect(settings.symbols()).toEqual(['AAPL', 'MSFT']);
    expect(settings.preferences().height).toBe(32);
  });

  it('migrates a version 1 file (one list) to named lists, keeping every symbol and preference, and saves it back once', () => {
    const file = join(userData.dir, 'settings.json');
    const preferences = { ...DEFAULT_PREFERENCES, position: 'bottom', displayId: 7, height: 44, speed: 120, opacity: 0.8, theme: 'light', fontSize: 18, clickThrough: true, alwaysOnTop: false, launchAtLogin: true, updateRateHz: 4, showSparklines: false, paused: true, hidden: false };
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
    expect(settings.symbols()).toEqual(version1.symbols);
    expect(settings.lists()).toEqual([{ id: 'l1', name: 'Watch list', symbols: version1.symbols }]);
    expect(settings.preferences()).toEqual(preferences);
    expect(settings.windowState()).toEqual(version1.window);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.symbols).toBeUndefined();
    expect(saved).toMatchObject({ version: 2, shownListId: 'l1', lists: [{ id: 'l1', symbols: version1.symbols }], preferences });
    expect(readdirSync(userData.dir)).toEqual(['settings.json']);

    // The second start reads version 2 as it is.
    expect(open().settings.lists()).toEqual(settings.lists());
  });
});
