import { afterEach, describe, expect, it } from 'vitest';
import type { FakeClient } from '../../support/fake-finnhub';
import { RelayWsTestClient, SseTestClient, handshakeStatus } from '../../support/relay-clients';
import { FINNHUB_KEY, RELAY_TOKEN, startRelayRig, type RelayRig, type RelayRigOptions } from '../../support/relay-rig';

let rig: RelayRig;
const opened: Array<{ close(): unknown }> = [];

async function start(options: RelayRigOptions = {}): Promise<RelayRig> {
  rig = await startRelayRig(options);
  await rig.server.waitForSubscriptions(options.own?.length ?? 1);
  return rig;
}

async function ws(token?: string | null): Promise<RelayWsTestClient> {
  const client = await RelayWsTestClient.connect(rig.wsUrl(token));
  opened.push(client);
  return client;
}

async function sse(symbols: string, headers: Record<string, string> = {}): Promise<SseTestClient> {
  const client = await SseTestClient.open(rig.sseUrl(symbols), headers);
  opened.push(client);
  return client;
}

function upstream(): FakeClient {
  const client = rig.server.openClients()[0];
  if (!client) throw new Error('no upstream connection');
  return client;
}

function upstreamHas(...symbols: string[]): Promise<true> {
  return rig.server.waitFor(
    () => {
      const client = rig.server.openClients()[0];
      return client !== undefined && symbols.every((symbol) => client.subscriptions.has(symbol));
    },
    `upstream subscribed to ${symbols.join(', ')}`,
  );
}

function trade(symbol: string, price: number) {
  return { symbol, price, volume: 5, time: Date.now(), conditions: ['1', '12'] };
}

afterEach(async () => {
  for (const client of opened.splice(0)) await client.close();
  await rig?.close();
});

describe('relay: several clients on one upstream connection', () => {
  it('gives every websocket and SSE client only its own symbols, as Finnhub sent them', async () => {
    await start({ own: ['AAPL'] });
    const a = await ws();
    const b = await ws();
    a.subscribe('MSFT');
    b.subscribe('AAPL', 'NVDA');
    const s = await sse('BINANCE:BTCUSDT,AAPL');
    await upstreamHas('AAPL', 'MSFT', 'NVDA', 'BINANCE:BTCUSDT');
    await rig.waitFor(
      () => rig.relay.clientList().find((c) => c.id.startsWith('ws-2'))?.symbols.length === 2,
      'b subscribed',
    );

    rig.server.sendRaw(
      JSON.stringify({
        type: 'trade',
        data: [
          { p: 421.1, s: 'MSFT', t: Date.now(), v: 3, c: ['12'], x: 'kept' },
          { p: 189.5, s: 'AAPL', t: Date.now(), v: 7, c: null },
          { p: 131.5, s: 'NVDA', t: Date.now(), v: 1 },
          { p: 95000.5, s: 'BINANCE:BTCUSDT', t: Date.now(), v: 0.01 },
          { p: -1, s: 'MSFT', t: Date.now(), v: 1 },
        ],
      }),
    );

    const aTrades = await a.waitForTrades(1);
    const bTrades = await b.waitForTrades(2);
    const sTrades = await s.waitFor(() => s.trades().length >= 2 && s.trades(), 'sse trades');
    expect(aTrades).toEqual([{ p: 421.1, s: 'MSFT', t: expect.any(Number), v: 3, c: ['12'], x: 'kept' }]);
    expect(bTrades.map((t) => t.s)).toEqual(['AAPL', 'NVDA']);
    expect(bTrades[0]).toHaveProperty('c', null);
    expect(sTrades.map((t) => t.s)).toEqual(['AAPL', 'BINANCE:BTCUSDT']);
    expect(rig.server.counters.connectionsAccepted).toBe(1);
    expect(rig.server.counters.maxOpenConnections(FINNHUB_KEY)).toBe(1);
    // Ticker's own store saw only its own symbol.
    expect(rig.session.store.symbols()).toEqual(['AAPL']);
    expect(rig.session.store.snapshot('AAPL')?.price).toBe(189.5);
  });

  it('subscribes a symbol upstream once, however many clients want it', async () => {
    await start({ own: ['AAPL'] });
    const a = await ws();
    const b = await ws();
    a.subscribe('MSFT', 'AAPL');
    b.subscribe('MSFT');
    await sse('MSFT');
    await upstreamHas('MSFT');
    await rig.waitFor(() => rig.relay.clientList().every((c) => c.symbols.includes('MSFT')), 'all subscribed');
    const subscribes = upstream()
      .subscriptionLog.filter((m) => m.type === 'subscribe')
      .map((m) => m.symbol);
    expect(subscribes.sort()).toEqual(['AAPL', 'MSFT']);
  });
});

describe('relay: reference counting', () => {
  it('unsubscribes upstream only when the last client lets go, on unsubscribe or disconnect', async () => {
    await start({ own: ['AAPL'] });
    const a = await ws();
    const b = await ws();
    a.subscribe('MSFT');
    b.subscribe('MSFT', 'AAPL');
    await upstreamHas('MSFT');
    await rig.waitFor(
      () =>
        rig.session.upstreamSymbols().length === 2 && rig.relay.clientList().every((c) => c.symbols.includes('MSFT')),
      'both',
    );

    a.unsubscribe('MSFT');
    await rig.waitFor(
      () => rig.relay.clientList().find((c) => c.id === 'ws-1')?.symbols.length === 0,
      'a unsubscribed',
    );
    expect(upstream().subscriptions.has('MSFT')).toBe(true);
    rig.server.sendTrades([trade('MSFT', 420)]);
    await b.waitForTrades(1);
    expect(a.trades()).toEqual([]);

    await b.close();
    await rig.waitFor(() => !upstream().subscriptions.has('MSFT'), 'MSFT unsubscribed upstream');
    // Ticker's own symbol stays, although the client that also wanted it left.
    expect([...upstream().subscriptions]).toEqual(['AAPL']);
    expect(
      upstream()
        .subscriptionLog.filter((m) => m.symbol === 'AAPL')
        .map((m) => m.type),
    ).toEqual(['subscribe']);
  });

  it("releases an SSE client's symbols when it disconnects", async () => {
    await start({ own: ['AAPL'] });
    const s = await sse('NVDA,MSFT');
    await upstreamHas('NVDA', 'MSFT');
    expect(rig.connection.rawTrades.size).toBe(1);
    s.close();
    await rig.waitFor(() => upstream().subscriptions.size === 1, 'released');
    expect(rig.relay.clientList()).toEqual([]);
    // Without clients the connection no longer builds Finnhub-shaped trades for anyone.
    expect(rig.connection.rawTrades.size).toBe(0);
  });
});

describe("relay: the plan's cap counts the union", () => {
  it("refuses a client symbol over the cap and makes room for Ticker's own symbols first", async () => {
    await start({ own: ['AAPL', 'MSFT'], maxSymbols: 3 });
    const a = await ws();
    a.subscribe('NVDA', 'BINANCE:BTCUSDT');
    const [error] = await a.waitForErrors(1);
    expect(error).toMatch(/^Subscribing to too many symbols: BINANCE:BTCUSDT/);
    await upstreamHas('NVDA');
    expect(upstream().subscriptions.size).toBe(3);
    expect(upstream().subscriptionLog.some((m) => m.symbol === 'BINANCE:BTCUSDT')).toBe(false);

    // Another client may share a symbol already carried, even at the cap.
    const b = await ws();
    b.subscribe('AAPL', 'NVDA');
    await rig.waitFor(() => rig.relay.clientList().find((c) => c.id === 'ws-2')?.symbols.length === 2, 'b shares');
    expect(b.errors()).toEqual([]);

    rig.session.setSymbols(['AAPL', 'MSFT', 'OANDA:EUR_USD']);
    await upstreamHas('OANDA:EUR_USD');
    await rig.waitFor(() => !upstream().subscriptions.has('NVDA'), 'NVDA evicted');
    const [, evicted] = await a.waitForErrors(2);
    expect(evicted).toMatch(/NVDA was unsubscribed to make room for Ticker's own symbols/);
    await b.waitForErrors(1);
    expect(rig.relay.clientList().map((c) => c.symbols)).toEqual([[], ['AAPL']]);
  });

  it('answers an SSE request for more symbols than the plan allows with 400', async () => {
    await start({ own: ['AAPL'], maxSymbols: 2 });
    await expect(sse('MSFT,NVDA,TSLA')).rejects.toMatchObject({ status: 400 });
  });
});

describe('relay: upstream drops', () => {
  it('keeps clients connected and resumes their symbols after the reconnect', async () => {
    await start({ own: ['AAPL'] });
    const a = await ws();
    a.subscribe('MSFT');
    const s = await sse('NVDA');
    await upstreamHas('MSFT', 'NVDA');
    const first = upstream();

    rig.server.dropAll();
    const second = await rig.server.waitForConnection(2);
    await rig.waitFor(
      () => ['AAPL', 'MSFT', 'NVDA'].every((symbol) => second.subscriptions.has(symbol)),
      'resubscribed',
    );
    expect(second).not.toBe(first);
    expect(a.closeCode).toBeNull();
    expect(s.ended).toBe(false);

    rig.server.sendTrades([trade('MSFT', 422), trade('NVDA', 132)]);
    await a.waitForTrades(1);
    await s.waitFor(() => s.trades().length === 1, 'sse trade after reconnect');
    expect(
      second.subscriptionLog
        .filter((m) => m.type === 'subscribe')
        .map((m) => m.symbol)
        .sort(),
    ).toEqual(['AAPL', 'MSFT', 'NVDA']);
  });
});

describe('relay: who may connect', () => {
  it('answers a missing or wrong token, including the Finnhub key, with 401', async () => {
    await start();
    expect(await handshakeStatus(rig.wsUrl(null))).toBe(401);
    expect(await handshakeStatus(rig.wsUrl('wrong-token-0123456789'))).toBe(401);
    expect(await handshakeStatus(rig.wsUrl(FINNHUB_KEY))).toBe(401);
    await expect(SseTestClient.open(rig.sseUrl('AAPL', null))).rejects.toMatchObject({ status: 401 });
    await expect(SseTestClient.open(rig.sseUrl('AAPL', FINNHUB_KEY))).rejects.toMatchObject({ status: 401 });
    expect(rig.relay.stats().refused.token).toBe(5);
    expect(rig.relay.clientList()).toEqual([]);
  });

  it('closes the clients that came in with a token once it is replaced; only the new one opens', async () => {
    await start();
    const a = await ws();
    a.subscribe('MSFT');
    const s = await sse('AAPL');
    await rig.waitFor(
      () => rig.relay.clientList().length === 2 && rig.relay.clientList().some((c) => c.symbols.includes('MSFT')),
      'both clients in',
    );
    rig.relay.setToken(RELAY_TOKEN); // the same token changes nothing
    expect(rig.relay.clientList()).toHaveLength(2);

    rig.relay.setToken('relay-token-replaced-0123456789');
    expect(await a.waitForClose()).toBe(1008);
    await s.waitFor(() => s.ended, 'SSE stream ended');
    expect(rig.relay.clientList()).toEqual([]);
    expect(await handshakeStatus(rig.wsUrl())).toBe(401);
    expect(await handshakeStatus(rig.wsUrl('relay-token-replaced-0123456789'))).toBe(101);
    // Their symbols are released upstream (AAPL stays: it is the app's own).
    await rig.server.waitFor(() => !upstream().subscriptions.has('MSFT'), 'MSFT released');
    expect(upstream().subscriptions.has('AAPL')).toBe(true);
  });

  it('answers a foreign Host header with 403, before looking at the token', async () => {
    await start();
    expect(await handshakeStatus(rig.wsUrl(), { Host: `evil.example:${rig.port}` })).toBe(403);
    expect(await handshakeStatus(rig.wsUrl(null), { Host: `evil.example:${rig.port}` })).toBe(403);
    expect(await handshakeStatus(rig.wsUrl(), { Host: '127.0.0.1:1' })).toBe(403);
    await expect(SseTestClient.open(rig.sseUrl('AAPL'), { Host: `rebind.example:${rig.port}` })).rejects.toMatchObject({
      status: 403,
    });
    for (const host of [`localhost:${rig.port}`, `[::1]:${rig.port}`, `LOCALHOST:${rig.port}`]) {
      expect(await handshakeStatus(rig.wsUrl(), { Host: host })).toBe(101);
    }
    expect(rig.relay.stats().refused.host).toBe(4);
  });

  it('lets in allowed and own origins and programs without one; other origins get 403', async () => {
    await start({ relay: { allowedOrigins: ['https://dashboard.example'] } });
    expect(await handshakeStatus(rig.wsUrl(), { Origin: 'https://evil.example' })).toBe(403);
    expect(await handshakeStatus(rig.wsUrl(), { Origin: 'null' })).toBe(403);
    expect(await handshakeStatus(rig.wsUrl(), { Origin: 'https://dashboard.example' })).toBe(101);
    expect(await handshakeStatus(rig.wsUrl(), { Origin: `http://localhost:${rig.port}` })).toBe(101);
    expect(await handshakeStatus(rig.wsUrl(), { Origin: `http://127.0.0.1:${rig.port}` })).toBe(101);
    expect(await handshakeStatus(rig.wsUrl())).toBe(101);
    await expect(sse('AAPL', { Origin: 'https://evil.example' })).rejects.toMatchObject({ status: 403 });
    const page = await sse('AAPL', { Origin: 'https://dashboard.example' });
    expect(page.response.headers['access-control-allow-origin']).toBe('https://dashboard.example');
    rig.relay.setAllowedOrigins([]);
    await expect(sse('AAPL', { Origin: 'https://dashboard.example' })).rejects.toMatchObject({ status: 403 });
  });

  it('serves at most maxClients clients; the next gets 503, and a freed slot is reused', async () => {
    await start({ relay: { maxClients: 2 } });
    const a = await ws();
    await sse('AAPL');
    expect(await handshakeStatus(rig.wsUrl())).toBe(503);
    await expect(SseTestClient.open(rig.sseUrl('AAPL'))).rejects.toMatchObject({ status: 503 });
    await a.close();
    await rig.waitFor(() => rig.relay.clientList().length === 1, 'one left');
    expect(await handshakeStatus(rig.wsUrl())).toBe(101);
    expect(rig.relay.stats().refused.full).toBe(2);
  });
});

describe('relay: bad input and keep-alive', () => {
  it('answers every kind of bad message with an error, counts it, and never changes upstream', async () => {
    await start({ own: ['AAPL'] });
    const a = await ws();
    a.send('not json');
    a.send('[1,2]');
    a.send({ type: 'launch' });
    a.send({ type: 'subscribe', symbol: 'BAD SYMBOL' });
    a.send({ type: 'subscribe', symbol: 'X'.repeat(100) });
    a.send({ type: 'subscribe', symbol: 42 });
    a.send({ type: 'unsubscribe' });
    a.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    const errors = await a.waitForErrors(8);
    expect(errors).toEqual([
      expect.stringMatching(/must be JSON/),
      'Messages must be JSON objects',
      'Unknown message type: "launch"',
      'Invalid symbol: "BAD SYMBOL"',
      expect.stringMatching(/^Invalid symbol: "XXXX.*…$/),
      'Invalid symbol: 42',
      'Invalid symbol: undefined',
      expect.stringMatching(/Binary messages/),
    ]);
    expect(rig.relay.stats().badMessages).toBe(8);
    expect(upstream().subscriptionLog).toEqual([{ type: 'subscribe', symbol: 'AAPL' }]);
    // A client's pings (some libraries answer Finnhub's) are ignored without an error.
    a.send({ type: 'ping' });
    a.subscribe('MSFT');
    await upstreamHas('MSFT');
    expect(a.errors()).toHaveLength(8);
  });

  it('closes a client that floods it with messages, or sends an oversized one', async () => {
    await start({ own: ['AAPL'], relay: { maxMessagesPerSecond: 20 } });
    const flood = await ws();
    for (let i = 0; i < 50; i += 1) flood.subscribe('AAPL');
    expect(await flood.waitForClose()).toBe(1008);
    expect(flood.errors()).toContain('Too many messages: at most 20 per second');
    const big = await ws();
    big.send({ type: 'subscribe', symbol: 'A'.repeat(10_000) });
    expect(await big.waitForClose()).toBe(1009);
    expect(upstream().subscriptionLog).toEqual([{ type: 'subscribe', symbol: 'AAPL' }]);
  });

  it('pings websocket clients and sends SSE comments on its timers', async () => {
    await start();
    const a = await ws();
    const s = await sse('AAPL');
    rig.timers.fire(30_000);
    rig.timers.fire(15_000);
    await a.waitFor(() => a.frames.some((frame) => frame.type === 'ping'), 'ping');
    await s.waitFor(() => s.comments.includes(': keep-alive'), 'comment');
    expect(a.frames).toEqual([{ type: 'ping' }]);
  });
});

describe('relay: server-sent events', () => {
  it("sends each symbol's quote before its first trade, then trades", async () => {
    await start({ own: ['AAPL'] });
    rig.server.sendTrades([trade('AAPL', 190.25)]);
    await rig.waitFor(() => rig.session.store.snapshot('AAPL')?.price === 190.25, 'AAPL priced');
    const s = await sse('AAPL,MSFT');
    await s.waitFor(() => s.named('quote').length === 2, 'two quotes');
    const quotes = s.named('quote') as Array<Record<string, unknown>>;
    const bySymbol = Object.fromEntries(quotes.map((q) => [q.symbol, q]));
    expect(bySymbol.AAPL).toMatchObject({ event: 'quote', symbol: 'AAPL', price: 190.25, volume: 5 });
    // MSFT is not Ticker's: its quote came from REST /quote.
    expect(bySymbol.MSFT).toEqual({
      event: 'quote',
      symbol: 'MSFT',
      price: 421.5,
      session: expect.any(String),
      change: -2.3,
      changePct: -0.5427,
      volume: 0,
      time: new Date(1732550400000).toISOString(),
    });
    await upstreamHas('MSFT');
    rig.server.sendTrades([trade('MSFT', 421.75), trade('AAPL', 190.5)]);
    await s.waitFor(() => s.trades().length === 2, 'trades');
    expect(s.events.map((e) => e.event)).toEqual(['quote', 'quote', 'trade']);
  });

  it('builds the quote from the first trade when REST cannot give one, still before the trade', async () => {
    await start({ own: ['AAPL'] });
    rig.server.failRestWith(500);
    const s = await sse('NVDA');
    await upstreamHas('NVDA');
    await rig.server.waitFor(
      () => rig.server.requests.some((r) => r.path === '/quote' && r.query.symbol === 'NVDA'),
      'REST asked',
    );
    rig.server.sendTrades([trade('NVDA', 133.5)]);
    await s.waitFor(() => s.trades().length === 1, 'trade');
    expect(s.events.map((e) => e.event)).toEqual(['quote', 'trade']);
    expect(s.named('quote')[0]).toMatchObject({ symbol: 'NVDA', price: 133.5, volume: 5 });
  });

  it('refuses an invalid or missing symbol list with 400', async () => {
    await start();
    await expect(sse('AAPL,BAD SYMBOL')).rejects.toMatchObject({ status: 400 });
    await expect(sse('')).rejects.toMatchObject({ status: 400 });
  });
});

describe('relay: slow clients', () => {
  // A client that stops reading is dropped once the kernel's socket buffers are full and 1 MiB more
  // waits in the relay: several MB, whatever the machine. Fat trades (Finnhub's condition lists,
  // forwarded as received) carry those bytes in a few hundred trades instead of ~80,000, so the
  // per-trade work a loaded machine must do (and the time it takes) stays small.
  const FAT_CONDITIONS = Array.from({ length: 400 }, (_, i) => String(i % 40));
  const fatFrame = (count: number) =>
    Array.from({ length: count }, (_, i) => ({ ...trade('AAPL', 100 + i / 100), conditions: FAT_CONDITIONS }));
  /** Stop long before a runaway loop could exhaust memory: far beyond any kernel's buffers. */
  const MAX_BYTES = 256 * 1024 * 1024;
  const SLOW_TEST_MS = 60_000;

  it(
    'drops a websocket client that stops reading while a fast one keeps up',
    async () => {
      await start({ own: ['AAPL'] });
      const slow = await ws();
      const fast = await ws();
      slow.subscribe('AAPL');
      fast.subscribe('AAPL');
      await rig.waitFor(() => rig.relay.clientList().every((c) => c.symbols.length === 1), 'subscribed');
      slow.ws.pause();
      const frame = fatFrame(200);
      const frameBytes = JSON.stringify(frame).length;
      let sent = 0;
      let bytes = 0;
      while (rig.relay.stats().slowDropped === 0 && bytes < MAX_BYTES) {
        rig.server.sendTrades(frame);
        sent += frame.length;
        bytes += frameBytes;
        await fast.waitForTrades(sent);
      }
      expect(rig.relay.stats().slowDropped).toBe(1);
      await rig.waitFor(() => rig.relay.clientList().length === 1, 'slow one gone');
      rig.server.sendTrades([trade('AAPL', 99)]);
      await fast.waitForTrades(sent + 1);
      expect(fast.closeCode).toBeNull();
      expect(
        fast
          .trades()
          .slice(-2)
          .map((t) => t.p),
      ).toEqual([frame[frame.length - 1]!.price, 99]);
    },
    SLOW_TEST_MS,
  );

  it(
    'drops an SSE client that stops reading while a fast one keeps up',
    async () => {
      await start({ own: ['AAPL'] });
      rig.server.sendTrades([trade('AAPL', 100)]);
      await rig.waitFor(() => rig.session.store.snapshot('AAPL')?.price === 100, 'priced');
      const slow = await sse('AAPL');
      const fast = await sse('AAPL');
      await slow.waitFor(() => slow.named('quote').length === 1, 'slow quote');
      await fast.waitFor(() => fast.named('quote').length === 1, 'fast quote');
      slow.response.pause();
      const frame = fatFrame(200);
      const frameBytes = JSON.stringify(frame).length;
      let sent = 0;
      let bytes = 0;
      while (rig.relay.stats().slowDropped === 0 && bytes < MAX_BYTES) {
        rig.server.sendTrades(frame);
        sent += frame.length;
        bytes += frameBytes;
        await fast.waitFor(() => fast.trades().length >= sent, `${sent} trades`);
      }
      expect(rig.relay.stats().slowDropped).toBe(1);
      expect(rig.relay.clientList().map((c) => c.id)).toEqual([expect.stringMatching(/^sse-/)]);
      expect(fast.ended).toBe(false);
      rig.server.sendTrades([trade('AAPL', 99)]);
      await fast.waitFor(() => fast.trades().length === sent + 1, 'the next trade');
      expect(fast.trades().at(-1)?.p).toBe(99);
    },
    SLOW_TEST_MS,
  );
});
