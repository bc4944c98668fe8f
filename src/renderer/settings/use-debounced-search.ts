import { useEffect, useRef, useState } from 'react';
import type { SettingsApi } from '../../shared/ipc-contract';
import type { SymbolMatch } from '../../shared/types';
import { settle } from '../bridge';

export interface SymbolSearch {
  matches: SymbolMatch[];
  searching: boolean;
  error: string | null;
}

interface Answer extends SymbolSearch {
  /** The trimmed query these matches answer. */
  query: string;
}

const MAX_MATCHES = 8;
const NO_ANSWER: Answer = { query: '', matches: [], searching: false, error: null };

/**
 * Finnhub symbol search for `query`, debounced. Only matches for the current query are returned:
 * while a new query waits for its debounce and answer, the previous query's matches are not
 * offered, so a key press can never pick a suggestion for text the user has already replaced.
 */
export function useDebouncedSearch(api: SettingsApi, query: string, delayMs = 250): SymbolSearch {
  const [answer, setAnswer] = useState<Answer>(NO_ANSWER);
  const latest = useRef(0);
  const text = query.trim();

  useEffect(() => {
    const id = ++latest.current;
    if (text.length === 0) return;
    const timer = window.setTimeout(() => {
      void settle(() => api.searchSymbols(text)).then((result) => {
        if (id !== latest.current) return;
        if (result.ok && Array.isArray(result.value)) {
          setAnswer({ query: text, matches: result.value.slice(0, MAX_MATCHES), searching: false, error: null });
        } else {
          setAnswer({ query: text, matches: [], searching: false, error: result.ok ? null : result.error.message });
        }
      });
    }, delayMs);
    return () => window.clearTimeout(timer);
  }, [api, text, delayMs]);

  if (answer.query === text) return answer;
  return { matches: [], searching: text.length > 0, error: null };
}
