/**
 * Finnhub clients written by others, changed only in their URL, against the relay: Python's
 * websocket-client (Debian's python3-websocket), used the way Finnhub's own example uses it.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { startRelayRig, type RelayRig } from '../../support/relay-rig';

const SCRIPT = new URL('./clients/finnhub_trades.py', import.meta.url).pathname;
let rig: RelayRig | null = null;

afterEach(async () => {
  await rig?.close();
  rig = null;
});

describe('an existing Finnhub client pointed at the relay', () => {
  it('Python websocket-client subscribes and receives only its trades', async () => {
    rig = await startRelayRig({ own: ['AAPL'] });
    const relay = rig;
    await relay.server.waitForSubscriptions(1);
    const child = spawn('/usr/bin/python3', [SCRIPT, relay.wsUrl(), '2', 'MSFT', 'BINANCE:BTCUSDT'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
    const exit = once(child, 'exit');

    await relay.server.waitFor(() => {
      const upstream = relay.server.openClients()[0];
      return (
        upstream !== undefined && upstream.subscriptions.has('MSFT') && upstream.subscriptions.has('BINANCE:BTCUSDT')
      );
    }, "the client's symbols upstream");
    // websocket-client sends the relay's own origin by default, which the relay accepts.
    expect(relay.relay.clientList()).toEqual([
      expect.objectContaining({ kind: 'websocket', origin: `http://127.0.0.1:${relay.port}` }),
    ]);
    relay.server.sendTrades([
      { symbol: 'AAPL', price: 190, volume: 1, time: Date.now() },
      { symbol: 'MSFT', price: 420, volume: 2, time: Date.now() },
    ]);
    relay.server.sendTrades([{ symbol: 'BINANCE:BTCUSDT', price: 95000, volume: 0.5, time: Date.now() }]);
    const [code] = (await exit) as [number | null];
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const trades = lines
      .map((line) => JSON.parse(line) as { type: string; data?: Array<{ s: string }> })
      .filter((m) => m.type === 'trade');
    expect(trades.flatMap((m) => m.data ?? []).map((t) => t.s)).toEqual(['MSFT', 'BINANCE:BTCUSDT']);
    await relay.waitFor(() => relay.relay.clientList().length === 0, 'client gone');
    await relay.server.waitFor(() => relay.server.openClients()[0]?.subscriptions.size === 1, 'released upstream');
  });
});
