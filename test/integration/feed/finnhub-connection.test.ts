import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { createServer } from 'node:net';
import WebSocket from 'ws';
import { FinnhubConnection, type FinnhubConnectionOptions } from '../../../src/engine/feed/finnhub-connection';
import type { FeedStatus, Trade } from '../../../src/shared/types';
import { CollectingSink } from '../../support/collecting-sink';
import { startFakeFinnhub, type FakeFinnhub } from '../../support/fake-finnhub';

let server: FakeFinnhub;
const connections: FinnhubConnection[] = [];
const NOW = Date.UTC(2025, 0, 15, 15, 30);

beforeEach(async () => {
  server = await startFakeFinnhub();
});

afterEach(async () => {
  await Promise.all(connections.splice(0).map((c) => c.stop()));
  await server.close();
});

function connect(overrides: Partial<FinnhubConnectionOptions> = {}) {
  const sockets: WebSocket[] = [];
  const trades: Trade[] = [];
  const statuses: FeedStatus[] = [];
  const connection = new FinnhubConnection({
    token: 'test-key',
    wsUrl: server.wsUrl,
    symbols: ['AAPL', 'MSFT', 'BINANCE:BTCUSDT'],
    heartbeatTimeoutMs: 5_000,
    connectTimeoutMs: 2_000,
    healthyAfterMs: 60_000,
    backoffBaseMs: 10,
    backoffCapMs: 50,
    closeGraceMs: 500,
    createSocket: (url, options) => {
      const socket = new WebSocket(url, options);
      sockets.push(socket);
      return socket;
    },
    ...overrides,
  });
  const sink = new CollectingSink();
  connection.setSink(sink);
  sink.arrived.subscribe((trade) => trades.push(trade));
  connection.status.subscribe((status) => statuses.push(status));
  connections.push(connection);
  return { connection, sockets, trades, statuses, sink };
}

/** Resolves with the first status (current or future) that matches. */
function waitForStatus(
  connection: FinnhubConnection,
  match: (status: FeedStatus) => boolean,
  timeoutMs = 5_000,
): Promise<FeedStatus> {
  return new Promise((resolve, reject) => {
    if (match(connection.currentStatus())) {
      resolve(connection.currentStatus());
      return;
    }
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out waiting for a status; last was ${JSON.stringify(connection.currentStatus())}`));
    }, timeoutMs);
    const unsubscribe = connection.status.subscribe((status) => {
      if (!match(status)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(status);
    });
  });
}

const state = (name: FeedStatus['state']) => (status: FeedStatus) => status.state === name;

function waitForTrades(list: Trade[], count: number, sink: CollectingSink): Promise<void> {
  return new Promise((resolve, reject) => {
    if (list.length >= count) return resolve();
    const timer = setTimeout(() => reject(new Error(`only ${list.length} of ${count} trades arrived`)), 5_000);
    const unsubscribe = sink.arrived.subscribe(() => {
      if (list.length < count) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    });
  });
}

/** A full request/response round trip to the fake server: anything the client sent before has arrived. */
async function roundTrip(): Promise<void> {
  await fetch(`${server.restUrl}/quote?symbol=AAPL&token=test-key`).then((r) => r.text());
}

describe('FinnhubConnection against the fake Finnhub server', () => {
  it('subscribes each symbol exactly once, in list order, and delivers trades', async () => {
    const { connection, trades, sink } = connect();
    connection.start();
    const client = await server.waitForConnection();
    expect(await server.waitForSubscriptions(3)).toEqual(['AAPL', 'MSFT', 'BINANCE:BTCUSDT']);
    await waitForStatus(connection, state('live'));

    server.sendTrades([
      { symbol: 'AAPL', price: 190.1, volume: 5, time: NOW },
      { symbol: 'BINANCE:BTCUSDT', price: 95_000, volume: 0.01, time: NOW + 1, conditions: null },
    ]);
    await waitForTrades(trades, 2, sink);
    expect(trades).toEqual([
      { symbol: 'AAPL', price: 190.1, volume: 5, time: NOW },
      { symbol: 'BINANCE:BTCUSDT', price: 95_000, volume: 0.01, time: NOW + 1 },
    ]);
    expect(client.subscriptionLog).toHaveLength(3);
    expect(connection.stats()).toMatchObject({ connections: 1, reconnects: 0, trades: 2, dropped: 0 });
  });

  it('diffs a new symbol list into subscribe/unsubscribe on the live socket, without reconnecting', async () => {
    const { connection } = connect();
    connection.start();
    const client = await server.waitForConnection();
    await server.waitForSubscriptions(3);
    connection.setSymbols(['MSFT', 'NVDA', 'BINANCE:BTCUSDT', 'OANDA:EUR_USD']);
    await server.waitFor(() => client.subscriptionLog.length >= 6 || undefined, 'diff messages');
    expect(client.subscriptionLog.slice(3)).toEqual([
      { type: 'unsubscribe', symbol: 'AAPL' },
      { type: 'subscribe', symbol: 'NVDA' },
      { type: 'subscribe', symbol: 'OANDA:EUR_USD' },
    ]);
    expect([...client.subscriptions]).toEqual(['MSFT', 'BINANCE:BTCUSDT', 'NVDA', 'OANDA:EUR_USD']);
    expect(server.counters.connectionsAccepted).toBe(1);
    expect(client.open).toBe(true);
  });

  it('reconnects after an abrupt drop and resubscribes the current list exactly once', async () => {
    const { connection, statuses } = connect();
    connection.start();
    await server.waitForSubscriptions(3);
    connection.setSymbols(['NVDA', 'AAPL']);
    server.dropAll();
    const second = await server.waitForConnection(2);
    await server.waitForSubscriptions(2, second);
    await waitForStatus(connection, state('live'));
    await roundTrip();
    expect(second.subscriptionLog).toEqual([
      { type: 'subscribe', symbol: 'NVDA' },
      { type: 'subscribe', symbol: 'AAPL' },
    ]);
    const reconnecting = statuses.find((s) => s.state === 'reconnecting');
    expect(reconnecting).toMatchObject({ attempt: 1 });
    expect(reconnecting?.retryInMs).toBeGreaterThanOrEqual(0);
    expect(reconnecting?.retryInMs).toBeLessThanOrEqual(10);
    expect(connection.stats()).toMatchObject({ connections: 2, reconnects: 1 });
  });

  it('stops retrying on 401 and reconnects once a new token is set', async () => {
    const { connection } = connect({ token: 'wrong-key' });
    connection.start();
    const status = await waitForStatus(connection, state('unauthorized'));
    expect(status.message).toMatch(/401/);
    expect(status.retryInMs).toBeUndefined();
    connection.reconnectNow(); // no effect while unauthorized
    connection.setToken('test-key');
    const client = await server.waitForConnection();
    await waitForStatus(connection, state('live'));
    expect(client.token).toBe('test-key');
    expect(server.counters.handshakesRefused).toBe(1);
    expect(server.counters.connectionsAccepted).toBe(1);
  });

  it('treats 403 like 401', async () => {
    server.respondToUpgradeWith(403);
    const { connection } = connect();
    connection.start();
    expect((await waitForStatus(connection, state('unauthorized'))).message).toMatch(/403/);
  });

  it('waits as long as Retry-After says on 429', async () => {
    server.respondToUpgradeWith(429, { 'Retry-After': '7' }, 1);
    const { connection } = connect();
    connection.start();
    const status = await waitForStatus(connection, state('rate-limited'));
    expect(status).toMatchObject({ attempt: 1, retryInMs: 7_000 });
    connection.reconnectNow();
    await waitForStatus(connection, state('live'));
    expect(server.counters.handshakesRefused).toBe(1);
  });

  it('backs off for a long, jittered time on 429 without Retry-After', async () => {
    server.respondToUpgradeWith(429);
    const { connection } = connect({ random: () => 0.5 });
    connection.start();
    const status = await waitForStatus(connection, state('rate-limited'));
    expect(status.retryInMs).toBe(30_000 + 15_000);
    server.acceptUpgrades();
    connection.reconnectNow();
    await waitForStatus(connection, state('live'));
  });

  it('reports other refusals (HTTP 500) as reconnecting and keeps trying', async () => {
    server.respondToUpgradeWith(500, {}, 2);
    const { connection, statuses } = connect();
    connection.start();
    await waitForStatus(connection, state('live'));
    const failures = statuses.filter((s) => s.state === 'reconnecting');
    expect(failures.map((s) => s.attempt)).toEqual([1, 2]);
    expect(failures[0]?.message).toMatch(/500/);
  });

  it('keeps backing off, offline, while nothing listens on the port', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
      });
    });
    const { connection, statuses } = connect({ wsUrl: `ws://127.0.0.1:${port}` });
    connection.start();
    await waitForStatus(connection, (s) => s.state === 'offline' && s.attempt === 4);
    const offline = statuses.filter((s) => s.state === 'offline');
    expect(offline.map((s) => s.attempt)).toEqual([1, 2, 3, 4]);
    expect(offline[0]?.message).toMatch(/ECONNREFUSED/);
    expect(connection.stats().connections).toBe(0);
  });

  it('reconnects when the server goes silent for the heartbeat timeout', async () => {
    const { connection } = connect({ heartbeatTimeoutMs: 200 });
    connection.start();
    const first = await server.waitForConnection();
    await waitForStatus(connection, state('live'));
    server.stall(true);
    const status = await waitForStatus(connection, state('reconnecting'));
    expect(status.message).toMatch(/No data/);
    server.stall(false);
    await server.waitForClose(first);
    const second = await server.waitForConnection(2);
    await server.waitForSubscriptions(3, second);
    expect(first.open).toBe(false);
  });

  it('never has two sockets open for its key, however often it is dropped', async () => {
    const { connection } = connect();
    connection.start();
    for (let round = 1; round <= 15; round++) {
      const client = await server.waitForConnection(round);
      await server.waitForSubscriptions(3, client);
      if (round % 3 === 0) connection.reconnectNow(); // no-op while live
      if (round % 5 === 0) server.closeAll(1001, 'going away');
      else server.dropAll();
    }
    await server.waitForConnection(16);
    await roundTrip();
    expect(server.counters.maxOpenConnections('test-key')).toBe(1);
    expect(server.counters.openConnections('test-key')).toBe(1);
  });

  it('drops and counts malformed frames while good trades still count', async () => {
    const { connection, trades, sink } = connect();
    connection.start();
    await server.waitForSubscriptions(3);
    server.sendRaw('not json');
    server.sendRaw(Buffer.from([1, 2, 3]), { binary: true });
    server.sendRaw('{"type":"trade","data":"AAPL"}');
    server.sendRaw(
      JSON.stringify({
        type: 'trade',
        data: [
          { p: 'x', s: 'AAPL', t: NOW, v: 1 },
          { p: 191, s: 'AAPL', t: NOW, v: 1 },
          { p: 5, s: 'TSLA', t: NOW, v: 1 },
          { p: 0, s: 'MSFT', t: NOW, v: 1 },
        ],
      }),
    );
    server.sendPing();
    server.sendTrades([{ symbol: 'MSFT', price: 420, volume: 3, time: NOW }]);
    await waitForTrades(trades, 2, sink);
    expect(trades.map((t) => t.price)).toEqual([191, 420]);
    const stats = connection.stats();
    expect(stats.trades).toBe(2);
    expect(stats.dropped).toBe(6);
    expect(stats.droppedByReason).toMatchObject({
      'non-json': 1,
      binary: 1,
      'data-not-array': 1,
      'bad-price': 2,
      unsubscribed: 1,
    });
    expect(stats.lastMessageAt).not.toBeNull();
    expect(connection.currentStatus().state).toBe('live');
  });

  it('shows a server error message and carries on', async () => {
    const { connection, trades, sink } = connect();
    connection.start();
    await server.waitForSubscriptions(3);
    const live = await waitForStatus(connection, state('live'));
    server.sendError('Subscribing to too many symbols');
    const withMessage = await waitForStatus(connection, (s) => s.message !== undefined);
    expect(withMessage).toMatchObject({ state: 'live', message: 'Subscribing to too many symbols', since: live.since });
    expect(connection.stats().lastServerError).toBe('Subscribing to too many symbols');
    server.sendTrades([{ symbol: 'AAPL', price: 1, volume: 1, time: NOW }]);
    await waitForTrades(trades, 1, sink);
    expect(server.counters.connectionsAccepted).toBe(1);
  });

  it('pauses with a clean close and resumes with a fresh subscription', async () => {
    const { connection } = connect();
    connection.start();
    const first = await server.waitForConnection();
    await server.waitForSubscriptions(3);
    connection.pause();
    expect(connection.currentStatus().state).toBe('paused');
    expect((await server.waitForClose(first)).closeCode).toBe(1000);
    connection.reconnectNow(); // ignored while paused
    connection.resume();
    const second = await server.waitForConnection(2);
    expect(await server.waitForSubscriptions(3, second)).toEqual(['AAPL', 'MSFT', 'BINANCE:BTCUSDT']);
    await waitForStatus(connection, state('live'));
  });

  it('stops with close code 1000 and never reconnects afterwards', async () => {
    const { connection, statuses } = connect({ backoffBaseMs: 1, backoffCapMs: 1 });
    connection.start();
    const client = await server.waitForConnection();
    await server.waitForSubscriptions(3);
    await connection.stop();
    expect(client.closeCode).toBe(1000);
    expect(statuses.at(-1)?.state).toBe('stopped');
    server.dropAll();
    connection.reconnectNow();
    connection.resume();
    connection.start();
    await roundTrip();
    await roundTrip();
    expect(server.counters.connectionsAccepted).toBe(1);
    expect(statuses.at(-1)?.state).toBe('stopped');
  });

  it('reconnectNow skips a long pending backoff', async () => {
    const { connection } = connect({ backoffBaseMs: 60_000, backoffCapMs: 60_000, random: () => 0.5 });
    connection.start();
    await server.waitForSubscriptions(3);
    server.dropAll();
    const waiting = await waitForStatus(connection, state('reconnecting'));
    expect(waiting.retryInMs).toBe(45_000);
    connection.reconnectNow();
    await server.waitForConnection(2);
    await waitForStatus(connection, state('live'));
  });

  it('leaves no listeners on the sockets it discarded after many reconnects', async () => {
    const { connection, sockets } = connect();
    connection.start();
    for (let round = 1; round <= 10; round++) {
      await server.waitForSubscriptions(3, await server.waitForConnection(round));
      server.dropAll();
    }
    await server.waitForSubscriptions(3, await server.waitForConnection(11));
    expect(sockets).toHaveLength(11);
    for (const old of sockets.slice(0, -1)) {
      const listeners = old.eventNames().reduce((sum, name) => sum + old.listenerCount(name), 0);
      expect(listeners).toBe(1); // only the guard against late errors
    }
    expect(connection.status.size).toBe(1);
  });
});
