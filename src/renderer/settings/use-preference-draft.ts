/**
 * The preferences as the controls show them: each change is shown at once and sent (sliders and the
 * chart link after a pause), the pushed settings replace the draft except for fields being edited,
 * and each field keeps its own error from main.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SettingsApi } from '../../shared/ipc-contract';
import type { Preferences } from '../../shared/types';
import { settle } from '../bridge';

type PreferenceErrors = Partial<Record<keyof Preferences, string>>;

export interface PreferenceDraft {
  draft: Preferences;
  errors: PreferenceErrors;
  /** Show `value` now and send it after `delayMs` (0: at once). */
  change<K extends keyof Preferences>(key: K, value: Preferences[K], delayMs?: number): void;
  /** Show `value` without sending it, with the page's own error (a value the rule refuses). */
  hold<K extends keyof Preferences>(key: K, value: Preferences[K], error: string): void;
}

export function usePreferenceDraft(api: SettingsApi, preferences: Preferences): PreferenceDraft {
  const [draft, setDraft] = useState(preferences);
  const [errors, setErrors] = useState<PreferenceErrors>({});
  const timers = useRef(new Map<keyof Preferences, number>());
  const editing = useRef(new Set<keyof Preferences>());

  // Follow changes from elsewhere (tray, other window), except fields being edited right now.
  useEffect(() => {
    setDraft((current) => {
      const next = { ...preferences };
      for (const key of editing.current) (next as Record<string, unknown>)[key] = current[key];
      return next;
    });
  }, [preferences]);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) window.clearTimeout(timer);
    };
  }, []);

  const send = useCallback(
    async <K extends keyof Preferences>(key: K, value: Preferences[K]) => {
      editing.current.delete(key);
      const result = await settle(() => api.setPreferences({ [key]: value } as Partial<Preferences>));
      setErrors((current) => ({ ...current, [key]: result.ok ? undefined : result.error.message }));
    },
    [api],
  );

  const change = useCallback(
    <K extends keyof Preferences>(key: K, value: Preferences[K], delayMs = 0) => {
      setDraft((current) => ({ ...current, [key]: value }));
      // A new value: the old value's error no longer applies.
      setErrors((current) => (current[key] === undefined ? current : { ...current, [key]: undefined }));
      const existing = timers.current.get(key);
      if (existing != null) window.clearTimeout(existing);
      if (delayMs === 0) {
        void send(key, value);
        return;
      }
      editing.current.add(key);
      timers.current.set(
        key,
        window.setTimeout(() => {
          timers.current.delete(key);
          void send(key, value);
        }, delayMs),
      );
    },
    [send],
  );

  const hold = useCallback(<K extends keyof Preferences>(key: K, value: Preferences[K], error: string) => {
    const existing = timers.current.get(key);
    if (existing != null) window.clearTimeout(existing);
    editing.current.add(key);
    setDraft((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: error }));
  }, []);

  return { draft, errors, change, hold };
}
