/**
 * The settings export file: watch lists and preferences as documented JSON (README, "Import and
 * export"). Never the API key, the relay token, alert rules or window positions. Parsing checks
 * everything with the same rules the settings repair and the IPC validators use, and lists every
 * problem by its field; nothing is imported unless the whole file is valid.
 */
import { isPlainDataObject, isPreferenceKey, preferenceProblem } from '../../shared/preference-rules';
import { listedProblems } from '../../shared/settings-transfer';
import { normalizeSymbol, SYMBOL_RULE_TEXT } from '../../shared/symbols';
import type { Preferences } from '../../shared/types';
import {
  cleanListName,
  listNameProblem,
  MAX_WATCH_LISTS,
  sameListName,
  type WatchList,
} from '../../shared/watch-lists';
import { MAX_SETTINGS_FILE_BYTES } from './schema';
import { CONTROL_CHARACTERS } from '../../shared/text-limits';

/** The `format` field that marks a Ticker settings export. */
const TRANSFER_FORMAT_NAME = 'ticker-settings';

/** Version of the export format (not of the settings file); raised when its fields change. */
export const TRANSFER_VERSION = 1;

/** A watch list as exported: by name (ids are Ticker's own, made on import). */
export interface TransferList {
  name: string;
  symbols: string[];
}

/** What an import brings, from a JSON export or a CSV file, checked. */
export interface TransferData {
  lists: TransferList[];
  /** The list to show on the strip, by name (one of `lists`), or null to leave it. */
  shownList: string | null;
  /** The preferences to set (the others keep their value). */
  preferences: Partial<Preferences>;
}

export type TransferParse = { ok: true; data: TransferData } | { ok: false; problems: string[] };

/** What an export holds. */
export interface TransferSource {
  lists: readonly WatchList[];
  shownListId: string;
  preferences: Preferences;
}

const TOP_LEVEL_FIELDS = ['format', 'version', 'exportedAt', 'lists', 'shownList', 'preferences'] as const;
const LIST_FIELDS = ['name', 'symbols'] as const;
/** Secrets a hand-made file might carry: refused by name, so the user knows why. */
const SECRET_FIELDS: Readonly<Record<string, string>> = {
  apiKey: 'the Finnhub key is never imported (paste it in Settings)',
  relay: 'the relay token is never imported',
};

/** The export file's text (pretty-printed, one trailing newline). */
export function formatSettingsJson(source: TransferSource, exportedAt: number): string {
  const shown = source.lists.find((list) => list.id === source.shownListId);
  const file = {
    format: TRANSFER_FORMAT_NAME,
    version: TRANSFER_VERSION,
    exportedAt: new Date(exportedAt).toISOString(),
    lists: source.lists.map((list) => ({ name: list.name, symbols: [...list.symbols] })),
    shownList: shown ? shown.name : null,
    preferences: { ...source.preferences },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Text of user input in a problem: short, and never with line breaks. */
export function quoted(value: unknown): string {
  if (typeof value !== 'string') return `(${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value})`;
  const flat = value.replace(CONTROL_CHARACTERS, ' ');
  return `"${flat.length > 40 ? `${flat.slice(0, 40)}…` : flat}"`;
}

/** A key of the file in a problem: as it is when it reads as a name, else quoted and cut short. */
function quotedKey(key: string): string {
  return /^[A-Za-z_$][\w$]{0,39}$/.test(key) ? key : quoted(key);
}

function checkSymbols(raw: unknown, path: string, maxSymbols: number, problems: string[]): string[] {
  if (!Array.isArray(raw)) {
    problems.push(`${path}: must be a list of symbols`);
    return [];
  }
  if (raw.length > maxSymbols) problems.push(`${path}: ${raw.length} symbols; a list holds at most ${maxSymbols}`);
  const symbols: string[] = [];
  raw.forEach((item: unknown, index) => {
    const symbol = normalizeSymbol(item);
    if (symbol === null)
      problems.push(`${path}[${index}]: ${quoted(item)} is not a valid symbol (${SYMBOL_RULE_TEXT})`);
    else if (symbols.includes(symbol)) problems.push(`${path}[${index}]: ${symbol} appears twice in this list`);
    else symbols.push(symbol);
  });
  return symbols;
}

function checkLists(raw: unknown, maxSymbols: number, problems: string[]): TransferList[] {
  if (!Array.isArray(raw)) {
    problems.push('lists: must be a list of watch lists');
    return [];
  }
  if (raw.length === 0) problems.push('lists: the file has no watch list');
  if (raw.length > MAX_WATCH_LISTS)
    problems.push(`lists: ${raw.length} lists; Ticker keeps at most ${MAX_WATCH_LISTS}`);
  const lists: TransferList[] = [];
  raw.forEach((item: unknown, index) => {
    const path = `lists[${index}]`;
    if (!isPlainDataObject(item)) {
      problems.push(`${path}: must be an object with a name and symbols`);
      return;
    }
    for (const key of Object.keys(item)) {
      if (!(LIST_FIELDS as readonly string[]).includes(key))
        problems.push(`${path}.${key}: not a field of a watch list`);
    }
    const nameProblem = listNameProblem(item.name);
    const name = typeof item.name === 'string' ? cleanListName(item.name) : '';
    if (nameProblem !== null) problems.push(`${path}.name: ${nameProblem}`);
    else {
      const clash = lists.findIndex((list) => sameListName(list.name, name));
      if (clash >= 0) problems.push(`${path}.name: "${name}" is also the name of lists[${clash}]`);
    }
    const symbols = checkSymbols(item.symbols, `${path}.symbols`, maxSymbols, problems);
    lists.push({ name, symbols });
  });
  return lists;
}

/** Check a set of preferences: every key known, every value within its rule. */
function checkPreferences(raw: unknown, path: string, problems: string[]): Partial<Preferences> {
  if (!isPlainDataObject(raw)) {
    problems.push(`${path}: must be an object of preferences`);
    return {};
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!isPreferenceKey(key)) {
      problems.push(`${path}.${key}: not a preference of this version of Ticker`);
      continue;
    }
    const problem = preferenceProblem(key, value);
    if (problem !== null) problems.push(`${path}.${key}: ${problem}`);
    else out[key] = value;
  }
  return out as Partial<Preferences>;
}

/** Parse and check an export file's text. */
export function parseSettingsJson(text: string, maxSymbols: number): TransferParse {
  if (text.length > MAX_SETTINGS_FILE_BYTES)
    return { ok: false, problems: [`the file is larger than ${MAX_SETTINGS_FILE_BYTES / 1024} KiB`] };
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      ok: false,
      problems: [`the file is not valid JSON (${error instanceof Error ? error.message : 'parse error'})`],
    };
  }
  if (!isPlainDataObject(raw))
    return { ok: false, problems: ['the file is not a Ticker settings export (it is not a JSON object)'] };
  if (raw.format !== TRANSFER_FORMAT_NAME) {
    return {
      ok: false,
      problems: [`format: must be "${TRANSFER_FORMAT_NAME}" (this is not a Ticker settings export)`],
    };
  }
  const problems: string[] = [];
  const version = raw.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > TRANSFER_VERSION) {
    return {
      ok: false,
      problems: [`version: ${version} is from a newer Ticker; this version reads version ${TRANSFER_VERSION}`],
    };
  }
  if (version !== TRANSFER_VERSION) problems.push(`version: must be ${TRANSFER_VERSION}`);
  for (const key of Object.keys(raw)) {
    if ((TOP_LEVEL_FIELDS as readonly string[]).includes(key)) continue;
    // Own keys only: "constructor", "toString" or "__proto__" must not find Object's own members.
    const why = Object.hasOwn(SECRET_FIELDS, key) ? SECRET_FIELDS[key] : 'not a field of a Ticker settings export';
    problems.push(`${quotedKey(key)}: ${why}`);
  }
  if (
    raw.exportedAt !== undefined &&
    (typeof raw.exportedAt !== 'string' || Number.isNaN(Date.parse(raw.exportedAt)))
  ) {
    problems.push('exportedAt: must be a date and time (ISO 8601)');
  }
  const lists = checkLists(raw.lists, maxSymbols, problems);
  let shownList: string | null = null;
  if (raw.shownList !== undefined && raw.shownList !== null) {
    const named = lists.find((list) => typeof raw.shownList === 'string' && sameListName(list.name, raw.shownList));
    if (named) shownList = named.name;
    else problems.push(`shownList: ${quoted(raw.shownList)} is not the name of a list in the file`);
  }
  const preferences = raw.preferences === undefined ? {} : checkPreferences(raw.preferences, 'preferences', problems);
  return problems.length > 0
    ? { ok: false, problems: listedProblems(problems) }
    : { ok: true, data: { lists, shownList, preferences } };
}
