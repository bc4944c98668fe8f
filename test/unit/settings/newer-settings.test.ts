import { describe, expect, it } from 'vitest';
import { newerSettingsReason, unknownSettingsKeys } from '../../../src/engine/settings/newer-settings';
import { defaultSettings, MAX_SETTINGS_FILE_BYTES, SETTINGS_VERSION } from '../../../src/engine/settings/schema';
import { DEFAULT_PREFERENCES } from '../../../src/shared/preference-rules';
import { ALERT_LIMITS } from '../../../src/shared/alert-rules';
import { DEFAULT_MAX_SYMBOLS, MAX_SYMBOL_LENGTH } from '../../../src/shared/symbols';
import { MAX_LIST_NAME_LENGTH, MAX_WATCH_LISTS } from '../../../src/shared/watch-lists';
import { repairSettings } from '../../../src/engine/settings/repair-settings';

const rule = {
  id: 'r1',
  symbol: 'AAPL',
  metric: 'price',
  op: '>=',
  value: 200,
  recurring: false,
  cooldownS: 0,
  triggered: false,
};

describe('settings from a newer Ticker', () => {
  it('knows every key this version writes, and the version 1 list', () => {
    const saved = {
      ...defaultSettings(),
      alerts: [rule],
      apiKey: { protection: 'encrypted', data: 'AAAA' },
      relay: { token: null, origins: ['https://a.example'] },
    };
    expect(unknownSettingsKeys(saved)).toEqual([]);
    expect(unknownSettingsKeys({ version: 1, symbols: ['IBM'], preferences: DEFAULT_PREFERENCES })).toEqual([]);
    expect(newerSettingsReason(saved)).toBeNull();
  });

  it('names unknown keys at every depth, by path', () => {
    const raw = {
      ...defaultSettings(),
      portfolio: [],
      preferences: { ...DEFAULT_PREFERENCES, shortcut: 'Ctrl+Alt+T' },
      lists: [
        { id: 'l1', name: 'A', symbols: [] },
        { id: 'l2', name: 'B', symbols: [], colour: 'red' },
      ],
      alerts: [{ ...rule, sound: 'bell' }],
      apiKey: { protection: 'encrypted', data: 'AAAA', keychain: 'x' },
      relay: { token: null, origins: [], tls: true },
      window: { displayId: null, docked: true, x: null, y: null, monitor: 2 },
    };
    expect(unknownSettingsKeys(raw)).toEqual([
      'lists[1].colour',
      'preferences.shortcut',
      'window.monitor',
      'apiKey.keychain',
      'alerts[0].sound',
      'relay.tls',
      'portfolio',
    ]);
    expect(newerSettingsReason(raw)).toMatch(
      /does not know \(lists\[1\]\.colour, preferences\.shortcut, window\.monitor, apiKey\.keychain, alerts\[0\]\.sound and 2 more\)/,
    );
  });

  it('a higher version is newer whatever its keys; a wrong-typed version is a repair problem, not newer', () => {
    expect(newerSettingsReason({ ...defaultSettings(), version: SETTINGS_VERSION + 1 })).toMatch(
      /settings version 3; this version reads version 2/,
    );
    expect(newerSettingsReason({ ...defaultSettings(), version: '9' })).toBeNull();
  });
});

describe('the settings file size limit', () => {
  it('is far above the largest valid settings (every limit reached), so it never refuses real settings', () => {
    const symbol = (i: number, j: number) => `X${i}_${j}`.padEnd(MAX_SYMBOL_LENGTH, 'Z');
    const lists = Array.from({ length: MAX_WATCH_LISTS }, (_, i) => ({
      id: `l${i + 1}`,
      name: `List ${i}`.padEnd(MAX_LIST_NAME_LENGTH, '-'),
      symbols: Array.from({ length: DEFAULT_MAX_SYMBOLS }, (_, j) => symbol(i, j)),
    }));
    const alerts = Array.from({ length: ALERT_LIMITS.maxRules }, (_, i) => ({
      ...rule,
      id: `r${String(i).padStart(39, '0')}`,
      value: 200 + i,
    }));
    const largest = { ...defaultSettings(), lists, alerts };
    expect(repairSettings(largest)?.problems).toEqual([]);
    const bytes = Buffer.byteLength(JSON.stringify(largest, null, '\t'));
    expect(bytes * 4).toBeLessThan(MAX_SETTINGS_FILE_BYTES);
  });
});
