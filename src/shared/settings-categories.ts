/**
 * The settings window's categories, in sidebar order, and the fields a deep link may name in each
 * (a notification, a tray item or "Alert when…" opens the window at one of them). Main validates a
 * target with `parseSettingsTarget` before it is sent, and again when the page reports the last
 * category; the page reads the same table to build its sidebar.
 */

export const SETTINGS_CATEGORIES = [
  { id: 'general', label: 'General' },
  { id: 'lists', label: 'Watch lists and symbols' },
  { id: 'alerts', label: 'Alerts' },
  { id: 'portfolio', label: 'Portfolio' },
  { id: 'appearance', label: 'Appearance' },
  { id: 'keyboard', label: 'Keyboard' },
  { id: 'relay', label: 'Relay' },
  { id: 'transfer', label: 'Import and export' },
  { id: 'markets', label: 'Markets' },
  { id: 'about', label: 'About' },
] as const;

export type SettingsCategory = (typeof SETTINGS_CATEGORIES)[number]['id'];

export const DEFAULT_SETTINGS_CATEGORY: SettingsCategory = 'general';

/**
 * The fields a deep link may focus, by category (each is the id of the control in the page). A
 * target without a field lands on the category's heading.
 */
export const SETTINGS_FIELDS = {
  general: ['api-key', 'pref-paused'],
  lists: ['add-symbol', 'new-list-name'],
  alerts: ['alert-value', 'alert-list'],
  portfolio: ['lot-symbol', 'portfolio-currency'],
  appearance: ['pref-theme', 'second-strip-enabled'],
  keyboard: ['pref-shortcutToggleStrips'],
  relay: ['pref-relayEnabled', 'pref-relayPort'],
  transfer: [],
  markets: ['pref-whenMarketsClosed'],
  about: ['update-check'],
} as const satisfies Record<SettingsCategory, readonly string[]>;

type SettingsField = (typeof SETTINGS_FIELDS)[SettingsCategory][number];

/** Where to open the settings window: a category, and optionally one of its fields. */
export interface SettingsTarget {
  category: SettingsCategory;
  field?: SettingsField;
}

export function isSettingsCategory(value: unknown): value is SettingsCategory {
  return typeof value === 'string' && SETTINGS_CATEGORIES.some((category) => category.id === value);
}

/** The category's label ("Watch lists and symbols"). */
export function categoryLabel(category: SettingsCategory): string {
  return SETTINGS_CATEGORIES.find((entry) => entry.id === category)?.label ?? category;
}

/**
 * A target from untrusted input (a page, a saved file), or null when it is not one: an unknown
 * category, a field of another category or any other key is refused whole.
 */
export function parseSettingsTarget(value: unknown): SettingsTarget | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { category, field, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || !isSettingsCategory(category)) return null;
  if (field === undefined) return { category };
  const fields: readonly string[] = SETTINGS_FIELDS[category];
  return typeof field === 'string' && fields.includes(field) ? { category, field: field as SettingsField } : null;
}
