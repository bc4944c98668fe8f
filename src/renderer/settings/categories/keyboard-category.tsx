/** Keyboard: the global shortcuts, each recorded by pressing the keys, with whether the system gave it to Ticker. */
import { useEffect, useState } from 'react';
import type { SettingsApi } from '../../../shared/ipc-contract';
import { DEFAULT_PREFERENCES } from '../../../shared/preference-rules';
import type { ShortcutAction, ShortcutState } from '../../../shared/shortcuts';
import { settle } from '../../bridge';
import { CategoryPanel } from '../category-panel';
import { SHORTCUT_CONTROLS } from '../preference-controls';
import { ShortcutField } from '../shortcut-field';
import { usePreferenceDraft } from '../use-preference-draft';
import type { CategoryProps } from './category-props';

export function KeyboardCategory({ api, settings, current }: CategoryProps) {
  const prefs = usePreferenceDraft(api, settings.preferences);
  const { draft } = prefs;
  const states = useShortcutStates(api, ...SHORTCUT_CONTROLS.map((control) => draft[control.key]));
  return (
    <CategoryPanel
      category="keyboard"
      current={current}
      intro="Shortcuts work in every app. Click a field and press the keys (with Ctrl, Alt, Cmd or Super); Backspace clears it."
    >
      <section className="card shortcuts" aria-label="Global shortcuts">
        {SHORTCUT_CONTROLS.map((control) => (
          <ShortcutField
            key={control.key}
            control={control}
            value={draft[control.key]}
            defaultValue={DEFAULT_PREFERENCES[control.key]}
            state={states[control.action]}
            others={SHORTCUT_CONTROLS.filter((other) => other.key !== control.key).map((other) => ({
              accelerator: draft[other.key],
              label: other.label,
            }))}
            error={prefs.errors[control.key]}
            onSave={(accelerator) => prefs.change(control.key, accelerator)}
          />
        ))}
      </section>
    </CategoryPanel>
  );
}

/** Whether the system gave Ticker each shortcut, asked again whenever one of them changes. */
function useShortcutStates(
  api: SettingsApi,
  ...accelerators: string[]
): Partial<Record<ShortcutAction, ShortcutState>> {
  const [states, setStates] = useState<Partial<Record<ShortcutAction, ShortcutState>>>({});
  const key = accelerators.join('\n');
  useEffect(() => {
    let alive = true;
    void settle(() => api.getShortcuts()).then((result) => {
      if (!alive || !result.ok || !Array.isArray(result.value)) return;
      setStates(Object.fromEntries(result.value.map((status) => [status.action, status.state])));
    });
    return () => {
      alive = false;
    };
  }, [api, key]);
  return states;
}
