import { displayName } from '../../shared/symbols';
import { useCompanyName } from './company-names';
import type { DragReorder } from './use-drag-reorder';
import type { RowControl } from './use-focus-after-change';

export interface SymbolRowProps {
  symbol: string;
  index: number;
  count: number;
  drag: DragReorder;
  onMove: (symbol: string, toIndex: number, control: RowControl) => void;
  onRemove: (symbol: string, index: number) => void;
}

/** One symbol of the list: its name, move up/down (buttons or Alt+↑/↓ on the row), remove, and drag. */
export function SymbolRow({ symbol, index, count, drag, onMove, onRemove }: SymbolRowProps) {
  const name = displayName(symbol);
  const company = useCompanyName(symbol, name);
  return (
    <li
      data-symbol={symbol}
      tabIndex={0}
      aria-label={`${name}${company === null ? '' : ` (${company})`}, position ${index + 1} of ${count}`}
      className={`symbol-row${drag.rowClass(symbol)}`}
      onKeyDown={(event) => {
        if (event.target !== event.currentTarget || !event.altKey) return;
        if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
          event.preventDefault();
          onMove(symbol, index + (event.key === 'ArrowUp' ? -1 : 1), 'item');
        }
      }}
      {...drag.rowProps(symbol, index)}
    >
      <span className="drag-handle" aria-hidden="true">
        ⋮⋮
      </span>
      <span className="symbol-name">{name}</span>
      {name !== symbol ? <span className="symbol-raw">{symbol}</span> : null}
      {company !== null ? <span className="symbol-company">{company}</span> : null}
      <span className="row-actions">
        <button
          type="button"
          className="icon-button"
          data-move="up"
          aria-label={`Move ${name} up`}
          disabled={index === 0}
          onClick={() => onMove(symbol, index - 1, 'up')}
        >
          ↑
        </button>
        <button
          type="button"
          className="icon-button"
          data-move="down"
          aria-label={`Move ${name} down`}
          disabled={index === count - 1}
          onClick={() => onMove(symbol, index + 1, 'down')}
        >
          ↓
        </button>
        <button
          type="button"
          className="icon-button danger"
          aria-label={`Remove ${name}`}
          onClick={() => onRemove(symbol, index)}
        >
          ×
        </button>
      </span>
    </li>
  );
}
