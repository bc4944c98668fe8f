/** An on/off setting: a switch with its label and hint beside it, and the same error display as every field. */
import type { ReactNode } from 'react';
import { describedBy, errorId, FieldError, hintId } from './field';

export interface ToggleFieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  /** The id of an error shown under the form, when it is about this switch too. */
  formError?: string | null;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
}

export function ToggleField(props: ToggleFieldProps) {
  const { id, label, hint, error, checked, onChange, disabled } = props;
  return (
    <div className="field toggle">
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch"
        checked={checked}
        disabled={disabled}
        {...describedBy(props)}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>
        {label}
        {hint ? (
          <span className="hint block" id={hintId(id)}>
            {hint}
          </span>
        ) : null}
      </label>
      <FieldError id={errorId(id)} message={error} />
    </div>
  );
}
