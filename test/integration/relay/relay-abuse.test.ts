/**
 * Relay clients that misbehave, against the fake Finnhub server: they may not spend the user's
 * REST budget, take every shared slot, churn subscriptions upstream, or outlive a revoked origin.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RelayWsTestClient, SseTestClient } from '../../support/relay-clients';
import {
  RELAY_CHURN_LIMIT,
  RELAY_CHURN_WINDOW_MS,
  RELAY_UPSTREAM_PUSH_INTERVAL_MS,
} from '../../../src/shared/relay-rules';
import { ManualClock } from '../../support/manual-clock';
import { startRelayRig, type RelayRig, type RelayRigOptions } from '../../support/relay-rig';

let rig: RelayRig;
const opened: Array<{ close(): unknown }> = [];

async function start(options: RelayRigOptions = {}): Promise<RelayRig> {
  rig = await startRelayRig(options);
  await rig.server.waitForSubscriptions(options.own?.length ?? 1);
  return rig;
}

async function sse(symbols: readonly string[], headers: Record<string, string> = {}): Promise<SseTestClient> {
  const client = await SseTestClient.open(rig.sseUrl(symbols.join(',')), headers);
  opened.push(client);
  return client;
}

afterEach(async () => {
  for (const client of opened.splice(0)) await client.close();
  await rig?.close();
});

const unwatched = (stream: number, count: number): string[] =>
  Array.from({ length: count }, (_, i) => `RLY${stream}X${i}`);

describe('relay abuse: the REST budget', () => {
  it('gives relay lookups a bounded share, serves the user first, drops leavers and caches answers', async () => {
    const clock = new ManualClock(Date.now());
    await start({ own: ['AAPL'], restClock: clock });
    const quotes = (): string[] =>
      rig.server.requests.filter((r) => r.path === '/quote').map((r) => r.query.symbol as string);
    await rig.server.waitFor(() => quotes().includes('AAPL'), "the own symbol's previous close");
    const lookups = (): string[] => quotes().filter((symbol) => symbol.startsWith('RLY'));

    // One stream of 40 symbols Ticker does not watch: a quarter of each limit (7 a second, 15 a
    // minute on the free plan), no more.
    const first = await sse(unwatched(1, 40));
    await rig.server.waitFor(() => lookups().length >= 7, 'the first second of relay lookups');
    expect(rig.limiter.waitingFor('relay')).toBe(33);
    clock.advance(1_000);
    clock.advance(1_000);
    await rig.server.waitFor(() => lookups().length >= 15, 'the relay share of the minute');
    clock.advance(1_000);
    expect(rig.limiter.waitingFor('relay')).toBe(25);
    expect(lookups()).toHaveLength(15);

    // The user's own calls do not wait behind the relay's queue, and none is refused.
    await expect(rig.rest.search('APP')).resolves.toEqual(expect.arrayContaining([expect.anything()]));
    await expect(rig.rest.testKey()).resolves.toEqual({ ok: true });
    const answered = lookups();

    // Five more short streams: their lookups wait within the share and are dropped as they leave.
    first.close();
    await rig.waitFor(() => rig.relay.stats().clients === 0 && rig.limiter.waitingFor('relay') === 0, 'leavers');
    for (let stream = 2; stream <= 6; stream += 1) {
      const client = await sse(unwatched(stream, 40));
      await rig.waitFor(() => rig.limiter.waitingFor('relay') === 40, `stream ${stream} queued`);
      client.close();
      await rig.waitFor(() => rig.limiter.waitingFor('relay') === 0, `stream ${stream} dropped`);
    }
    clock.advance(120_000);
    await expect(rig.rest.search('MS')).resolves.toBeDefined();
    expect(lookups()).toHaveLength(15);

    // The answers are cached: the same symbols again cost no call, although the budget is back.
    const again = await sse(answered);
    await again.waitFor(() => rig.relay.clientList()[0]?.symbols.length === answered.length, 'subscribed');
    await expect(rig.rest.search('NV')).resolves.toBeDefined();
    expect(lookups()).toHaveLength(15);
    expect(rig.limiter.waitingFor()).toBe(0);
  });
});

describe('relay abuse: a revoked origin', () => {
  it("closes that origin's open websocket and SSE streams, and no one else's", async () => {
    await start({ relay: { allowedOrigins: ['https://dashboard.example', 'https://other.example'] } });
    const revokedWs = await RelayWsTestClient.connect(rig.wsUrl(), {
      headers: { Origin: 'https://dashboard.example' },
    });
    const keptWs = await RelayWsTestClient.connect(rig.wsUrl(), { headers: { Origin: 'https://other.example' } });
    const program = await RelayWsTestClient.connect(rig.wsUrl());
    opened.push(revokedWs, keptWs, program);
    const revokedSse = await sse(['AAPL'], { Origin: 'https://dashboard.example' });
    const keptSse = await sse(['MSFT'], { Origin: 'https://other.example' });
    await rig.waitFor(() => rig.relay.stats().clients === 5, 'five clients');

    rig.relay.setAllowedOrigins(['https://other.example']);
    expect(await revokedWs.waitForClose()).toBe(1008);
    await revokedSse.waitFor(() => revokedSse.ended, 'the revoked stream ended');
    expect(rig.relay.clientList().map((client) => client.origin)).toEqual([
      'https://other.example',
      null,
      'https://other.example',
    ]);
    expect(keptWs.closeCode).toBeNull();
    expect(keptSse.ended).toBe(false);
    expect(program.closeCode).toBeNull();
  });
});

describe('relay abuse: the shared slots', () => {
  it('shares the slots fairly between clients, and never takes the portfolio its symbols', async () => {
    await start({ own: ['AAPL'], maxSymbols: 10 });
    const hog = await RelayWsTestClient.connect(rig.wsUrl());
    const late = await RelayWsTestClient.connect(rig.wsUrl());
    opened.push(hog, late);
    const hogs = Array.from({ length: 12 }, (_, i) => `HOG${i}`);
    hog.subscribe(...hogs);
    await hog.waitForErrors(3); // 9 slots were free: the last three are over the cap
    await rig.server.waitFor(() => rig.server.openClients()[0]?.subscriptions.size === 10, 'a full upstream');

    late.subscribe('LATE0', 'LATE1', 'LATE2', 'LATE3', 'LATE4', 'LATE5');
    await late.waitForErrors(2);
    await hog.waitForErrors(3 + 4);
    const slots = (): Record<string, number> =>
      Object.fromEntries(rig.relay.clientList().map((client) => [client.id, client.symbols.length]));
    expect(slots()).toEqual({ 'ws-1': 5, 'ws-2': 4 });
    expect(hog.errors().slice(3)).toEqual(
      ['HOG8', 'HOG7', 'HOG6', 'HOG5'].map(
        (symbol) =>
          `Subscribing to too many symbols: ${symbol} was unsubscribed to give another client its fair share of the relay (the plan allows 10)`,
      ),
    );
    const upstream = await rig.server.waitFor(() => {
      const subscriptions = rig.server.openClients()[0]?.subscriptions;
      return subscriptions?.has('LATE3') && !subscriptions.has('HOG5') && subscriptions;
    }, 'the fair share upstream');
    expect(upstream.size).toBe(10);

    // The portfolio (a helper of Ticker's) takes a client's slot; no client can take it back.
    expect(rig.session.addInterest('portfolio', 'OANDA:EUR_USD', 'ticker')).toBe('new');
    await hog.waitForErrors(3 + 5);
    expect(slots()).toEqual({ 'ws-1': 4, 'ws-2': 4 });
    late.subscribe('LATE9');
    await late.waitForErrors(3);
    expect(rig.session.upstreamSymbols()).toContain('OANDA:EUR_USD');
  });
});

describe('relay abuse: subscription churn', () => {
  it('coalesces clients’ churn into the net change upstream, and closes a client past the limit', async () => {
    const clock = new ManualClock(Date.now());
    await start({ own: ['AAPL'], sessionClock: clock });
    const upstreamFrames: string[] = [];
    rig.server.events.message.subscribe(({ text }) => upstreamFrames.push(text));
    const clients = await Promise.all([1, 2, 3, 4].map(() => RelayWsTestClient.connect(rig.wsUrl())));
    opened.push(...clients);
    clients.forEach((client, n) => {
      // Up to the limit: flip one symbol back and forth, then keep two.
      for (let i = 0; i < (RELAY_CHURN_LIMIT - 2) / 2; i += 1) {
        client.subscribe(`FLIP${n}`);
        client.unsubscribe(`FLIP${n}`);
      }
      client.subscribe(`KEEP${n}`, `LAST${n}`);
    });
    await rig.waitFor(
      () => rig.relay.clientList().every((client, n) => client.symbols.join() === `KEEP${n},LAST${n}`),
      'every client at the limit',
    );
    expect(upstreamFrames).toEqual([]);
    clock.advance(RELAY_UPSTREAM_PUSH_INTERVAL_MS);
    await rig.server.waitFor(() => upstreamFrames.length >= 8, 'the net change upstream');
    const frames = upstreamFrames.map((text) => JSON.parse(text) as { type: string; symbol: string });
    expect(frames.every((frame) => frame.type === 'subscribe')).toBe(true);
    expect(frames.map((frame) => frame.symbol).sort()).toEqual(
      [0, 1, 2, 3].flatMap((n) => [`KEEP${n}`, `LAST${n}`]).sort(),
    );

    // One change more than the limit: that client is told and closed; the others stay.
    clients[0]?.unsubscribe('KEEP0');
    expect(await clients[0]?.waitForClose()).toBe(1008);
    expect(clients[0]?.errors()).toEqual([
      `Too many subscription changes: at most ${RELAY_CHURN_LIMIT} every ${RELAY_CHURN_WINDOW_MS / 1000} s`,
    ]);
    expect(rig.relay.stats()).toMatchObject({ clients: 3, churnClosed: 1 });
    clock.advance(RELAY_UPSTREAM_PUSH_INTERVAL_MS);
    await rig.server.waitFor(() => upstreamFrames.length >= 10, 'the closed client released upstream');
    expect(rig.server.openClients()[0]?.subscriptions.has('KEEP1')).toBe(true);
    expect(rig.server.openClients()[0]?.subscriptions.has('KEEP0')).toBe(false);
  });
});
