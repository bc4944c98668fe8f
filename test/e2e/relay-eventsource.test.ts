/**
 * A browser page consuming the relay as users will: `new EventSource(...)` in Chromium, from a page
 * of an allowed origin (CORS lets it read the stream) and from one that is not allowed (refused).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELAY_TOKEN, startRelayRig, type RelayRig } from '../support/relay-rig';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './harness/renderer-session';

const PAGE = `<!doctype html><meta charset="utf-8"><title>relay page</title><script>
  window.received = [];
  window.failed = false;
  const source = new EventSource(new URLSearchParams(location.search).get('sse'));
  source.addEventListener('quote', (e) => window.received.push({ event: 'quote', data: JSON.parse(e.data) }));
  source.addEventListener('trade', (e) => window.received.push({ event: 'trade', data: JSON.parse(e.data) }));
  source.onerror = () => { window.failed = true; };
</script>`;

let rig: RelayRig;
let browser: Browser;
const pageServers: Server[] = [];

async function pageServer(): Promise<string> {
  const server = createServer((_request, response) =>
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  pageServers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let allowed: string;
let foreign: string;

beforeAll(async () => {
  [allowed, foreign] = await Promise.all([pageServer(), pageServer()]);
  rig = await startRelayRig({ own: ['AAPL'], relay: { allowedOrigins: [allowed] } });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await rig?.close();
  for (const server of pageServers) {
    server.closeAllConnections();
    server.close();
  }
});

describe('relay SSE in Chromium', () => {
  it('streams quotes then trades to an EventSource on a page of an allowed origin', async () => {
    rig.server.sendTrades([{ symbol: 'AAPL', price: 190.5, volume: 10, time: Date.now() }]);
    await rig.waitFor(() => rig.session.store.snapshot('AAPL')?.price === 190.5, 'AAPL priced');
    const page = await browser.newPage();
    const sse = `http://127.0.0.1:${rig.port}/sse?symbols=AAPL,MSFT&token=${RELAY_TOKEN}`;
    await page.goto(`${allowed}/?sse=${encodeURIComponent(sse)}`);
    await page.waitForFunction(() => (window as unknown as { received: unknown[] }).received.length >= 2, undefined, {
      timeout: 8_000,
    });
    const client = rig.relay.clientList()[0];
    expect(client).toMatchObject({ kind: 'sse', origin: allowed });
    await rig.server.waitFor(() => rig.server.openClients()[0]?.subscriptions.has('MSFT'), 'MSFT upstream');
    rig.server.sendTrades([{ symbol: 'MSFT', price: 421.25, volume: 2, time: Date.now() }]);
    await page.waitForFunction(
      () => (window as unknown as { received: Array<{ event: string }> }).received.some((r) => r.event === 'trade'),
      undefined,
      { timeout: 8_000 },
    );
    const received = await page.evaluate(
      () => (window as unknown as { received: Array<{ event: string; data: unknown }> }).received,
    );
    expect(received.map((r) => r.event)).toEqual(['quote', 'quote', 'trade']);
    expect(received[2]?.data).toEqual([{ s: 'MSFT', p: 421.25, v: 2, t: expect.any(Number) }]);
    expect(
      received
        .filter((r) => r.event === 'quote')
        .map((r) => (r.data as { symbol: string }).symbol)
        .sort(),
    ).toEqual(['AAPL', 'MSFT']);
    await page.close();
  });

  it('refuses a page of an origin that is not allowed', async () => {
    const page = await browser.newPage();
    const sse = `http://127.0.0.1:${rig.port}/sse?symbols=AAPL&token=${RELAY_TOKEN}`;
    await page.goto(`${foreign}/?sse=${encodeURIComponent(sse)}`);
    await page.waitForFunction(() => (window as unknown as { failed: boolean }).failed, undefined, { timeout: 8_000 });
    expect(await page.evaluate(() => (window as unknown as { received: unknown[] }).received)).toEqual([]);
    expect(rig.relay.stats().refused.origin).toBeGreaterThanOrEqual(1);
    await page.close();
  });
});
