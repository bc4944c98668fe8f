import { useEffect, useState } from 'react';
import type { SettingsApi } from '../../shared/ipc-contract';
import type { DisplayInfo } from '../../shared/types';
import { settle } from '../bridge';

/** The displays main reports, refreshed whenever this window regains focus (monitors come and go). */
export function useDisplays(api: SettingsApi): DisplayInfo[] {
  const [displays, setDisplays] = useState<DisplayInfo[]>([]);
  useEffect(() => {
    let alive = true;
    const load = () => {
      void settle(() => api.getDisplays()).then((result) => {
        if (alive && result.ok && Array.isArray(result.value)) setDisplays(result.value);
      });
    };
    load();
    window.addEventListener('focus', load);
    return () => {
      alive = false;
      window.removeEventListener('focus', load);
    };
  }, [api]);
  return displays;
}
