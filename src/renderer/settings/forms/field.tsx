/**
 * The frame every settings control sits in: a label tied to the control, an optional hint and one
 * inline error, both referenced by the control's aria-describedby, so every form reads the same to
 * a screen reader and looks the same on screen.
 */
import type { ReactNode } from 'react';

/** What a control needs to be described: its id, and whether it has a hint and an error. */
export interface Described {
  id: string;
  hint?: ReactNode;
  error?: string | null;
  /** The id of a form's error that is about this control too (it is marked invalid and points there). */
  formError?: string | null;
}

/** The id of a control's error message ("<id>-error"). */
export function errorId(id: string): string {
  return `${id}-error`;
}

/** The id of a control's hint ("<id>-hint"). */
export function hintId(id: string): string {
  return `${id}-hint`;
}

/** The aria attributes of a control with this hint and error. */
export function describedBy({ id, hint, error, formError }: Described): {
  'aria-describedby'?: string;
  'aria-invalid'?: 'true';
} {
  const ids = [error ? errorId(id) : null, formError ?? null, hint ? hintId(id) : null].filter(Boolean).join(' ');
  const invalid = Boolean(error) || Boolean(formError);
  return { ...(ids ? { 'aria-describedby': ids } : {}), ...(invalid ? { 'aria-invalid': 'true' } : {}) };
}

/** An error under a control or a form: announced at once (role="alert"). */
export function FieldError({ id, message }: { id: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {message}
    </p>
  );
}

export interface FieldFrameProps extends Described {
  label: ReactNode;
  /** Keep the label for screen readers only (the row says what the field is). */
  hideLabel?: boolean;
  className?: string;
  children: ReactNode;
}

/** Label, control (with whatever follows it on its row), hint and error. */
export function FieldFrame({ id, label, hideLabel, hint, error, className, children }: FieldFrameProps) {
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <div className="control">{children}</div>
      {hint ? (
        <span className="hint" id={hintId(id)}>
          {hint}
        </span>
      ) : null}
      <FieldError id={errorId(id)} message={error} />
    </div>
  );
}
