import { describe, expect, it } from 'vitest';
import { TradeRoutes } from '../../../src/engine/feed/trade-routes';
import { TickStore } from '../../../src/engine/market/tick-store';
import { CollectingSink } from '../../support/collecting-sink';

describe('TradeRoutes', () => {
  it("resolves each carried symbol to the sink's slot, null for one the sink does not keep", () => {
    const store = new TickStore();
    store.setSymbols(['AAPL']);
    const routes = new TradeRoutes(store);
    routes.add('AAPL');
    routes.add('OANDA:EUR_USD');
    const slots = routes.forFrame();
    expect(slots.get('AAPL')).toBe(store.slotFor('AAPL'));
    expect(slots.get('AAPL')).not.toBeNull();
    expect(slots.get('OANDA:EUR_USD')).toBeNull();
    expect(slots.has('MSFT')).toBe(false);
  });

  it("re-resolves every slot before the next frame once the sink's symbols changed, and only then", () => {
    const store = new TickStore();
    store.setSymbols(['AAPL']);
    const routes = new TradeRoutes(store);
    routes.add('AAPL');
    routes.add('MSFT');
    const before = routes.forFrame().get('AAPL');
    expect(routes.forFrame().get('AAPL')).toBe(before);
    store.setSymbols(['MSFT']);
    const after = routes.forFrame();
    expect(after.get('AAPL')).toBeNull();
    expect(after.get('MSFT')).toBe(store.slotFor('MSFT'));
    // A symbol dropped and watched again is a new entry: the old slot is never used again.
    store.setSymbols(['AAPL', 'MSFT']);
    expect(routes.forFrame().get('AAPL')).not.toBe(before);
    expect(routes.forFrame().get('AAPL')).toBe(store.slotFor('AAPL'));
  });

  it('lets go of every slot when the sink is taken away, and resolves them again for a new one', () => {
    const first = new CollectingSink();
    const routes = new TradeRoutes(first);
    routes.add('AAPL');
    expect(routes.forFrame().get('AAPL')).not.toBeNull();
    routes.setSink(null);
    expect(routes.currentSink()).toBeNull();
    expect(routes.forFrame().get('AAPL')).toBeNull();
    const second = new CollectingSink(['AAPL']);
    routes.setSink(second);
    expect(routes.forFrame().get('AAPL')).toEqual(second.slotFor('AAPL'));
    expect(routes.symbols()).toEqual(['AAPL']);
    expect(routes.delete('AAPL')).toBe(true);
    expect(routes.size).toBe(0);
  });

  it('applies trades through the store slot exactly as the trade object path does', () => {
    const now = Date.UTC(2025, 0, 15, 15, 30);
    const viaSlot = new TickStore({ now: () => now });
    const viaObject = new TickStore({ now: () => now });
    viaSlot.setSymbols(['AAPL']);
    viaObject.setSymbols(['AAPL']);
    const routes = new TradeRoutes(viaSlot);
    routes.add('AAPL');
    const slot = routes.forFrame().get('AAPL')!;
    for (const [price, volume] of [
      [190, 5],
      [191.5, 10],
      [189, 1],
    ] as const) {
      viaSlot.acceptTrade(slot, price, volume, now, viaSlot.frameTime());
      viaObject.applyTrade({ symbol: 'AAPL', price, volume, time: now });
    }
    expect(viaSlot.snapshot('AAPL')).toEqual(viaObject.snapshot('AAPL'));
    expect(viaSlot.stats()).toEqual(viaObject.stats());
    // The store's own window still holds for slot trades: a stamp a day ahead is refused and counted.
    expect(viaSlot.acceptTrade(slot, 200, 1, now + 86_400_000, now)).toBe(false);
    expect(viaSlot.stats().droppedByReason['bad-time']).toBe(1);
  });
});
