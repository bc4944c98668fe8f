import { useEffect, useRef, useState } from 'react';
import { RESORT_INTERVAL_MS, StripOrder, type SortFacts, type SortOrder } from '../../shared/strip-sort';

/**
 * A strip's items in its sort order (src/shared/strip-sort.ts): re-sorted at most every 10 s and
 * never while the pointer is over the strip; a new order or list applies at once (once the pointer
 * has left). `facts` is read at each re-sort, never per price update.
 */
export function useStripOrder(
  symbols: readonly string[],
  sortOrder: SortOrder,
  facts: (symbol: string) => SortFacts | undefined,
  pointerOver: boolean,
): readonly string[] {
  const order = useState(() => new StripOrder())[0];
  const factsRef = useRef(facts);
  factsRef.current = facts;
  const pointerRef = useRef(pointerOver);
  pointerRef.current = pointerOver;
  const [sorted, setSorted] = useState<readonly string[]>(() =>
    order.update(symbols, facts, sortOrder, Date.now(), pointerOver),
  );
  useEffect(() => {
    const resort = (): void => {
      const next = order.update(
        symbols,
        (symbol) => factsRef.current(symbol),
        sortOrder,
        Date.now(),
        pointerRef.current,
      );
      setSorted((before) => (before === next ? before : next));
    };
    resort();
    if (sortOrder === 'list') return;
    const timer = window.setInterval(resort, RESORT_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [order, symbols, sortOrder, pointerOver]);
  return sorted;
}
