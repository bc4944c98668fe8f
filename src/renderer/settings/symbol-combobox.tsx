import { useId, useState, type RefObject } from 'react';
import type { SettingsApi } from '../../shared/ipc-contract';
import type { SymbolMatch } from '../../shared/types';
import { useDebouncedSearch } from './use-debounced-search';

export interface SymbolComboboxProps {
  api: SettingsApi;
  inputRef: RefObject<HTMLInputElement | null>;
  value: string;
  onChange: (value: string) => void;
  /** Add this text (typed, or a chosen suggestion's symbol). */
  onSubmit: (text: string) => void;
  errorId: string | null;
  disabled: boolean;
}

/**
 * The "add symbol" field with Finnhub autocomplete: an ARIA 1.2 combobox whose listbox is
 * navigated with the arrow keys (aria-activedescendant), Enter picks, Escape closes.
 */
export function SymbolCombobox({ api, inputRef, value, onChange, onSubmit, errorId, disabled }: SymbolComboboxProps) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const search = useDebouncedSearch(api, value);
  const matches = search.matches;
  const expanded = open && value.trim().length > 0 && (matches.length > 0 || search.error != null);
  const optionId = (index: number) => `${listId}-option-${index}`;

  const pick = (match: SymbolMatch) => {
    setOpen(false);
    setActive(-1);
    onSubmit(match.symbol);
  };

  return (
    <div className="combobox">
      <input
        ref={inputRef}
        id="add-symbol"
        type="text"
        role="combobox"
        className="input grow"
        autoComplete="off"
        spellCheck={false}
        placeholder="AAPL, BINANCE:BTCUSDT, OANDA:EUR_USD…"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId ?? undefined}
        disabled={disabled}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            if (!open) setOpen(true);
            if (matches.length === 0) return;
            const step = event.key === 'ArrowDown' ? 1 : -1;
            setActive((current) => (current + step + matches.length) % matches.length);
          } else if (event.key === 'Escape') {
            if (expanded) event.preventDefault();
            setOpen(false);
            setActive(-1);
          } else if (event.key === 'Enter') {
            event.preventDefault();
            const chosen = expanded && active >= 0 ? matches[active] : undefined;
            if (chosen) pick(chosen);
            else {
              setOpen(false);
              onSubmit(value);
            }
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label="Matching symbols" className="listbox" hidden={!expanded}>
        {search.error ? (
          <li className="listbox-note" role="presentation">
            Search unavailable: {search.error}
          </li>
        ) : null}
        {matches.map((match, index) => (
          <li
            key={match.symbol}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'option active' : 'option'}
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => setActive(index)}
            onClick={() => pick(match)}
          >
            <span className="option-symbol">{match.displaySymbol || match.symbol}</span>
            <span className="option-description">{match.description}</span>
            <span className="option-type">{match.type}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
