import { useState, type RefObject } from 'react';
import type { SettingsApi } from '../../shared/ipc-contract';
import { displayName } from '../../shared/symbols';
import { settle } from '../bridge';
import { AddSymbolForm } from './add-symbol-form';
import { SymbolRow } from './symbol-row';
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
  onSymbols: (symbols: string[]) => void;
}

/** One watch list's symbols: add with validation and autocomplete, remove, reorder by drag or keyboard. */
export function SymbolsSection({
  api,
  listId,
  listName,
  symbols,
  maxSymbols,
  addInputRef,
  onSymbols,
}: SymbolsSectionProps) {
  const [listError, setListError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const { listRef, focusLater } = useFocusAfterChange(symbols);
  const full = symbols.length >= maxSymbols;

  const remove = async (symbol: string, index: number) => {
    const result = await settle(() => api.removeFromList(listId, symbol));
    if (!result.ok) {
      setListError(result.error.message);
      return;
    }
    setListError(null);
    onSymbols(result.value);
    setAnnouncement(`${displayName(symbol)} removed.`);
    // Focus the neighbour that took its place, or the add field when the list is empty.
    const next = result.value[Math.min(index, result.value.length - 1)];
    if (next) focusLater(next, 'item');
    else addInputRef.current?.focus();
  };

  const move = async (symbol: string, toIndex: number, control: RowControl) => {
    const from = symbols.indexOf(symbol);
    if (from < 0 || toIndex < 0 || toIndex >= symbols.length || toIndex === from) return;
    const result = await settle(() => api.moveInList(listId, symbol, toIndex));
    if (!result.ok) {
      setListError(result.error.message);
      return;
    }
    setListError(null);
    focusLater(symbol, control);
    onSymbols(result.value);
    setAnnouncement(
      `${displayName(symbol)} moved to position ${result.value.indexOf(symbol) + 1} of ${result.value.length}.`,
    );
  };

  const drag = useDragReorder(symbols, (symbol, toIndex) => void move(symbol, toIndex, 'item'));

  return (
    <section className="card" aria-labelledby="symbols-heading">
      <div className="card-head">
        <h2 id="symbols-heading">{listName === null ? 'Symbols' : `Symbols in “${listName}”`}</h2>
        <span className={full ? 'count full' : 'count'} data-testid="symbol-count">
          {symbols.length} of {maxSymbols}
        </span>
      </div>
      <AddSymbolForm
        api={api}
        listId={listId}
        full={full}
        inputRef={addInputRef}
        onAdded={(next, symbol) => {
          onSymbols(next);
          setAnnouncement(`${displayName(symbol)} added. ${next.length} of ${maxSymbols} symbols.`);
        }}
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
                onMove={(s, toIndex, control) => void move(s, toIndex, control)}
                onRemove={(s, i) => void remove(s, i)}
              />
            ))}
          </ol>
        </>
      )}
      {listError ? (
        <p className="field-error" role="alert">
          {listError}
        </p>
      ) : null}
      <p className="visually-hidden" aria-live="polite" data-testid="symbols-live">
        {announcement}
      </p>
    </section>
  );
}
