/**
 * The relay under load, as users run it: the headless command (`out/cli/feed.mjs --relay-port 0`)
 * in its own process, fed by the fake Finnhub server at a fixed upstream rate, with websocket
 * clients each subscribing a window of the symbols.
 *
 * - Carried: trades per second the clients received (and whether any was lost).
 * - Added latency: each trade carries the bench's send time (`b`, an extra field the relay passes
 *   on untouched); a client connected straight to the fake server gives the hop without the relay,
 *   so the difference of the percentiles is what Ticker + relay add.
 * - CPU: the command's own CPU time (/proc) while serving the clients, minus its CPU time over an
 *   equal phase at the same upstream rate with no clients, per 1,000 trades forwarded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { commandBundle, ensureCliBuilt } from '../scripts/cli-build.mjs';
import { startFakeFinnhub, type FakeFinnhub } from '../test/support/fake-finnhub';
import { BENCH_SYMBOL_NAMES, TradeItemGenerator } from './lib/market';
import { seededRandom } from './lib/prng';
import { percentile } from './lib/stats';

export interface RelayBenchOptions {
  clients: number;
  symbolsPerClient: number;
  tradesPerSecond: number;
  /** Length of each phase (without clients, then with them). */
  phaseSeconds: number;
  seed: number;
}

export interface RelayBenchResult {
  clients: number;
  symbols_per_client: number;
  upstream_trades_per_s: number;
  delivered_trades_per_s: number;
  lost_trades: number;
  relay_p50_ms: number;
  relay_p99_ms: number;
  direct_p50_ms: number;
  direct_p99_ms: number;
  added_p50_ms: number;
  added_p99_ms: number;
  cpu_ms_per_1000_forwarded: number;
}

const RELAY_TOKEN = 'bench-relay-token-0123456789';
const FRAME_INTERVAL_MS = 10;

const clock = (): number => performance.timeOrigin + performance.now();

/** utime + stime of a process in ms, from /proc (Linux). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100;
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

async function startCommand(server: FakeFinnhub): Promise<{ child: ChildProcess; wsUrl: string }> {
  // The built command, as `npm run feed` runs it.
  await ensureCliBuilt();
  const child = spawn(
    process.execPath,
    [
      commandBundle('feed'),
      '--symbols',
      BENCH_SYMBOL_NAMES.join(','),
      '--ws-url',
      server.wsUrl,
      '--rest-url',
      server.restUrl,
      '--relay-port',
      '0',
    ],
    {
      env: { ...process.env, FINNHUB_API_KEY: 'bench-key', TICKER_RELAY_TOKEN: RELAY_TOKEN },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (text) => {
      const line = JSON.parse(text) as { event?: string; ws?: string };
      if (line.event === 'relay' && line.ws) resolve({ child, wsUrl: `${line.ws}?token=${RELAY_TOKEN}` });
    });
    child.once('exit', (code) => reject(new Error(`the feed command exited (${code}) before its relay listened`)));
  });
}

interface Receiver {
  ws: WebSocket;
  received: number;
  latencies: number[];
}

function receiver(url: string, symbols: readonly string[], measuring: () => boolean): Promise<Receiver> {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  const state: Receiver = { ws, received: 0, latencies: [] };
  ws.on('message', (data) => {
    const now = clock();
    const message = JSON.parse(data.toString()) as { type: string; data?: Array<{ b?: number }> };
    if (message.type !== 'trade' || !message.data || !measuring()) return;
    for (const trade of message.data) {
      state.received += 1;
      if (typeof trade.b === 'number') state.latencies.push(now - trade.b);
    }
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      for (const symbol of symbols) ws.send(JSON.stringify({ type: 'subscribe', symbol }));
      resolve(state);
    });
    ws.once('error', reject);
  });
}

/** Send `tradesPerSecond` for `seconds`, in frames every 10 ms; returns how many trades of each symbol were sent. */
async function pump(
  server: FakeFinnhub,
  generator: TradeItemGenerator,
  tradesPerSecond: number,
  seconds: number,
): Promise<Map<string, number>> {
  const sent = new Map<string, number>();
  const started = clock();
  let total = 0;
  const target = tradesPerSecond * seconds;
  while (total < target) {
    const due = Math.min(target, Math.floor(((clock() - started) / 1000) * tradesPerSecond));
    if (due > total) {
      const items = [];
      const b = clock();
      for (; total < due; total += 1) {
        const item = { ...generator.next(Date.now()), b };
        sent.set(item.s, (sent.get(item.s) ?? 0) + 1);
        items.push(item);
      }
      server.sendRaw(JSON.stringify({ type: 'trade', data: items }));
    }
    await new Promise((resolve) => setTimeout(resolve, FRAME_INTERVAL_MS));
  }
  return sent;
}

export async function runRelayBench(options: RelayBenchOptions): Promise<{ result: RelayBenchResult }> {
  const server = await startFakeFinnhub({
    tokens: ['bench-key', 'direct-key'],
    oneConnectionPerToken: false,
    waitTimeoutMs: 60_000,
  });
  const { child, wsUrl } = await startCommand(server);
  try {
    await server.waitForSubscriptions(BENCH_SYMBOL_NAMES.length);
    const generator = new TradeItemGenerator(seededRandom(options.seed));
    let measuring = false;

    // Phase 1: the same upstream rate with no relay clients.
    await pump(server, generator, options.tradesPerSecond, 1);
    const idleStart = cpuMs(child.pid as number);
    await pump(server, generator, options.tradesPerSecond, options.phaseSeconds);
    const idleCpu = cpuMs(child.pid as number) - idleStart;

    // Phase 2: clients on the relay, and one straight to the fake server for the baseline hop.
    const windows = Array.from({ length: options.clients }, (_, i) =>
      Array.from(
        { length: options.symbolsPerClient },
        (_, j) => BENCH_SYMBOL_NAMES[(i * 5 + j) % BENCH_SYMBOL_NAMES.length] as string,
      ),
    );
    const clients = await Promise.all(windows.map((symbols) => receiver(wsUrl, symbols, () => measuring)));
    const direct = await receiver(`${server.wsUrl}?token=direct-key`, [], () => measuring);
    const wanted = new Set(windows.flat());
    await server.waitFor(() => {
      const upstream = server.openClients().find((client) => client.token === 'bench-key');
      return upstream !== undefined && [...wanted].every((symbol) => upstream.subscriptions.has(symbol));
    }, 'the clients subscribed');
    await pump(server, generator, options.tradesPerSecond, 1);
    measuring = true;
    const busyStart = cpuMs(child.pid as number);
    const sent = await pump(server, generator, options.tradesPerSecond, options.phaseSeconds);
    // Let the last frames arrive before counting (a trade still missing after this counts as lost).
    const expected = windows.reduce(
      (sum, symbols) => sum + symbols.reduce((n, symbol) => n + (sent.get(symbol) ?? 0), 0),
      0,
    );
    const deadline = clock() + 20_000;
    while (clients.reduce((n, c) => n + c.received, 0) < expected && clock() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const busyCpu = cpuMs(child.pid as number) - busyStart;
    measuring = false;

    const delivered = clients.reduce((n, c) => n + c.received, 0);
    const relayLatencies = clients.flatMap((c) => c.latencies);
    for (const client of [...clients, direct]) client.ws.terminate();
    const relayP50 = percentile(relayLatencies, 50);
    const relayP99 = percentile(relayLatencies, 99);
    const directP50 = percentile(direct.latencies, 50);
    const directP99 = percentile(direct.latencies, 99);
    return {
      result: {
        clients: options.clients,
        symbols_per_client: options.symbolsPerClient,
        upstream_trades_per_s: options.tradesPerSecond,
        delivered_trades_per_s: delivered / options.phaseSeconds,
        lost_trades: Math.max(0, expected - delivered),
        relay_p50_ms: relayP50,
        relay_p99_ms: relayP99,
        direct_p50_ms: directP50,
        direct_p99_ms: directP99,
        added_p50_ms: relayP50 - directP50,
        added_p99_ms: relayP99 - directP99,
        cpu_ms_per_1000_forwarded: delivered > 0 ? ((busyCpu - idleCpu) / delivered) * 1000 : Number.NaN,
      },
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await server.close();
  }
}
