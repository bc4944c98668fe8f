/**
 * The global shortcuts' keys (saved among the preferences): `changed` fires only when one of them
 * changed, so the shell registers shortcuts again only then.
 */
import { TickerError } from '../../shared/ipc-contract';
import { checkPreferencePatch } from '../../shared/preference-rules';
import { SHORTCUTS, type ShortcutPreferenceKey } from '../../shared/shortcuts';
import { Signal } from '../../shared/signal';
import type { Preferences } from '../../shared/types';
import type { SettingsState } from './settings-state';

export type ShortcutKeys = Pick<Preferences, ShortcutPreferenceKey>;

function keysOf(preferences: Preferences): ShortcutKeys {
  return {
    shortcutToggleStrips: preferences.shortcutToggleStrips,
    shortcutPause: preferences.shortcutPause,
    shortcutPrivacy: preferences.shortcutPrivacy,
  };
}

export class ShortcutSettings {
  /** A shortcut's keys changed. */
  readonly changed = new Signal<ShortcutKeys>();

  constructor(private readonly state: SettingsState) {
    state.follow(
      (settings) => keysOf(settings.preferences),
      (keys) => this.changed.emit({ ...keys }),
      true,
    );
  }

  current(): ShortcutKeys {
    return keysOf(this.state.current.preferences);
  }

  /** Change some shortcuts' keys ('' for none); every one is checked first. */
  set(patch: Partial<ShortcutKeys>): ShortcutKeys {
    const checked = checkPreferencePatch(patch);
    if (!checked.ok) throw new TickerError('invalid-payload', checked.message);
    const other = Object.keys(checked.value).find((key) => !SHORTCUTS.some((s) => s.preference === key));
    if (other !== undefined) throw new TickerError('invalid-payload', `"${other}" is not a shortcut`);
    const { current } = this.state;
    this.state.write({ ...current, preferences: { ...current.preferences, ...checked.value } });
    return this.current();
  }
}
