import { useEffect, useRef, type RefObject } from 'react';

/** Which control of a row should have the focus: the row itself or one of its move buttons. */
export type RowControl = 'item' | 'up' | 'down';

/**
 * Keyboard focus that follows a row across a re-render: after a move (or a removal, to the row
 * that took its place) the list re-renders in its new order, and the focus is put back on the row
 * or on the button that moved it (the row when that button is now disabled).
 */
export function useFocusAfterChange(items: readonly string[]): {
  listRef: RefObject<HTMLOListElement | null>;
  focusLater: (item: string, control: RowControl) => void;
} {
  const listRef = useRef<HTMLOListElement>(null);
  const pending = useRef<{ item: string; control: RowControl } | null>(null);

  useEffect(() => {
    const target = pending.current;
    if (!target || !listRef.current) return;
    pending.current = null;
    const row = listRef.current.querySelector<HTMLElement>(`li[data-symbol="${CSS.escape(target.item)}"]`);
    const control =
      target.control === 'item' ? row : row?.querySelector<HTMLButtonElement>(`button[data-move="${target.control}"]`);
    (control && !control.hasAttribute('disabled') ? control : row)?.focus();
  }, [items]);

  return {
    listRef,
    focusLater: (item, control) => {
      pending.current = { item, control };
    },
  };
}
