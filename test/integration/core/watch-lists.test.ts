/**
 * Watch lists against the fake Finnhub server: a version 1 settings file (one list) comes up with
 * every symbol subscribed on the one connection, and switching or editing lists diffs the union of
 * the lists on screen onto that same socket (each symbol subscribed once, no reconnect).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TickerCore } from '../../../src/engine/core/ticker-core';
import { createMemoryStore } from '../../../src/engine/settings/key-value-store';
import { DEFAULT_PREFERENCES } from '../../../src/shared/preference-rules';
import { createCoreFixture, fakeSafeStorage } from '../../support/core-fixture';
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

/** A settings file as version 1 of Ticker wrote it: one list, the key encrypted. */
function version1Store(symbols: string[]) {
  const store = createMemoryStore('/tmp/settings.json');
  store.store = {
    version: 1,
    symbols,
    preferences: { ...DEFAULT_PREFERENCES, theme: 'light', speed: 90, updateRateHz: 4 },
    window: { displayId: null, docked: true, x: null, y: null },
    apiKey: { protection: 'encrypted', data: fakeSafeStorage.encryptString('test-key').toString('base64') },
  };
  return store;
}

describe('watch lists on the one connection', () => {
  it('a migrated version 1 file streams every one of its symbols with its saved key and preferences', async () => {
    const store = version1Store(['IBM', 'BINANCE:SOLUSDT', 'OANDA:GBP_USD']);
    const fixture = createCoreFixture(server, { store });
    core = fixture.core;
    expect(fixture.settings.notices()).toEqual([]);
    core.start();
    const client = await server.waitForConnection();
    expect(await server.waitForSubscriptions(3, client)).toEqual(['IBM', 'BINANCE:SOLUSDT', 'OANDA:GBP_USD']);
    expect(core.preferences()).toMatchObject({ theme: 'light', speed: 90, updateRateHz: 4 });
    expect(core.lists()).toEqual([
      { id: 'l1', name: 'Watch list', symbols: ['IBM', 'BINANCE:SOLUSDT', 'OANDA:GBP_USD'] },
    ]);
    expect(store.store.symbols).toBeUndefined();
  });

  it('switching lists diffs the union onto the live socket; lists not on screen are not subscribed', async () => {
    const fixture = createCoreFixture(server, { symbols: ['AAPL', 'MSFT'], key: 'test-key' });
    core = fixture.core;
    core.start();
    const client = await server.waitForConnection();
    await server.waitForSubscriptions(2, client);

    const crypto = await core.handlers.createList('Crypto');
    await core.handlers.addToList(crypto.id, 'BINANCE:BTCUSDT');
    await core.handlers.addToList(crypto.id, 'AAPL');
    // Not on screen: nothing upstream changes.
    expect(client.subscriptionLog).toHaveLength(2);

    const shown = await core.handlers.showList(crypto.id);
    expect(shown.symbols).toEqual(['BINANCE:BTCUSDT', 'AAPL']);
    await server.waitFor(() => client.subscriptions.has('BINANCE:BTCUSDT') && !client.subscriptions.has('MSFT'));
    // A symbol shown before and after (AAPL) stays subscribed: never twice, never dropped.
    expect(client.subscriptionLog.slice(0, 2)).toEqual([
      { type: 'subscribe', symbol: 'AAPL' },
      { type: 'subscribe', symbol: 'MSFT' },
    ]);
    expect(client.subscriptionLog.slice(2)).toEqual(
      expect.arrayContaining([
        { type: 'subscribe', symbol: 'BINANCE:BTCUSDT' },
        { type: 'unsubscribe', symbol: 'MSFT' },
      ]),
    );
    expect(client.subscriptionLog).toHaveLength(4);

    // Editing a list that is not shown changes nothing upstream; editing the shown one does.
    await core.handlers.addToList('l1', 'NVDA');
    await core.handlers.removeFromList(crypto.id, 'AAPL');
    await server.waitFor(() => !client.subscriptions.has('AAPL'));
    expect(client.subscriptions.has('NVDA')).toBe(false);

    // Deleting the shown list falls back to the first list.
    await core.handlers.deleteList(crypto.id);
    await server.waitFor(() => client.subscriptions.has('NVDA') && !client.subscriptions.has('BINANCE:BTCUSDT'));
    expect([...client.subscriptions].sort()).toEqual(['AAPL', 'MSFT', 'NVDA']);
    expect(server.counters.connectionsAccepted).toBe(1);
    expect(core.symbols()).toEqual(['AAPL', 'MSFT', 'NVDA']);
  });
});
