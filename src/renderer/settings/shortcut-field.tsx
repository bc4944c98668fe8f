import { useState, type KeyboardEvent } from 'react';
import { acceleratorLabel, acceleratorPartLabel, sameAccelerator } from '../../shared/accelerator';
import type { ShortcutState } from '../../shared/shortcuts';
import type { ShortcutControl } from './preference-controls';
import { recordKeys } from './shortcut-keys';

export interface ShortcutFieldProps {
  control: ShortcutControl;
  /** The saved accelerator ('' = none). */
  value: string;
  defaultValue: string;
  /** What main reports for it (undefined until known). */
  state: ShortcutState | undefined;
  /** The other shortcuts' keys and what they do, to refuse the same keys twice. */
  others: readonly { accelerator: string; label: string }[];
  /** A refusal from main, shown under the field. */
  error: string | undefined;
  onSave(accelerator: string): void;
}

const isMac = (): boolean => /Mac/i.test(navigator.platform);

/**
 * Records a global shortcut: focus the field and press the keys. Tab still moves on, Backspace or
 * Delete alone clears it, Escape alone leaves it as it was.
 */
export function ShortcutField({ control, value, defaultValue, state, others, error, onSave }: ShortcutFieldProps) {
  const [pending, setPending] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const id = `pref-${control.key}`;
  const shown = problem ?? error;

  const save = (accelerator: string) => {
    setPending(null);
    setProblem(null);
    if (accelerator !== value) onSave(accelerator);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const plain = !event.ctrlKey && !event.altKey && !event.metaKey && !event.shiftKey;
    if (plain && event.key === 'Tab') return;
    event.preventDefault();
    if (plain && (event.key === 'Backspace' || event.key === 'Delete')) {
      save('');
      return;
    }
    if (plain && event.key === 'Escape') {
      setPending(null);
      setProblem(null);
      return;
    }
    const recorded = recordKeys(event, isMac());
    if (recorded.kind === 'pending') {
      setPending(recorded.modifiers);
      return;
    }
    setPending(null);
    if (recorded.kind === 'invalid') {
      setProblem(`${recorded.problem}.`);
      return;
    }
    const clash = others.find((other) => sameAccelerator(other.accelerator, recorded.accelerator));
    if (clash) {
      setProblem(`${acceleratorLabel(recorded.accelerator)} is already the shortcut to ${clash.label.toLowerCase()}.`);
      return;
    }
    save(recorded.accelerator);
  };

  const shownValue = pending
    ? `${pending.split('+').map(acceleratorPartLabel).join('+')}+…`
    : value === ''
      ? ''
      : acceleratorLabel(value);
  return (
    <div className="field shortcut" key={control.key}>
      <label htmlFor={id}>{control.label}</label>
      <div className="control">
        <input
          id={id}
          type="text"
          readOnly
          className="shortcut-keys"
          spellCheck={false}
          maxLength={control.maxLength}
          value={shownValue}
          placeholder="None: click and press keys"
          aria-invalid={shown ? 'true' : 'false'}
          aria-describedby={shown ? `${id}-error` : `${id}-state`}
          data-accelerator={value}
          onKeyDown={onKeyDown}
          onKeyUp={() => setPending(null)}
          onBlur={() => setPending(null)}
        />
        <button
          type="button"
          aria-label={`Clear the shortcut to ${control.label.toLowerCase()}`}
          disabled={value === ''}
          onClick={() => save('')}
        >
          Clear
        </button>
        <button
          type="button"
          aria-label={`Default shortcut to ${control.label.toLowerCase()} (${acceleratorLabel(defaultValue)})`}
          disabled={value === defaultValue}
          onClick={() => save(defaultValue)}
        >
          Default
        </button>
      </div>
      <span
        className={`hint shortcut-state ${state ?? 'unknown'}`}
        id={`${id}-state`}
        role={state === 'taken' || state === 'duplicate' ? 'alert' : undefined}
      >
        {stateText(value, state)}
      </span>
      {shown ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {shown}
        </p>
      ) : null}
    </div>
  );
}

function stateText(value: string, state: ShortcutState | undefined): string {
  const label = acceleratorLabel(value);
  switch (state) {
    case 'registered':
      return `${label} works in every app.`;
    case 'taken':
      return `Another program holds ${label}, so Ticker cannot use it: choose other keys.`;
    case 'duplicate':
      return `${label} is already Ticker's other shortcut: choose other keys.`;
    case 'none':
      return 'No shortcut.';
    default:
      return '';
  }
}
