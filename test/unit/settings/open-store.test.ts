import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import * as fs from 'node:fs';
import {
  chmodSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyValueStore } from '../../../src/engine/settings/key-value-store';
import {
  backupPathFor,
  backupStamp,
  openSettingsStore,
  readOnlyReason,
  retryingStore,
  settingsFilePath,
  type SettingsFs,
} from '../../../src/engine/settings/open-store';
import { repairSettings } from '../../../src/engine/settings/repair-settings';
import { SettingsWriteRefused } from '../../../src/engine/settings/key-value-store';
import { defaultSettings, type SavedSettings } from '../../../src/engine/settings/schema';

const NOW = Date.UTC(2026, 10, 25, 20, 15, 3, 456);
const BACKUP_NAME = 'settings.corrupt-2026-11-25T20-15-03.json';

/** Behaves like electron-store with clearInvalidConfig: false: throws on broken or schema-invalid files. */
function fileBackedStore(filePath: string): KeyValueStore {
  const read = (): Record<string, unknown> => JSON.parse(readFileSync(filePath, 'utf8')) as Record<string, unknown>;
  if (existsSync(filePath)) {
    const raw = read();
    const repaired = repairSettings(raw);
    if (!repaired || repaired.problems.length > 0)
      throw new Error(`Config schema violation: ${repaired?.problems.join(', ')}`);
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
function flakyFs(
  failures: Partial<Record<keyof SettingsFs, number>>,
  code = 'EPERM',
): SettingsFs & { calls: Record<string, number> } {
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
    statSync: wrap('statSync'),
    accessSync: wrap('accessSync'),
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
    expect(backupPathFor('/data/settings.json', NOW, (p) => taken.has(p))).toBe(
      '/data/settings.corrupt-2026-11-25T20-15-03-3.json',
    );
  });
});

describe('openSettingsStore', () => {
  it('opens a healthy file as it is, with no notice and no backup', () => {
    const settings = { ...defaultSettings(), lists: [{ id: 'l1', name: 'Mine', symbols: ['IBM'] }] };
    writeFileSync(filePath, JSON.stringify(settings));
    const { store, notice } = openSettingsStore({
      createStore: () => fileBackedStore(filePath),
      filePath,
      now: () => NOW,
    });
    expect(notice).toBeNull();
    expect((store.store as SavedSettings).lists).toEqual(settings.lists);
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('keeps a corrupt file as a dated backup, starts from defaults and says where the backup is', () => {
    writeFileSync(filePath, '{"symbols": ["AAPL", ');
    const { store, notice } = openSettingsStore({
      createStore: () => fileBackedStore(filePath),
      filePath,
      now: () => NOW,
    });
    expect(readFileSync(join(dir, BACKUP_NAME), 'utf8')).toBe('{"symbols": ["AAPL", ');
    expect(store.store).toEqual(defaultSettings());
    expect(notice).toMatchObject({ level: 'warning', at: NOW });
    expect(notice?.message).toContain(join(dir, BACKUP_NAME));
    expect(notice?.message).toMatch(/damaged/);
  });

  it('salvages the good fields of a schema-invalid file and names the bad one', () => {
    const original = JSON.stringify({
      ...defaultSettings(),
      lists: [{ id: 'l1', name: 'Mine', symbols: ['IBM', 'SAP'] }],
      preferences: { ...defaultSettings().preferences, height: 9000, theme: 'light' },
    });
    writeFileSync(filePath, original);
    const { store, notice } = openSettingsStore({
      createStore: () => fileBackedStore(filePath),
      filePath,
      now: () => NOW,
    });
    const saved = store.store as SavedSettings;
    expect(saved.lists[0]?.symbols).toEqual(['IBM', 'SAP']);
    expect(saved.preferences).toMatchObject({ height: 32, theme: 'light' });
    expect(readFileSync(join(dir, BACKUP_NAME), 'utf8')).toBe(original);
    expect(notice?.message).toContain('preferences.height');
    expect(notice?.message).toContain(join(dir, BACKUP_NAME));
  });

  it('starts from defaults when salvage is turned off', () => {
    writeFileSync(filePath, JSON.stringify({ symbols: ['IBM'], preferences: { height: 9000 } }));
    const { store, notice } = openSettingsStore({
      createStore: () => fileBackedStore(filePath),
      filePath,
      now: () => NOW,
      repair: null,
    });
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
    const { store, notice } = openSettingsStore({
      createStore: () => fileBackedStore(filePath),
      filePath,
      now: () => NOW,
      fs: flaky,
      sleep,
    });
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
    const { store, notice } = openSettingsStore({
      createStore: () => fileBackedStore(filePath),
      filePath,
      now: () => NOW,
      fs: flaky,
      sleep: () => {},
      retries: 3,
    });
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

/** A store that accepts any JSON object (as the store library does for values its schema allows). */
function lenientStore(filePath: string): KeyValueStore {
  if (!existsSync(filePath)) writeFileSync(filePath, JSON.stringify(defaultSettings()));
  return {
    get store() {
      return JSON.parse(readFileSync(filePath, 'utf8')) as Record<string, unknown>;
    },
    set store(value: Record<string, unknown>) {
      writeFileSync(filePath, JSON.stringify(value));
    },
    path: filePath,
  };
}

/** node:fs, counting the reads of each path. */
function countingFs(): SettingsFs & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    existsSync: fs.existsSync,
    renameSync: fs.renameSync,
    readFileSync: ((path: fs.PathOrFileDescriptor, options?: unknown) => {
      reads.push(String(path));
      return fs.readFileSync(path, options as BufferEncoding);
    }) as SettingsFs['readFileSync'],
    writeFileSync: fs.writeFileSync,
    unlinkSync: fs.unlinkSync,
    statSync: fs.statSync,
    accessSync: fs.accessSync,
  };
}

describe('openSettingsStore: files the store library would mishandle', () => {
  it.each([['[]'], ['"settings"'], ['3.5'], ['null'], ['true']])(
    'moves aside %s (JSON, not an object) before the store sees it',
    (content) => {
      writeFileSync(filePath, content);
      const createStore = vi.fn(() => lenientStore(filePath));
      const { store, notice } = openSettingsStore({ createStore, filePath, now: () => NOW });
      expect(readFileSync(join(dir, BACKUP_NAME), 'utf8')).toBe(content);
      expect(store.store).toEqual(defaultSettings());
      expect(notice?.message).toMatch(/instead of settings/);
      expect(notice?.message).toContain(join(dir, BACKUP_NAME));
      expect(createStore).toHaveBeenCalledTimes(1);
    },
  );

  it('refuses a file over the size limit without reading it: renamed, defaults, notice', () => {
    writeFileSync(filePath, '');
    truncateSync(filePath, 50 * 1024 * 1024);
    const counting = countingFs();
    const { store, notice } = openSettingsStore({
      createStore: () => lenientStore(filePath),
      filePath,
      now: () => NOW,
      fs: counting,
    });
    expect(counting.reads).toEqual([]);
    const moved = join(dir, 'settings.too-large-2026-11-25T20-15-03.json');
    expect(statSync(moved).size).toBe(50 * 1024 * 1024);
    expect(store.store).toEqual(defaultSettings());
    expect(notice?.message).toMatch(/too large.*50\.0 MB.*1\.0 MB/);
    expect(notice?.message).toContain(moved);
  });

  it('the limit is an option: a file just at it is read, one byte more is not', () => {
    const text = JSON.stringify(defaultSettings());
    writeFileSync(filePath, text);
    const at = openSettingsStore({
      createStore: () => lenientStore(filePath),
      filePath,
      now: () => NOW,
      maxBytes: Buffer.byteLength(text),
    });
    expect(at.notice).toBeNull();
    const over = openSettingsStore({
      createStore: () => lenientStore(filePath),
      filePath,
      now: () => NOW,
      maxBytes: Buffer.byteLength(text) - 1,
    });
    expect(over.notice?.message).toMatch(/too large/);
  });

  it('backs up a file the store accepts but repair does not, and names every field', () => {
    const original = JSON.stringify({
      ...defaultSettings(),
      lists: [{ id: 'l1', name: 'Mine', symbols: ['IBM', 'ibm'] }],
      window: { displayId: 1e300, docked: true, x: null, y: null },
    });
    writeFileSync(filePath, original);
    const { store, notice } = openSettingsStore({
      createStore: () => lenientStore(filePath),
      filePath,
      now: () => NOW,
    });
    expect(readFileSync(join(dir, BACKUP_NAME), 'utf8')).toBe(original);
    expect((store.store as SavedSettings).lists[0]?.symbols).toEqual(['IBM']);
    expect(notice?.message).toContain('lists[0].symbols, window.displayId');
    expect(notice?.message).toContain(join(dir, BACKUP_NAME));
  });

  it('opens a file from a newer Ticker without the store library, and refuses every write', () => {
    const newer = JSON.stringify({
      ...defaultSettings(),
      version: 9,
      lists: [{ id: 'l1', name: 'Mine', symbols: ['IBM'], colour: 'red' }],
    });
    writeFileSync(filePath, newer);
    const createStore = vi.fn(() => lenientStore(filePath));
    const { store, notice } = openSettingsStore({ createStore, filePath, now: () => NOW });
    expect(createStore).not.toHaveBeenCalled();
    expect(notice).toBeNull();
    expect(store.writeRefusal?.()).toMatch(/newer version of Ticker \(settings version 9/);
    expect((store.store as SavedSettings).lists[0]?.symbols).toEqual(['IBM']);
    expect(() => {
      store.store = defaultSettings();
    }).toThrow(SettingsWriteRefused);
    expect(readFileSync(filePath, 'utf8')).toBe(newer);
  });

  it('guards every write of an opened store against a read-only file', () => {
    const { store } = openSettingsStore({ createStore: () => lenientStore(filePath), filePath, now: () => NOW });
    expect(store.writeRefusal?.()).toBeNull();
    const before = readFileSync(filePath, 'utf8');
    chmodSync(filePath, 0o444);
    expect(store.writeRefusal?.()).toBe(`the settings file ${filePath} is read-only`);
    expect(() => {
      store.store = { ...defaultSettings(), shownListId: 'l9' };
    }).toThrow(SettingsWriteRefused);
    expect(readFileSync(filePath, 'utf8')).toBe(before);
    chmodSync(filePath, 0o644);
  });
});

describe('readOnlyReason', () => {
  const denied = (path: fs.PathLike): void => {
    if (String(path) === dir) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
  };

  it('a writable file in a writable folder: none', () => {
    writeFileSync(filePath, '{}');
    expect(readOnlyReason(filePath, fs)).toBeNull();
  });

  it('a folder the user cannot write (access refused, as for a non-root user): its reason', () => {
    writeFileSync(filePath, '{}');
    expect(readOnlyReason(filePath, { statSync: fs.statSync, accessSync: denied })).toBe(
      `the settings folder ${dir} is not writable (EACCES)`,
    );
  });

  it('a folder without write bits counts on POSIX but not on Windows (where that flag means nothing for folders)', () => {
    const readOnlyFolder = {
      statSync: (path: fs.PathLike) => (String(path) === dir ? { mode: 0o40555 } : fs.statSync(path)),
      accessSync: fs.accessSync,
    } as unknown as Pick<SettingsFs, 'statSync' | 'accessSync'>;
    expect(readOnlyReason(filePath, readOnlyFolder, 'linux')).toBe(`the settings folder ${dir} is read-only`);
    expect(readOnlyReason(filePath, readOnlyFolder, 'win32')).toBeNull();
  });
});
