/**
 * Behind a corporate proxy: a local HTTP CONNECT proxy is the only way to reach `finnhub.invalid`,
 * where a TLS front (the test certificate) leads to the fake Finnhub server. The websocket and
 * REST of the engine, and the headless command as users run it, reach Finnhub through it, as the
 * environment (HTTPS_PROXY, NO_PROXY) or a system lookup says.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FinnhubConnection } from '../../../src/engine/feed/finnhub-connection';
import { FinnhubRest } from '../../../src/engine/market/finnhub-rest';
import { envProxyFetch } from '../../../src/engine/net/env-proxy-fetch';
import { envProxyLookup, type ProxyLookup } from '../../../src/engine/net/proxy-lookup';
import type { FeedStatus, Trade } from '../../../src/shared/types';
import {
  TEST_CA,
  TEST_CA_PATH,
  startConnectProxy,
  startTlsFront,
  type ConnectProxy,
  type TlsFront,
} from '../../support/connect-proxy';
import { CollectingSink } from '../../support/collecting-sink';
import { startFakeFinnhub, type FakeFinnhub } from '../../support/fake-finnhub';

const HOST = 'finnhub.invalid';
const WSS_URL = `wss://${HOST}/`;
const REST_URL = `https://${HOST}/api/v1`;

let server: FakeFinnhub;
let front: TlsFront;
let proxy: ConnectProxy;
const connections: FinnhubConnection[] = [];

beforeEach(async () => {
  server = await startFakeFinnhub({ tokens: ['test-key'], waitTimeoutMs: 30_000 });
  front = await startTlsFront(server.port);
  proxy = await startConnectProxy();
  proxy.route(`${HOST}:443`, front.port);
});

afterEach(async () => {
  await Promise.all(connections.splice(0).map((connection) => connection.stop()));
  await proxy.close();
  await front.close();
  await server.close();
});

/** A connection that trusts the test certificate (as NODE_EXTRA_CA_CERTS or the OS store would). */
function connect(
  wsUrl: string,
  proxyFor: ProxyLookup,
): { connection: FinnhubConnection; trades: Trade[]; sink: CollectingSink } {
  const trades: Trade[] = [];
  const connection = new FinnhubConnection({
    token: 'test-key',
    wsUrl,
    symbols: ['AAPL'],
    connectTimeoutMs: 5_000,
    backoffBaseMs: 10,
    backoffCapMs: 50,
    closeGraceMs: 200,
    proxyFor,
    createSocket: (url, options) => new WebSocket(url, { ...options, ca: TEST_CA }),
  });
  const sink = new CollectingSink();
  connection.setSink(sink);
  sink.arrived.subscribe((trade) => trades.push(trade));
  connections.push(connection);
  return { connection, trades, sink };
}

function waitForStatus(connection: FinnhubConnection, match: (status: FeedStatus) => boolean): Promise<FeedStatus> {
  return new Promise((resolve) => {
    if (match(connection.currentStatus())) return resolve(connection.currentStatus());
    const stop = connection.status.subscribe((status) => {
      if (!match(status)) return;
      stop();
      resolve(status);
    });
  });
}

describe('the websocket through an HTTP CONNECT proxy', () => {
  it('reaches Finnhub over TLS inside the tunnel the environment names, and trades flow', async () => {
    const { connection, trades, sink } = connect(WSS_URL, envProxyLookup({ HTTPS_PROXY: proxy.url }));
    connection.start();
    await waitForStatus(connection, (status) => status.state === 'live');
    const client = await server.waitForConnection();
    expect(client.token).toBe('test-key');
    await server.waitForSubscriptions(1, client);
    const arrived = new Promise<void>((resolve) => sink.arrived.subscribe(() => resolve()));
    server.sendTrades([{ symbol: 'AAPL', price: 190.5, volume: 10, time: Date.now() }]);
    await arrived;
    expect(trades.map((trade) => trade.price)).toEqual([190.5]);
    expect(proxy.connects.map((request) => request.target)).toEqual([`${HOST}:443`]);
    // TLS ran end to end with the server's name: the proxy saw only the tunnel.
    expect(front.serverNames).toEqual([HOST]);
  });

  it('follows a system lookup (PAC-style answer) and sends the proxy’s credentials', async () => {
    proxy.requireCredentials('alice', 'p@ss word');
    const asked: string[] = [];
    const { connection } = connect(WSS_URL, (url) => {
      asked.push(url);
      return Promise.resolve(`http://alice:p%40ss%20word@127.0.0.1:${proxy.port}`);
    });
    connection.start();
    await waitForStatus(connection, (status) => status.state === 'live');
    // The lookup learns where, never the key in the URL's query.
    expect(asked).toEqual([`https://${HOST}:443/`]);
    expect(proxy.connects).toEqual([
      { target: `${HOST}:443`, authorization: `Basic ${Buffer.from('alice:p@ss word').toString('base64')}` },
    ]);
  });

  it('says which proxy refused, and keeps retrying', async () => {
    proxy.refuseWith(403);
    const { connection } = connect(WSS_URL, envProxyLookup({ https_proxy: proxy.url }));
    connection.start();
    const status = await waitForStatus(connection, (s) => s.state === 'offline');
    expect(status.message).toBe(
      `Cannot reach Finnhub: The proxy 127.0.0.1:${proxy.port} refused the tunnel to ${HOST}:443 (HTTP 403 Refused)`,
    );
    proxy.refuseWith(null);
    connection.reconnectNow();
    await waitForStatus(connection, (s) => s.state === 'live');
  });

  it('connects straight over TLS when the lookup says direct (what most systems answer)', async () => {
    const asked: string[] = [];
    const { connection } = connect(`wss://localhost:${front.port}/`, (url) => {
      asked.push(url);
      return null;
    });
    connection.start();
    await waitForStatus(connection, (status) => status.state === 'live');
    expect(asked).toEqual([`https://localhost:${front.port}/`]);
    expect(front.serverNames).toEqual(['localhost']);
    expect(proxy.connects).toEqual([]);
  });

  it('goes direct to a host NO_PROXY names', async () => {
    const { connection } = connect(
      server.wsUrl,
      envProxyLookup({ HTTP_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' }),
    );
    connection.start();
    await waitForStatus(connection, (status) => status.state === 'live');
    expect(proxy.connects).toEqual([]);
  });
});

describe('REST through an HTTP CONNECT proxy', () => {
  it('asks Finnhub for a quote over TLS inside the tunnel', async () => {
    const rest = new FinnhubRest({
      token: 'test-key',
      baseUrl: REST_URL,
      fetch: envProxyFetch({ HTTPS_PROXY: proxy.url, NO_PROXY: 'localhost' }, { ca: TEST_CA }),
    });
    const quote = await rest.quote('AAPL');
    expect(quote.current).toBe(189.4);
    expect(server.requests.map((request) => [request.path, request.query.symbol, request.token])).toEqual([
      ['/quote', 'AAPL', 'test-key'],
    ]);
    expect(proxy.connects.map((request) => request.target)).toEqual([`${HOST}:443`]);
  });

  it('goes direct to a host NO_PROXY names', async () => {
    const rest = new FinnhubRest({
      token: 'test-key',
      baseUrl: server.restUrl,
      fetch: envProxyFetch({ HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' }),
    });
    expect((await rest.quote('MSFT')).current).toBe(421.5);
    expect(proxy.connects).toEqual([]);
  });
});

/** The feed command's entry, run as `npm run feed` runs it. */
const ENTRY = new URL('../../../src/cli/feed.ts', import.meta.url).pathname;

describe('the headless command behind a proxy', { timeout: 60_000 }, () => {
  it('streams through the proxy HTTPS_PROXY names, with the certificate NODE_EXTRA_CA_CERTS adds', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', ENTRY, '--symbols', 'AAPL', '--duration', '30', '--ws-url', WSS_URL, '--rest-url', REST_URL],
      {
        env: {
          ...process.env,
          FINNHUB_API_KEY: 'test-key',
          HTTPS_PROXY: proxy.url,
          NO_PROXY: 'localhost',
          NODE_EXTRA_CA_CERTS: TEST_CA_PATH,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lines = createInterface({ input: child.stdout });
    try {
      // The previous close came over REST: the quote carries the change. The socket going live and
      // that quote are independent, so wait for both in whichever order they come.
      let sawLive = false;
      let sawQuote = false;
      for await (const text of lines) {
        const line = JSON.parse(text) as Record<string, unknown>;
        if (line.event === 'status' && line.state === 'live') sawLive = true;
        if (line.event === 'quote' && line.symbol === 'AAPL' && line.changePct !== undefined) sawQuote = true;
        if (sawLive && sawQuote) break;
        if (line.event === 'summary') throw new Error(`ended without going live and a quote: ${stderr}`);
      }
      expect(sawLive).toBe(true);
      expect(sawQuote).toBe(true);
      expect(new Set(proxy.connects.map((request) => request.target))).toEqual(new Set([`${HOST}:443`]));
      expect(server.requests.some((request) => request.path === '/quote')).toBe(true);
      expect(server.clients).toHaveLength(1);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'close');
    }
  });
});
