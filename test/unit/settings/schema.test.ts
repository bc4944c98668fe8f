import { describe, it, expect } from 'vitest';
import { MAX_WATCH_LISTS } from '../../../src/shared/watch-lists';
import {
  DEFAULT_MAX_SYMBOLS,
  MAX_SYMBOL_LENGTH,
  SYMBOL_PATTERN,
  SYMBOL_RULE_TEXT,
  normalizeSymbol,
} from '../../../src/shared/symbols';
import {
  DEFAULT_PREFERENCES,
  PREFERENCE_KEYS,
  PREFERENCE_RULES,
  UPDATE_RATE_CHOICES,
  checkPreferencePatch,
  preferenceProblem,
} from '../../../src/shared/preference-rules';
import {
  DEFAULT_SETTINGS,
  DEFAULT_SYMBOLS,
  SETTINGS_SCHEMA,
  defaultSettings,
  settingsSchema,
} from '../../../src/engine/settings/schema';
import { repairSettings } from '../../../src/engine/settings/repair-settings';

describe('settings defaults', () => {
  it('has the documented preference defaults', () => {
    expect(DEFAULT_PREFERENCES).toEqual({
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
      relayPort: 8765,
      chartUrlTemplate: 'https://www.tradingview.com/chart/?symbol={symbol}',
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
  });

  it('starts with a valid, unique mix of stocks, crypto and forex', () => {
    expect(DEFAULT_SETTINGS.lists).toEqual([{ id: 'l1', name: 'Watch list', symbols: [...DEFAULT_SYMBOLS] }]);
    expect(DEFAULT_SETTINGS.shownListId).toBe('l1');
    expect(new Set(DEFAULT_SYMBOLS).size).toBe(DEFAULT_SYMBOLS.length);
    for (const symbol of DEFAULT_SYMBOLS) expect(symbol).toMatch(SYMBOL_PATTERN);
    expect(DEFAULT_SYMBOLS).toContain('AAPL');
    expect(DEFAULT_SYMBOLS).toContain('BINANCE:BTCUSDT');
    expect(DEFAULT_SYMBOLS).toContain('OANDA:EUR_USD');
    expect(DEFAULT_SETTINGS.apiKey).toBeNull();
    expect(DEFAULT_SETTINGS.window).toEqual({ displayId: null, docked: true, x: null, y: null });
  });

  it('passes its own repair untouched, and defaultSettings() is a fresh copy each time', () => {
    expect(repairSettings(defaultSettings())).toEqual({ settings: defaultSettings(), problems: [], migrated: false });
    const a = defaultSettings();
    a.lists[0]?.symbols.push('X');
    a.preferences.height = 99;
    expect(defaultSettings().lists[0]?.symbols).not.toContain('X');
    expect(defaultSettings().preferences.height).toBe(32);
  });

  it('describes every preference in the JSON schema with its range and default', () => {
    const preferences = SETTINGS_SCHEMA.preferences as {
      properties: Record<string, Record<string, unknown>>;
      additionalProperties: boolean;
    };
    expect(Object.keys(preferences.properties).sort()).toEqual([...PREFERENCE_KEYS].sort());
    expect(preferences.additionalProperties).toBe(false);
    expect(preferences.properties.height).toMatchObject({ type: 'integer', minimum: 20, maximum: 120, default: 32 });
    expect(preferences.properties.speed).toMatchObject({ minimum: 10, maximum: 400, default: 60 });
    expect(preferences.properties.opacity).toMatchObject({ type: 'number', minimum: 0.3, maximum: 1, default: 1 });
    expect(preferences.properties.theme).toMatchObject({
      enum: ['system', 'dark', 'light', 'transparent'],
      default: 'system',
    });
    const listSymbols = (schema: Record<string, unknown>) =>
      (schema as { items: { properties: { symbols: unknown } } }).items.properties.symbols;
    expect(listSymbols(SETTINGS_SCHEMA.lists)).toMatchObject({
      uniqueItems: true,
      maxItems: DEFAULT_MAX_SYMBOLS,
      items: { pattern: SYMBOL_PATTERN.source },
    });
    expect(listSymbols(settingsSchema(7).lists)).toMatchObject({ maxItems: 7 });
    expect(SETTINGS_SCHEMA.lists).toMatchObject({ minItems: 1, maxItems: MAX_WATCH_LISTS });
  });
});

describe('preference rules', () => {
  it('has a default for every rule that the rule itself accepts, and offers only allowed update rates', () => {
    expect(Object.keys(DEFAULT_PREFERENCES).sort()).toEqual(Object.keys(PREFERENCE_RULES).sort());
    for (const key of PREFERENCE_KEYS) expect(preferenceProblem(key, DEFAULT_PREFERENCES[key]), key).toBeNull();
    expect(UPDATE_RATE_CHOICES).toContain(DEFAULT_PREFERENCES.updateRateHz);
    for (const rate of UPDATE_RATE_CHOICES) expect(preferenceProblem('updateRateHz', rate), String(rate)).toBeNull();
  });

  it('derives the symbol pattern and its message from one length limit', () => {
    expect(SYMBOL_PATTERN.test('A'.repeat(MAX_SYMBOL_LENGTH))).toBe(true);
    expect(SYMBOL_PATTERN.test('A'.repeat(MAX_SYMBOL_LENGTH + 1))).toBe(false);
    expect(SYMBOL_RULE_TEXT).toContain(`up to ${MAX_SYMBOL_LENGTH} characters`);
    // Every punctuation mark the message names is accepted, and nothing else is.
    for (const mark of ['.', '-', '_', ':', '/', '^', '='])
      expect(normalizeSymbol(`A${mark}B`), mark).toBe(`A${mark}B`);
    for (const mark of [' ', ',', ']', '\\', '[', '*', '+']) expect(normalizeSymbol(`A${mark}B`), mark).toBeNull();
    // The JSON schema compiles the same source with the unicode flag.
    const unicode = new RegExp(SYMBOL_PATTERN.source, 'u');
    expect(unicode.test('BINANCE:BTCUSDT')).toBe(true);
    // Never a formula's start or a path step: in CSV cells and chart links alike.
    for (const symbol of ['..', '.', '=A1', '-B2', '+C3', '_X', ':X', '/X', 'A/..', 'A/./B', '^', '^^', '=', '-'])
      for (const pattern of [SYMBOL_PATTERN, unicode]) expect(pattern.test(symbol), symbol).toBe(false);
    for (const symbol of ['^GSPC', 'BRK.B', 'ES=F', 'A..B', 'A/.B', '1', 'OANDA:EUR_USD'])
      for (const pattern of [SYMBOL_PATTERN, unicode]) expect(pattern.test(symbol), symbol).toBe(true);
    expect(SYMBOL_RULE_TEXT).toContain('starting with a letter, a digit or ^');
  });

  const accepted: Array<[keyof typeof DEFAULT_PREFERENCES, unknown]> = [
    ['position', 'bottom'],
    ['displayId', null],
    ['displayId', 2779098405],
    ['height', 20],
    ['height', 120],
    ['speed', 10],
    ['speed', 400],
    ['speed', 62.5],
    ['opacity', 0.3],
    ['opacity', 1],
    ['theme', 'transparent'],
    ['fontSize', 10],
    ['fontSize', 32],
    ['updateRateHz', 1],
    ['updateRateHz', 60],
    ['clickThrough', true],
    ['hidden', false],
    ['economy', 'never'],
    ['economy', 'on-battery'],
    ['economy', 'always'],
    ['scrollStyle', 'glide'],
    ['economyStyle', 'glide'],
  ];
  it.each(accepted)('accepts %s = %s', (key, value) => {
    expect(preferenceProblem(key, value)).toBeNull();
  });

  const refused: Array<[keyof typeof DEFAULT_PREFERENCES, unknown]> = [
    ['position', 'left'],
    ['position', 'TOP'],
    ['displayId', -1],
    ['displayId', 1.5],
    ['displayId', '1'],
    ['height', 19],
    ['height', 121],
    ['height', 32.5],
    ['speed', 9.99],
    ['speed', 401],
    ['opacity', 0.29],
    ['opacity', 1.01],
    ['opacity', Number.NaN],
    ['theme', 'neon'],
    ['fontSize', 9],
    ['fontSize', 33],
    ['updateRateHz', 0],
    ['updateRateHz', 61],
    ['updateRateHz', Number.POSITIVE_INFINITY],
    ['clickThrough', 'true'],
    ['alwaysOnTop', 1],
    ['paused', null],
    ['economy', 'on battery'],
    ['economy', true],
    ['economy', 'Always'],
    ['scrollStyle', 'pages'],
    ['economyStyle', 'scroll'],
  ];
  it.each(refused)('refuses %s = %s', (key, value) => {
    expect(preferenceProblem(key, value)).toMatch(new RegExp(`"${key}"`));
  });

  it('refuses patches that are not plain objects or carry unknown or dangerous keys', () => {
    class Patch {
      height = 40;
    }
    expect(checkPreferencePatch([]).ok).toBe(false);
    expect(checkPreferencePatch(null).ok).toBe(false);
    expect(checkPreferencePatch(new Patch()).ok).toBe(false);
    expect(checkPreferencePatch(new Map()).ok).toBe(false);
    expect(checkPreferencePatch({ colour: 'red' })).toEqual({ ok: false, message: 'Unknown preference "colour"' });
    expect(checkPreferencePatch(JSON.parse('{"__proto__":{"height":40}}'))).toMatchObject({
      ok: false,
      message: expect.stringContaining('__proto__'),
    });
    expect(checkPreferencePatch({ constructor: {} }).ok).toBe(false);
    expect(checkPreferencePatch(Object.defineProperty({}, 'height', { get: () => 40, enumerable: true })).ok).toBe(
      false,
    );
    expect(checkPreferencePatch({ [Symbol('x')]: 1 }).ok).toBe(false);
  });

  it('returns a fresh object with only the checked keys', () => {
    const patch = Object.assign(Object.create(null) as object, { height: 40, theme: 'light' });
    const checked = checkPreferencePatch(patch);
    expect(checked).toEqual({ ok: true, value: { height: 40, theme: 'light' } });
    if (checked.ok) expect(checked.value).not.toBe(patch);
  });
});
