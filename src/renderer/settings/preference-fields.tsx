/**
 * One control per preference kind, drawn with the form kit from the shared rule table: a switch for
 * an on/off preference, a select for a choice, a slider for a number. Each category places the ones
 * it shows; the draft (see use-preference-draft.ts) sends the changes.
 */
import type { ReactNode } from 'react';
import type { BooleanPreferenceKey, EnumPreferenceKey } from '../../shared/preference-rules';
import type { DisplayInfo, Preferences } from '../../shared/types';
import { FieldFrame, describedBy } from './forms/field';
import { SelectField } from './forms/inputs';
import { ToggleField } from './forms/toggle-field';
import { enumOptions, updateRateOptions, type SliderControl } from './preference-controls';
import { PREFERENCE_LABELS } from './preference-labels';
import type { PreferenceDraft } from './use-preference-draft';

/** Sliders send their value this long after the last movement, not on every pixel. */
const SLIDER_DELAY_MS = 150;

interface PreferenceProps<K> {
  prefs: PreferenceDraft;
  name: K;
  hint?: ReactNode;
}

export function PreferenceToggle({ prefs, name, hint }: PreferenceProps<BooleanPreferenceKey>) {
  return (
    <ToggleField
      id={`pref-${name}`}
      label={PREFERENCE_LABELS[name]}
      hint={hint}
      error={prefs.errors[name]}
      checked={prefs.draft[name]}
      onChange={(checked) => prefs.change(name, checked)}
    />
  );
}

export function PreferenceChoice<K extends EnumPreferenceKey>({ prefs, name, hint }: PreferenceProps<K>) {
  return (
    <SelectField
      id={`pref-${name}`}
      label={PREFERENCE_LABELS[name]}
      hint={hint}
      error={prefs.errors[name]}
      value={prefs.draft[name] as string}
      options={enumOptions(name)}
      onChange={(value) => prefs.change(name, value as Preferences[K])}
    />
  );
}

export function PreferenceSlider({ prefs, control }: { prefs: PreferenceDraft; control: SliderControl }) {
  const { key, min, max, step, unit, scale } = control;
  const id = `pref-${key}`;
  const error = prefs.errors[key];
  const shown = `${Math.round(prefs.draft[key] * scale)} ${unit}`;
  return (
    <FieldFrame id={id} label={PREFERENCE_LABELS[key]} error={error}>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={prefs.draft[key]}
        {...describedBy({ id, error })}
        aria-valuetext={shown}
        onChange={(event) => prefs.change(key, Number(event.target.value), SLIDER_DELAY_MS)}
      />
      <output htmlFor={id} className="value">
        {shown}
      </output>
    </FieldFrame>
  );
}

/** How many times a second the strip redraws prices: the presets inside the rule's range. */
export function UpdateRateChoice({ prefs }: { prefs: PreferenceDraft }) {
  return (
    <SelectField
      id="pref-updateRateHz"
      label={PREFERENCE_LABELS.updateRateHz}
      error={prefs.errors.updateRateHz}
      value={String(prefs.draft.updateRateHz)}
      options={updateRateOptions(prefs.draft.updateRateHz).map((rate) => ({
        value: String(rate),
        label: `${rate} per second`,
      }))}
      onChange={(value) => prefs.change('updateRateHz', Number(value))}
    />
  );
}

/** The display options: the primary one, every connected display, and a saved one now disconnected. */
export function displayOptions(displays: readonly DisplayInfo[], current: number | null) {
  return [
    { value: 'primary', label: 'Primary display' },
    ...displays.map((display) => ({
      value: String(display.id),
      label: `${display.label}${display.primary ? ' — primary' : ''}`,
    })),
    ...(current != null && !displays.some((display) => display.id === current)
      ? [{ value: String(current), label: 'Disconnected display (the strip is on the primary one)' }]
      : []),
  ];
}

/** The value a display select reports, as a display id (null: the primary display). */
export function displayIdOf(value: string): number | null {
  return value === 'primary' ? null : Number(value);
}
