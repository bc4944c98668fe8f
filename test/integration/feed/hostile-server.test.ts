/**
 * Hidden-server checks: the fake Finnhub server turned hostile (every 429 variant, floods of error
 * frames, escape sequences, implausible timestamps and values, oversized REST answers), driven
 * through the real ws client, fetch, the store and the headless command.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedSession } from '../../../src/engine/session/feed-session';
import { FinnhubConnection, type FinnhubConnectionOptions } from '../../../src/engine/feed/finnhub-connection';
import { SERVER_ERROR_STATUS_INTERVAL_MS } from '../../../src/engine/feed/server-error-throttle';
import { FinnhubRest, MAX_REST_BODY_BYTES } from '../../../src/engine/market/finnhub-rest';
import { runFeedCommand } from '../../../src/cli/feed-command';
import { parseFeedArgs } from '../../../src/cli/feed-args';
import { systemClock } from '../../../src/shared/clock';
import type { Signal } from '../../../src/shared/signal';
import type { FeedStatus } from '../../../src/shared/types';
import { CollectingSink } from '../../support/collecting-sink';
import { startFakeFinnhub, type FakeFinnhub } from '../../support/fake-finnhub';
import { ManualClock } from '../../support/manual-clock';

let server: FakeFinnhub;
const connections: FinnhubConnection[] = [];
const sessions: FeedSession[] = [];

beforeEach(async () => {
  server = await startFakeFinnhub();
});

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  await Promise.all(connections.splice(0).map((c) => c.stop()));
  await server.close();
});

function connect(overrides: Partial<FinnhubConnectionOptions> = {}) {
  const statuses: FeedStatus[] = [];
  const connection = new FinnhubConnection({
    token: 'test-key',
    wsUrl: server.wsUrl,
    symbols: ['AAPL', 'MSFT'],
    connectTimeoutMs: 2_000,
    healthyAfterMs: 60_000,
    closeGraceMs: 500,
    ...overrides,
  });
  connection.status.subscribe((status) => statuses.push(status));
  connections.push(connection);
  return { connection, statuses };
}

function waitForStatus(
  connection: FinnhubConnection,
  match: (status: FeedStatus) => boolean,
  timeoutMs = 5_000,
): Promise<FeedStatus> {
  return new Promise((resolve, reject) => {
    if (match(connection.currentStatus())) return resolve(connection.currentStatus());
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

/** Resolves once `check()` holds, re-checked whenever `signal` fires (5 s timeout). */
function until<T>(signal: Signal<T>, check: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check()) return resolve();
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out waiting for ${what}`));
    }, 5_000);
    const off = signal.subscribe(() => {
      if (!check()) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

/** The smallest wait the backoff allows for a 1-based attempt (base 1 s, cap 60 s, equal jitter). */
const floorFor = (attempt: number): number => Math.min(60_000, 1_000 * 2 ** (attempt - 1)) / 2;

describe('every 429 variant backs off with a floor that grows', () => {
  const start = Date.UTC(2025, 0, 15, 15, 30);
  const variants: [string, (now: number) => string][] = [
    ['Retry-After: 0', () => '0'],
    ['an HTTP date in the past', (now) => new Date(now - 3_600_000).toUTCString()],
    ['a future HTTP date, once it has passed', () => new Date(start + 2_000).toUTCString()],
    ['Retry-After: 1, forever', () => '1'],
  ];

  it.each(variants)('%s', async (_name, header) => {
    let clock = start;
    // Each refusal carries the header as computed at the moment of refusal (a fixed date stays fixed).
    const { connection } = connect({ clock: { ...systemClock, now: () => clock }, random: () => 0 });
    const waits: number[] = [];
    server.respondToUpgradeWith(429, { 'Retry-After': header(clock) }, 1);
    connection.start();
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      const status = await waitForStatus(connection, (s) => s.state === 'rate-limited' && s.attempt === attempt);
      waits.push(status.retryInMs ?? -1);
      clock += 10_000; // time passes between attempts: the future date is soon in the past
      server.respondToUpgradeWith(429, { 'Retry-After': header(clock) }, 1);
      connection.reconnectNow(); // skip the wait; the attempt count carries on
    }
    waits.forEach((wait, index) => expect(wait).toBeGreaterThanOrEqual(floorFor(index + 1)));
    expect(waits.at(-1)).toBeGreaterThanOrEqual(30_000);
    expect(server.counters.connectionsAccepted).toBe(0);
  });

  it('still honours a longer Retry-After', async () => {
    const { connection } = connect({ random: () => 0 });
    server.respondToUpgradeWith(429, { 'Retry-After': '120' }, 1);
    connection.start();
    expect((await waitForStatus(connection, (s) => s.state === 'rate-limited')).retryInMs).toBe(120_000);
  });
});

describe('server error frames', () => {
  it('2,000 identical error frames give one status event', async () => {
    const { connection, statuses } = connect();
    const trades: number[] = [];
    const sink = new CollectingSink();
    connection.setSink(sink);
    sink.arrived.subscribe((trade) => trades.push(trade.price));
    connection.start();
    await server.waitForSubscriptions(2);
    await waitForStatus(connection, (s) => s.state === 'live');
    const before = statuses.length;
    for (let i = 0; i < 2_000; i += 1) server.sendError('Subscribing to too many symbols');
    server.sendTrades([{ symbol: 'AAPL', price: 190, volume: 1, time: Date.now() }]); // arrives after every error frame
    await until(sink.arrived, () => trades.length > 0, 'the trade after the errors');
    expect(statuses.length - before).toBe(1);
    expect(connection.currentStatus().message).toBe('Subscribing to too many symbols');
  });

  it('2,000 error frames with different texts give a few status events: the latest wins, the count kept', async () => {
    const clock = new ManualClock(Date.now());
    const { connection, statuses } = connect({ clock });
    const trades: number[] = [];
    const sink = new CollectingSink();
    connection.setSink(sink);
    sink.arrived.subscribe((trade) => trades.push(trade.price));
    connection.start();
    await server.waitForSubscriptions(2);
    await waitForStatus(connection, (s) => s.state === 'live');
    const before = statuses.length;
    for (let i = 0; i < 2_000; i += 1) server.sendError(`Error number ${i}`);
    server.sendTrades([{ symbol: 'AAPL', price: 190, volume: 1, time: Date.now() }]); // arrives after every error frame
    await until(sink.arrived, () => trades.length > 0, 'the trade after the errors');
    expect(statuses.slice(before).map((s) => s.message)).toEqual(['Error number 0']);
    expect(connection.stats().serverErrors).toBe(2_000);
    clock.advance(SERVER_ERROR_STATUS_INTERVAL_MS);
    expect(statuses.slice(before).map((s) => s.message)).toEqual(['Error number 0', 'Error number 1999']);
    expect(statuses.at(-1)?.state).toBe('live');
    clock.advance(10 * SERVER_ERROR_STATUS_INTERVAL_MS);
    expect(statuses.length - before).toBe(2);
  });

  it('strips escapes, control and bidi characters from error texts and close reasons, and caps them', async () => {
    const { connection } = connect();
    connection.start();
    await server.waitForSubscriptions(2);
    server.sendError(`\u001b[31mLimit\u001b[0m \u202Ereached\u202C\r\n\u0007next ${'x'.repeat(5_000)}`);
    const status = await waitForStatus(connection, (s) => s.message !== undefined);
    expect(status.message).toMatch(/^Limit reached next x+…$/);
    expect(status.message!.length).toBeLessThanOrEqual(201);
    server.closeAll(4000, '\u001b]0;title\u0007bye\u2066\n');
    const closed = await waitForStatus(connection, (s) => s.state === 'reconnecting');
    expect(closed.message).toBe('Connection closed (4000: bye)');
  });
});

describe('implausible trade times and values', () => {
  async function liveSession(withRest = false) {
    const connection = new FinnhubConnection({ token: 'test-key', wsUrl: server.wsUrl, symbols: ['AAPL'] });
    const session = new FeedSession({ symbols: ['AAPL'], rateHz: 10 });
    sessions.push(session);
    const rest = withRest ? new FinnhubRest({ token: 'test-key', baseUrl: server.restUrl }) : null;
    await session.attach(connection, rest);
    await server.waitForSubscriptions(1);
    return session;
  }

  /** Send trades, then a marker trade, and wait until the store has seen the marker. */
  async function deliver(session: FeedSession, trades: { price: number; volume: number; time: number }[]) {
    const source = session.currentSource() as FinnhubConnection;
    let seen = false;
    const off = source.rawTrades.subscribe((batch) => (seen ||= batch.some((t) => t.p === 123.45)));
    server.sendTrades(trades.map((t) => ({ symbol: 'AAPL', ...t })));
    server.sendTrades([{ symbol: 'AAPL', price: 123.45, volume: 1, time: Date.now() }]);
    await until(source.rawTrades, () => seen, 'the marker trade');
    off();
  }

  it('a trade stamped 23 h ahead neither becomes the price nor freezes the symbol, and is counted', async () => {
    const session = await liveSession();
    const now = Date.now();
    await deliver(session, [{ price: 999, volume: 1, time: now + 23 * 3_600_000 }]);
    expect(session.store.snapshot('AAPL')).toMatchObject({ price: 123.45, dayHigh: 123.45 });
    expect(session.stats()).toMatchObject({ dropped: 1, droppedByReason: { 'bad-time': 1 } });
  });

  it('a trade stamped in 2001 becomes neither the price nor, later, the previous close', async () => {
    const session = await liveSession();
    await deliver(session, [{ price: 5, volume: 1, time: Date.UTC(2001, 8, 10, 15) }]);
    const snap = session.store.snapshot('AAPL');
    expect(snap).toMatchObject({ price: 123.45, dayLow: 123.45 });
    expect(snap?.prevClose ?? 1_000).toBeGreaterThan(100);
    expect(session.stats()?.dropped).toBe(1);
  });

  it('a REST quote with t in milliseconds does not move the trading day', async () => {
    const now = Date.now();
    server.setQuote('AAPL', { c: 120, pc: 118, h: 121, l: 117, o: 119, t: now });
    const session = await liveSession(true);
    await until(session.batches, () => session.store.snapshot('AAPL')?.prevClose === 118, 'the quote');
    await deliver(session, [{ price: 121, volume: 2, time: now }]);
    expect(session.store.snapshot('AAPL')).toMatchObject({ price: 123.45, prevClose: 118 });
    expect(session.stats()?.dropped).toBe(0);
  });

  it('extreme finite values are dropped and counted; the headless command never prints null or a non-finite number', async () => {
    server.setQuote('AAPL', { c: 120, pc: 1e-300, h: 121, l: 117, o: 119, t: Math.floor(Date.now() / 1000) });
    const parsed = parseFeedArgs(
      ['--symbols', 'AAPL', '--ws-url', server.wsUrl, '--rest-url', server.restUrl, '--token', 'test-key'],
      {},
    );
    if (parsed.kind !== 'run') throw new Error(JSON.stringify(parsed));
    const lines: Record<string, unknown>[] = [];
    let interrupt = (): void => {};
    const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
    let quoted = (): void => {};
    const quoteLine = new Promise<void>((resolve) => (quoted = resolve));
    const out = (text: string): void => {
      const line = JSON.parse(text) as Record<string, unknown>;
      lines.push(line);
      if (line.event === 'quote' && line.price === 101) quoted();
    };
    const done = runFeedCommand(parsed.args, { out, interrupted });
    await server.waitForSubscriptions(1);
    const now = Date.now();
    server.sendTrades([
      { symbol: 'AAPL', price: 100, volume: 1e308, time: now },
      { symbol: 'AAPL', price: 100, volume: 1e308, time: now },
      { symbol: 'AAPL', price: 1.7e308, volume: 1, time: now },
      { symbol: 'AAPL', price: 5e-324, volume: 1, time: now },
      { symbol: 'AAPL', price: 101, volume: 3, time: now },
    ]);
    await quoteLine;
    interrupt();
    expect(await done).toBe(0);
    const numbers = lines.flatMap((line) =>
      Object.values(line).filter((v) => typeof v !== 'string' && typeof v !== 'boolean'),
    );
    for (const value of numbers) expect(Number.isFinite(value)).toBe(true);
    // The REST quote may land first (price 120, no trades yet); the trades' line counts only the good one.
    expect(lines.find((l) => l.event === 'quote' && l.price === 101)).toMatchObject({ volume: 3 });
    expect(lines.at(-1)).toMatchObject({ event: 'summary', dropped: 4 });
  });
});

describe('oversized REST answers', () => {
  it('a 400 MB quote answer is cut off at the cap, not read whole', async () => {
    server.answerRestWithHugeBody({ bytes: 400 * 1024 * 1024 });
    const rest = new FinnhubRest({ token: 'test-key', baseUrl: server.restUrl });
    await expect(rest.quote('AAPL')).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringMatching(/larger than/),
    });
    await server.waitFor(() => server.requests.length > 0 || undefined);
    expect(server.hugeBodyBytesSent).toBeLessThan(MAX_REST_BODY_BYTES + 16 * 1024 * 1024);
  });

  it('a declared 400 MB length is refused unread, and a huge error body is read only for its first line', async () => {
    server.answerRestWithHugeBody({ bytes: 400 * 1024 * 1024, declareLength: true, times: 1 });
    const rest = new FinnhubRest({ token: 'test-key', baseUrl: server.restUrl });
    await expect(rest.quote('AAPL')).rejects.toMatchObject({ code: 'internal' });
    server.answerRestWithHugeBody({ bytes: 400 * 1024 * 1024, status: 502, times: 1 });
    await expect(rest.quote('AAPL')).rejects.toMatchObject({
      code: 'network',
      message: expect.stringMatching(/HTTP 502/),
    });
    expect(server.hugeBodyBytesSent).toBeLessThan(32 * 1024 * 1024);
    expect(await rest.quote('AAPL')).toMatchObject({ symbol: 'AAPL' });
  });
});
