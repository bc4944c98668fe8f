/**
 * Open the settings store without ever crashing and without ever losing settings silently. The raw
 * file is checked before the store library sees it (the library turns a file that is not an object
 * into defaults and rewrites it): a file too large to be settings, one that is not a JSON object, or
 * one with invalid values is kept as a dated backup, what can be salvaged field by field is kept,
 * and the user gets a notice saying where the backup is. A repair is crash-safe: the backup is made
 * beside the file (a hard link, else a copy) and the repaired file replaces the original in one
 * rename, so at every moment either the original or the repaired file is in place. The repaired
 * file keeps the original's mode (0600 for a new one) and a symlinked settings file stays a symlink.
 * A read-only file (or folder) is never replaced: the repaired settings apply until Ticker quits. A
 * file from a newer Ticker is used but never written. Transient file-system refusals (antivirus or
 * indexers on Windows: EPERM, EBUSY, EACCES) are retried.
 */
import * as nodeFs from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { isPlainDataObject } from '../../shared/preference-rules';
import type { Notice } from '../../shared/types';
import { createMemoryStore, frozenStore, guardedStore, type KeyValueStore } from './key-value-store';
import { newerSettingsReason } from './newer-settings';
import { salvageSettings } from './repair-settings';
import { defaultSettings, MAX_SETTINGS_FILE_BYTES } from './schema';
import { replaceFileContents, type ReplaceFs } from './settings-file';

/** The file-system calls this module makes (node:fs satisfies it; tests inject failures). */
export type SettingsFs = Pick<
  typeof nodeFs,
  'existsSync' | 'renameSync' | 'readFileSync' | 'writeFileSync' | 'unlinkSync' | 'statSync' | 'accessSync'
> &
  Partial<Pick<typeof nodeFs, 'linkSync' | 'copyFileSync' | 'chmodSync' | 'realpathSync'>>;

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
  /** Why a parsed file comes from a newer Ticker, or null (default: newerSettingsReason; null: never). */
  newer?: ((raw: Record<string, unknown>) => string | null) | null;
  /** Files larger than this are refused unread (default MAX_SETTINGS_FILE_BYTES). */
  maxBytes?: number;
  /** Decides whether folder permission bits count (Windows folders' read-only flag means nothing). */
  platform?: NodeJS.Platform;
}

export interface OpenedSettingsStore {
  store: KeyValueStore;
  notice: Notice | null;
}

const TRANSIENT_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);

function isTransientFsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && TRANSIENT_CODES.has(code);
}

function blockingSleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Run `action`, retrying transient file-system errors a few times with short, growing delays. */
function withFsRetry<T>(action: () => T, options: RetryOptions = {}): T {
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

/** `<dir>/settings.<label>-<stamp>.json`, with `-2`, `-3`… when that name is taken. */
export function backupPathFor(
  filePath: string,
  epochMs: number,
  exists: (path: string) => boolean,
  label = 'corrupt',
): string {
  const extension = extname(filePath) || '.json';
  const stem = basename(filePath, extname(filePath));
  const base = join(dirname(filePath), `${stem}.${label}-${backupStamp(epochMs)}`);
  let candidate = `${base}${extension}`;
  for (let n = 2; exists(candidate); n += 1) candidate = `${base}-${n}${extension}`;
  return candidate;
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown error';
}

const WRITE_REFUSED_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * Why the settings file (or, before it exists, its folder) cannot be written, or null. Permission
 * bits count even for root, who could write anyway: a file the user made read-only is the user's
 * wish that it is not changed.
 */
export function readOnlyReason(
  filePath: string,
  fs: Pick<SettingsFs, 'statSync' | 'accessSync'>,
  platform: NodeJS.Platform = process.platform,
): string | null {
  const checks: [string, string, boolean][] = [
    [filePath, 'the settings file', true],
    [dirname(filePath), 'the settings folder', platform !== 'win32'],
  ];
  for (const [path, what, bitsCount] of checks) {
    let mode: number;
    try {
      mode = fs.statSync(path).mode;
    } catch {
      continue;
    }
    if (bitsCount && (mode & 0o222) === 0) return `${what} ${path} is read-only`;
    try {
      fs.accessSync(path, nodeFs.constants.W_OK);
    } catch (error) {
      if (WRITE_REFUSED_CODES.has(describe(error))) return `${what} ${path} is not writable (${describe(error)})`;
    }
  }
  return null;
}

/** What a JSON value that is not an object is, in words. */
function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'a piece of text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return `the value ${String(value)}`;
  return 'something else';
}

/** `1.2 MB`: file sizes in notices. */
function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

type Inspected =
  | { kind: 'absent' }
  | { kind: 'oversized'; bytes: number }
  | { kind: 'parsed'; raw: unknown }
  /** Unreadable, or not JSON: the store's own open decides (and refuses a broken file). */
  | { kind: 'unknown' };

/** What opening the store needs, with the deps' defaults filled in, and the ways it can end. */
function storeOpener(deps: OpenSettingsStoreDeps) {
  const fs = deps.fs ?? nodeFs;
  const retry: RetryOptions = {
    ...(deps.retries !== undefined ? { retries: deps.retries } : {}),
    ...(deps.delayMs ? { delayMs: deps.delayMs } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
  };
  const repair = deps.repair === undefined ? salvageSettings : deps.repair;
  const newer = deps.newer === undefined ? newerSettingsReason : deps.newer;
  const maxBytes = deps.maxBytes ?? MAX_SETTINGS_FILE_BYTES;
  const notice = (level: Notice['level'], message: string): Notice => ({ level, message, at: deps.now() });
  const refusal = (): string | null => readOnlyReason(deps.filePath, fs, deps.platform);
  const create = (): KeyValueStore => guardedStore(retryingStore(withFsRetry(deps.createStore, retry), retry), refusal);
  const inMemory = (why: string): OpenedSettingsStore => ({
    store: createMemoryStore(deps.filePath),
    notice: notice(
      'error',
      `Ticker could not open its settings file (${why}) at ${deps.filePath}. Changes will not be saved until Ticker restarts.`,
    ),
  });
  const replaceFs: ReplaceFs = {
    writeFileSync: fs.writeFileSync,
    renameSync: fs.renameSync,
    unlinkSync: fs.unlinkSync,
    statSync: fs.statSync,
    chmodSync: fs.chmodSync ?? nodeFs.chmodSync,
    realpathSync: fs.realpathSync ?? nodeFs.realpathSync,
  };
  /** The file the settings path leads to (a symlink's target: the link itself stays). */
  const target = (): string => {
    try {
      return replaceFs.realpathSync(deps.filePath);
    } catch {
      return deps.filePath;
    }
  };
  /**
   * Keep the file as it is as a dated backup, the file itself left in place (a hard link: nothing is
   * read or copied; a copy where links are not possible): the backup's path, or why it failed.
   */
  const backUp = (label?: string): { backupPath: string } | { failed: string } => {
    try {
      const backupPath = backupPathFor(deps.filePath, deps.now(), (path) => fs.existsSync(path), label);
      const original = target();
      try {
        withFsRetry(() => (fs.linkSync ?? nodeFs.linkSync)(original, backupPath), retry);
      } catch {
        withFsRetry(
          () => (fs.copyFileSync ?? nodeFs.copyFileSync)(original, backupPath, nodeFs.constants.COPYFILE_EXCL),
          retry,
        );
      }
      return { backupPath };
    } catch (error) {
      console.error('[settings] could not back up the settings file:', error);
      return { failed: describe(error) };
    }
  };
  /** Replace the file's contents in one rename, keeping its mode and a symlink. */
  const replace = (value: Record<string, unknown>): void => {
    withFsRetry(() => replaceFileContents(target(), JSON.stringify(value, null, '\t'), replaceFs), retry);
  };
  /** Fresh defaults in place of the file (it was backed up first). */
  const fresh = (message: string): OpenedSettingsStore => {
    try {
      if (fs.existsSync(deps.filePath)) replace(defaultSettings());
      return { store: create(), notice: notice('warning', message) };
    } catch (error) {
      console.error('[settings] could not create fresh settings:', error);
      return inMemory(describe(error));
    }
  };
  /** Write what was salvaged in place of the backed-up file and open it; null when even that is refused. */
  const openSalvaged = (
    salvaged: { value: Record<string, unknown>; problems: string[] },
    backupPath: string,
  ): OpenedSettingsStore | null => {
    try {
      replace(salvaged.value);
    } catch (error) {
      console.error('[settings] could not write the repaired settings:', error);
      return inMemory(describe(error));
    }
    try {
      const store = create();
      return {
        store,
        notice: notice('warning', `${salvagedWords(salvaged.problems)} The original file was saved as ${backupPath}.`),
      };
    } catch (error) {
      console.error('[settings] the repaired settings were refused too:', error);
      return null;
    }
  };
  /** A file that must be repaired but may not be written: the repair applies until Ticker quits. */
  const readOnlyRepair = (value: Record<string, unknown>, what: string, reason: string): OpenedSettingsStore => ({
    store: frozenStore(value, deps.filePath, reason),
    notice: notice(
      'warning',
      `${what} Your settings file is left as it is, because ${reason}; the repaired settings apply until Ticker quits.`,
    ),
  });

  return { fs, retry, repair, newer, maxBytes, refusal, create, inMemory, backUp, fresh, openSalvaged, readOnlyRepair };
}

type StoreOpener = ReturnType<typeof storeOpener>;

/**
 * Open what inspecting the file found: an oversized file, one that is not an object, one from a newer
 * Ticker, or one with invalid values. Null when the store library may open the file itself.
 */
function openInspected(
  deps: OpenSettingsStoreDeps,
  opener: StoreOpener,
  inspected: Inspected,
  readOnly: string | null,
): OpenedSettingsStore | null {
  const { backUp, fresh, inMemory, openSalvaged, readOnlyRepair, maxBytes, newer, repair } = opener;
  if (inspected.kind === 'oversized') {
    if (readOnly !== null)
      return readOnlyRepair(
        {},
        `Your settings file is too large to be Ticker's settings (${megabytes(inspected.bytes)}), so Ticker started with default settings without reading it.`,
        readOnly,
      );
    const moved = backUp('too-large');
    if ('failed' in moved) return inMemory(`it is too large, and could not be moved aside: ${moved.failed}`);
    const { backupPath } = moved;
    return fresh(
      `Your settings file was too large to be Ticker's settings (${megabytes(inspected.bytes)}; the limit is ${megabytes(maxBytes)}), so Ticker started with default settings without reading it. It was saved as ${backupPath}.`,
    );
  }
  if (inspected.kind === 'parsed') {
    const { raw } = inspected;
    if (!isPlainDataObject(raw)) {
      if (readOnly !== null)
        return readOnlyRepair({}, `Your settings file holds ${jsonKind(raw)} instead of settings.`, readOnly);
      const moved = backUp();
      if ('failed' in moved) return inMemory(moved.failed);
      return fresh(
        `Your settings file held ${jsonKind(raw)} instead of settings, so Ticker started with default settings. The file was saved as ${moved.backupPath}.`,
      );
    }
    const newerReason = newer ? newer(raw) : null;
    // Used as far as it is understood, never written: the service tells the user once.
    if (newerReason !== null) return { store: frozenStore(raw, deps.filePath, newerReason), notice: null };
    const salvaged = salvage(raw, repair);
    if (salvaged && salvaged.problems.length > 0) {
      if (readOnly !== null) return readOnlyRepair(salvaged.value, salvagedWords(salvaged.problems), readOnly);
      const moved = backUp();
      if ('failed' in moved) return inMemory(moved.failed);
      return openSalvaged(salvaged, moved.backupPath) ?? fresh(damagedMessage(moved.backupPath));
    }
  }
  return null;
}

/** The store library refused the file (`firstError`): keep what can be salvaged, with a backup. */
function openRefused(
  deps: OpenSettingsStoreDeps,
  opener: StoreOpener,
  firstError: unknown,
  readOnly: string | null,
): OpenedSettingsStore {
  const { fs, retry, repair, backUp, fresh, inMemory, openSalvaged, readOnlyRepair } = opener;
  console.error('[settings] could not open the settings store:', firstError);

  // Still refused after retries, or the file is not there: not a damaged file, so nothing to back up.
  if (isTransientFsError(firstError) || !fs.existsSync(deps.filePath)) return inMemory(describe(firstError));

  let text: string | null;
  try {
    text = withFsRetry(() => fs.readFileSync(deps.filePath, 'utf8'), retry);
  } catch {
    text = null;
  }

  // Salvage the fields that are still good, when the file is at least JSON.
  if (readOnly !== null) {
    const salvagedReadOnly = text === null ? null : salvage(parseJson(text), repair);
    return readOnlyRepair(salvagedReadOnly?.value ?? {}, 'Your settings file is damaged.', readOnly);
  }
  const moved = backUp();
  if ('failed' in moved) return inMemory(moved.failed);

  const salvaged = text === null ? null : salvage(parseJson(text), repair);
  return (salvaged && openSalvaged(salvaged, moved.backupPath)) ?? fresh(damagedMessage(moved.backupPath));
}

export function openSettingsStore(deps: OpenSettingsStoreDeps): OpenedSettingsStore {
  const opener = storeOpener(deps);
  // Look at the file before the store library does.
  const inspected = inspect(deps.filePath, opener.fs, opener.maxBytes, opener.retry);
  const readOnly = inspected.kind === 'absent' ? null : opener.refusal();
  const repaired = openInspected(deps, opener, inspected, readOnly);
  if (repaired !== null) return repaired;
  try {
    return { store: opener.create(), notice: null };
  } catch (error) {
    return openRefused(deps, opener, error, readOnly);
  }
}

function salvagedWords(problems: readonly string[]): string {
  return problems.length > 0
    ? `Some of your settings were invalid (${problems.join(', ')}): invalid entries were removed and invalid values reset to their defaults; the rest were kept.`
    : 'Your settings file had entries Ticker could not use; they were removed and the rest were kept.';
}

function damagedMessage(backupPath: string): string {
  return `Your settings file was damaged, so Ticker started with default settings. A backup of the damaged file was saved as ${backupPath}.`;
}

function inspect(filePath: string, fs: SettingsFs, maxBytes: number, retry: RetryOptions): Inspected {
  let bytes: number;
  try {
    bytes = withFsRetry(() => fs.statSync(filePath).size, retry);
  } catch {
    return fs.existsSync(filePath) ? { kind: 'unknown' } : { kind: 'absent' };
  }
  if (bytes > maxBytes) return { kind: 'oversized', bytes };
  let text: string;
  try {
    text = withFsRetry(() => fs.readFileSync(filePath, 'utf8'), retry);
  } catch {
    return { kind: 'unknown' };
  }
  const raw = parseJson(text);
  return raw === NOT_JSON ? { kind: 'unknown' } : { kind: 'parsed', raw };
}

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    return NOT_JSON;
  }
}

function salvage(
  raw: unknown,
  repair: OpenSettingsStoreDeps['repair'],
): { value: Record<string, unknown>; problems: string[] } | null {
  if (!repair || raw === NOT_JSON) return null;
  try {
    return repair(raw);
  } catch {
    return null;
  }
}

/** The settings file inside a directory (electron-store's name 'settings' with its .json extension). */
export function settingsFilePath(directory: string): string {
  return join(directory, 'settings.json');
}
