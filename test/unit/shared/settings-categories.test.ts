import { describe, expect, it } from 'vitest';
import {
  categoryLabel,
  isSettingsCategory,
  parseSettingsTarget,
  SETTINGS_CATEGORIES,
  SETTINGS_FIELDS,
} from '../../../src/shared/settings-categories';

describe('settings categories', () => {
  it('lists the ten categories in sidebar order, each with its own id and label', () => {
    expect(SETTINGS_CATEGORIES.map((category) => category.label)).toEqual([
      'General',
      'Watch lists and symbols',
      'Alerts',
      'Portfolio',
      'Appearance',
      'Keyboard',
      'Relay',
      'Import and export',
      'Markets',
      'About',
    ]);
    expect(new Set(SETTINGS_CATEGORIES.map((category) => category.id)).size).toBe(10);
    expect(categoryLabel('lists')).toBe('Watch lists and symbols');
  });

  it('knows a category by its exact id only', () => {
    expect(isSettingsCategory('relay')).toBe(true);
    for (const bad of ['Relay', 'relay ', '', 'toString', '__proto__', null, 3, {}])
      expect(isSettingsCategory(bad)).toBe(false);
  });

  it('parses a target: a category, and optionally one of that category’s own fields; nothing else', () => {
    expect(parseSettingsTarget({ category: 'alerts' })).toEqual({ category: 'alerts' });
    expect(parseSettingsTarget({ category: 'alerts', field: 'alert-value' })).toEqual({
      category: 'alerts',
      field: 'alert-value',
    });
    for (const [category, fields] of Object.entries(SETTINGS_FIELDS))
      for (const field of fields) expect(parseSettingsTarget({ category, field })).toEqual({ category, field });
    for (const bad of [
      null,
      'alerts',
      ['alerts'],
      { category: 'nowhere' },
      { category: 'alerts', field: 'api-key' },
      { category: 'alerts', field: '#alert-value' },
      { category: 'alerts', extra: 1 },
      { field: 'api-key' },
    ])
      expect(parseSettingsTarget(bad), JSON.stringify(bad)).toBeNull();
  });
});
