/**
 * Subscription bookkeeping on one open Finnhub socket: which symbols it is subscribed to (each with
 * its slot in the sink) and the subscribe/unsubscribe messages that bring it to the wanted list.
 */
import type { TradeRoutes } from './trade-routes';

interface Sender {
  send(data: string): void;
}

function send(ws: Sender, type: 'subscribe' | 'unsubscribe', symbol: string): void {
  ws.send(JSON.stringify({ type, symbol }));
}

/** Subscribe a freshly opened socket to every wanted symbol. */
export function subscribeAll(ws: Sender, routes: TradeRoutes, symbols: readonly string[]): void {
  for (const symbol of symbols) {
    routes.add(symbol);
    send(ws, 'subscribe', symbol);
  }
}

/** Unsubscribe what is no longer wanted, then subscribe what is new; symbols kept are left alone. */
export function syncSubscriptions(ws: Sender, routes: TradeRoutes, symbols: readonly string[]): void {
  const wanted = new Set(symbols);
  for (const symbol of routes.symbols()) {
    if (wanted.has(symbol)) continue;
    routes.delete(symbol);
    send(ws, 'unsubscribe', symbol);
  }
  for (const symbol of symbols) {
    if (routes.has(symbol)) continue;
    routes.add(symbol);
    send(ws, 'subscribe', symbol);
  }
}
