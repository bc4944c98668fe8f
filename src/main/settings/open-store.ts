/**
 * Open the settings store without ever crashing and without ever losing settings silently: a file
 * the store refuses (broken JSON, schema violation) is moved aside as a dated backup, what can be
 * salvaged field by field is kept, and the user gets a notice saying where the backup is. Transient
 * file-system refusals (antivirus or indexers on Windows: EPERM, EBUSY, EACCES) are retried.
 */
import * as nodeFs from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Notice } from '../../shared/types';
import { createMemoryStore, type KeyValueStore } from './key-value-store';
import { salvageSettings } from './repair-settings';

/** The file-system calls this module makes (node:fs satisfies it; tests inject failures). */
export type SettingsFs = Pick<typeof nodeFs, 'existsSync' | 'renameSync' | 'readFileSync' | 'writeFileSync' | 'unlinkSync'>;

export interface RetryOptions {
  /** Extra attempts after the first one (default 4). */
  retries?: number;
  /** Delay before retry n (1-based), in ms (default 25 × n). */
  delayMs?: (attempt: number) => number;
  /** Blocking sleep (startup runs before any window, so a short block is fine). */
  sleep?: (ms: number) => void;
}

export interface OpenSettingsStoreDeps extends RetryOptions {
  createStore: () => KeyValueStore;
  /** The settings file the store uses (e.g. <userData>/settings.json). */
  filePath: string;
  fs?: SettingsFs;
  now: () => number;
  /**
   * Salvage what can be kept from a parsed file the store refused. Returns the repaired object and the
   * names of the fields that were reset, or null when nothing can be salvaged. Default: the Ticker
   * settings repair (salvageSettings); null turns salvage off (always start from defaults).
   */
  repair?: ((raw: unknown) => { value: Record<string, unknown>; problems: string[] } | null) | null;
}

export interface OpenedSettingsStore {
  store: KeyValueStore;
  notice: Notice | null;
}

const TRANSIENT_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);

export function isTransientFsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && TRANSIENT_CODES.has(code);
}

function blockingSleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Run `action`, retrying transient file-system errors a few times with short, growing delays. */
export function withFsRetry<T>(action: () => T, options: RetryOptions = {}): T {
  const retries = options.retries ?? 4;
  const delayMs = options.delayMs ?? ((attempt: number) => 25 * attempt);
  const sleep = options.sleep ?? blockingSleep;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return action();
    } catch (error) {
      if (attempt >= retries || !isTransientFsError(error)) throw error;
      sleep(delayMs(attempt + 1));
    }
  }
}

/** A store whose writes retry transient file-system errors. */
export function retryingStore(store: KeyValueStore, options: RetryOptions = {}): KeyValueStore {
  return {
    get store() {
      return withFsRetry(() => store.store, options);
    },
    set store(value: Record<string, unknown>) {
      withFsRetry(() => {
        store.store = value;
      }, options);
    },
    get path() {
      return store.path;
    },
  };
}

/** `2026-11-25T20-15-03` (UTC), safe in file names on every OS. */
export function backupStamp(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace(/:/g, '-');
}

/** `<dir>/settings.corrupt-<stamp>.json`, with `-2`, `-3`… when that name is taken. */
export function backupPathFor(filePath: string, epochMs: number, exists: (path: string) => boolean): string {
  const extension = extname(filePath) || '.json';
  const stem = basename(filePath, extname(filePath));
  const base = join(dirname(filePath), `${stem}.corrupt-${backupStamp(epochMs)}`);
  let candidate = `${base}${extension}`;
  for (let n = 2; exists(candidate); n += 1) candidate = `${base}-${n}${extension}`;
  return candidate;
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown error';
}

export function openSettingsStore(deps: OpenSettingsStoreDeps): OpenedSettingsStore {
  const fs = deps.fs ?? nodeFs;
  const retry: RetryOptions = {
    ...(deps.retries !== undefined ? { retries: deps.retries } : {}),
    ...(deps.delayMs ? { delayMs: deps.delayMs } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
  };
  const notice = (level: Notice['level'], message: string): Notice => ({ level, message, at: deps.now() });
  const create = (): KeyValueStore => retryingStore(withFsRetry(deps.createStore, retry), retry);
  const inMemory = (why: string): OpenedSettingsStore => ({
    store: createMemoryStore(deps.filePath),
    notice: notice('error', `Ticker could not open its settings file (${why}) at ${deps.filePath}. Changes will not be saved until Ticker restarts.`),
  });

  let firstError: unknown;
  try {
    return { store: create(), notice: null };
  } catch (error) {
    firstError = error;
  }
  console.error('[settings] could not open the settings store:', firstError);

  // Still refused after retries, or the file is not there: not a damaged file, so nothing to back up.
  if (isTransientFsError(firstError) || !fs.existsSync(deps.filePath)) return inMemory(describe(firstError));

  let text: string | null;
  try {
    text = withFsRetry(() => fs.readFileSync(deps.filePath, 'utf8'), retry);
  } catch {
    text = null;
  }

  let backupPath: string;
  try {
    backupPath = backupPathFor(deps.filePath, deps.now(), (path) => fs.existsSync(path));
    withFsRetry(() => fs.renameSync(deps.filePath, backupPath), retry);
  } catch (error) {
    console.error('[settings] could not move the damaged settings file aside:', error);
    return inMemory(describe(error));
  }

  // Salvage the fields that are still good, when the file is at least JSON.
  const salvaged = text === null ? null : salvage(text, deps.repair === undefined ? salvageSettings : deps.repair);
  if (salvaged) {
    try {
      withFsRetry(() => fs.writeFileSync(deps.filePath, JSON.stringify(salvaged.value, null, '\t')), retry);
      const store = create();
      const what =
        salvaged.problems.length > 0
          ? `Some of your settings were invalid and were reset to their defaults (${salvaged.problems.join(', ')}); the rest were kept.`
          : 'Your settings file had entries Ticker could not use; they were removed and the rest were kept.';
      return { store, notice: notice('warning', `${what} The original file was saved as ${backupPath}.`) };
    } catch (error) {
      console.error('[settings] the repaired settings were refused too:', error);
      try {
        if (fs.existsSync(deps.filePath)) withFsRetry(() => fs.unlinkSync(deps.filePath), retry);
      } catch {
        return inMemory(describe(error));
      }
    }
  }

  try {
    return {
      store: create(),
      notice: notice(
        'warning',
        `Your settings file was damaged, so Ticker started with default settings. A backup of the damaged file was saved as ${backupPath}.`,
      ),
    };
  } catch (error) {
    console.error('[settings] could not create fresh settings:', error);
    return inMemory(describe(error));
  }
}

function salvage(text: string, repair: OpenSettingsStoreDeps['repair']): { value: Record<string, unknown>; problems: string[] } | null {
  if (!repair) return null;
  try {
    return repair(JSON.parse(text.replace(/^\uFEFF/, '')));
  } catch {
    return null;
  }
}

/** The settings file inside a directory (electron-store's name 'settings' with its .json extension). */
export function settingsFilePath(directory: string): string {
  return join(directory, 'settings.json');
}
