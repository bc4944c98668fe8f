/**
 * How each preference is shown in the settings window. Ranges and allowed values come from the
 * shared rule table; only presentation (step, unit, labels) is added here, so a control cannot
 * offer what the rules refuse or hide what they allow.
 */
import {
  PREFERENCE_RULES,
  UPDATE_RATE_CHOICES,
  type EnumPreferenceKey,
  type EnumValue,
  type NumberPreferenceKey,
} from '../../shared/preference-rules';
import { SHORTCUTS, type ShortcutAction, type ShortcutPreferenceKey } from '../../shared/shortcuts';

export interface SliderControl {
  key: Exclude<NumberPreferenceKey, 'updateRateHz'>;
  min: number;
  max: number;
  step: number;
  unit: string;
  /** Shown value = stored value × scale (opacity 0.3..1 reads as 30..100 %). */
  scale: number;
}

function slider(key: SliderControl['key'], step: number, unit: string, scale = 1): SliderControl {
  const { min, max } = PREFERENCE_RULES[key];
  return { key, min, max, step, unit, scale };
}

/** The sliders, in the order they appear. */
export const SLIDERS: readonly SliderControl[] = [
  slider('height', 1, 'px'),
  slider('fontSize', 1, 'px'),
  slider('speed', 5, 'px/s'),
  slider('opacity', 0.05, '%', 100),
];

/** The option labels of each enum preference; the record type makes a new rule value a compile error here. */
const ENUM_LABELS: { [K in EnumPreferenceKey]: Record<EnumValue<K>, string> } = {
  position: { top: 'Top of the screen', bottom: 'Bottom of the screen' },
  theme: { system: 'System', dark: 'Dark', light: 'Light', transparent: 'Transparent' },
  whenMarketsClosed: {
    dim: 'Dim the strip',
    hide: 'Hide the strip until the next open',
    show: 'Keep the strip as it is',
  },
  fullScreenApps: { 'stay-above': 'Keep the strip above them', 'step-aside': 'Step aside (they may cover the strip)' },
  economy: { never: 'Never', 'on-battery': 'On battery power', always: 'Always' },
  scrollStyle: { scroll: 'Scroll smoothly', glide: 'Glide a step every few seconds (uses less power)' },
  economyStyle: { pages: 'Show a page at a time', glide: 'Glide a step every few seconds' },
  companyNames: { off: 'Off', short: 'Short name (Apple)', full: 'Full name (Apple Inc)' },
  headlines: { off: 'Off', strip: 'Between the items on the strip' },
  sortOrder: {
    list: 'List order',
    'change-up': 'Biggest gain first',
    'change-down': 'Biggest loss first',
    name: 'By name',
  },
};

export interface ShortcutControl {
  key: ShortcutPreferenceKey;
  action: ShortcutAction;
  /** "Show or hide the strips". */
  label: string;
  maxLength: number;
}

/** The shortcut recorders, one per global shortcut, in the order of SHORTCUTS. */
export const SHORTCUT_CONTROLS: readonly ShortcutControl[] = SHORTCUTS.map(({ preference, action, description }) => ({
  key: preference,
  action,
  label: description.charAt(0).toUpperCase() + description.slice(1),
  maxLength: PREFERENCE_RULES[preference].maxLength,
}));

/** The options of an enum preference's select, in the rule's order. */
export function enumOptions<K extends EnumPreferenceKey>(key: K): { value: EnumValue<K>; label: string }[] {
  const labels: Record<string, string> = ENUM_LABELS[key];
  return PREFERENCE_RULES[key].values.map((value) => ({ value, label: labels[value] ?? value }));
}

/** The update rates offered: the presets inside the rule's range, plus the saved rate if it is not one. */
export function updateRateOptions(current: number): number[] {
  const { min, max } = PREFERENCE_RULES.updateRateHz;
  return [...new Set([...UPDATE_RATE_CHOICES.filter((rate) => rate >= min && rate <= max), current])].sort(
    (a, b) => a - b,
  );
}
