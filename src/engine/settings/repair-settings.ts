/**
 * Field-level repair of a settings object read from disk: every field that is valid is kept, every
 * field that is present but invalid is reset to its default and named in `problems`. A missing field
 * takes its default silently (that is how new settings arrive after an update).
 */
import { ALERT_LIMITS, alertRuleProblem, copyAlertRule, type AlertRule } from '../../shared/alert-rules';
import { MAX_RELAY_ORIGINS, isValidRelayToken, normalizeRelayOrigin } from '../../shared/relay-rules';
import { DEFAULT_MAX_SYMBOLS, normalizeSymbol } from '../../shared/symbols';
import { baseCurrencyProblem } from '../../shared/portfolio/currency';
import {
  checkLotDraft,
  defaultHoldings,
  HOLDING_LIMITS,
  lotProblem,
  type Holdings,
  type Lot,
} from '../../shared/portfolio/holdings';
import type { Preferences, SecondStrip, WindowState } from '../../shared/types';
import { checkSecondStripPatch, defaultSecondStrip, SECOND_STRIP_KEYS } from '../../shared/second-strip';
import {
  DEFAULT_PREFERENCES,
  isPlainDataObject,
  PREFERENCE_KEYS,
  preferenceProblem,
} from '../../shared/preference-rules';
import {
  cleanListName,
  FIRST_LIST_NAME,
  isListId,
  listNameProblem,
  MAX_LIST_NAME_LENGTH,
  MAX_WATCH_LISTS,
  sameListName,
  type WatchList,
} from '../../shared/watch-lists';
import {
  BASE64_PATTERN,
  DEFAULT_LIST_ID,
  DEFAULT_SYMBOLS,
  defaultLists,
  DEFAULT_WINDOW_STATE,
  MAX_SAVED_KEY_DATA,
  MAX_WINDOW_COORDINATE,
  SETTINGS_VERSION,
  type SavedApiKey,
  type SavedSettings,
  type SavedRelay,
} from './schema';

export interface RepairResult {
  settings: SavedSettings;
  /** True when a version 1 file (one list) was turned into named lists: it must be saved back. */
  migrated: boolean;
  /** Paths of the fields that were invalid and reset, e.g. "preferences.height". */
  problems: string[];
}

/** A list's symbols: invalid and duplicate ones dropped, cut to the cap (a problem at `path`). */
function repairSymbols(raw: unknown, maxSymbols: number, path: string, problems: string[]): string[] | null {
  if (!Array.isArray(raw)) {
    problems.push(path);
    return null;
  }
  const kept: string[] = [];
  let dropped = false;
  for (const item of raw) {
    const symbol = normalizeSymbol(item);
    if (symbol === null || kept.includes(symbol) || kept.length >= maxSymbols) dropped = true;
    else kept.push(symbol);
  }
  if (dropped) problems.push(path);
  return kept;
}

/**
 * The watch lists. A list whose id or name is unusable is dropped; a duplicate name gets a number.
 * No usable list at all → the defaults.
 */
function repairLists(raw: unknown, maxSymbols: number, problems: string[]): WatchList[] {
  if (raw === undefined) return defaultLists();
  if (!Array.isArray(raw)) {
    problems.push('lists');
    return defaultLists();
  }
  const lists: WatchList[] = [];
  for (const [index, item] of raw.entries()) {
    const path = `lists[${index}]`;
    if (
      lists.length >= MAX_WATCH_LISTS ||
      !isPlainDataObject(item) ||
      !isListId(item.id) ||
      listNameProblem(item.name) !== null
    ) {
      problems.push(path);
      continue;
    }
    const id = item.id;
    if (lists.some((list) => list.id === id)) {
      problems.push(path);
      continue;
    }
    const symbols = repairSymbols(item.symbols, maxSymbols, `${path}.symbols`, problems) ?? [];
    lists.push({ id, name: uniqueName(cleanListName(item.name as string), lists), symbols });
  }
  return lists.length > 0 ? lists : defaultLists();
}

function uniqueName(name: string, lists: readonly WatchList[]): string {
  let candidate = name;
  for (let n = 2; lists.some((list) => sameListName(list.name, candidate)); n += 1)
    candidate = `${name.slice(0, MAX_LIST_NAME_LENGTH - 4)} (${n})`;
  return candidate;
}

function repairShownListId(raw: unknown, lists: readonly WatchList[], problems: string[]): string {
  const first = (lists[0] as WatchList).id;
  if (raw === undefined) return first;
  if (typeof raw === 'string' && lists.some((list) => list.id === raw)) return raw;
  problems.push('shownListId');
  return first;
}

/**
 * A version 1 file kept one list in `symbols`: it becomes the first named list, shown on the strip,
 * keeping every symbol in its order. Version 2 never writes `symbols`; electron-store merges its
 * default lists into an old file (beside its `symbols`, the file's own version 1 kept), so in a file
 * of version 1 `symbols` decides. In a newer file `lists` wins: a `symbols` there was written by an
 * older Ticker (its defaults), and is dropped as a problem, so the file is backed up and the user told.
 */
function isVersion1(raw: Record<string, unknown>): boolean {
  if (raw.symbols === undefined) return false;
  const version = raw.version;
  const newer = typeof version === 'number' && Number.isSafeInteger(version) && version >= SETTINGS_VERSION;
  return !(newer && Array.isArray(raw.lists));
}

/**
 * A saved object repaired field by field from its defaults: each valid field kept, each invalid one
 * reported as `section.key` and left at its default; anything but an object reported as `section`.
 */
function repairFields<T extends object, K extends string>(
  raw: unknown,
  defaults: T,
  keys: readonly K[],
  problemOf: (key: K, value: unknown) => string | null,
  section: string,
  problems: string[],
): T {
  const repaired: T = { ...defaults };
  if (raw === undefined) return repaired;
  if (!isPlainDataObject(raw)) {
    problems.push(section);
    return repaired;
  }
  const target = repaired as unknown as Record<string, unknown>;
  for (const key of keys) {
    if (!Object.hasOwn(raw, key)) continue;
    const value = raw[key];
    if (problemOf(key, value) === null) target[key] = value;
    else problems.push(`${section}.${key}`);
  }
  return repaired;
}

function repairPreferences(raw: unknown, problems: string[]): Preferences {
  return repairFields(raw, DEFAULT_PREFERENCES, PREFERENCE_KEYS, preferenceProblem, 'preferences', problems);
}

const WINDOW_KEYS = ['displayId', 'docked', 'x', 'y'] as const;

export type WindowKey = (typeof WINDOW_KEYS)[number];

export function isWindowKey(key: string): key is WindowKey {
  return (WINDOW_KEYS as readonly string[]).includes(key);
}

/** Why `value` is not acceptable for window-state field `key`, or null when it is. */
export function windowFieldProblem(key: WindowKey, value: unknown): string | null {
  switch (key) {
    case 'displayId':
      return value === null || (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
        ? null
        : '"displayId" must be a display id (a whole number) or null';
    case 'docked':
      return typeof value === 'boolean' ? null : '"docked" must be true or false';
    case 'x':
    case 'y':
      return value === null ||
        (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_WINDOW_COORDINATE)
        ? null
        : `"${key}" must be a finite coordinate or null`;
  }
}

function repairWindow(raw: unknown, problems: string[]): WindowState {
  return repairFields(raw, DEFAULT_WINDOW_STATE, WINDOW_KEYS, windowFieldProblem, 'window', problems);
}

function isSavedApiKey(raw: unknown): raw is SavedApiKey {
  if (!isPlainDataObject(raw)) return false;
  const { protection, data } = raw;
  return (
    (protection === 'encrypted' || protection === 'obfuscated') &&
    typeof data === 'string' &&
    data.length > 0 &&
    data.length <= MAX_SAVED_KEY_DATA &&
    BASE64_PATTERN.test(data)
  );
}

function repairApiKey(raw: unknown, problems: string[]): SavedApiKey | null {
  if (raw === undefined || raw === null) return null;
  if (isSavedApiKey(raw)) return { protection: raw.protection, data: raw.data };
  problems.push('apiKey');
  return null;
}

/** Keep every valid rule; a corrupt, duplicate or surplus rule is dropped and named (`alerts[2]`). */
function repairAlerts(raw: unknown, problems: string[]): AlertRule[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push('alerts');
    return [];
  }
  const kept: AlertRule[] = [];
  raw.forEach((item: unknown, index) => {
    if (alertRuleProblem(item) === null && kept.length < ALERT_LIMITS.maxRules) {
      const rule = item as AlertRule;
      if (!kept.some((other) => other.id === rule.id)) {
        kept.push(copyAlertRule(rule));
        return;
      }
    }
    problems.push(`alerts[${index}]`);
  });
  return kept;
}

/** The second strip: each invalid field takes its default, and a list that is gone becomes the first list. */
function repairSecondStrip(raw: unknown, lists: readonly WatchList[], problems: string[]): SecondStrip {
  const first = (lists[0] as WatchList).id;
  const repaired = defaultSecondStrip(first);
  if (raw === undefined) return repaired;
  if (!isPlainDataObject(raw)) {
    problems.push('secondStrip');
    return repaired;
  }
  const listIds = lists.map((list) => list.id);
  for (const key of SECOND_STRIP_KEYS) {
    if (!Object.hasOwn(raw, key)) continue;
    const checked = checkSecondStripPatch({ [key]: raw[key] }, listIds);
    if (checked.ok) Object.assign(repaired, checked.value);
    else problems.push(`secondStrip.${key}`);
  }
  return repaired;
}

/** A bad token is replaced later by a fresh one; bad origins are dropped and named. */
function repairRelay(raw: unknown, problems: string[]): SavedRelay {
  if (raw === undefined) return { token: null, origins: [] };
  if (!isPlainDataObject(raw)) {
    problems.push('relay');
    return { token: null, origins: [] };
  }
  let token: string | null = null;
  if (raw.token !== undefined && raw.token !== null) {
    if (isValidRelayToken(raw.token)) token = raw.token;
    else problems.push('relay.token');
  }
  const origins: string[] = [];
  if (raw.origins !== undefined) {
    if (!Array.isArray(raw.origins)) problems.push('relay.origins');
    else {
      raw.origins.forEach((item: unknown, index) => {
        const origin = normalizeRelayOrigin(item);
        if (origin !== null && !origins.includes(origin) && origins.length < MAX_RELAY_ORIGINS) origins.push(origin);
        else problems.push(`relay.origins[${index}]`);
      });
    }
  }
  return { token, origins };
}

/** Keep every valid lot; a bad base currency falls back to USD; bad or duplicate lots are dropped and named. */
function repairHoldings(raw: unknown, problems: string[]): Holdings {
  const holdings = defaultHoldings();
  if (raw === undefined) return holdings;
  if (!isPlainDataObject(raw)) {
    problems.push('holdings');
    return holdings;
  }
  if (raw.baseCurrency !== undefined) {
    if (baseCurrencyProblem(raw.baseCurrency) === null) holdings.baseCurrency = raw.baseCurrency as string;
    else problems.push('holdings.baseCurrency');
  }
  if (raw.lots === undefined) return holdings;
  if (!Array.isArray(raw.lots)) {
    problems.push('holdings.lots');
    return holdings;
  }
  raw.lots.forEach((item: unknown, index) => {
    const lot = item as Lot;
    if (
      lotProblem(item) === null &&
      holdings.lots.length < HOLDING_LIMITS.maxLots &&
      !holdings.lots.some((other) => other.id === lot.id)
    ) {
      const checked = checkLotDraft(lot);
      if (checked.ok) {
        holdings.lots.push({ id: lot.id, ...checked.value });
        return;
      }
    }
    problems.push(`holdings.lots[${index}]`);
  });
  return holdings;
}

function repairVersion(raw: unknown, problems: string[]): number {
  if (raw === undefined) return SETTINGS_VERSION;
  if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 1) return raw;
  problems.push('version');
  return SETTINGS_VERSION;
}

/**
 * Repair `raw` field by field. Returns null when `raw` is not an object at all (nothing to salvage).
 */
export function repairSettings(raw: unknown, maxSymbols: number = DEFAULT_MAX_SYMBOLS): RepairResult | null {
  if (!isPlainDataObject(raw)) return null;
  const problems: string[] = [];
  const migrated = isVersion1(raw);
  const version = repairVersion(raw.version, problems);
  let lists: WatchList[];
  if (migrated) {
    const symbols = repairSymbols(raw.symbols, maxSymbols, 'symbols', problems) ?? [...DEFAULT_SYMBOLS];
    lists = [{ id: DEFAULT_LIST_ID, name: FIRST_LIST_NAME, symbols }];
  } else {
    lists = repairLists(raw.lists, maxSymbols, problems);
    // A single list an older Ticker wrote beside the named lists: the named lists are kept.
    if (raw.symbols !== undefined) problems.push('symbols');
  }
  const settings: SavedSettings = {
    version: Math.max(version, SETTINGS_VERSION),
    lists,
    shownListId: migrated ? DEFAULT_LIST_ID : repairShownListId(raw.shownListId, lists, problems),
    preferences: repairPreferences(raw.preferences, problems),
    window: repairWindow(raw.window, problems),
    apiKey: repairApiKey(raw.apiKey, problems),
    alerts: repairAlerts(raw.alerts, problems),
    relay: repairRelay(raw.relay, problems),
    holdings: repairHoldings(raw.holdings, problems),
    secondStrip: repairSecondStrip(raw.secondStrip, lists, problems),
  };
  return { settings, problems, migrated };
}

/** `repairSettings` in the shape openSettingsStore's `repair` option takes. */
export function salvageSettings(
  raw: unknown,
  maxSymbols: number = DEFAULT_MAX_SYMBOLS,
): { value: Record<string, unknown>; problems: string[] } | null {
  const repaired = repairSettings(raw, maxSymbols);
  return repaired && { value: repaired.settings, problems: repaired.problems };
}
