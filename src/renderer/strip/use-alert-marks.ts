/**
 * The symbols whose alert fired in the last ALERT_MARK_MS, for the strip's unobtrusive mark.
 * Each firing (re)starts its symbol's mark; a timer per marked symbol takes it off again.
 */
import { useEffect, useState } from 'react';
import type { StripApi } from '../../shared/ipc-contract';

const ALERT_MARK_MS = 120_000;

export function useAlertMarks(api: StripApi, markMs: number = ALERT_MARK_MS): ReadonlySet<string> {
  const [marked, setMarked] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => {
    const timers = new Map<string, number>();
    const unmark = (symbol: string) => {
      timers.delete(symbol);
      setMarked((current) => {
        const next = new Set(current);
        next.delete(symbol);
        return next;
      });
    };
    const stop = api.onAlert((firing) => {
      const { symbol } = firing;
      const timer = timers.get(symbol);
      if (timer !== undefined) window.clearTimeout(timer);
      timers.set(
        symbol,
        window.setTimeout(() => unmark(symbol), markMs),
      );
      setMarked((current) => (current.has(symbol) ? current : new Set(current).add(symbol)));
    });
    return () => {
      stop();
      for (const timer of timers.values()) window.clearTimeout(timer);
    };
  }, [api, markMs]);
  return marked;
}
