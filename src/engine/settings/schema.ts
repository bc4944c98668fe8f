/**
 * What Ticker saves, its defaults, and the JSON schema electron-store validates the file against.
 */
import { ALERT_LIMITS, alertRuleJsonSchema, type AlertRule } from '../../shared/alert-rules';
import { MAX_RELAY_ORIGIN_LENGTH, MAX_RELAY_ORIGINS, RELAY_TOKEN_PATTERN } from '../../shared/relay-rules';
import { DEFAULT_MAX_SYMBOLS, SYMBOL_PATTERN } from '../../shared/symbols';
import { defaultHoldings, HOLDING_LIMITS, LOT_ID_PATTERN, type Holdings } from '../../shared/portfolio/holdings';
import type { Preferences, SecondStrip, WindowState } from '../../shared/types';
import { defaultSecondStrip, SECOND_STRIP_CONTENTS } from '../../shared/second-strip';
import { DEFAULT_PREFERENCES, PREFERENCE_RULES, type PreferenceRule } from '../../shared/preference-rules';
import {
  FIRST_LIST_NAME,
  LIST_ID_PATTERN,
  MAX_LIST_NAME_LENGTH,
  MAX_WATCH_LISTS,
  type WatchList,
} from '../../shared/watch-lists';

/** 2: named watch lists (`lists`, `shownListId`) replaced the single `symbols` list of version 1. */
export const SETTINGS_VERSION = 2;

/** The API key as saved: never the plain key. */
export type SavedApiKey = {
  protection: 'encrypted' | 'obfuscated';
  /** base64 of the encrypted (or obfuscated) key. */
  data: string;
};

/** The whole settings file. A type alias (not an interface) so it is a Record<string, unknown>. */
export type SavedSettings = {
  version: number;
  lists: WatchList[];
  /** The list the strip shows (always one of `lists`). */
  shownListId: string;
  preferences: Preferences;
  window: WindowState;
  apiKey: SavedApiKey | null;
  alerts: AlertRule[];
  relay: SavedRelay;
  holdings: Holdings;
  /** The optional second strip (added without a version bump: older files get the default). */
  secondStrip: SecondStrip;
};

/** The relay's saved secrets and lists (its on/off and port are preferences). */
export type SavedRelay = {
  /** Made on first use and kept; null until then. Not the Finnhub key. */
  token: string | null;
  /** Normalised browser origins allowed besides the relay's own. */
  origins: string[];
};

export const DEFAULT_SYMBOLS: readonly string[] = Object.freeze([
  'AAPL',
  'MSFT',
  'NVDA',
  'TSLA',
  'AMZN',
  'BINANCE:BTCUSDT',
  'BINANCE:ETHUSDT',
  'OANDA:EUR_USD',
]);

export const DEFAULT_WINDOW_STATE: Readonly<WindowState> = Object.freeze({
  displayId: null,
  docked: true,
  x: null,
  y: null,
});

/** Window coordinates beyond this are nonsense (no desktop is a million pixels wide). */
export const MAX_WINDOW_COORDINATE = 1_000_000;

/** The longest base64 blob we accept for a saved key (a 128-char key encrypted is far below). */
export const MAX_SAVED_KEY_DATA = 4096;

/**
 * The largest settings file (or settings export) Ticker reads. Valid settings at every limit (every
 * list full of the longest symbols, every alert rule) stay far below it; a bigger file is not
 * settings, and is refused by its size before any of it is read.
 */
export const MAX_SETTINGS_FILE_BYTES = 1024 * 1024;

export const BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;

export const DEFAULT_LIST_ID = 'l1';

/** The one list a new user starts with. */
export function defaultLists(): WatchList[] {
  return [{ id: DEFAULT_LIST_ID, name: FIRST_LIST_NAME, symbols: [...DEFAULT_SYMBOLS] }];
}

/** Fresh defaults (a new object each call, safe to mutate). */
export function defaultSettings(): SavedSettings {
  return {
    version: SETTINGS_VERSION,
    lists: defaultLists(),
    shownListId: DEFAULT_LIST_ID,
    preferences: { ...DEFAULT_PREFERENCES },
    window: { ...DEFAULT_WINDOW_STATE },
    apiKey: null,
    alerts: [],
    relay: { token: null, origins: [] },
    holdings: defaultHoldings(),
    secondStrip: defaultSecondStrip(DEFAULT_LIST_ID),
  };
}

export const DEFAULT_SETTINGS: Readonly<SavedSettings> = Object.freeze(defaultSettings());

/** A JSON-schema object (kept loose so this module needs no schema library types). */
export type JsonSchema = { [keyword: string]: unknown };

function ruleSchema(rule: PreferenceRule, defaultValue: unknown): JsonSchema {
  switch (rule.kind) {
    case 'enum':
      return { type: 'string', enum: [...rule.values], default: defaultValue };
    case 'boolean':
      return { type: 'boolean', default: defaultValue };
    case 'display-id':
      return { type: ['integer', 'null'], minimum: 0, default: defaultValue };
    case 'chart-url-template':
    case 'accelerator':
      return { type: 'string', maxLength: rule.maxLength, default: defaultValue };
    case 'number':
      return { type: rule.integer ? 'integer' : 'number', minimum: rule.min, maximum: rule.max, default: defaultValue };
  }
}

const nullableCoordinate: JsonSchema = {
  type: ['number', 'null'],
  minimum: -MAX_WINDOW_COORDINATE,
  maximum: MAX_WINDOW_COORDINATE,
};

/** The `schema` option for electron-store: one JSON schema per top-level key. */
export function settingsSchema(maxSymbols: number = DEFAULT_MAX_SYMBOLS): Record<keyof SavedSettings, JsonSchema> {
  const preferenceProperties = Object.fromEntries(
    Object.entries(PREFERENCE_RULES).map(([key, rule]) => [
      key,
      ruleSchema(rule, DEFAULT_PREFERENCES[key as keyof Preferences]),
    ]),
  );
  return {
    version: { type: 'integer', minimum: 1, default: SETTINGS_VERSION },
    lists: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_WATCH_LISTS,
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', pattern: LIST_ID_PATTERN.source },
          name: { type: 'string', minLength: 1, maxLength: MAX_LIST_NAME_LENGTH },
          symbols: {
            type: 'array',
            items: { type: 'string', pattern: SYMBOL_PATTERN.source },
            uniqueItems: true,
            maxItems: maxSymbols,
          },
        },
        required: ['id', 'name', 'symbols'],
        additionalProperties: false,
      },
    },
    shownListId: { type: 'string', pattern: LIST_ID_PATTERN.source },
    preferences: {
      type: 'object',
      properties: preferenceProperties,
      additionalProperties: false,
    },
    window: {
      type: 'object',
      properties: {
        displayId: { type: ['integer', 'null'], minimum: 0 },
        docked: { type: 'boolean' },
        x: nullableCoordinate,
        y: nullableCoordinate,
      },
      additionalProperties: false,
    },
    alerts: { type: 'array', items: alertRuleJsonSchema(), maxItems: ALERT_LIMITS.maxRules },
    relay: {
      type: 'object',
      properties: {
        token: { anyOf: [{ type: 'null' }, { type: 'string', pattern: RELAY_TOKEN_PATTERN.source }] },
        origins: {
          type: 'array',
          items: { type: 'string', maxLength: MAX_RELAY_ORIGIN_LENGTH },
          maxItems: MAX_RELAY_ORIGINS,
        },
      },
      additionalProperties: false,
      default: { token: null, origins: [] },
    },
    holdings: {
      type: 'object',
      properties: {
        baseCurrency: { type: 'string', pattern: '^[A-Z]{3}$' },
        lots: {
          type: 'array',
          maxItems: HOLDING_LIMITS.maxLots,
          items: {
            type: 'object',
            properties: {
              id: { type: 'string', pattern: LOT_ID_PATTERN.source },
              symbol: { type: 'string', pattern: SYMBOL_PATTERN.source },
              quantity: { type: 'string', maxLength: 40 },
              price: { type: 'string', maxLength: 40 },
              date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
              note: { type: 'string', maxLength: HOLDING_LIMITS.maxNoteLength },
            },
            required: ['id', 'symbol', 'quantity', 'price', 'date', 'note'],
            additionalProperties: false,
          },
        },
      },
      additionalProperties: false,
      default: defaultHoldings(),
    },
    secondStrip: {
      type: 'object',
      properties: {
        enabled: { type: 'boolean' },
        listId: { type: 'string', pattern: LIST_ID_PATTERN.source },
        position: ruleSchema(PREFERENCE_RULES.position, 'bottom'),
        displayId: ruleSchema(PREFERENCE_RULES.displayId, null),
        sortOrder: ruleSchema(PREFERENCE_RULES.sortOrder, 'list'),
        content: { type: 'string', enum: [...SECOND_STRIP_CONTENTS] },
      },
      additionalProperties: false,
      default: defaultSecondStrip(DEFAULT_LIST_ID),
    },
    apiKey: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          properties: {
            protection: { type: 'string', enum: ['encrypted', 'obfuscated'] },
            data: { type: 'string', pattern: BASE64_PATTERN.source, maxLength: MAX_SAVED_KEY_DATA },
          },
          required: ['protection', 'data'],
          additionalProperties: false,
        },
      ],
    },
  };
}

export const SETTINGS_SCHEMA = settingsSchema();
