import { useEffect, useState } from 'react';
import { isEconomyState, type EconomyState } from '../../shared/economy';
import type { TickerApi } from '../../shared/ipc-contract';

/**
 * Main's economy state (the preference and the power source), live; null until main has said
 * (it answers as soon as the page listens). A malformed push is ignored.
 */
export function useEconomy(api: Pick<TickerApi, 'onEconomy'>, initial: unknown = null): EconomyState | null {
  // The page's start may already carry it, so a strip opened on battery never scrolls first.
  const [state, setState] = useState<EconomyState | null>(() => (isEconomyState(initial) ? initial : null));
  useEffect(
    () =>
      api.onEconomy((next) => {
        if (isEconomyState(next)) setState(next);
      }),
    [api],
  );
  return state;
}
