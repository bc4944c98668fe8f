import { useEffect, useRef, useState, type RefObject } from 'react';
import type { TickerApi } from '../../shared/ipc-contract';
import { displayName, normalizeSymbol, SYMBOL_RULE_TEXT } from '../../shared/symbols';
import { settle } from '../bridge';
import { dropTargetIndex } from './reorder';
import { SymbolCombobox } from './symbol-combobox';

export interface SymbolsSectionProps {
  api: TickerApi;
  /** The watch list being edited (any list, shown on the strip or not). */
  listId: string;
  /** Its name, for the heading, when there are several lists (null with one). */
  listName: string | null;
  symbols: readonly string[];
  maxSymbols: number;
  addInputRef: RefObject<HTMLInputElement | null>;
  onSymbols: (symbols: string[]) => void;
}

const INVALID_SYMBOL = `Not a valid symbol: use ${SYMBOL_RULE_TEXT}, e.g. AAPL or BINANCE:BTCUSDT.`;

interface DropMark {
  symbol: string;
  after: boolean;
}

/** One watch list's symbols: add with validation and autocomplete, remove, reorder by drag or keyboard. */
export function SymbolsSection({ api, listId, listName, symbols, maxSymbols, addInputRef, onSymbols }: SymbolsSectionProps) {
  const [draft, setDraft] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [dragged, setDragged] = useState<string | null>(null);
  const [dropMark, setDropMark] = useState<DropMark | null>(null);
  const [busy, setBusy] = useState(false);
  const focusAfterMove = useRef<{ symbol: string; control: 'item' | 'up' | 'down' } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const full = symbols.length >= maxSymbols;

  // Keep keyboard focus on the moved item once the new order is rendered.
  useEffect(() => {
    const target = focusAfterMove.current;
    if (!target || !listRef.current) return;
    focusAfterMove.current = null;
    const item = listRef.current.querySelector<HTMLElement>(`li[data-symbol="${CSS.escape(target.symbol)}"]`);
    const control = target.control === 'item' ? item : item?.querySelector<HTMLButtonElement>(`button[data-move="${target.control}"]`);
    (control && !control.hasAttribute('disabled') ? control : item)?.focus();
  }, [symbols]);

  const add = async (text: string) => {
    const symbol = normalizeSymbol(text);
    if (!symbol) {
      setAddError(text.trim() ? INVALID_SYMBOL : 'Type a symbol to add.');
      return;
    }
    setBusy(true);
    const result = await settle(() => api.addToList(listId, symbol));
    setBusy(false);
    if (!result.ok) {
      setAddError(result.error.message);
      return;
    }
    setAddError(null);
    setDraft('');
    onSymbols(result.value);
    setAnnouncement(`${displayName(symbol)} added. ${result.value.length} of ${maxSymbols} symbols.`);
    addInputRef.current?.focus();
  };

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
    if (next) focusAfterMove.current = { symbol: next, control: 'item' };
    else addInputRef.current?.focus();
  };

  const move = async (symbol: string, toIndex: number, control: 'item' | 'up' | 'down') => {
    const from = symbols.indexOf(symbol);
    if (from < 0 || toIndex < 0 || toIndex >= symbols.length || toIndex === from) return;
    const result = await settle(() => api.moveInList(listId, symbol, toIndex));
    if (!result.ok) {
      setListError(result.error.message);
      return;
    }
    setListError(null);
    focusAfterMove.current = { symbol, control };
    onSymbols(result.value);
    setAnnouncement(`${displayName(symbol)} moved to position ${result.value.indexOf(symbol) + 1} of ${result.value.length}.`);
  };

  return (
    <section className="card" aria-labelledby="symbols-heading">
      <div className="card-head">
        <h2 id="symbols-heading">{listName === null ? 'Symbols' : `Symbols in “${listName}”`}</h2>
        <span className={full ? 'count full' : 'count'} data-testid="symbol-count">
          {symbols.length} of {maxSymbols}
        </span>
      </div>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          void add(draft);
        }}
      >
        <label htmlFor="add-symbol" className="visually-hidden">
          Add a symbol
        </label>
        <SymbolCombobox
          api={api}
          inputRef={addInputRef}
          value={draft}
          onChange={(value) => {
            setDraft(value);
            setAddError(null);
          }}
          onSubmit={(text) => void add(text)}
          errorId={addError ? 'add-symbol-error' : null}
          disabled={false}
        />
        <button type="submit" className="primary" disabled={busy || full}>
          Add
        </button>
      </form>
      {addError ? (
        <p className="field-error" id="add-symbol-error" role="alert">
          {addError}
        </p>
      ) : null}
      {full ? <p className="hint">Your plan’s limit is reached; remove a symbol to add another.</p> : null}

      {symbols.length === 0 ? (
        <p className="hint">No symbols yet. Add one above; the strip shows them in this order.</p>
      ) : (
        <>
          <p className="hint" id="reorder-help">
            Drag to reorder, or focus a symbol and press Alt+↑ / Alt+↓.
          </p>
          <ol className="symbol-list" ref={listRef} aria-describedby="reorder-help" aria-label="Watched symbols, in strip order">
            {symbols.map((symbol, index) => {
              const name = displayName(symbol);
              const mark = dropMark?.symbol === symbol ? (dropMark.after ? ' drop-after' : ' drop-before') : '';
              return (
                <li
                  key={symbol}
                  data-symbol={symbol}
                  tabIndex={0}
                  draggable
                  aria-label={`${name}, position ${index + 1} of ${symbols.length}`}
                  className={`symbol-row${dragged === symbol ? ' dragging' : ''}${mark}`}
                  onKeyDown={(event) => {
                    if (event.target !== event.currentTarget || !event.altKey) return;
                    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
                      event.preventDefault();
                      void move(symbol, index + (event.key === 'ArrowUp' ? -1 : 1), 'item');
                    }
                  }}
                  onDragStart={(event) => {
                    event.dataTransfer.effectAllowed = 'move';
                    event.dataTransfer.setData('text/plain', symbol);
                    setDragged(symbol);
                  }}
                  onDragEnd={() => {
                    setDragged(null);
                    setDropMark(null);
                  }}
                  onDragOver={(event) => {
                    if (!dragged) return;
                    event.preventDefault();
                    event.dataTransfer.dropEffect = 'move';
                    const box = event.currentTarget.getBoundingClientRect();
                    const after = event.clientY > box.top + box.height / 2;
                    if (dropMark?.symbol !== symbol || dropMark.after !== after) setDropMark({ symbol, after });
                  }}
                  onDrop={(event) => {
                    event.preventDefault();
                    const source = dragged ?? event.dataTransfer.getData('text/plain');
                    const from = symbols.indexOf(source);
                    const after = dropMark?.symbol === symbol ? dropMark.after : false;
                    setDragged(null);
                    setDropMark(null);
                    if (from >= 0 && source !== symbol) void move(source, dropTargetIndex(from, index, after), 'item');
                  }}
                >
                  <span className="drag-handle" aria-hidden="true">
                    ⋮⋮
                  </span>
                  <span className="symbol-name">{name}</span>
                  {name !== symbol ? <span className="symbol-raw">{symbol}</span> : null}
                  <span className="row-actions">
                    <button
                      type="button"
                      className="icon-button"
                      data-move="up"
                      aria-label={`Move ${name} up`}
                      disabled={index === 0}
                      onClick={() => void move(symbol, index - 1, 'up')}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="icon-button"
                      data-move="down"
                      aria-label={`Move ${name} down`}
                      disabled={index === symbols.length - 1}
                      onClick={() => void move(symbol, index + 1, 'down')}
                    >
                      ↓
                    </button>
                    <button type="button" className="icon-button danger" aria-label={`Remove ${name}`} onClick={() => void remove(symbol, index)}>
                      ×
                    </button>
                  </span>
                </li>
              );
            })}
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
