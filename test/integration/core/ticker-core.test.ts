/**
 * The app without Electron, end to end against the fake Finnhub server: settings drive the one
 * connection, changes are diffed onto the live socket, and nothing a renderer can see holds the key.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TickerCore } from '../../../src/engine/core/ticker-core';
import type { EventName } from '../../../src/shared/ipc-contract';
import type { FeedStatus, SnapshotBatch } from '../../../src/shared/types';
import { startFakeFinnhub, type FakeFinnhub } from '../../support/fake-finnhub';
import { createCoreFixture } from '../../support/core-fixture';

let server: FakeFinnhub;
let core: TickerCore | null = null;

beforeEach(async () => {
  server = await startFakeFinnhub({ tokens: ['test-key', 'other-key'] });
});

afterEach(async () => {
  await core?.stop();
  core = null;
  await server.close();
});

function nextEvent<K extends EventName>(
  c: TickerCore,
  event: K,
  predicate: (payload: Parameters<Parameters<TickerCore['events'][K]['subscribe']>[0]>[0]) => boolean,
) {
  return new Promise<Parameters<Parameters<TickerCore['events'][K]['subscribe']>[0]>[0]>((resolve) => {
    const unsubscribe = c.events[event].subscribe((payload) => {
      if (predicate(payload as never)) {
        unsubscribe();
        resolve(payload as never);
      }
    });
  });
}

const waitForStatus = (c: TickerCore, state: FeedStatus['state']) =>
  c.status().state === state
    ? Promise.resolve(c.status())
    : nextEvent(c, 'status', (s) => (s as FeedStatus).state === state);

describe('TickerCore', () => {
  it('runs the labelled demo feed when no key is saved, and publishes quotes', async () => {
    const fixture = createCoreFixture(server, { symbols: ['AAPL', 'BINANCE:BTCUSDT'] });
    core = fixture.core;
    const batch = nextEvent(core, 'quotes', (b) => (b as SnapshotBatch).quotes.length > 0);
    core.start();
    await waitForStatus(core, 'demo');
    expect((await batch) as SnapshotBatch).toBeTruthy();
    const overview = await core.handlers.getOverview();
    expect(overview.demo).toBe(true);
    expect(server.counters.connectionsAccepted).toBe(0);
  });

  it('connects once with the saved key and subscribes every symbol exactly once, in order', async () => {
    core = createCoreFixture(server, { symbols: ['AAPL', 'MSFT', 'OANDA:EUR_USD'], key: 'test-key' }).core;
    core.start();
    const client = await server.waitForConnection();
    expect(await server.waitForSubscriptions(3, client)).toEqual(['AAPL', 'MSFT', 'OANDA:EUR_USD']);
    await waitForStatus(core, 'live');
    expect((await core.handlers.getOverview()).demo).toBe(false);
  });

  it('diffs symbol changes onto the live socket without reconnecting', async () => {
    core = createCoreFixture(server, { symbols: ['AAPL', 'MSFT'], key: 'test-key' }).core;
    core.start();
    const client = await server.waitForConnection();
    await server.waitForSubscriptions(2, client);

    await core.handlers.addToList(core.shownListId(), 'nvda');
    await server.waitFor(() => client.subscriptions.has('NVDA'));
    const removedBatch = nextEvent(core, 'quotes', (b) => (b as SnapshotBatch).removed.includes('AAPL'));
    await core.handlers.removeFromList(core.shownListId(), 'AAPL');
    await server.waitFor(() => !client.subscriptions.has('AAPL'));
    await removedBatch;

    expect(client.subscriptionLog).toEqual([
      { type: 'subscribe', symbol: 'AAPL' },
      { type: 'subscribe', symbol: 'MSFT' },
      { type: 'subscribe', symbol: 'NVDA' },
      { type: 'unsubscribe', symbol: 'AAPL' },
    ]);
    expect(server.counters.connectionsAccepted).toBe(1);
    expect(core.symbols()).toEqual(['MSFT', 'NVDA']);
  });

  it('trades become coalesced batches with change against the previous close', async () => {
    // The quote's last trade was a minute ago; the streamed trade below is newer and must win.
    server.setQuote('AAPL', { c: 100, pc: 100, t: Math.floor(Date.now() / 1000) - 60 });
    core = createCoreFixture(server, { symbols: ['AAPL'], key: 'test-key' }).core;
    core.start();
    await server.waitForSubscriptions(1);
    await server.waitFor(() => server.requests.some((r) => r.path.endsWith('/quote')));
    const batch = nextEvent(core, 'quotes', (b) =>
      (b as SnapshotBatch).quotes.some((q) => q.price === 101 && q.prevClose === 100),
    );
    server.sendTrades([{ symbol: 'AAPL', price: 101, volume: 10, time: Date.now() }]);
    const quote = ((await batch) as SnapshotBatch).quotes.find((q) => q.symbol === 'AAPL');
    expect(quote).toMatchObject({ price: 101, change: 1 });
    expect(quote?.changePct).toBeCloseTo(1, 6);
  });

  it('answers a page’s start with the settings, snapshot, overview and portfolio of one instant', async () => {
    core = createCoreFixture(server, { symbols: ['AAPL', 'MSFT'], key: 'test-key' }).core;
    core.start();
    await server.waitForSubscriptions(2);
    const batch = nextEvent(core, 'quotes', (b) => (b as SnapshotBatch).quotes.some((q) => q.price === 101));
    server.sendTrades([{ symbol: 'AAPL', price: 101, volume: 10, time: Date.now() }]);
    await batch;
    const start = await core.handlers.getPageStart();
    expect(start.settings).toEqual(await core.handlers.getSettings());
    expect(start.snapshot).toEqual(await core.handlers.getSnapshot());
    expect(start.snapshot.map((quote) => quote.symbol)).toEqual(['AAPL', 'MSFT']);
    expect(start.snapshot[0]?.price).toBe(101);
    expect(start.overview).toMatchObject({ demo: false, status: (await core.handlers.getOverview()).status });
    expect(start.portfolio).toEqual(await core.handlers.getPortfolio());
  });

  it('while quiet, delivers no batches but keeps the store current; drawing again sends one catch-up batch first', async () => {
    core = createCoreFixture(server, { symbols: ['AAPL', 'MSFT'], key: 'test-key' }).core;
    const c = core;
    const seen: (SnapshotBatch | boolean)[] = [];
    c.events.quotes.subscribe((batch) => seen.push(batch));
    c.events.drawing.subscribe((drawing) => seen.push(drawing));
    c.start();
    await server.waitForSubscriptions(2);
    const first = nextEvent(c, 'quotes', (b) => (b as SnapshotBatch).quotes.some((q) => q.price === 100));
    server.sendTrades([{ symbol: 'AAPL', price: 100, volume: 1, time: Date.now() }]);
    await first;
    const before = seen.length;
    c.setDrawing(false);
    expect(c.drawing()).toBe(false);
    for (let i = 1; i <= 5; i += 1)
      server.sendTrades([{ symbol: i % 2 ? 'AAPL' : 'MSFT', price: 100 + i, volume: 1, time: Date.now() }]);
    // The feed keeps the store current while nothing is delivered.
    await expect.poll(async () => (await c.handlers.getSnapshot()).find((q) => q.symbol === 'AAPL')?.price).toBe(105);
    // (That nothing goes out however long the quiet lasts is the publisher's unit test, on a fake clock.)
    expect(seen.slice(before)).toEqual([false]);
    c.setDrawing(true);
    const after = seen.slice(before + 1);
    expect(after).toHaveLength(2);
    const catchUp = after[0] as SnapshotBatch;
    expect(catchUp.quotes.map((q) => [q.symbol, q.price])).toEqual([
      ['AAPL', 105],
      ['MSFT', 104],
    ]);
    expect(after[1]).toBe(true);
  });

  it('switching from demo to a key stops the demo and opens exactly one socket; a new key replaces it after closing the old', async () => {
    core = createCoreFixture(server, { symbols: ['AAPL'] }).core;
    core.start();
    await waitForStatus(core, 'demo');

    await core.handlers.setApiKey('test-key');
    const first = await server.waitForConnection();
    await waitForStatus(core, 'live');

    const openAtSecondConnection: number[] = [];
    server.events.connection.subscribe(() => openAtSecondConnection.push(server.openClients().length));
    await core.handlers.setApiKey('other-key');
    const second = await server.waitForConnection(2);
    expect(second.token).toBe('other-key');
    expect(first.closeCode).toBe(1000);
    expect(openAtSecondConnection).toEqual([1]);
    await waitForStatus(core, 'live');

    // Saving the same key again does not reconnect.
    await core.handlers.setApiKey('other-key');
    expect(server.counters.connectionsAccepted).toBe(2);
  });

  it('pause closes the socket cleanly and resume reconnects; both are saved', async () => {
    const fixture = createCoreFixture(server, { symbols: ['AAPL'], key: 'test-key' });
    core = fixture.core;
    core.start();
    const client = await server.waitForConnection();
    await waitForStatus(core, 'live');

    expect((await core.handlers.setPaused(true)).state).toBe('paused');
    await server.waitForClose(client);
    expect(client.closeCode).toBe(1000);
    expect(fixture.settings.preferences.current().paused).toBe(true);

    await core.handlers.setPaused(false);
    await server.waitForConnection(2);
    await waitForStatus(core, 'live');
    expect(fixture.settings.preferences.current().paused).toBe(false);
  });

  it('stop closes with 1000 and never reconnects', async () => {
    core = createCoreFixture(server, { symbols: ['AAPL'], key: 'test-key' }).core;
    core.start();
    const client = await server.waitForConnection();
    await waitForStatus(core, 'live');
    await core.stop();
    await server.waitForClose(client);
    expect(client.closeCode).toBe(1000);
    expect(core.status().state).toBe('stopped');
    core.reconnectNow();
    core.start();
    expect(server.counters.connectionsAccepted).toBe(1);
  });

  it('tests a key from main: the typed one, or the saved one', async () => {
    core = createCoreFixture(server, { symbols: ['AAPL'] }).core;
    expect(await core.handlers.testApiKey()).toMatchObject({ ok: false });
    expect(await core.handlers.testApiKey('test-key')).toEqual({ ok: true });
    const refused = await core.handlers.testApiKey('wrong-key');
    expect(refused.ok).toBe(false);
    expect(refused.reason).toMatch(/refused|invalid|key/i);
  });

  it('refuses to test a key setApiKey would refuse, without spending a REST request on it', async () => {
    const fixture = createCoreFixture(server, { symbols: ['AAPL'] });
    core = fixture.core;
    const requestsBefore = server.requests.length;
    for (const key of ['short', 'has spaces in it', 'k'.repeat(129)]) {
      const result = await core.handlers.testApiKey(key);
      expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/8 to 128/) });
      expect(() => fixture.settings.key.set(key)).toThrow(/8 to 128/);
    }
    expect(server.requests.length).toBe(requestsBefore);
  });

  it('searches symbols through Finnhub with a key and from a built-in list without one', async () => {
    const fixture = createCoreFixture(server, { symbols: ['AAPL'] });
    core = fixture.core;
    core.start();
    const demoMatches = await core.handlers.searchSymbols('btc');
    expect(demoMatches.map((m) => m.symbol)).toContain('BINANCE:BTCUSDT');
    expect(server.requests.filter((r) => r.path.endsWith('/search'))).toHaveLength(0);

    await core.handlers.setApiKey('test-key');
    await core.handlers.searchSymbols('apple');
    expect(server.requests.filter((r) => r.path.endsWith('/search'))).toHaveLength(1);
  });

  it('never puts the key in anything a renderer can receive', async () => {
    const key = 'super-secret-key-1234';
    server.setValidTokens([key]);
    const fixture = createCoreFixture(server, { symbols: ['AAPL'] });
    core = fixture.core;
    const seen: unknown[] = [];
    for (const event of Object.keys(core.events) as EventName[])
      core.events[event].subscribe((payload) => seen.push(payload));
    core.start();
    seen.push(await core.handlers.setApiKey(key));
    await server.waitForConnection();
    await waitForStatus(core, 'live');
    seen.push(
      await core.handlers.getSettings(),
      await core.handlers.getOverview(),
      await core.handlers.getSnapshot(),
      await core.handlers.getPageStart(),
      await core.handlers.testApiKey(),
    );
    seen.push(core.pendingNotices());
    const text = JSON.stringify(seen);
    expect(text).toContain('1234'); // the masked form is there…
    expect(text).not.toContain(key); // …the key is not
    expect(JSON.stringify(fixture.store.store)).not.toContain(key); // and it is not saved in the clear
  });
});
