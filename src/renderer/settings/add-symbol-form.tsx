import { useState, type RefObject } from 'react';
import type { SettingsApi } from '../../shared/ipc-contract';
import { normalizeSymbol, SYMBOL_RULE_TEXT } from '../../shared/symbols';
import { settle } from '../bridge';
import { SymbolCombobox } from './symbol-combobox';

export interface AddSymbolFormProps {
  api: SettingsApi;
  listId: string;
  /** The plan's limit is reached: adding is off. */
  full: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
  /** The list's symbols after `symbol` was added. */
  onAdded: (symbols: string[], symbol: string) => void;
}

const INVALID_SYMBOL = `Not a valid symbol: use ${SYMBOL_RULE_TEXT}, e.g. AAPL or BINANCE:BTCUSDT.`;

/** The "add a symbol" field with autocomplete: checked by the shared symbol rule before main sees it. */
export function AddSymbolForm({ api, listId, full, inputRef, onAdded }: AddSymbolFormProps) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async (text: string) => {
    const symbol = normalizeSymbol(text);
    if (!symbol) {
      setError(text.trim() ? INVALID_SYMBOL : 'Type a symbol to add.');
      return;
    }
    setBusy(true);
    const result = await settle(() => api.addToList(listId, symbol));
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setError(null);
    setDraft('');
    onAdded(result.value, symbol);
    inputRef.current?.focus();
  };

  return (
    <>
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
          inputRef={inputRef}
          value={draft}
          onChange={(value) => {
            setDraft(value);
            setError(null);
          }}
          onSubmit={(text) => void add(text)}
          errorId={error ? 'add-symbol-error' : null}
          disabled={false}
        />
        <button type="submit" className="primary" disabled={busy || full}>
          Add
        </button>
      </form>
      {error ? (
        <p className="field-error" id="add-symbol-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
