/**
 * Field-level repair of a settings object read from disk: every field that is valid is kept, every
 * field that is present but invalid is reset to its default and named in `problems`. A missing field
 * takes its default silently (that is how new settings arrive after an update).
 */
import { ALERT_LIMITS, alertRuleProblem, copyAlertRule, type AlertRule } from '../../shared/alert-rules';
import { DEFAULT_MAX_SYMBOLS, normalizeSymbol } from '../../shared/symbols';
import type { Preferences, WindowState } from '../../shared/types';
import { DEFAULT_PREFERENCES, isPlainDataObject, PREFERENCE_KEYS, preferenceProblem } from '../../shared/preference-rules';
import {
  BASE64_PATTERN,
  DEFAULT_SYMBOLS,
  DEFAULT_WINDOW_STATE,
  MAX_SAVED_KEY_DATA,
  MAX_WINDOW_COORDINATE,
  SETTINGS_VERSION,
  type SavedApiKey,
  type SavedSettings,
} from './schema';

export interface RepairResult {
  settings: SavedSettings;
  /** Paths of the fields that were invalid and reset, e.g. "preferences.height". */
  problems: string[];
}

function repairSymbols(raw: unknown, maxSymbols: number, problems: string[]): string[] {
  if (raw === undefined) return [...DEFAULT_SYMBOLS];
  if (!Array.isArray(raw)) {
    problems.push('symbols');
    return [...DEFAULT_SYMBOLS];
  }
  const kept: string[] = [];
  let dropped = false;
  for (const item of raw) {
    const symbol = normalizeSymbol(item);
    if (symbol === null || kept.includes(symbol) || kept.length >= maxSymbols) dropped = true;
    else kept.push(symbol);
  }
  if (dropped) problems.push('symbols');
  return kept;
}

function repairPreferences(raw: unknown, problems: string[]): Preferences {
  const preferences: Preferences = { ...DEFAULT_PREFERENCES };
  if (raw === undefined) return preferences;
  if (!isPlainDataObject(raw)) {
    problems.push('preferences');
    return preferences;
  }
  const target = preferences as unknown as Record<string, unknown>;
  for (const key of PREFERENCE_KEYS) {
    if (!Object.hasOwn(raw, key)) continue;
    const value = raw[key];
    if (preferenceProblem(key, value) === null) target[key] = value;
    else problems.push(`preferences.${key}`);
  }
  return preferences;
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
      return value === null || (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_WINDOW_COORDINATE)
        ? null
        : `"${key}" must be a finite coordinate or null`;
  }
}

function repairWindow(raw: unknown, problems: string[]): WindowState {
  const state: WindowState = { ...DEFAULT_WINDOW_STATE };
  if (raw === undefined) return state;
  if (!isPlainDataObject(raw)) {
    problems.push('window');
    return state;
  }
  const target = state as unknown as Record<string, unknown>;
  for (const key of WINDOW_KEYS) {
    if (!Object.hasOwn(raw, key)) continue;
    const value = raw[key];
    if (windowFieldProblem(key, value) === null) target[key] = value;
    else problems.push(`window.${key}`);
  }
  return state;
}

export function isSavedApiKey(raw: unknown): raw is SavedApiKey {
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
  const settings: SavedSettings = {
    version: repairVersion(raw.version, problems),
    symbols: repairSymbols(raw.symbols, maxSymbols, problems),
    preferences: repairPreferences(raw.preferences, problems),
    window: repairWindow(raw.window, problems),
    apiKey: repairApiKey(raw.apiKey, problems),
    alerts: repairAlerts(raw.alerts, problems),
  };
  return { settings, problems };
}

/** `repairSettings` in the shape openSettingsStore's `repair` option takes. */
export function salvageSettings(raw: unknown, maxSymbols: number = DEFAULT_MAX_SYMBOLS): { value: Record<string, unknown>; problems: string[] } | null {
  const repaired = repairSettings(raw, maxSymbols);
  return repaired && { value: repaired.settings, problems: repaired.problems };
}
