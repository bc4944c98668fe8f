/**
 * A form's draft: the fields as typed, the shared rule's verdict on them, and whether to show it yet
 * (after the first submit or leaving a field), so every form checks and reports the same way.
 */
import { useCallback, useState } from 'react';

/** A shared rule's verdict: the checked value, or a message per field (or one for the form). */
export type DraftCheck<V, K extends string> =
  { ok: true; value: V } | { ok: false; problems: Partial<Record<K, string>> };

export interface DraftForm<F, V, K extends string> {
  form: F;
  /** Change some fields; a shown error stays until the next check says otherwise. */
  set(patch: Partial<F>): void;
  /** Start again from these fields (a new draft, or a rule to edit), errors hidden. */
  reset(next: F): void;
  /** Show the problems from now on (on submit or blur). */
  touch(): void;
  checked: DraftCheck<V, K>;
  /** The problems to show now: none until touched. */
  problems: Partial<Record<K, string>>;
}

export function useDraftForm<F, V, K extends string>(
  initial: () => F,
  check: (form: F) => DraftCheck<V, K>,
): DraftForm<F, V, K> {
  const [form, setForm] = useState<F>(initial);
  const [touched, setTouched] = useState(false);
  const set = useCallback((patch: Partial<F>) => setForm((current) => ({ ...current, ...patch })), []);
  const reset = useCallback((next: F) => {
    setForm(next);
    setTouched(false);
  }, []);
  const touch = useCallback(() => setTouched(true), []);
  const checked = check(form);
  return { form, set, reset, touch, checked, problems: touched && !checked.ok ? checked.problems : {} };
}
