/**
 * Relay clients that misbehave, against the fake Finnhub server: they may not spend the user's
 * REST budget, take every shared slot, churn subscriptions upstream, or outlive a revoked origin.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RelayWsTestClient, SseTestClient } from '../../support/relay-clients';
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
