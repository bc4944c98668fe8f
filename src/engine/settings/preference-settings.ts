/**
 * The preferences (appearance, feed, behaviour switches), checked field by field against the shared
 * rules. The global shortcuts are preferences too, but a kind of their own (see ShortcutSettings):
 * `changed` fires when any other preference changed, and carries the whole preferences before and after.
 */
import { TickerError } from '../../shared/ipc-contract';
import { checkPreferencePatch } from '../../shared/preference-rules';
import { SHORTCUTS } from '../../shared/shortcuts';
import { Signal } from '../../shared/signal';
import type { Preferences } from '../../shared/types';
import type { SettingsState } from './settings-state';

export interface PreferencesChange {
  current: Preferences;
  previous: Preferences;
}

const SHORTCUT_KEYS: ReadonlySet<string> = new Set(SHORTCUTS.map((shortcut) => shortcut.preference));

/** The preferences without the shortcuts' keys. */
function withoutShortcuts(preferences: Preferences): Partial<Preferences> {
  return Object.fromEntries(Object.entries(preferences).filter(([key]) => !SHORTCUT_KEYS.has(key)));
}

export class PreferenceSettings {
  /** A preference other than a shortcut changed. */
  readonly changed = new Signal<PreferencesChange>();

  constructor(private readonly state: SettingsState) {
    state.follow(
      (settings) => settings.preferences,
      (current, previous) => {
        if (!sameValues(withoutShortcuts(current), withoutShortcuts(previous))) {
          this.changed.emit({ current: { ...current }, previous: { ...previous } });
        }
      },
      true,
    );
  }

  current(): Preferences {
    return { ...this.state.current.preferences };
  }

  /** Apply a patch; every field is checked first and nothing changes unless all are valid. */
  set(patch: Partial<Preferences>): Preferences {
    const checked = checkPreferencePatch(patch);
    if (!checked.ok) throw new TickerError('invalid-payload', checked.message);
    const { current } = this.state;
    this.state.write({ ...current, preferences: { ...current.preferences, ...checked.value } });
    return this.current();
  }
}

/** Preferences are flat: each value a string, number, boolean or null. */
function sameValues(a: Partial<Preferences>, b: Partial<Preferences>): boolean {
  const keys = Object.keys(a) as (keyof Preferences)[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
