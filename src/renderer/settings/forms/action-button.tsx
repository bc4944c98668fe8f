/** The kit's button: a look (plain, primary, danger, link) and a pending state that disables it and says so. */
import type { ReactNode } from 'react';

export interface ActionButtonProps {
  children: ReactNode;
  onClick?(): void;
  type?: 'button' | 'submit';
  variant?: 'plain' | 'primary' | 'danger' | 'link';
  /** A call it started is running: disabled, and marked busy for screen readers. */
  pending?: boolean;
  disabled?: boolean;
  id?: string;
  'aria-label'?: string;
  'aria-pressed'?: boolean;
  autoFocus?: boolean;
  title?: string;
}

const CLASSES = { plain: undefined, primary: 'primary', danger: 'danger', link: 'link-button' } as const;

export function ActionButton({
  children,
  onClick,
  type = 'button',
  variant = 'plain',
  pending,
  disabled,
  ...rest
}: ActionButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={CLASSES[variant]}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
