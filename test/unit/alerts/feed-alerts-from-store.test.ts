import { describe, expect, it } from 'vitest';
import { AlertEngine } from '../../../src/engine/alerts/alert-engine';
import { feedAlertsFromStore } from '../../../src/engine/alerts/feed-alerts-from-store';
import { TickStore } from '../../../src/engine/market/tick-store';
import type { AlertFiring, AlertRule } from '../../../src/shared/alert-rules';

const T0 = Date.UTC(2024, 0, 16, 15, 0, 0);

function rule(id: string, symbol: string, value: number): AlertRule {
  return { id, symbol, metric: 'price', op: '>=', value, recurring: true, cooldownS: 0, triggered: false };
}

function setup() {
  const clock = { now: T0 };
  const store = new TickStore({ now: () => clock.now });
  store.setSymbols(['AAPL', 'MSFT']);
  const alerts = new AlertEngine({ now: () => clock.now });
  const fired: AlertFiring[] = [];
  alerts.fired.subscribe((firing) => fired.push(firing));
  /** One trade per symbol at `price`, 1 s apart; recurring rules re-arm on the next one below. */
  const trade = (symbol: string, price: number) => {
    clock.now += 1000;
    store.applyTrades([{ symbol, price, volume: 1, time: clock.now }]);
  };
  return { store, alerts, fired, trade };
}

describe('feedAlertsFromStore', () => {
  it('fires on every accepted trade of a symbol with rules', () => {
    const { store, alerts, fired, trade } = setup();
    alerts.setRules([rule('a', 'AAPL', 100)]);
    feedAlertsFromStore(store, alerts);
    trade('AAPL', 101);
    trade('AAPL', 50);
    trade('AAPL', 102);
    trade('AAPL', Number.NaN);
    expect(fired.map((f) => [f.symbol, f.price])).toEqual([
      ['AAPL', 101],
      ['AAPL', 102],
    ]);
  });

  it('notices a symbol gaining and losing rules after it was wired', () => {
    const { store, alerts, fired, trade } = setup();
    feedAlertsFromStore(store, alerts);
    trade('MSFT', 500);
    expect(fired).toHaveLength(0);
    alerts.setRules([rule('m', 'MSFT', 400)]);
    trade('MSFT', 500);
    expect(fired.map((f) => f.symbol)).toEqual(['MSFT']);
    alerts.setRules([rule('a', 'AAPL', 100)]);
    trade('MSFT', 1);
    trade('MSFT', 500);
    trade('AAPL', 101);
    expect(fired.map((f) => f.symbol)).toEqual(['MSFT', 'AAPL']);
  });

  it('reaches a symbol watched only after its rule was set, and stops once disconnected', () => {
    const { store, alerts, fired, trade } = setup();
    alerts.setRules([rule('n', 'NVDA', 400)]);
    const disconnect = feedAlertsFromStore(store, alerts);
    store.setSymbols(['AAPL', 'MSFT', 'NVDA']);
    trade('NVDA', 500);
    expect(fired.map((f) => f.symbol)).toEqual(['NVDA']);
    disconnect();
    trade('NVDA', 1);
    trade('NVDA', 500);
    expect(fired).toHaveLength(1);
  });
});
