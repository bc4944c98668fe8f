import { describe, it, expect } from 'vitest';
import { repairSettings } from '../../../src/engine/settings/repair-settings';
import { DEFAULT_SYMBOLS, defaultSettings } from '../../../src/engine/settings/schema';

/** A version 2 file's lists with one list of `symbols`. */
const oneList = (symbols: unknown) => ({ lists: [{ id: 'l1', name: 'Watch list', symbols }] });
const firstListOf = (result: ReturnType<typeof repairSettings>) => result?.settings.lists[0]?.symbols;

describe('repairSettings', () => {
  it('gives defaults silently for missing fields (an older file)', () => {
    expect(repairSettings({ preferences: { height: 40 } })).toEqual({
      settings: { ...defaultSettings(), preferences: { ...defaultSettings().preferences, height: 40 } },
      problems: [],
      migrated: false,
    });
  });

  it('migrates a version 1 file (one list) to named lists, keeping every symbol, preference, window field and the key', () => {
    const raw = {
      version: 1,
      symbols: ['IBM', 'BINANCE:SOLUSDT', 'OANDA:GBP_USD'],
      preferences: {
        ...defaultSettings().preferences,
        theme: 'light',
        height: 44,
        speed: 120,
        paused: true,
        clickThrough: true,
      },
      window: { displayId: 2, docked: false, x: 10, y: 700 },
      apiKey: { protection: 'encrypted', data: 'QUJDRA==' },
    };
    const result = repairSettings(raw);
    expect(result).toEqual({
      settings: {
        version: 2,
        lists: [{ id: 'l1', name: 'Watch list', symbols: ['IBM', 'BINANCE:SOLUSDT', 'OANDA:GBP_USD'] }],
        shownListId: 'l1',
        preferences: raw.preferences,
        window: raw.window,
        apiKey: raw.apiKey,
        alerts: [],
        relay: { token: null, origins: [] },
        holdings: { baseCurrency: 'USD', lots: [] },
        secondStrip: {
          enabled: false,
          listId: 'l1',
          position: 'bottom',
          displayId: null,
          sortOrder: 'list',
          content: 'quotes',
        },
      },
      problems: [],
      migrated: true,
    });
    // electron-store merges its defaults into an old file; the file's own list still wins.
    expect(firstListOf(repairSettings({ ...raw, ...oneList(['AAPL']), shownListId: 'l1' }))).toEqual(raw.symbols);
    expect(repairSettings({ symbols: [] })?.settings.lists).toEqual([{ id: 'l1', name: 'Watch list', symbols: [] }]);
  });

  it('keeps several lists, a symbol in more than one, and which one is shown', () => {
    const lists = [
      { id: 'l1', name: 'Tech', symbols: ['AAPL', 'MSFT'] },
      { id: 'l4', name: 'Mixed', symbols: ['AAPL', 'BINANCE:BTCUSDT'] },
    ];
    expect(repairSettings({ version: 2, lists, shownListId: 'l4' })).toMatchObject({
      settings: { lists, shownListId: 'l4' },
      problems: [],
      migrated: false,
    });
  });

  it('drops unusable lists, renames a clashing name, and falls back to the first list when the shown one is gone', () => {
    const result = repairSettings({
      lists: [
        { id: 'l1', name: 'Tech', symbols: ['AAPL'] },
        { id: 'bad id!', name: 'X', symbols: [] },
        { id: 'l1', name: 'Copy', symbols: [] },
        { id: 'l2', name: '  ', symbols: [] },
        { id: 'l3', name: 'tech', symbols: ['MSFT'] },
        'nonsense',
      ],
      shownListId: 'l9',
    });
    expect(result?.settings.lists).toEqual([
      { id: 'l1', name: 'Tech', symbols: ['AAPL'] },
      { id: 'l3', name: 'tech (2)', symbols: ['MSFT'] },
    ]);
    expect(result?.settings.shownListId).toBe('l1');
    expect(result?.problems).toEqual(['lists[1]', 'lists[2]', 'lists[3]', 'lists[5]', 'shownListId']);
    expect(repairSettings({ lists: [] })?.settings.lists).toEqual(defaultSettings().lists);
    expect(repairSettings({ lists: 'x' })?.problems).toEqual(['lists']);
  });

  it('keeps every valid field and resets only the invalid ones, naming them', () => {
    const raw = {
      version: 2,
      ...oneList(['IBM', 'msft']),
      preferences: { height: 500, theme: 'light', speed: 'fast', paused: true },
      window: { displayId: 3, docked: false, x: 'left', y: 40 },
      apiKey: null,
    };
    const result = repairSettings(raw);
    expect(result?.problems).toEqual(['preferences.height', 'preferences.speed', 'window.x']);
    expect(result?.settings.preferences).toMatchObject({ height: 32, theme: 'light', speed: 60, paused: true });
    expect(result?.settings.window).toEqual({ displayId: 3, docked: false, x: null, y: 40 });
    expect(firstListOf(result)).toEqual(['IBM', 'MSFT']);
  });

  it('keeps saved shortcuts and the full-screen choice; resets a bare-key shortcut, naming it', () => {
    const result = repairSettings({
      preferences: { shortcutToggleStrips: 'Alt+Shift+F2', shortcutPause: 'P', fullScreenApps: 'step-aside' },
    });
    expect(result?.problems).toEqual(['preferences.shortcutPause']);
    expect(result?.settings.preferences).toMatchObject({
      shortcutToggleStrips: 'Alt+Shift+F2',
      shortcutPause: 'CommandOrControl+Alt+P',
      fullScreenApps: 'step-aside',
    });
    expect(repairSettings({ preferences: { shortcutPause: '', fullScreenApps: 'sideways' } })).toMatchObject({
      problems: ['preferences.fullScreenApps'],
      settings: { preferences: { shortcutPause: '', fullScreenApps: 'stay-above' } },
    });
  });

  it('fills in the economy default for files saved before it existed, keeps a saved choice and resets a bad one', () => {
    expect(repairSettings({ preferences: { speed: 80 } })).toMatchObject({
      problems: [],
      settings: { preferences: { speed: 80, economy: 'on-battery' } },
    });
    expect(repairSettings({ preferences: { economy: 'never' } })?.settings.preferences.economy).toBe('never');
    expect(repairSettings({ preferences: { economy: 'sometimes' } })).toMatchObject({
      problems: ['preferences.economy'],
      settings: { preferences: { economy: 'on-battery' } },
    });
  });

  it('drops invalid and duplicate symbols and trims the list to the cap', () => {
    const messy = repairSettings(oneList(['AAPL', 'aapl', 'bad symbol', 42, '<b>x</b>', 'IBM']));
    expect(firstListOf(messy)).toEqual(['AAPL', 'IBM']);
    expect(messy?.problems).toEqual(['lists[0].symbols']);
    expect(firstListOf(repairSettings(oneList(['A', 'B', 'C']), 2))).toEqual(['A', 'B']);
    expect(repairSettings(oneList('AAPL'))).toMatchObject({ problems: ['lists[0].symbols'] });
    expect(repairSettings(oneList([]))).toMatchObject({ problems: [] });
    // The same rules for a version 1 file's one list.
    expect(repairSettings({ symbols: ['A', 'B', 'C'] }, 2)).toMatchObject({ problems: ['symbols'], migrated: true });
    expect(firstListOf(repairSettings({ symbols: 'AAPL' }))).toEqual([...DEFAULT_SYMBOLS]);
  });

  it('resets whole sections of the wrong shape, and malformed saved keys', () => {
    expect(
      repairSettings({ preferences: [1, 2], window: 'x', apiKey: { protection: 'plain', data: 'abc' }, version: -3 })
        ?.problems,
    ).toEqual(['version', 'preferences', 'window', 'apiKey']);
    expect(repairSettings({ apiKey: { protection: 'encrypted', data: 'not base64!' } })?.problems).toEqual(['apiKey']);
    expect(repairSettings({ apiKey: { protection: 'obfuscated', data: 'QUJD' } })?.settings.apiKey).toEqual({
      protection: 'obfuscated',
      data: 'QUJD',
    });
  });

  it('returns null for something that is not an object at all', () => {
    expect(repairSettings(null)).toBeNull();
    expect(repairSettings([1])).toBeNull();
    expect(repairSettings('{}')).toBeNull();
  });

  it('is not fooled by an own __proto__ key from JSON', () => {
    const raw: unknown = JSON.parse('{"__proto__":{"symbols":["EVIL"]},"preferences":{"__proto__":{"height":100}}}');
    const result = repairSettings(raw);
    expect(firstListOf(result)).toEqual([...DEFAULT_SYMBOLS]);
    expect(result?.settings.preferences.height).toBe(32);
    expect(({} as Record<string, unknown>).symbols).toBeUndefined();
  });
});
