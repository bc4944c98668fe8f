/**
 * Choosing a file to read in the page: a button in the kit's look opens the system's picker (the
 * native input stays hidden but labelled), and the chosen file's name is shown beside it.
 */
import { useRef, useState, type ReactNode } from 'react';
import { ActionButton } from './action-button';
import { describedBy, FieldFrame } from './field';

export interface FileFieldProps {
  id: string;
  label: ReactNode;
  /** The button's words ("Choose a CSV file…"). */
  action: string;
  accept: string;
  hint?: ReactNode;
  error?: string | null;
  disabled?: boolean;
  /** The file is being read or sent. */
  pending?: boolean;
  onFile(file: File): void;
}

export function FileField(props: FileFieldProps) {
  const { id, label, action, accept, hint, error, disabled, pending, onFile } = props;
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState<string | null>(null);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className="file">
      <input
        id={id}
        ref={input}
        type="file"
        className="visually-hidden"
        accept={accept}
        disabled={disabled}
        tabIndex={-1}
        {...describedBy(props)}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // The same file chosen again (after fixing it) must be read again.
          event.target.value = '';
          if (!file) return;
          setName(file.name);
          onFile(file);
        }}
      />
      <ActionButton disabled={disabled} pending={pending} onClick={() => input.current?.click()}>
        {action}
      </ActionButton>
      <span className="file-name">{name ?? 'No file chosen'}</span>
    </FieldFrame>
  );
}
