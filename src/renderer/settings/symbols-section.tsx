import { useState, type RefObject } from 'react';
import type { SettingsApi } from '../../shared/ipc-contract';
import { displayName } from '../../shared/symbols';
import { AddSymbolForm } from './add-symbol-form';
import { FieldError } from './forms/field';
import { SymbolRow } from './symbol-row';
import { useAction } from './use-action';
import { useDragReorder } from './use-drag-reorder';
import { useFocusAfterChange, type RowControl } from './use-focus-after-change';

export interface SymbolsSectionProps {
  api: SettingsApi;
  /** The watch list being edited (any list, shown on the strip or not). */
  listId: string;
  /** Its name, for the heading, when there are several lists (null with one). */
  listName: string | null;
  symbols: readonly string[];
  maxSymbols: number;
  addInputRef: RefObject<HTMLInputElement | null>;
}

/**
 * One watch list's symbols: add with validation and autocomplete, remove, reorder by drag or
 * keyboard. The list shown is the pushed one; the focus follows the row once it arrives.
 */
export function SymbolsSection({ api, listId, listName, symbols, maxSymbols, addInputRef }: SymbolsSectionProps) {
  const [announcement, setAnnouncement] = useState('');
  const { listRef, focusLater } = useFocusAfterChange(symbols);
  const action = useAction();
  const full = symbols.length >= maxSymbols;

  const remove = (symbol: string, index: number) => {
    // Focus the neighbour that takes its place, or the add field when the list becomes empty.
    const rest = symbols.filter((s) => s !== symbol);
    const next = rest[Math.min(index, rest.length - 1)];
    if (next) focusLater(next, 'item');
    void action.run(
      () => api.removeFromList(listId, symbol),
      () => {
        if (!next) addInputRef.current?.focus();
        setAnnouncement(`${displayName(symbol)} removed.`);
        return null;
      },
    );
  };

  const move = (symbol: string, toIndex: number, control: RowControl) => {
    const from = symbols.indexOf(symbol);
    if (from < 0 || toIndex < 0 || toIndex >= symbols.length || toIndex === from) return;
    focusLater(symbol, control);
    void action.run(
      () => api.moveInList(listId, symbol, toIndex),
      () => {
        setAnnouncement(`${displayName(symbol)} moved to position ${toIndex + 1} of ${symbols.length}.`);
        return null;
      },
    );
  };

  const drag = useDragReorder(symbols, (symbol, toIndex) => move(symbol, toIndex, 'item'));

  return (
    <section className="card" aria-labelledby="symbols-heading">
      <div className="card-head">
        <h3 id="symbols-heading">{listName === null ? 'Symbols' : `Symbols in “${listName}”`}</h3>
        <span className={full ? 'count full' : 'count'} data-testid="symbol-count">
          {symbols.length} of {maxSymbols}
        </span>
      </div>
      <AddSymbolForm
        api={api}
        listId={listId}
        full={full}
        inputRef={addInputRef}
        onAdded={(symbol) =>
          setAnnouncement(`${displayName(symbol)} added. ${symbols.length + 1} of ${maxSymbols} symbols.`)
        }
      />
      {full ? <p className="hint">Your plan’s limit is reached; remove a symbol to add another.</p> : null}

      {symbols.length === 0 ? (
        <p className="hint">No symbols yet. Add one above; the strip shows them in this order.</p>
      ) : (
        <>
          <p className="hint" id="reorder-help">
            Drag to reorder, or focus a symbol and press Alt+↑ / Alt+↓.
          </p>
          <ol
            className="symbol-list"
            ref={listRef}
            aria-describedby="reorder-help"
            aria-label="Watched symbols, in strip order"
          >
            {symbols.map((symbol, index) => (
              <SymbolRow
                key={symbol}
                symbol={symbol}
                index={index}
                count={symbols.length}
                drag={drag}
                onMove={move}
                onRemove={remove}
              />
            ))}
          </ol>
        </>
      )}
      <FieldError id="symbols-error" message={action.error} />
      <p className="visually-hidden" aria-live="polite" data-testid="symbols-live">
        {announcement}
      </p>
    </section>
  );
}
