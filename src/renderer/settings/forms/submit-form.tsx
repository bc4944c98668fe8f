/**
 * The kit's form: Enter or a submit button calls `onSubmit` and the page never reloads. The browser's
 * own validation bubbles stay off; the kit's fields show their errors themselves.
 */
import type { ReactNode } from 'react';

export interface SubmitFormProps {
  children: ReactNode;
  onSubmit(): void;
  className?: string;
  'aria-label'?: string;
}

export function SubmitForm({ children, onSubmit, ...rest }: SubmitFormProps) {
  return (
    <form
      {...rest}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}
