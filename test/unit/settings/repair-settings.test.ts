import { describe, it, expect } from 'vitest';
import { repairSettings } from '../../../src/main/settings/repair-settings';
import { DEFAULT_SYMBOLS, defaultSettings } from '../../../src/main/settings/schema';

describe('repairSettings', () => {
  it('gives defaults silently for missing fields (an older file)', () => {
    expect(repairSettings({ symbols: ['IBM'] })).toEqual({ settings: { ...defaultSettings(), symbols: ['IBM'] }, problems: [] });
  });

  it('keeps every valid field and resets only the invalid ones, naming them', () => {
    const raw = {
      version: 1,
      symbols: ['IBM', 'msft'],
      preferences: { height: 500, theme: 'light', speed: 'fast', paused: true },
      window: { displayId: 3, docked: false, x: 'left', y: 40 },
      apiKey: null,
    };
    const result = repairSettings(raw);
    expect(result?.problems).toEqual(['preferences.height', 'preferences.speed', 'window.x']);
    expect(result?.settings.preferences).toMatchObject({ height: 32, theme: 'light', speed: 60, paused: true });
    expect(result?.settings.window).toEqual({ displayId: 3, docked: false, x: null, y: 40 });
    expect(result?.settings.symbols).toEqual(['IBM', 'MSFT']);
  });

  it('drops invalid and duplicate symbols and trims the list to the cap', () => {
    expect(repairSettings({ symbols: ['AAPL', 'aapl', 'bad symbol', 42, '<b>x</b>', 'IBM'] })).toMatchObject({
      settings: { symbols: ['AAPL', 'IBM'] },
      problems: ['symbols'],
    });
    expect(repairSettings({ symbols: ['A', 'B', 'C'] }, 2)).toMatchObject({ settings: { symbols: ['A', 'B'] }, problems: ['symbols'] });
    expect(repairSettings({ symbols: 'AAPL' })).toMatchObject({ settings: { symbols: [...DEFAULT_SYMBOLS] }, problems: ['symbols'] });
    expect(repairSettings({ symbols: [] })).toMatchObject({ settings: { symbols: [] }, problems: [] });
  });

  it('resets whole sections of the wrong shape, and malformed saved keys', () => {
    expect(repairSettings({ preferences: [1, 2], window: 'x', apiKey: { protection: 'plain', data: 'abc' }, version: -3 })?.problems).toEqual([
      'version',
      'preferences',
      'window',
      'apiKey',
    ]);
    expect(repairSettings({ apiKey: { protection: 'encrypted', data: 'not base64!' } })?.problems).toEqual(['apiKey']);
    expect(repairSettings({ apiKey: { protection: 'obfuscated', data: 'QUJD' } })?.settings.apiKey).toEqual({ protection: 'obfuscated', data: 'QUJD' });
  });

  it('returns null for something that is not an object at all', () => {
    expect(repairSettings(null)).toBeNull();
    expect(repairSettings([1])).toBeNull();
    expect(repairSettings('{}')).toBeNull();
  });

  it('is not fooled by an own __proto__ key from JSON', () => {
    const raw: unknown = JSON.parse('{"__proto__":{"symbols":["EVIL"]},"preferences":{"__proto__":{"height":100}}}');
    const result = repairSettings(raw);
    expect(result?.settings.symbols).toEqual([...DEFAULT_SYMBOLS]);
    expect(result?.settings.preferences.height).toBe(32);
    expect(({} as Record<string, unknown>).symbols).toBeUndefined();
  });
});
