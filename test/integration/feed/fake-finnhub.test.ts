import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import WebSocket from 'ws';
import { startFakeFinnhub, type FakeFinnhub } from '../../support/fake-finnhub';

let server: FakeFinnhub;
const sockets: WebSocket[] = [];

beforeEach(async () => {
  server = await startFakeFinnhub();
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await server.close();
});

function open(token = 'test-key'): Promise<{ socket: WebSocket; frames: string[] }> {
  const socket = new WebSocket(`${server.wsUrl}?token=${token}`);
  sockets.push(socket);
  const frames: string[] = [];
  socket.on('message', (data) => frames.push(data.toString()));
  socket.on('error', () => {});
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, frames }));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function nextFrame(socket: WebSocket): Promise<string> {
  return new Promise((resolve) => socket.once('message', (data) => resolve(data.toString())));
}

describe('fake Finnhub websocket', () => {
  it('refuses a bad token with 401 and counts it', async () => {
    await expect(open('nope')).rejects.toThrow('HTTP 401');
    expect(server.counters.handshakesRefused).toBe(1);
    expect(server.counters.connectionsAccepted).toBe(0);
  });

  it('injects handshake faults a given number of times', async () => {
    server.respondToUpgradeWith(429, { 'Retry-After': '3' }, 1);
    await expect(open()).rejects.toThrow('HTTP 429');
    await open();
    expect(server.counters.connectionsAccepted).toBe(1);
  });

  it('tracks subscriptions and sends each client only the symbols it subscribed', async () => {
    const { socket } = await open();
    socket.send(JSON.stringify({ type: 'subscribe', symbol: 'AAPL' }));
    socket.send(JSON.stringify({ type: 'subscribe', symbol: 'MSFT' }));
    socket.send(JSON.stringify({ type: 'unsubscribe', symbol: 'MSFT' }));
    const client = await server.waitForConnection();
    await server.waitFor(() => client.subscriptionLog.length === 3 || undefined);
    expect([...client.subscriptions]).toEqual(['AAPL']);
    const frame = nextFrame(socket);
    const delivered = server.sendTrades([
      { symbol: 'MSFT', price: 420, volume: 1, time: 1 },
      { symbol: 'AAPL', price: 190, volume: 2, time: 2, conditions: ['12'] },
    ]);
    expect(delivered).toBe(1);
    expect(JSON.parse(await frame)).toEqual({ type: 'trade', data: [{ p: 190, s: 'AAPL', t: 2, v: 2, c: ['12'] }] });
  });

  it('sends pings, errors and raw frames, and nothing while stalled', async () => {
    const { socket, frames } = await open();
    server.stall(true);
    server.sendPing();
    server.sendError('dropped while stalled');
    server.stall(false);
    const three = new Promise<void>((resolve) => socket.on('message', () => frames.length === 3 && resolve()));
    server.sendPing();
    server.sendError('Subscribing to too many symbols');
    server.sendRaw('garbage');
    await three;
    expect(frames).toEqual(['{"type":"ping"}', '{"type":"error","msg":"Subscribing to too many symbols"}', 'garbage']);
  });

  it('closes the older connection when a key is reused, like Finnhub', async () => {
    const first = await open();
    const closed = new Promise<number>((resolve) => first.socket.once('close', (code) => resolve(code)));
    await open();
    expect(await closed).toBe(1000);
    await server.waitFor(() => server.counters.openConnections('test-key') === 1 || undefined);
    expect(server.counters.maxOpenConnections('test-key')).toBe(2);
  });

  it('drops connections abruptly so clients see 1006', async () => {
    const { socket } = await open();
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    server.dropAll();
    expect(await closed).toBe(1006);
    expect((await server.waitForClose()).open).toBe(false);
  });
});

describe('fake Finnhub REST', () => {
  it('answers /quote in Finnhub shape, zeros for unknown symbols, and takes the token as header too', async () => {
    const aapl = await fetch(`${server.restUrl}/quote?symbol=AAPL&token=test-key`);
    expect(aapl.status).toBe(200);
    expect(await aapl.json()).toMatchObject({ c: 189.4, pc: 188.2, t: 1732550400 });
    server.setQuote('ZZZZ', { c: 5, pc: 4 });
    const custom = await fetch(`${server.restUrl}/quote?symbol=ZZZZ`, { headers: { 'X-Finnhub-Token': 'test-key' } });
    expect(await custom.json()).toEqual({ c: 5, d: null, dp: null, h: 0, l: 0, o: 0, pc: 4, t: 0 });
    const unknown = await fetch(`${server.restUrl}/quote?symbol=NOPE&token=test-key`);
    expect(await unknown.json()).toEqual({ c: 0, d: null, dp: null, h: 0, l: 0, o: 0, pc: 0, t: 0 });
  });

  it('answers /search from its list', async () => {
    const response = await fetch(`${server.restUrl}/search?q=apple&token=test-key`);
    const body = (await response.json()) as { count: number; result: Array<{ symbol: string }> };
    expect(body.count).toBe(1);
    expect(body.result[0]).toEqual({
      description: 'APPLE INC',
      displaySymbol: 'AAPL',
      symbol: 'AAPL',
      type: 'Common Stock',
    });
  });

  it('refuses bad tokens, injects faults and logs requests', async () => {
    expect((await fetch(`${server.restUrl}/quote?symbol=AAPL&token=bad`)).status).toBe(401);
    server.failRestWith(429, { 'Retry-After': '2' }, 1);
    const limited = await fetch(`${server.restUrl}/quote?symbol=AAPL&token=test-key`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect((await fetch(`${server.restUrl}/quote?symbol=AAPL&token=test-key`)).status).toBe(200);
    expect(server.requests.map((r) => [r.path, r.status, r.token])).toEqual([
      ['/quote', 401, 'bad'],
      ['/quote', 429, 'test-key'],
      ['/quote', 200, 'test-key'],
    ]);
  });
});
