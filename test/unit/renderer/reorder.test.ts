import { describe, it, expect } from 'vitest';
import { dropTargetIndex, moveItem } from '../../../src/renderer/settings/reorder';

describe('moveItem', () => {
  it('moves an item up, down and clamps the target', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, 99)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 1, -5)).toEqual(['b', 'a', 'c']);
  });

  it('leaves the list unchanged for a bad source index and never mutates its input', () => {
    const list = ['a', 'b'];
    expect(moveItem(list, 5, 0)).toEqual(['a', 'b']);
    moveItem(list, 0, 1);
    expect(list).toEqual(['a', 'b']);
  });
});

describe('dropTargetIndex', () => {
  it('accounts for the dragged item leaving its slot', () => {
    // [a b c d]: drag a (0) after c (2) → a ends at index 2.
    expect(dropTargetIndex(0, 2, true)).toBe(2);
    // drag d (3) before b (1) → index 1.
    expect(dropTargetIndex(3, 1, false)).toBe(1);
    // drag b (1) before d (3) → index 2.
    expect(dropTargetIndex(1, 3, false)).toBe(2);
  });
});
