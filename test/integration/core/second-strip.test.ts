/**
 * The second strip against the fake Finnhub server: both strips are fed by the one connection,
 * whose subscriptions are the union of the two lists (each symbol once), diffed live as the second
 * strip is turned on, switched and turned off; a union over the plan's cap is refused with a message.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTickerCore } from '../../../src/engine/core/create-ticker-core';
import type { TickerCore } from '../../../src/engine/core/ticker-core';
import { createMemoryStore } from '../../../src/engine/settings/key-value-store';
import { createSettings } from '../../../src/engine/settings/settings';
import { TickerError } from '../../../src/shared/ipc-contract';
import { fakeSafeStorage } from '../../support/core-fixture';
import { startFakeFinnhub, type FakeFinnhub } from '../../support/fake-finnhub';

let server: FakeFinnhub;
let core: TickerCore | null = null;

beforeEach(async () => {
  server = await startFakeFinnhub({ tokens: ['test-key'] });
});

afterEach(async () => {
  await core?.stop();
  core = null;
  await server.close();
});

function start(maxSymbols = 50) {
  const store = createMemoryStore('/tmp/settings.json');
  store.store = {
    version: 2,
    lists: [
      { id: 'l1', name: 'Tech', symbols: ['AAPL', 'MSFT'] },
      { id: 'l2', name: 'Crypto', symbols: ['BINANCE:BTCUSDT', 'AAPL'] },
      { id: 'l3', name: 'FX', symbols: ['OANDA:EUR_USD', 'OANDA:GBP_USD'] },
    ],
    shownListId: 'l1',
  };
  const settings = createSettings({ store, safeStorage: fakeSafeStorage, platform: 'linux', maxSymbols });
  settings.key.set('test-key');
  core = createTickerCore({ settings, wsUrl: server.wsUrl, restUrl: server.restUrl });
  core.start();
  return core;
}

describe('two strips on the one connection', () => {
  it('subscribes the union of both lists, each symbol once, and follows the second strip live', async () => {
    const core = start();
    const client = await server.waitForConnection();
    expect(await server.waitForSubscriptions(2, client)).toEqual(['AAPL', 'MSFT']);

    await core.handlers.setSecondStrip({ enabled: true, listId: 'l2' });
    await server.waitFor(() => client.subscriptions.has('BINANCE:BTCUSDT'));
    // AAPL is on both strips: subscribed once.
    expect(client.subscriptionLog).toEqual([
      { type: 'subscribe', symbol: 'AAPL' },
      { type: 'subscribe', symbol: 'MSFT' },
      { type: 'subscribe', symbol: 'BINANCE:BTCUSDT' },
    ]);

    // Both strips' trades arrive on the one socket.
    expect(
      server.sendTrades([
        { symbol: 'BINANCE:BTCUSDT', price: 97_000, time: Date.now(), volume: 1 },
        { symbol: 'MSFT', price: 420, time: Date.now(), volume: 1 },
      ]),
    ).toBe(2);
    const priceOf = async (symbol: string) =>
      (await core.handlers.getSnapshot()).find((quote) => quote.symbol === symbol)?.price;
    await expect.poll(() => priceOf('BINANCE:BTCUSDT')).toBe(97_000);
    await expect.poll(() => priceOf('MSFT')).toBe(420);

    await core.handlers.setSecondStrip({ listId: 'l3' });
    await server.waitFor(
      () => client.subscriptions.has('OANDA:GBP_USD') && !client.subscriptions.has('BINANCE:BTCUSDT'),
    );
    expect([...client.subscriptions].sort()).toEqual(['AAPL', 'MSFT', 'OANDA:EUR_USD', 'OANDA:GBP_USD']);

    await core.handlers.setSecondStrip({ enabled: false });
    await server.waitFor(() => client.subscriptions.size === 2);
    expect([...client.subscriptions].sort()).toEqual(['AAPL', 'MSFT']);
    expect(server.counters.connectionsAccepted).toBe(1);
  });

  it('refuses a second strip whose list would take the union over the plan’s cap, with the message, changing nothing upstream', async () => {
    const core = start(3);
    const client = await server.waitForConnection();
    await server.waitForSubscriptions(2, client);
    let refusal: unknown = null;
    try {
      await core.handlers.setSecondStrip({ enabled: true, listId: 'l3' });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(TickerError);
    expect(refusal).toMatchObject({
      code: 'limit',
      message: expect.stringContaining('The lists on screen would need 4 symbols, but your plan allows 3'),
    });
    expect(core.secondStrip().enabled).toBe(false);
    // Within the cap it is fine.
    await core.handlers.setSecondStrip({ enabled: true, listId: 'l2' });
    await server.waitFor(() => client.subscriptions.has('BINANCE:BTCUSDT'));
    expect(client.subscriptionLog.filter((entry) => entry.type === 'subscribe')).toHaveLength(3);
  });
});
