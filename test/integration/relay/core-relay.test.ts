/**
 * The relay inside the app's core: driven by the saved settings (off by default, on/off and port
 * as preferences, token and origins saved apart), sharing the core's one connection.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RelayServer } from '../../../src/engine/relay/relay-server';
import type { TickerCore } from '../../../src/engine/core/ticker-core';
import type { RelayView } from '../../../src/shared/types';
import { createCoreFixture, type CoreFixture } from '../../support/core-fixture';
import { startFakeFinnhub, type FakeFinnhub } from '../../support/fake-finnhub';
import { RelayWsTestClient, handshakeStatus, waitOn } from '../../support/relay-clients';

let server: FakeFinnhub;
let fixture: CoreFixture;
let core: TickerCore;
let boundPort = 0;

beforeEach(async () => {
  server = await startFakeFinnhub();
  // The saved port is a real one; the test binds a free one instead.
  fixture = createCoreFixture(server, {
    symbols: ['AAPL'],
    key: 'test-key',
    createRelayServer: (options) => {
      const relay = new RelayServer({ ...options, port: 0 });
      const listen = relay.listen.bind(relay);
      relay.listen = async () => (boundPort = await listen());
      return relay;
    },
  });
  core = fixture.core;
  core.start();
  await server.waitForSubscriptions(1);
});

afterEach(async () => {
  await core.stop();
  await server.close();
});

function nextRelayView(check: (view: RelayView) => boolean): Promise<RelayView> {
  let last: RelayView | null = null;
  const off = core.events.relay.subscribe((view) => (last = view));
  return waitOn(core.events.relay, () => (last !== null && check(last) ? last : undefined), 'a relay view').finally(
    off,
  );
}

describe('the relay in the app', () => {
  it('is off by default and makes no token until used', async () => {
    expect(core.relay()).toEqual({ enabled: false, port: 8765, listening: false, error: null, clients: [] });
    expect(fixture.settings.relay.tokenIfMade()).toBeNull();
  });

  it('starts from the preferences, shares the connection, and shows its clients', async () => {
    const listening = nextRelayView((view) => view.listening);
    await core.handlers.setPreferences({ relayEnabled: true });
    const view = await listening;
    expect(view.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fixture.settings.relay.tokenIfMade()).toBe(view.token);

    const client = await RelayWsTestClient.connect(`ws://127.0.0.1:${boundPort}/?token=${view.token}`);
    const subscribed = nextRelayView((v) => v.clients.length === 1 && v.clients[0]?.symbols.includes('MSFT') === true);
    client.subscribe('MSFT');
    const withClient = await subscribed;
    expect(withClient.clients[0]).toMatchObject({ kind: 'websocket', origin: null, symbols: ['MSFT'] });
    expect(core.relay().clients).toHaveLength(1);
    await server.waitFor(() => server.openClients()[0]?.subscriptions.has('MSFT'), 'MSFT upstream');
    server.sendTrades([{ symbol: 'MSFT', price: 420, volume: 1, time: Date.now() }]);
    await client.waitForTrades(1);
    expect(server.counters.connectionsAccepted).toBe(1);

    // A new token revokes the old one: its client is closed, and it no longer opens a connection.
    const regenerated = await core.handlers.regenerateRelayToken();
    expect(regenerated.token).not.toBe(view.token);
    expect(await client.waitForClose()).toBe(1008);
    expect(await handshakeStatus(`ws://127.0.0.1:${boundPort}/?token=${view.token}`)).toBe(401);
    expect(await handshakeStatus(`ws://127.0.0.1:${boundPort}/?token=${regenerated.token}`)).toBe(101);
    await server.waitFor(() => !server.openClients()[0]?.subscriptions.has('MSFT'), 'MSFT released');

    const origins = await core.handlers.setRelayOrigins(['https://Dash.example/']);
    expect(origins.origins).toEqual(['https://dash.example']);
    expect(
      await handshakeStatus(`ws://127.0.0.1:${boundPort}/?token=${regenerated.token}`, {
        Origin: 'https://dash.example',
      }),
    ).toBe(101);

    const second = await RelayWsTestClient.connect(`ws://127.0.0.1:${boundPort}/?token=${regenerated.token}`);
    const stopped = nextRelayView((v) => !v.listening);
    await core.handlers.setPreferences({ relayEnabled: false });
    await stopped;
    expect(await second.waitForClose()).toBe(1001);
  });

  it('applies a token or origin change made before start only when the core starts', async () => {
    const made: RelayServer[] = [];
    const early = createCoreFixture(server, {
      symbols: ['AAPL'],
      key: 'test-key',
      createRelayServer: (options) => {
        const relay = new RelayServer({ ...options, port: 0 });
        made.push(relay);
        return relay;
      },
    });
    early.settings.preferences.set({ relayEnabled: true });
    early.settings.relay.regenerateToken();
    early.settings.relay.setOrigins(['https://dash.example']);
    // Every queued apply has run by the next macrotask (no I/O is needed to create a server).
    await new Promise((resolve) => setImmediate(resolve));
    expect(made).toHaveLength(0);
    expect(early.core.relay().listening).toBe(false);

    const listening = waitOn(
      early.core.events.relay,
      () => early.core.relay().listening || undefined,
      'the early core listening',
    );
    early.core.start();
    await listening;
    expect(made).toHaveLength(1);
    await early.core.stop();
    // After stop nothing starts it again.
    early.settings.relay.regenerateToken();
    await new Promise((resolve) => setImmediate(resolve));
    expect(made).toHaveLength(1);
    expect(early.core.relay().listening).toBe(false);
  });

  it('refuses an origin that is not one, and keeps the saved list', async () => {
    await expect(Promise.resolve().then(() => core.handlers.setRelayOrigins(['not an origin']))).rejects.toMatchObject({
      code: 'invalid-payload',
    });
    expect(fixture.settings.relay.origins()).toEqual([]);
  });
});
