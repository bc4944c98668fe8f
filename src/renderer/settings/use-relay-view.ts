import { useEffect, useState } from 'react';
import type { SettingsApi } from '../../shared/ipc-contract';
import type { RelayView } from '../../shared/types';
import { settle } from '../bridge';

/**
 * The relay as main describes it: loaded once, then followed through `relay` events (started,
 * stopped, failed, clients came or went, token or origins changed).
 */
export function useRelayView(api: SettingsApi): {
  view: RelayView | null;
  loadError: string | null;
} {
  const [view, setView] = useState<RelayView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    const stop = api.onRelay((next) => setView(next));
    void settle(() => api.getRelay()).then((result) => {
      if (!alive) return;
      // An event may already have brought a newer view.
      if (result.ok) setView((current) => current ?? result.value);
      else setLoadError(result.error.message);
    });
    return () => {
      alive = false;
      stop();
    };
  }, [api]);
  return { view, loadError };
}
