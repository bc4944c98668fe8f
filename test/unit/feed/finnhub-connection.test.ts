import type { Clock } from '../../../src/shared/clock';
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
import type WebSocket from 'ws';
import { FinnhubConnection, type FinnhubConnectionOptions } from '../../../src/engine/feed/finnhub-connection';
import { buildFinnhubUrl } from '../../../src/engine/feed/finnhub-socket';
import type { FeedStatus } from '../../../src/shared/types';

/** A scriptable stand-in for ws's client socket: the test decides when it opens, fails or closes. */
class FakeSocket extends EventEmitter {
  readyState = 0;
  readonly sent: string[] = [];
  terminated = false;
  closedWith: number | null = null;
  /** When true, close() never completes (a peer that ignores the close handshake). */
  hangOnClose = false;

  constructor(readonly url: string) {
    super();
  }

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(data);
  }

  close(code: number): void {
    this.closedWith = code;
    this.readyState = 2;
    if (this.hangOnClose) return;
    queueMicrotask(() => {
      this.readyState = 3;
      this.emit('close', code, Buffer.alloc(0));
    });
  }

  terminate(): void {
    if (this.readyState === 3) return;
    this.terminated = true;
    this.readyState = 3;
    // ws reports a terminated socket later, with an error while handshaking: must be harmless.
    queueMicrotask(() => {
      this.emit('error', new Error('WebSocket was closed before the connection was established'));
      this.emit('close', 1006, Buffer.alloc(0));
    });
  }

  // --- test controls
  open(): void {
    this.readyState = 1;
    this.emit('open');
  }

  receive(text: string): void {
    this.emit('message', Buffer.from(text), false);
  }

  fail(code = 'ECONNREFUSED'): void {
    this.readyState = 3;
    this.emit('error', Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code }));
    this.emit('close', 1006, Buffer.alloc(0));
  }

  drop(): void {
    this.readyState = 3;
    this.emit('close', 1006, Buffer.alloc(0));
  }

  subscriptions(): string[] {
    return this.sent
      .map((text) => JSON.parse(text) as { type: string; symbol: string })
      .map((m) => `${m.type}:${m.symbol}`);
  }

  totalListeners(): number {
    return this.eventNames().reduce((sum, name) => sum + this.listenerCount(name), 0);
  }
}

function setup(overrides: Partial<FinnhubConnectionOptions> = {}) {
  const sockets: FakeSocket[] = [];
  const statuses: FeedStatus[] = [];
  const connection = new FinnhubConnection({
    token: 'key',
    wsUrl: 'wss://example.test',
    symbols: ['AAPL', 'MSFT'],
    backoffBaseMs: 1_000,
    backoffCapMs: 60_000,
    heartbeatTimeoutMs: 10_000,
    connectTimeoutMs: 5_000,
    healthyAfterMs: 30_000,
    // The lowest draw: each wait is its floor, half the ceiling (500 ms, 1 s, 2 s…).
    random: () => 0,
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
    ...overrides,
  });
  connection.status.subscribe((status) => statuses.push(status));
  const last = (): FakeSocket => {
    const socket = sockets.at(-1);
    if (socket === undefined) throw new Error('no socket yet');
    return socket;
  };
  return { connection, sockets, statuses, last };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('buildFinnhubUrl', () => {
  it('appends the URL-encoded token and keeps an existing query', () => {
    expect(buildFinnhubUrl('wss://ws.finnhub.io', 'abc')).toBe('wss://ws.finnhub.io/?token=abc');
    expect(buildFinnhubUrl('ws://127.0.0.1:9/feed?x=1', 'a b&c=d')).toBe('ws://127.0.0.1:9/feed?x=1&token=a+b%26c%3Dd');
  });
});

describe('FinnhubConnection with a scripted socket', () => {
  it('subscribes every symbol once, in order, when the socket opens', () => {
    const { connection, last, statuses } = setup({ symbols: ['AAPL', 'MSFT', 'AAPL', 'bad symbol!', 'NVDA'] });
    connection.start();
    connection.start(); // idempotent
    expect(statuses.map((s) => s.state)).toEqual(['connecting']);
    last().open();
    expect(last().subscriptions()).toEqual(['subscribe:AAPL', 'subscribe:MSFT', 'subscribe:NVDA']);
    expect(connection.currentStatus().state).toBe('live');
  });

  it('schedules exactly one reconnect when a socket reports both error and close', async () => {
    const { connection, sockets, last, statuses } = setup();
    connection.start();
    last().fail();
    await vi.advanceTimersByTimeAsync(500); // the one retry (0.5 × 1 000 ms) fires, creating socket #2
    expect(sockets).toHaveLength(2);
    expect(statuses.filter((s) => s.state === 'offline')).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(1); // only socket #2's connect timeout
    await connection.stop();
  });

  it('ignores events from a socket it has let go', async () => {
    const { connection, sockets, last } = setup();
    connection.start();
    const first = last();
    first.open();
    first.drop();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sockets).toHaveLength(2);
    last().open();
    const before = connection.stats();
    first.emit('open');
    first.emit('message', Buffer.from('{"type":"trade","data":[{"p":1,"s":"AAPL","t":1736955000000,"v":1}]}'), false);
    first.emit('close', 1006, Buffer.alloc(0));
    await vi.advanceTimersByTimeAsync(4_000);
    expect(sockets).toHaveLength(2);
    expect(connection.stats().trades).toBe(before.trades);
    expect(connection.stats().connections).toBe(before.connections);
    expect(connection.currentStatus().state).toBe('live');
    await connection.stop();
  });

  it('leaves no listener or timer behind across many reconnects', async () => {
    const { connection, sockets, last } = setup({ healthyAfterMs: 1 });
    connection.start();
    for (let i = 0; i < 50; i++) {
      last().open();
      await vi.advanceTimersByTimeAsync(5); // healthy: attempt counter resets, delays stay short
      last().drop();
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(sockets).toHaveLength(51);
    for (const old of sockets.slice(0, -1)) {
      expect(old.listenerCount('error')).toBe(1); // the guard against late errors
      expect(old.totalListeners()).toBe(1);
    }
    expect(vi.getTimerCount()).toBe(1); // the live socket's connect timeout
    expect(connection.status.size).toBe(1);
    await connection.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('backs off with growing jittered delays and resets only after a healthy connection', async () => {
    const { connection, last, statuses } = setup({ heartbeatTimeoutMs: 100_000 });
    connection.start();
    last().fail();
    await vi.advanceTimersByTimeAsync(500);
    last().fail();
    await vi.advanceTimersByTimeAsync(1_000);
    last().fail();
    const failures = statuses.filter((s) => s.state === 'offline');
    expect(failures.map((s) => [s.attempt, s.retryInMs])).toEqual([
      [1, 500],
      [2, 1_000],
      [3, 2_000],
    ]);
    expect(failures[0]?.message).toContain('ECONNREFUSED');

    await vi.advanceTimersByTimeAsync(2_000);
    last().open();
    last().drop(); // dropped before it was healthy: the attempt keeps counting
    expect(connection.currentStatus()).toMatchObject({ state: 'reconnecting', attempt: 4, retryInMs: 4_000 });

    await vi.advanceTimersByTimeAsync(4_000);
    last().open();
    await vi.advanceTimersByTimeAsync(30_000);
    last().drop();
    expect(connection.currentStatus()).toMatchObject({ state: 'reconnecting', attempt: 1, retryInMs: 500 });
    await connection.stop();
  });

  it('gives up a handshake after the connect timeout and terminates that socket', async () => {
    const { connection, sockets, last } = setup();
    connection.start();
    const first = last();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(first.terminated).toBe(true);
    expect(connection.currentStatus()).toMatchObject({ state: 'offline', attempt: 1 });
    expect(connection.currentStatus().message).toMatch(/timed out/);
    await vi.advanceTimersByTimeAsync(500);
    expect(sockets).toHaveLength(2);
    await connection.stop();
  });

  it('terminates and reconnects when nothing arrives for the heartbeat timeout, but not while frames flow', async () => {
    const { connection, sockets, last } = setup();
    connection.start();
    const first = last();
    first.open();
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(6_000);
      first.receive('{"type":"ping"}');
    }
    first.emit('ping'); // a ws-level ping counts too
    expect(first.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(first.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(first.terminated).toBe(true);
    expect(connection.currentStatus().state).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(500);
    expect(sockets).toHaveLength(2);
    await connection.stop();
  });

  it('never creates a socket after stop(), even from a pending retry', async () => {
    const { connection, sockets, last } = setup();
    connection.start();
    last().fail();
    await connection.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sockets).toHaveLength(1);
    connection.start();
    connection.resume();
    connection.reconnectNow();
    expect(sockets).toHaveLength(1);
    expect(connection.currentStatus().state).toBe('stopped');
  });

  it('reconnectNow skips a pending backoff and does nothing otherwise', async () => {
    const { connection, sockets, last } = setup({ random: () => 0.99 });
    connection.start();
    connection.reconnectNow(); // connecting: nothing pending
    expect(sockets).toHaveLength(1);
    last().fail();
    connection.reconnectNow();
    expect(sockets).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(1);
    await connection.stop();
  });

  it('stops retrying after a 401 handshake refusal, with no timer left, until a new token is set', async () => {
    const { connection, sockets, last } = setup();
    connection.start();
    last().emit('unexpected-response', {}, { statusCode: 401, headers: {} });
    expect(last().terminated).toBe(true);
    expect(connection.currentStatus()).toMatchObject({ state: 'unauthorized' });
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(sockets).toHaveLength(1);
    connection.setToken('new key');
    expect(sockets).toHaveLength(2);
    expect(last().url).toBe('wss://example.test/?token=new+key');
    await connection.stop();
  });

  it('caps an absurd Retry-After on 429', () => {
    const { connection, last } = setup({ maxRetryAfterMs: 60_000 });
    connection.start();
    last().emit('unexpected-response', {}, { statusCode: 429, headers: { 'retry-after': '86400' } });
    expect(connection.currentStatus()).toMatchObject({ state: 'rate-limited', attempt: 1, retryInMs: 60_000 });
  });

  it('refuses to connect without a token', () => {
    const { connection, sockets } = setup({ token: '  ' });
    connection.start();
    expect(sockets).toHaveLength(0);
    expect(connection.currentStatus()).toMatchObject({ state: 'unauthorized', message: 'No API key set' });
  });

  it('backs off when the socket cannot even be created', async () => {
    let calls = 0;
    const { connection } = setup({
      createSocket: () => {
        calls++;
        throw new SyntaxError('Invalid URL');
      },
    });
    connection.start();
    expect(connection.currentStatus()).toMatchObject({ state: 'offline', attempt: 1 });
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toBe(2);
    await connection.stop();
  });

  it('waits for a cleanly closing socket before opening the next one', async () => {
    const { connection, sockets, last } = setup();
    connection.start();
    const first = last();
    first.hangOnClose = true;
    first.open();
    connection.pause();
    expect(first.closedWith).toBe(1000);
    connection.resume();
    expect(sockets).toHaveLength(1); // the first one is still closing
    first.readyState = 3;
    first.emit('close', 1000, Buffer.alloc(0));
    await vi.advanceTimersByTimeAsync(0);
    expect(sockets).toHaveLength(2);
    await connection.stop();
  });

  it('terminates a socket that does not finish its close handshake within the grace period', async () => {
    const { connection, last } = setup({ closeGraceMs: 2_000 });
    connection.start();
    const socket = last();
    socket.hangOnClose = true;
    socket.open();
    const stopped = connection.stop();
    expect(socket.closedWith).toBe(1000);
    await vi.advanceTimersByTimeAsync(2_000);
    await stopped;
    expect(socket.terminated).toBe(true);
    expect(connection.currentStatus().state).toBe('stopped');
  });
});

describe('FinnhubConnection on an injected clock', () => {
  it('times its statuses and its connect timeout on the clock it is given, not the global timers', () => {
    const pending: Array<{ callback: () => void; ms: number }> = [];
    const clock: Clock = {
      now: () => 42_000,
      setTimeout: (callback, ms) => pending.push({ callback, ms }),
      clearTimeout: () => {},
      setInterval: () => {
        throw new Error('not used');
      },
      clearInterval: () => {},
    };
    const { connection, statuses } = setup({ clock });
    connection.start();
    expect(statuses.at(-1)).toMatchObject({ state: 'connecting', since: 42_000 });
    // The global (fake) timers never see the connect timeout; the injected clock does.
    expect(vi.getTimerCount()).toBe(0);
    expect(pending.map((timer) => timer.ms)).toContain(5_000);
    pending.find((timer) => timer.ms === 5_000)!.callback();
    expect(statuses.at(-1)).toMatchObject({ state: 'offline', since: 42_000 });
  });
});
