import { useEffect, useState } from 'react';
import type { StripApi } from '../../shared/ipc-contract';
import type { Headline, SymbolDetails } from '../../shared/symbol-context';
import { settle } from '../bridge';

interface CompanyContextView {
  details: ReadonlyMap<string, SymbolDetails>;
  headlines: readonly Headline[];
}

const isDetails = (value: unknown): value is SymbolDetails =>
  typeof value === 'object' && value !== null && typeof (value as SymbolDetails).symbol === 'string';
const isHeadline = (value: unknown): value is Headline =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Headline).headline === 'string' &&
  typeof (value as Headline).url === 'string' &&
  typeof (value as Headline).symbol === 'string';

/**
 * The company context main pushes to this strip: each symbol's details (merged as they change) and
 * the headlines shown. Listens first, then asks for what is known, so nothing pushed in between is
 * lost; a push always wins over the first answer.
 */
export function useCompanyContext(api: StripApi): CompanyContextView {
  const [details, setDetails] = useState<ReadonlyMap<string, SymbolDetails>>(() => new Map());
  const [headlines, setHeadlines] = useState<readonly Headline[]>([]);
  useEffect(() => {
    let pushedHeadlines = false;
    const merge = (changed: readonly unknown[]) =>
      setDetails((before) => {
        const next = new Map(before);
        for (const entry of changed) if (isDetails(entry)) next.set(entry.symbol, entry);
        return next;
      });
    const stopDetails = api.onDetails((changed) => {
      if (Array.isArray(changed)) merge(changed);
    });
    const stopHeadlines = api.onHeadlines((shown) => {
      if (!Array.isArray(shown)) return;
      pushedHeadlines = true;
      setHeadlines(shown.filter(isHeadline));
    });
    let live = true;
    void settle(() => api.getContext()).then((result) => {
      if (!live || !result.ok) return;
      // Pushed details are newer: they are merged over the first answer.
      setDetails((before) => {
        const next = new Map<string, SymbolDetails>();
        for (const entry of result.value.details) if (isDetails(entry)) next.set(entry.symbol, entry);
        for (const [symbol, entry] of before) next.set(symbol, entry);
        return next;
      });
      if (!pushedHeadlines) setHeadlines(result.value.headlines.filter(isHeadline));
    });
    return () => {
      live = false;
      stopDetails();
      stopHeadlines();
    };
  }, [api]);
  return { details, headlines };
}
