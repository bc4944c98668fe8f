import { useState, type DragEvent, type HTMLAttributes } from 'react';
import { dropTargetIndex } from './reorder';

interface DropMark {
  item: string;
  after: boolean;
}

export interface DragReorder {
  /** The drag-and-drop handlers of one row. */
  rowProps(
    item: string,
    index: number,
  ): Pick<HTMLAttributes<HTMLElement>, 'draggable' | 'onDragStart' | 'onDragEnd' | 'onDragOver' | 'onDrop'>;
  /** The row's extra classes while a drag is on: ' dragging', ' drop-before' or ' drop-after'. */
  rowClass(item: string): string;
}

/**
 * Reordering a list of unique strings by drag and drop: which row is dragged, where it would land
 * (before or after the row under the pointer), and the final index handed to `onMove`.
 */
export function useDragReorder(items: readonly string[], onMove: (item: string, toIndex: number) => void): DragReorder {
  const [dragged, setDragged] = useState<string | null>(null);
  const [dropMark, setDropMark] = useState<DropMark | null>(null);

  const end = () => {
    setDragged(null);
    setDropMark(null);
  };

  return {
    rowProps: (item, index) => ({
      draggable: true,
      onDragStart: (event: DragEvent<HTMLElement>) => {
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', item);
        setDragged(item);
      },
      onDragEnd: end,
      onDragOver: (event: DragEvent<HTMLElement>) => {
        if (!dragged) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        const box = event.currentTarget.getBoundingClientRect();
        const after = event.clientY > box.top + box.height / 2;
        if (dropMark?.item !== item || dropMark.after !== after) setDropMark({ item, after });
      },
      onDrop: (event: DragEvent<HTMLElement>) => {
        event.preventDefault();
        const source = dragged ?? event.dataTransfer.getData('text/plain');
        const from = items.indexOf(source);
        const after = dropMark?.item === item ? dropMark.after : false;
        end();
        if (from >= 0 && source !== item) onMove(source, dropTargetIndex(from, index, after));
      },
    }),
    rowClass: (item) => {
      const mark = dropMark?.item === item ? (dropMark.after ? ' drop-after' : ' drop-before') : '';
      return `${dragged === item ? ' dragging' : ''}${mark}`;
    },
  };
}
