/**
 * The company names Ticker knows, for the settings window's list rows: asked once, then followed as
 * main pushes details. A symbol whose name is not known (yet, or not on screen) shows none.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { SettingsApi } from '../../shared/ipc-contract';
import type { SymbolDetails } from '../../shared/symbol-context';
import { settle } from '../bridge';

const CompanyNames = createContext<ReadonlyMap<string, string>>(new Map());

function namesOf(details: readonly unknown[]): [string, string][] {
  return details.flatMap((entry) => {
    const { symbol, name } = (entry ?? {}) as Partial<SymbolDetails>;
    return typeof symbol === 'string' && typeof name === 'string' ? [[symbol, name] as [string, string]] : [];
  });
}

export function CompanyNamesProvider({ api, children }: { api: SettingsApi; children: ReactNode }) {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(() => new Map());
  useEffect(() => {
    let live = true;
    const merge = (entries: [string, string][], under = false) =>
      setNames((before) => (under ? new Map([...entries, ...before]) : new Map([...before, ...entries])));
    const stop = api.onDetails((changed) => {
      if (Array.isArray(changed)) merge(namesOf(changed));
    });
    void settle(() => api.getContext()).then((result) => {
      // Pushed names are newer than the first answer.
      if (live && result.ok && Array.isArray(result.value.details)) merge(namesOf(result.value.details), true);
    });
    return () => {
      live = false;
      stop();
    };
  }, [api]);
  return <CompanyNames.Provider value={names}>{children}</CompanyNames.Provider>;
}

/** The company name of `symbol`, or null when it is not known or is what the row already shows. */
export function useCompanyName(symbol: string, shown: string): string | null {
  const name = useContext(CompanyNames).get(symbol) ?? null;
  return name === null || name === shown ? null : name;
}
