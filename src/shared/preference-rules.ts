/**
 * The one description of every preference: its kind, its range and its default. The JSON schema,
 * the load-time repair, the IPC validators, the settings window's controls, the strip's first
 * paint and the quote publisher's limits are all derived from this table, so they cannot drift.
 * Pure data and pure checks: every process imports it.
 */
import { DEFAULT_RELAY_PORT, MAX_RELAY_PORT, MIN_RELAY_PORT } from './relay-rules';
import { chartTemplateProblem, DEFAULT_CHART_URL_TEMPLATE, MAX_CHART_TEMPLATE_LENGTH } from './chart-url';
import { MAX_ACCELERATOR_LENGTH, shortcutProblem } from './accelerator';
import type { Preferences } from './types';

export type PreferenceRule =
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'number'; min: number; max: number; integer: boolean }
  | { kind: 'boolean' }
  /** An Electron display id (a non-negative safe integer) or null for the primary display. */
  | { kind: 'display-id' }
  /** An https link template with {symbol} (see chart-url.ts). */
  | { kind: 'chart-url-template'; maxLength: number }
  /** A global shortcut (see accelerator.ts), or '' for none. */
  | { kind: 'accelerator'; maxLength: number };

export const PREFERENCE_RULES = {
  position: { kind: 'enum', values: ['top', 'bottom'] },
  displayId: { kind: 'display-id' },
  height: { kind: 'number', min: 20, max: 120, integer: true },
  speed: { kind: 'number', min: 10, max: 400, integer: false },
  opacity: { kind: 'number', min: 0.3, max: 1, integer: false },
  theme: { kind: 'enum', values: ['system', 'dark', 'light', 'transparent'] },
  fontSize: { kind: 'number', min: 10, max: 32, integer: true },
  clickThrough: { kind: 'boolean' },
  alwaysOnTop: { kind: 'boolean' },
  launchAtLogin: { kind: 'boolean' },
  updateRateHz: { kind: 'number', min: 1, max: 60, integer: true },
  showSparklines: { kind: 'boolean' },
  paused: { kind: 'boolean' },
  hidden: { kind: 'boolean' },
  whenMarketsClosed: { kind: 'enum', values: ['dim', 'hide', 'show'] },
  alertSound: { kind: 'boolean' },
  relayEnabled: { kind: 'boolean' },
  relayPort: { kind: 'number', min: MIN_RELAY_PORT, max: MAX_RELAY_PORT, integer: true },
  chartUrlTemplate: { kind: 'chart-url-template', maxLength: MAX_CHART_TEMPLATE_LENGTH },
  shortcutToggleStrips: { kind: 'accelerator', maxLength: MAX_ACCELERATOR_LENGTH },
  shortcutPause: { kind: 'accelerator', maxLength: MAX_ACCELERATOR_LENGTH },
  shortcutPrivacy: { kind: 'accelerator', maxLength: MAX_ACCELERATOR_LENGTH },
  fullScreenApps: { kind: 'enum', values: ['stay-above', 'step-aside'] },
  privacy: { kind: 'boolean' },
  showPositionFigures: { kind: 'boolean' },
  economy: { kind: 'enum', values: ['never', 'on-battery', 'always'] },
  scrollStyle: { kind: 'enum', values: ['scroll', 'glide'] },
  economyStyle: { kind: 'enum', values: ['pages', 'glide'] },
  companyNames: { kind: 'enum', values: ['off', 'short', 'full'] },
  headlines: { kind: 'enum', values: ['off', 'strip'] },
  sortOrder: { kind: 'enum', values: ['list', 'change-up', 'change-down', 'name'] },
  checkForUpdates: { kind: 'boolean' },
} as const satisfies { [K in keyof Preferences]: PreferenceRule };

export type PreferenceKey = keyof Preferences;

/**
 * Preferences that open a port or start a program when switched on: an import never switches them
 * on unless the user confirms it (the settings window asks; the command line needs a flag). Each
 * with the words that say what switching it on does.
 */
export const SWITCH_ON_NEEDS_CONFIRMING: Readonly<Partial<Record<PreferenceKey, string>>> = {
  relayEnabled: 'the relay (it opens a local port for other programs)',
  launchAtLogin: 'launch at login (it starts Ticker when you log in)',
};

/** Whether setting `key` from `before` to `after` switches on something that needs confirming. */
export function switchesOnUnconfirmed(key: PreferenceKey, before: unknown, after: unknown): boolean {
  return Object.hasOwn(SWITCH_ON_NEEDS_CONFIRMING, key) && after === true && before !== true;
}

/** The numeric preferences, i.e. those a slider or a list of numbers sets. */
export type NumberPreferenceKey = {
  [K in PreferenceKey]: (typeof PREFERENCE_RULES)[K] extends { kind: 'number' } ? K : never;
}[PreferenceKey];

/** The preferences with a fixed set of string values. */
export type EnumPreferenceKey = {
  [K in PreferenceKey]: (typeof PREFERENCE_RULES)[K] extends { kind: 'enum' } ? K : never;
}[PreferenceKey];

/** The on/off preferences. */
export type BooleanPreferenceKey = {
  [K in PreferenceKey]: (typeof PREFERENCE_RULES)[K] extends { kind: 'boolean' } ? K : never;
}[PreferenceKey];

/** The values an enum preference allows, as a literal union (e.g. 'top' | 'bottom'). */
export type EnumValue<K extends EnumPreferenceKey> = (typeof PREFERENCE_RULES)[K]['values'][number];

/**
 * The update rates the settings window offers, a readable subset of the updateRateHz range
 * (a rate saved outside this list is still shown and kept).
 */
export const UPDATE_RATE_CHOICES: readonly number[] = Object.freeze([1, 2, 4, 8, 10, 20]);

export const PREFERENCE_KEYS = Object.keys(PREFERENCE_RULES) as PreferenceKey[];

export const DEFAULT_PREFERENCES: Readonly<Preferences> = Object.freeze({
  position: 'top',
  displayId: null,
  height: 32,
  speed: 60,
  opacity: 1,
  theme: 'system',
  fontSize: 14,
  clickThrough: false,
  alwaysOnTop: true,
  launchAtLogin: false,
  updateRateHz: 10,
  showSparklines: true,
  paused: false,
  hidden: false,
  whenMarketsClosed: 'dim',
  alertSound: true,
  relayEnabled: false,
  relayPort: DEFAULT_RELAY_PORT,
  chartUrlTemplate: DEFAULT_CHART_URL_TEMPLATE,
  shortcutToggleStrips: 'CommandOrControl+Alt+T',
  shortcutPause: 'CommandOrControl+Alt+P',
  shortcutPrivacy: 'CommandOrControl+Alt+M',
  fullScreenApps: 'stay-above',
  privacy: false,
  showPositionFigures: false,
  economy: 'on-battery',
  scrollStyle: 'scroll',
  economyStyle: 'pages',
  companyNames: 'off',
  headlines: 'off',
  sortOrder: 'list',
  checkForUpdates: true,
});

const RULES: Readonly<Record<string, PreferenceRule>> = PREFERENCE_RULES;

export function isPreferenceKey(key: string): key is PreferenceKey {
  return Object.hasOwn(RULES, key);
}

/** Why `value` is not acceptable for `key`, or null when it is. */
export function preferenceProblem(key: PreferenceKey, value: unknown): string | null {
  const rule = RULES[key];
  if (!rule) return `"${key}" is not a preference`;
  switch (rule.kind) {
    case 'enum':
      return typeof value === 'string' && rule.values.includes(value)
        ? null
        : `"${key}" must be one of ${rule.values.join(', ')}`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `"${key}" must be true or false`;
    case 'chart-url-template': {
      const problem = chartTemplateProblem(value);
      return problem === null ? null : `${problem}`;
    }
    case 'accelerator': {
      const problem = shortcutProblem(value);
      return problem === null ? null : `"${key}": ${problem}`;
    }
    case 'display-id':
      return value === null || (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
        ? null
        : `"${key}" must be a display id (a whole number) or null`;
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `"${key}" must be a finite number`;
      if (rule.integer && !Number.isInteger(value)) return `"${key}" must be a whole number`;
      if (value < rule.min || value > rule.max) return `"${key}" must be between ${rule.min} and ${rule.max}`;
      return null;
    }
  }
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A plain data object: Object.prototype or null prototype, no symbol keys, no getters. */
export function isPlainDataObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  if (Object.getOwnPropertySymbols(value).length > 0) return false;
  for (const name of Object.getOwnPropertyNames(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, name);
    if (!descriptor || !('value' in descriptor) || !descriptor.enumerable) return false;
  }
  return true;
}

export type PatchCheck = { ok: true; value: Partial<Preferences> } | { ok: false; message: string };

/**
 * Check a preference patch from anywhere (IPC, tray, core): a plain object with only known keys,
 * each with a valid value. Returns a fresh object holding just those keys.
 */
export function checkPreferencePatch(raw: unknown): PatchCheck {
  if (!isPlainDataObject(raw)) return { ok: false, message: 'Preferences must be a plain object' };
  const names = Object.getOwnPropertyNames(raw);
  if (names.length > PREFERENCE_KEYS.length) return { ok: false, message: 'Too many preference fields' };
  const out: Record<string, unknown> = {};
  for (const name of names) {
    if (FORBIDDEN_KEYS.has(name)) return { ok: false, message: `"${name}" is not allowed in preferences` };
    if (!isPreferenceKey(name)) return { ok: false, message: `Unknown preference "${name.slice(0, 40)}"` };
    const value = raw[name];
    const problem = preferenceProblem(name, value);
    if (problem) return { ok: false, message: problem };
    out[name] = value;
  }
  return { ok: true, value: out as Partial<Preferences> };
}
