/**
 * The settings window's text, number, date and select fields: one look, one way to show a hint and
 * an error, one way to be labelled. Each takes the plain value and reports the plain value.
 */
import type { ReactNode, Ref } from 'react';
import { describedBy, FieldFrame, type FieldFrameProps } from './field';

type FrameProps = Omit<FieldFrameProps, 'children'> & {
  /** Buttons or text on the control's row, after it. */
  after?: ReactNode;
};

export interface TextFieldProps extends FrameProps {
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'password' | 'url';
  placeholder?: string;
  maxLength?: number;
  inputMode?: 'text' | 'decimal' | 'numeric';
  autoComplete?: string;
  /** Suggestions (a datalist) the user may pick or ignore. */
  suggestions?: readonly string[];
  inputRef?: Ref<HTMLInputElement>;
  onBlur?(): void;
  /** A key pressed in the field (Escape to cancel an edit in place). */
  onKeyDown?(key: string): void;
  disabled?: boolean;
  autoFocus?: boolean;
}

function frameOf({
  id,
  label,
  hideLabel,
  hint,
  error,
  className,
}: FrameProps): Omit<FieldFrameProps, 'children' | 'formError'> {
  return { id, label, hideLabel, hint, error, className };
}

/** A one-line text field (also for passwords and links). */
export function TextField(props: TextFieldProps) {
  const { id, value, onChange, type = 'text', suggestions, inputRef, after, ...rest } = props;
  const listId = suggestions ? `${id}-suggestions` : undefined;
  return (
    <FieldFrame {...frameOf(props)}>
      <input
        id={id}
        ref={inputRef}
        className="input grow"
        type={type}
        value={value}
        list={listId}
        placeholder={rest.placeholder}
        maxLength={rest.maxLength}
        inputMode={rest.inputMode}
        autoComplete={rest.autoComplete ?? 'off'}
        spellCheck={false}
        disabled={rest.disabled}
        autoFocus={rest.autoFocus}
        {...describedBy(props)}
        onChange={(event) => onChange(event.target.value)}
        onBlur={rest.onBlur}
        onKeyDown={rest.onKeyDown ? (event) => rest.onKeyDown?.(event.key) : undefined}
      />
      {suggestions ? (
        <datalist id={listId}>
          {suggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      ) : null}
      {after}
    </FieldFrame>
  );
}

export interface NumberFieldProps extends Omit<TextFieldProps, 'type' | 'inputMode' | 'suggestions'> {
  /** The range the shared rule allows: the field's limits, and said in the hint when no other hint is given. */
  min: number;
  max: number;
  /** Whole numbers only (whole steps, and the keyboard shows digits). */
  integer?: boolean;
  unit?: string;
}

/**
 * A number in the kit's look (no spinner), its limits from the shared rule. The form checks the
 * typed value with the same rule and says why inline; the browser's own bubble is never shown.
 */
export function NumberField(props: NumberFieldProps) {
  const { id, value, onChange, min, max, integer, unit, inputRef, after, ...rest } = props;
  const hint = rest.hint ?? `${min}–${max}${unit ? ` ${unit}` : ''}`;
  const className = rest.className ? `number ${rest.className}` : 'number';
  return (
    <FieldFrame {...frameOf({ ...props, hint, className })}>
      <input
        id={id}
        ref={inputRef}
        className="input"
        type="number"
        min={min}
        max={max}
        step={integer ? 1 : 'any'}
        inputMode={integer ? 'numeric' : 'decimal'}
        value={value}
        placeholder={rest.placeholder}
        disabled={rest.disabled}
        {...describedBy({ ...props, hint })}
        onChange={(event) => onChange(event.target.value)}
        onBlur={rest.onBlur}
      />
      {after}
    </FieldFrame>
  );
}

export interface DateFieldProps extends FrameProps {
  value: string;
  onChange(value: string): void;
  min?: string;
  max?: string;
  onBlur?(): void;
}

/** A calendar date (YYYY-MM-DD), with the system's date picker in the field's own look. */
export function DateField(props: DateFieldProps) {
  const { id, value, onChange, min, max, after, onBlur } = props;
  return (
    <FieldFrame {...frameOf(props)}>
      <input
        id={id}
        className="input grow"
        type="date"
        value={value}
        min={min}
        max={max}
        {...describedBy(props)}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
      />
      {after}
    </FieldFrame>
  );
}

interface SelectOption<V extends string> {
  value: V;
  label: string;
}

export interface SelectFieldProps<V extends string> extends FrameProps {
  value: V;
  options: readonly SelectOption<V>[];
  onChange(value: V): void;
  disabled?: boolean;
}

/** A choice among fixed options; a value not among them is never reported. */
export function SelectField<V extends string>(props: SelectFieldProps<V>) {
  const { id, value, options, onChange, disabled, after } = props;
  return (
    <FieldFrame {...frameOf(props)}>
      <select
        id={id}
        className="input grow"
        value={value}
        disabled={disabled}
        {...describedBy(props)}
        onChange={(event) => {
          const chosen = options.find((option) => option.value === event.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {after}
    </FieldFrame>
  );
}
