import { useEffect, useRef, useState } from 'react';
import type { TickerApi } from '../../shared/ipc-contract';
import type { SymbolMatch } from '../../shared/types';
import { settle } from '../bridge';

export interface SymbolSearch {
  matches: SymbolMatch[];
  searching: boolean;
  error: string | null;
}

const MAX_MATCHES = 8;

/** Finnhub symbol search for `query`, debounced; answers to outdated queries are ignored. */
export function useDebouncedSearch(api: TickerApi, query: string, delayMs = 250): SymbolSearch {
  const [state, setState] = useState<SymbolSearch>({ matches: [], searching: false, error: null });
  const latest = useRef(0);

  useEffect(() => {
    const text = query.trim();
    const id = ++latest.current;
    if (text.length === 0) {
      setState({ matches: [], searching: false, error: null });
      return;
    }
    setState((current) => ({ ...current, searching: true }));
    const timer = window.setTimeout(() => {
      void settle(() => api.searchSymbols(text)).then((result) => {
        if (id !== latest.current) return;
        if (result.ok && Array.isArray(result.value)) {
          setState({ matches: result.value.slice(0, MAX_MATCHES), searching: false, error: null });
        } else {
          setState({ matches: [], searching: false, error: result.ok ? null : result.error.message });
        }
      });
    }, delayMs);
    return () => window.clearTimeout(timer);
  }, [api, query, delayMs]);

  return state;
}
