/**
 * The one wiring of an alert engine to a tick store: the store tells the engine of accepted trades
 * of the symbols that have rules, and learns at once when a symbol gains or loses its rules.
 */
import type { TickStore } from '../market/tick-store';
import type { AlertEngine } from './alert-engine';

/** Returns a function that disconnects the two again. */
export function feedAlertsFromStore(store: Pick<TickStore, 'setTradeObserver'>, alerts: AlertEngine): () => void {
  store.setTradeObserver(alerts.onTrade, alerts.symbols());
  const unsubscribe = alerts.symbolsChanged.subscribe((symbols) => store.setTradeObserver(alerts.onTrade, symbols));
  return () => {
    unsubscribe();
    store.setTradeObserver(null, []);
  };
}
