import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import * as fs from 'node:fs';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyValueStore } from '../../../src/main/settings/key-value-store';
import {
  backupPathFor,
  backupStamp,
  openSettingsStore,
  retryingStore,
  settingsFilePath,
  type SettingsFs,
} from '../../../src/main/settings/open-store';
import { repairSettings } from '../../../src/main/settings/repair-settings';
import { defaultSettings, type SavedSettings } from '../../../src/main/settings/schema';

const NOW = Date.UTC(2026, 10, 25, 20, 15, 3, 456);
const BACKUP_NAME = 'settings.corrupt-2026-11-25T20-15-03.json';

/** Behaves like electron-store with clearInvalidConfig: false: throws on broken or schema-invalid files. */
function fileBackedStore(filePath: string): KeyValueStore {
  const read = (): Record<string, unknown> => JSON.parse(readFileSync(filePath, 'utf8')) as Record<string, unknown>;
  if (existsSync(filePath)) {
    const raw = read();
    const repaired = repairSettings(raw);
    if (!repaired || repaired.problems.length > 0) throw new Error(`Config schema violation: ${repaired?.problems.join(', ')}`);
  } else {
    writeFileSync(filePath, JSON.stringify(defaultSettings()));
  }
  return {
    get store() {
      return read();
    },
    set store(value: Record<string, unknown>) {
      writeFileSync(filePath, JSON.stringify(value));
    },
    path: filePath,
  };
}

function transient(code: string): Error {
  return Object.assign(new Error(`${code}: operation not permitted`), { code });
}

/** node:fs, except the named calls fail with `code` the first `times` times. */
function flakyFs(failures: Partial<Record<keyof SettingsFs, number>>, code = 'EPERM'): SettingsFs & { calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const wrap = <K extends keyof SettingsFs>(name: K): SettingsFs[K] =>
    ((...args: unknown[]) => {
      calls[name] = (calls[name] ?? 0) + 1;
      if ((calls[name] ?? 0) <= (failures[name] ?? 0)) throw transient(code);
      return (fs[name] as (...a: unknown[]) => unknown)(...args);
    }) as SettingsFs[K];
  return {
    calls,
    existsSync: wrap('existsSync'),
    renameSync: wrap('renameSync'),
    readFileSync: wrap('readFileSync'),
    writeFileSync: wrap('writeFileSync'),
    unlinkSync: wrap('unlinkSync'),
  };
}

let dir: string;
let filePath: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ticker-open-store-'));
  filePath = settingsFilePath(dir);
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup names', () => {
  it('is dated, filename-safe and next to the original', () => {
    expect(backupStamp(NOW)).toBe('2026-11-25T20-15-03');
    expect(backupPathFor('/data/settings.json', NOW, () => false)).toBe(`/data/${BACKUP_NAME}`);
    const taken = new Set([`/data/${BACKUP_NAME}`, '/data/settings.corrupt-2026-11-25T20-15-03-2.json']);
    expect(backupPathFor('/data/settings.json', NOW, (p) => taken.has(p))).toBe('/data/settings.corrupt-2026-11-25T20-15-03-3.json');
  });
});

describe('openSettingsStore', () => {
  it('opens a healthy file as it is, with no notice and no backup', () => {
    const settings = { ...defaultSettings(), lists: [{ id: 'l1', name: 'Mine', symbols: ['IBM'] }] };
    writeFileSync(filePath, JSON.stringify(settings));
    const { store, notice } = openSettingsStore({ createStore: () => fileBackedStore(filePath), filePath, now: () => NOW });
    expect(notice).toBeNull();
    expect((store.store as SavedSettings).lists).toEqual(settings.lists);
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('keeps a corrupt file as a dated backup, starts from defaults and says where the backup is', () => {
    writeFileSync(filePath, '{"symbols": ["AAPL", ');
    const { store, notice } = openSettingsStore({ createStore: () => fileBackedStore(filePath), filePath, now: () => NOW });
    expect(readFileSync(join(dir, BACKUP_NAME), 'utf8')).toBe('{"symbols": ["AAPL", ');
    expect(store.store).toEqual(defaultSettings());
    expect(notice).toMatchObject({ level: 'warning', at: NOW });
    expect(notice?.message).toContain(join(dir, BACKUP_NAME));
    expect(notice?.message).toMatch(/damaged/);
  });

  it('salvages the good fields of a schema-invalid file and names the bad one', () => {
    const original = JSON.stringify({ ...defaultSettings(), lists: [{ id: 'l1', name: 'Mine', symbols: ['IBM', 'SAP'] }], preferences: { ...defaultSettings().preferences, height: 9000, theme: 'light' } });
    writeFileSync(filePath, original);
    const { store, notice } = openSettingsStore({ createStore: () => fileBackedStore(filePath), filePath, now: () => NOW });
    const saved = store.store as SavedSettings;
    expect(saved.lists[0]?.symbols).toEqual(['IBM', 'SAP']);
    expect(saved.preferences).toMatchObject({ height: 32, theme: 'light' });
    expect(readFileSync(join(dir, BACKUP_NAME), 'utf8')).toBe(original);
    expect(notice?.message).toContain('preferences.height');
    expect(notice?.message).toContain(join(dir, BACKUP_NAME));
  });

  it('starts from defaults when salvage is turned off', () => {
    writeFileSync(filePath, JSON.stringify({ symbols: ['IBM'], preferences: { height: 9000 } }));
    const { store, notice } = openSettingsStore({ createStore: () => fileBackedStore(filePath), filePath, now: () => NOW, repair: null });
    expect(store.store).toEqual(defaultSettings());
    expect(existsSync(join(dir, BACKUP_NAME))).toBe(true);
    expect(notice?.message).toMatch(/default settings/);
  });

  it('falls back to defaults when even the salvaged file is refused', () => {
    writeFileSync(filePath, JSON.stringify({ symbols: ['IBM'] }));
    let attempts = 0;
    const createStore = (): KeyValueStore => {
      attempts += 1;
      if (attempts <= 2) throw new Error('Config schema violation');
      return fileBackedStore(filePath);
    };
    const { store, notice } = openSettingsStore({ createStore, filePath, now: () => NOW });
    expect(store.store).toEqual(defaultSettings());
    expect(notice?.message).toMatch(/default settings/);
    expect(existsSync(join(dir, BACKUP_NAME))).toBe(true);
  });

  it('retries a rename refused by antivirus (EPERM) and then succeeds', () => {
    writeFileSync(filePath, 'not json');
    const flaky = flakyFs({ renameSync: 2 });
    const sleep = vi.fn();
    const { store, notice } = openSettingsStore({ createStore: () => fileBackedStore(filePath), filePath, now: () => NOW, fs: flaky, sleep });
    expect(flaky.calls.renameSync).toBe(3);
    expect(sleep).toHaveBeenCalledTimes(2);
    expect(sleep.mock.calls[0]?.[0]).toBeGreaterThan(0);
    expect(existsSync(join(dir, BACKUP_NAME))).toBe(true);
    expect(store.store).toEqual(defaultSettings());
    expect(notice?.message).toContain(BACKUP_NAME);
  });

  it('retries a store creation that hits EBUSY without treating the file as damaged', () => {
    writeFileSync(filePath, JSON.stringify(defaultSettings()));
    let attempts = 0;
    const createStore = (): KeyValueStore => {
      attempts += 1;
      if (attempts <= 2) throw transient('EBUSY');
      return fileBackedStore(filePath);
    };
    const { notice } = openSettingsStore({ createStore, filePath, now: () => NOW, sleep: () => {} });
    expect(attempts).toBe(3);
    expect(notice).toBeNull();
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('keeps running in memory, file untouched, when the file stays locked', () => {
    writeFileSync(filePath, 'not json');
    const flaky = flakyFs({ renameSync: 100 });
    const { store, notice } = openSettingsStore({ createStore: () => fileBackedStore(filePath), filePath, now: () => NOW, fs: flaky, sleep: () => {}, retries: 3 });
    expect(flaky.calls.renameSync).toBe(4);
    expect(readFileSync(filePath, 'utf8')).toBe('not json');
    expect(notice?.level).toBe('error');
    expect(notice?.message).toContain('EPERM');
    store.store = { symbols: ['IBM'] };
    expect(store.store).toEqual({ symbols: ['IBM'] });
  });

  it('retries transient write failures of the opened store, but not real errors', () => {
    let failures = 2;
    let saved: Record<string, unknown> = {};
    const inner: KeyValueStore = {
      get store() {
        return saved;
      },
      set store(value: Record<string, unknown>) {
        if (failures > 0) {
          failures -= 1;
          throw transient('EACCES');
        }
        saved = value;
      },
      path: filePath,
    };
    const sleep = vi.fn();
    const { store } = openSettingsStore({ createStore: () => inner, filePath, now: () => NOW, sleep });
    store.store = { symbols: ['IBM'] };
    expect(saved).toEqual({ symbols: ['IBM'] });
    expect(sleep).toHaveBeenCalledTimes(2);

    const broken = retryingStore(
      {
        get store(): Record<string, unknown> {
          return {};
        },
        set store(_value: Record<string, unknown>) {
          throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
        },
        path: filePath,
      },
      { sleep },
    );
    expect(() => {
      broken.store = {};
    }).toThrow('no space');
    expect(sleep).toHaveBeenCalledTimes(2);
  });
});
