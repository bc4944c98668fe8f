/**
 * The real settings file through conf, the library electron-store is built on. electron-store itself
 * is an external dependency that imports 'electron' natively (vi.mock('electron') cannot reach it
 * without `server.deps.inline`), so it is replaced by a subclass of conf that does what electron-store
 * does with our options (name → configName, absolute cwd): the schema, defaults and file handling are
 * conf's own.
 */
import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  class ConfBackedElectronStore extends Conf<Record<string, unknown>> {
    constructor(options: Record<string, unknown> & { name?: string; cwd?: string }) {
      const { name, ...rest } = options;
      if (typeof rest.cwd !== 'string') throw new Error('test store needs an absolute cwd');
      super({ ...rest, configName: name ?? 'config', projectName: 'ticker-test' });
    }
  }
  return { default: ConfBackedElectronStore };
});

const { createElectronSettingsStore, settingsStoreOptions } =
  await import('../../../src/main/shell/electron-settings-store');
const { openSettingsStore, settingsFilePath } = await import('../../../src/engine/settings/open-store');
const { createSettings } = await import('../../../src/engine/settings/settings');
const { defaultSettings } = await import('../../../src/engine/settings/schema');
const { createFakeSafeStorage } = await import('./fake-safe-storage');

const NOW = Date.UTC(2026, 10, 25, 20, 15, 3);
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ticker-electron-store-'));
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const open = () =>
  openSettingsStore({
    createStore: () => createElectronSettingsStore({ cwd: dir }),
    filePath: settingsFilePath(dir),
    now: () => NOW,
  });
const onDisk = (): Record<string, unknown> =>
  JSON.parse(readFileSync(settingsFilePath(dir), 'utf8')) as Record<string, unknown>;

describe('electron settings store', () => {
  it('uses settings.json, never clears an invalid file and keeps symbol names as plain keys', () => {
    expect(settingsStoreOptions({ cwd: dir })).toMatchObject({
      name: 'settings',
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      cwd: dir,
    });
    expect(createElectronSettingsStore({ cwd: dir }).path).toBe(settingsFilePath(dir));
  });

  it('writes the defaults into a new file', () => {
    const { store, notice } = open();
    expect(notice).toBeNull();
    expect(store.store).toEqual(defaultSettings());
    expect(onDisk()).toEqual(defaultSettings());
  });

  it('round-trips settings changed through the service, including an emptied list', () => {
    const first = createSettings({
      store: open().store,
      safeStorage: createFakeSafeStorage(),
      platform: 'darwin',
    });
    first.lists.setSymbols([]);
    first.lists.addSymbol('BINANCE:SOLUSDT');
    first.preferences.set({ theme: 'light', opacity: 0.85, displayId: 2779098405 });
    first.window.set({ docked: false, x: -1200, y: 300 });
    first.key.set('abcdef123456');

    const second = createSettings({
      store: open().store,
      safeStorage: createFakeSafeStorage(),
      platform: 'darwin',
    });
    expect(second.lists.symbols()).toEqual(['BINANCE:SOLUSDT']);
    expect(second.preferences.current()).toMatchObject({ theme: 'light', opacity: 0.85, displayId: 2779098405 });
    expect(second.window.current()).toEqual({ displayId: null, docked: false, x: -1200, y: 300 });
    expect(second.key.plain()).toBe('abcdef123456');
    expect(second.notices()).toEqual([]);
    expect(readFileSync(settingsFilePath(dir), 'utf8')).not.toContain('abcdef123456');
  });

  it('refuses a write the schema forbids, leaving the file as it was', () => {
    const { store } = open();
    expect(() => {
      store.store = { ...defaultSettings(), preferences: { ...defaultSettings().preferences, height: 500 } };
    }).toThrow(/schema/i);
    expect(onDisk()).toEqual(defaultSettings());
  });

  it('backs up a corrupt file, starts from defaults and tells the user', () => {
    writeFileSync(settingsFilePath(dir), '{ this is not json');
    const { store, notice } = open();
    expect(store.store).toEqual(defaultSettings());
    expect(readFileSync(join(dir, 'settings.corrupt-2026-11-25T20-15-03.json'), 'utf8')).toBe('{ this is not json');
    expect(notice?.message).toContain(join(dir, 'settings.corrupt-2026-11-25T20-15-03.json'));
  });

  it('backs up a schema-invalid file and keeps its valid fields', () => {
    const bad = {
      ...defaultSettings(),
      lists: [{ id: 'l1', name: 'Mine', symbols: ['IBM', 'ibm', 'not a symbol'] }],
      preferences: { ...defaultSettings().preferences, opacity: 5, fontSize: 20 },
    };
    writeFileSync(settingsFilePath(dir), JSON.stringify(bad));
    const { store, notice } = open();
    const service = createSettings({ store, safeStorage: createFakeSafeStorage(), platform: 'darwin' });
    expect(service.lists.symbols()).toEqual(['IBM']);
    expect(service.preferences.current()).toMatchObject({ opacity: 1, fontSize: 20 });
    expect(notice?.message).toMatch(/preferences\.opacity/);
    expect(notice?.message).toMatch(/symbols/);
    expect(readdirSync(dir).sort()).toEqual(['settings.corrupt-2026-11-25T20-15-03.json', 'settings.json']);
    expect(JSON.parse(readFileSync(join(dir, 'settings.corrupt-2026-11-25T20-15-03.json'), 'utf8'))).toEqual(bad);
  });

  it('backs up a file with a wrong top-level type', () => {
    writeFileSync(settingsFilePath(dir), JSON.stringify({ ...defaultSettings(), preferences: 'dark please' }));
    const { store, notice } = open();
    expect((store.store as { preferences: unknown }).preferences).toEqual(defaultSettings().preferences);
    expect(notice?.message).toMatch(/preferences/);
  });
});
