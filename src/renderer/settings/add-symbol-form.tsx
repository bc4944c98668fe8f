import { useState, type RefObject } from 'react';
import type { SettingsApi } from '../../shared/ipc-contract';
import { normalizeSymbol, SYMBOL_RULE_TEXT } from '../../shared/symbols';
import { ActionButton } from './forms/action-button';
import { FieldError } from './forms/field';
import { useAction } from './use-action';
import { SymbolCombobox } from './symbol-combobox';
import { SubmitForm } from './forms/submit-form';

export interface AddSymbolFormProps {
  api: SettingsApi;
  listId: string;
  /** The plan's limit is reached: adding is off. */
  full: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
  /** `symbol` was added (the list itself arrives with the pushed settings). */
  onAdded: (symbol: string) => void;
}

const INVALID_SYMBOL = `Not a valid symbol: use ${SYMBOL_RULE_TEXT}, e.g. AAPL or BINANCE:BTCUSDT.`;

/** The "add a symbol" field with autocomplete: checked by the shared symbol rule before main sees it. */
export function AddSymbolForm({ api, listId, full, inputRef, onAdded }: AddSymbolFormProps) {
  const [draft, setDraft] = useState('');
  const adding = useAction();
  const error = adding.error;

  const add = (text: string) => {
    const symbol = normalizeSymbol(text);
    if (!symbol) return adding.fail(text.trim() ? INVALID_SYMBOL : 'Type a symbol to add.');
    void adding.run(
      () => api.addToList(listId, symbol),
      () => {
        setDraft('');
        onAdded(symbol);
        inputRef.current?.focus();
        return null;
      },
    );
  };

  return (
    <>
      <SubmitForm className="row" onSubmit={() => add(draft)}>
        <label htmlFor="add-symbol" className="visually-hidden">
          Add a symbol
        </label>
        <SymbolCombobox
          api={api}
          inputRef={inputRef}
          value={draft}
          onChange={(value) => {
            setDraft(value);
            adding.reset();
          }}
          onSubmit={add}
          errorId={error ? 'add-symbol-error' : null}
          disabled={false}
        />
        <ActionButton type="submit" variant="primary" pending={adding.pending} disabled={full}>
          Add
        </ActionButton>
      </SubmitForm>
      <FieldError id="add-symbol-error" message={error} />
    </>
  );
}
