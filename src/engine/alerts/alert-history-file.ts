/**
 * The history of alert firings kept across restarts: the last ALERT_LIMITS.historySize firings in one
 * small JSON file in the user-data folder, written atomically (a temporary file renamed over the old
 * one, readable by the user only). Read without trusting it: a file that is too large, not JSON or
 * not a history is dropped (the history starts empty), a firing that is not valid is dropped, and
 * each is counted. Nothing here throws: a history that cannot be read or written is no reason to stop.
 */
import * as nodeFs from 'node:fs';
import { dirname } from 'node:path';
import { ALERT_LIMITS, type AlertFiring } from '../../shared/alert-rules';
import { normalizeSymbol } from '../../shared/symbols';
import { readBoundedText } from '../files/bounded-read';

export const ALERT_HISTORY_FILE = 'alert-history.json';
/** Far above a full history (100 firings of a few hundred bytes each); a bigger file is not read. */
export const MAX_ALERT_HISTORY_BYTES = 256 * 1024;
const FORMAT_VERSION = 1;
/** Longer than any id Ticker makes or rule text it writes. */
const MAX_TEXT_LENGTH = 200;

export interface AlertHistoryStore {
  /** The saved firings, oldest first (at most the history size). */
  load(): AlertFiring[];
  save(firings: readonly AlertFiring[]): void;
}

export interface AlertHistoryDrops {
  /** Whole files dropped (too large, not JSON, not a history). */
  files: number;
  /** Single firings dropped from a file that was otherwise read. */
  firings: number;
  /** Saves that failed (the history in memory is still complete). */
  failedSaves: number;
}

const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT_LENGTH;
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** One saved firing, checked field by field; null when any field is not what Ticker writes. */
function checkFiring(raw: unknown): AlertFiring | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const item = raw as Record<string, unknown>;
  const { ruleId, rule, symbol, price, changePct, time } = item;
  if (!isText(ruleId) || !isText(rule) || !isTime(time)) return null;
  if (normalizeSymbol(symbol) !== symbol) return null;
  if (typeof price !== 'number' || !Number.isFinite(price) || price <= 0) return null;
  if (changePct !== null && (typeof changePct !== 'number' || !Number.isFinite(changePct))) return null;
  return { ruleId, rule, symbol: symbol as string, price, changePct, time };
}

/** A parsed history file: its valid firings (the newest `limit`), or null when it is not a history. */
export function parseAlertHistory(
  raw: unknown,
  limit: number = ALERT_LIMITS.historySize,
): { firings: AlertFiring[]; dropped: number } | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { version, firings } = raw as { version?: unknown; firings?: unknown };
  if (version !== FORMAT_VERSION || !Array.isArray(firings)) return null;
  const kept: AlertFiring[] = [];
  for (const item of firings) {
    const firing = checkFiring(item);
    if (firing !== null) kept.push(firing);
  }
  return { firings: kept.slice(-limit), dropped: firings.length - kept.length };
}

type AlertHistoryFs = Pick<typeof nodeFs, 'mkdirSync' | 'writeFileSync' | 'renameSync'>;

export interface AlertHistoryFileOptions {
  limit?: number;
  maxBytes?: number;
  fs?: AlertHistoryFs;
  /** Where problems are told (default: console.warn). */
  warn?: (message: string) => void;
}

/** The history in the file at `path`; `drops` counts what was dropped or not saved. */
export function alertHistoryFile(
  path: string,
  options: AlertHistoryFileOptions = {},
): AlertHistoryStore & { readonly drops: AlertHistoryDrops } {
  const limit = options.limit ?? ALERT_LIMITS.historySize;
  const maxBytes = options.maxBytes ?? MAX_ALERT_HISTORY_BYTES;
  const fs = options.fs ?? nodeFs;
  const warn = options.warn ?? ((message: string) => console.warn(`[alerts] ${message}`));
  const drops: AlertHistoryDrops = { files: 0, firings: 0, failedSaves: 0 };
  const dropFile = (why: string): AlertFiring[] => {
    drops.files += 1;
    warn(`the alert history was dropped: ${why}`);
    return [];
  };
  return {
    drops,
    load() {
      if (!nodeFs.existsSync(path)) return [];
      const read = readBoundedText(path, maxBytes);
      if (!read.ok) return dropFile(read.problem);
      let raw: unknown;
      try {
        raw = JSON.parse(read.text);
      } catch {
        return dropFile(`"${path}" is not JSON`);
      }
      const parsed = parseAlertHistory(raw, limit);
      if (parsed === null) return dropFile(`"${path}" is not an alert history`);
      if (parsed.dropped > 0) {
        drops.firings += parsed.dropped;
        warn(`${parsed.dropped} invalid firing(s) were dropped from the alert history`);
      }
      return parsed.firings;
    },
    save(firings) {
      const temporary = `${path}.${process.pid}.tmp`;
      try {
        fs.mkdirSync(dirname(path), { recursive: true });
        const text = JSON.stringify({ version: FORMAT_VERSION, firings: firings.slice(-limit) });
        fs.writeFileSync(temporary, text, { mode: 0o600 });
        fs.renameSync(temporary, path);
      } catch (error) {
        drops.failedSaves += 1;
        const code = (error as { code?: unknown } | null)?.code;
        warn(`the alert history could not be saved (${typeof code === 'string' ? code : 'unknown error'})`);
      }
    },
  };
}

/** A history kept in memory only (tests, and runs without a user-data folder). */
export function memoryAlertHistory(initial: readonly AlertFiring[] = []): AlertHistoryStore {
  let saved = initial.map((firing) => ({ ...firing }));
  return {
    load: () => saved.map((firing) => ({ ...firing })),
    save: (firings) => {
      saved = firings.map((firing) => ({ ...firing }));
    },
  };
}
