/**
 * Pure list reordering for the symbol list (drag and drop, keyboard moves).
 */

/** A copy of `list` with the item at `from` moved to index `to` (clamped). Out-of-range `from`: unchanged copy. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  if (!Number.isInteger(from) || from < 0 || from >= copy.length) return copy;
  const target = Math.min(Math.max(Math.trunc(to), 0), copy.length - 1);
  const [item] = copy.splice(from, 1);
  copy.splice(target, 0, item as T);
  return copy;
}

/**
 * The final index for an item dragged from `from` and dropped before (`after` false) or after the
 * item at `over`.
 */
export function dropTargetIndex(from: number, over: number, after: boolean): number {
  const insertAt = after ? over + 1 : over;
  return insertAt > from ? insertAt - 1 : insertAt;
}
