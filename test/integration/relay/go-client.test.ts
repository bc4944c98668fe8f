/**
 * The program the relay was made for: a Go server reading Finnhub trades with gorilla/websocket,
 * one goroutine and one socket each. Against Finnhub, two such sockets on one key kicked each other
 * off (close 1006, then "bad handshake"); against the relay, both keep receiving on Ticker's one
 * upstream connection. The client (clients/go-relay-client/main.go) is built here with Debian's Go
 * and gorilla/websocket, outside any module, with its build cache in a temporary folder.
 */
import { spawn, execFile, type ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RELAY_PING_INTERVAL_MS } from '../../../src/shared/relay-rules';
import { Signal } from '../../../src/shared/signal';
import { waitOn } from '../../support/relay-clients';
import { startRelayRig, type RelayRig } from '../../support/relay-rig';

const SOURCE_DIR = new URL('./clients/go-relay-client/', import.meta.url).pathname;
const BUILD_TIMEOUT_MS = 180_000;
/** Waits for the Go process: it starts in a few ms, but a loaded machine may hold it back. */
const WAIT_MS = 15_000;

let workDir = '';
let binary = '';
let rig: RelayRig | null = null;
let child: GoClients | null = null;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'ticker-go-client-'));
  binary = join(workDir, 'go-relay-client');
  await promisify(execFile)('go', ['build', '-o', binary, '.'], {
    cwd: SOURCE_DIR,
    // Debian's packaged gorilla/websocket lives in GOPATH form; a fresh cache works as any user, also root in CI.
    env: {
      ...process.env,
      GO111MODULE: 'off',
      GOPATH: '/usr/share/gocode',
      GOCACHE: join(workDir, 'cache'),
      GOFLAGS: '',
    },
    timeout: BUILD_TIMEOUT_MS,
  });
}, BUILD_TIMEOUT_MS + 10_000);

afterEach(async () => {
  if (child && child.process.exitCode === null) child.process.kill();
  child = null;
  await rig?.close();
  rig = null;
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

interface GoLine {
  client: number;
  event: 'open' | 'message' | 'closed' | 'dial-error' | 'write-error';
  data?: { type: string; data?: Array<{ s: string; p: number }>; msg?: string };
  code?: number;
  status?: number;
  text?: string;
}

interface GoClients {
  process: ChildProcessByStdio<Writable, Readable, Readable>;
  lines: GoLine[];
  stderr: () => string;
  waitFor<T>(check: () => T | undefined | false, description: string): Promise<T>;
  /** Close stdin: the clients close their sockets; resolves with the exit code. */
  finish(): Promise<number | null>;
}

/** Start the Go program: one client per symbol list, all in one process. */
function startGo(url: string, ...clients: string[][]): GoClients {
  const process = spawn(binary, [url, ...clients.map((symbols) => symbols.join(','))], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: GoLine[] = [];
  const changed = new Signal<void>();
  let stderr = '';
  process.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: process.stdout }).on('line', (text) => {
    lines.push(JSON.parse(text) as GoLine);
    changed.emit();
  });
  const exit = once(process, 'exit');
  process.on('exit', () => changed.emit());
  return {
    process,
    lines,
    stderr: () => stderr,
    waitFor: (check, description) => waitOn(changed, check, description, WAIT_MS),
    async finish() {
      process.stdin.end();
      const [code] = (await exit) as [number | null];
      return code;
    },
  };
}

const frames = (go: GoClients, client: number, type: string) =>
  go.lines
    .filter((line) => line.client === client && line.event === 'message' && line.data?.type === type)
    .map((line) => line.data!);
const tradedSymbols = (go: GoClients, client: number) =>
  frames(go, client, 'trade')
    .flatMap((frame) => frame.data ?? [])
    .map((trade) => trade.s);

function upstreamHas(relay: RelayRig, ...symbols: string[]): Promise<true> {
  return relay.server.waitFor(
    () => {
      const upstream = relay.server.openClients()[0];
      return upstream !== undefined && symbols.every((symbol) => upstream.subscriptions.has(symbol));
    },
    `upstream subscribed to ${symbols.join(', ')}`,
  );
}

describe('a Go gorilla/websocket Finnhub client pointed at the relay', () => {
  it('subscribes two symbols, receives trades for only those, pings, and an error for an invalid symbol', async () => {
    rig = await startRelayRig({ own: ['AAPL'] });
    const relay = rig;
    await relay.server.waitForSubscriptions(1);
    const go = (child = startGo(relay.wsUrl(), ['MSFT', 'BINANCE:BTCUSDT', 'NOT A SYMBOL!']));

    await upstreamHas(relay, 'MSFT', 'BINANCE:BTCUSDT');
    const [error] = await go.waitFor(
      () => frames(go, 0, 'error').length > 0 && frames(go, 0, 'error'),
      'the error for the invalid symbol',
    );
    expect(error?.msg).toContain('NOT A SYMBOL!');
    // gorilla sends no Origin: a program, let in with the token alone.
    expect(relay.relay.clientList()).toEqual([
      expect.objectContaining({ kind: 'websocket', origin: null, symbols: ['MSFT', 'BINANCE:BTCUSDT'] }),
    ]);

    relay.server.sendTrades([
      { symbol: 'AAPL', price: 190, volume: 1, time: Date.now() },
      { symbol: 'MSFT', price: 420, volume: 2, time: Date.now() },
    ]);
    relay.server.sendTrades([{ symbol: 'NVDA', price: 130, volume: 1, time: Date.now() }]);
    relay.server.sendTrades([{ symbol: 'BINANCE:BTCUSDT', price: 95_000, volume: 0.5, time: Date.now() }]);
    await go.waitFor(() => tradedSymbols(go, 0).length >= 2, 'two trades');
    relay.timers.fire(RELAY_PING_INTERVAL_MS);
    await go.waitFor(() => frames(go, 0, 'ping').length === 1, 'a ping');

    expect(await go.finish()).toBe(0);
    expect(go.stderr()).toBe('');
    expect(tradedSymbols(go, 0)).toEqual(['MSFT', 'BINANCE:BTCUSDT']);
    expect(go.lines.filter((line) => line.event !== 'message' && line.event !== 'open')).toEqual([]);
    await relay.waitFor(() => relay.relay.clientList().length === 0, 'the client gone');
    await relay.server.waitFor(
      () => relay.server.openClients()[0]?.subscriptions.size === 1,
      'its symbols released upstream',
    );
  });

  it('two Go clients at once both keep receiving on the one upstream connection (no 1006, no bad handshake)', async () => {
    rig = await startRelayRig({ own: ['AAPL'] });
    const relay = rig;
    await relay.server.waitForSubscriptions(1);
    const go = (child = startGo(relay.wsUrl(), ['MSFT', 'AAPL'], ['NVDA', 'AAPL']));
    await go.waitFor(() => go.lines.filter((line) => line.event === 'open').length === 2, 'both clients open');
    await upstreamHas(relay, 'AAPL', 'MSFT', 'NVDA');
    await relay.waitFor(
      () => relay.relay.clientList().every((c) => c.symbols.length === 2) && relay.relay.clientList().length === 2,
      'both subscribed',
    );

    // Round after round, each client gets its own symbols and the shared one.
    const rounds = 5;
    for (let round = 1; round <= rounds; round += 1) {
      relay.server.sendTrades([
        { symbol: 'MSFT', price: 420 + round, volume: 1, time: Date.now() },
        { symbol: 'NVDA', price: 130 + round, volume: 1, time: Date.now() },
        { symbol: 'AAPL', price: 190 + round, volume: 1, time: Date.now() },
      ]);
      await go.waitFor(
        () => tradedSymbols(go, 0).length === 2 * round && tradedSymbols(go, 1).length === 2 * round,
        `round ${round} at both clients`,
      );
    }
    relay.timers.fire(RELAY_PING_INTERVAL_MS);
    await go.waitFor(() => frames(go, 0, 'ping').length === 1 && frames(go, 1, 'ping').length === 1, 'a ping at both');

    expect(await go.finish()).toBe(0);
    expect(go.stderr()).toBe('');
    expect(tradedSymbols(go, 0)).toEqual(Array.from({ length: rounds }, () => ['MSFT', 'AAPL']).flat());
    expect(tradedSymbols(go, 1)).toEqual(Array.from({ length: rounds }, () => ['NVDA', 'AAPL']).flat());
    // Neither was closed nor refused, and Ticker kept its one connection to Finnhub.
    expect(go.lines.filter((line) => line.event === 'closed' || line.event === 'dial-error')).toEqual([]);
    expect(relay.server.counters.connectionsAccepted).toBe(1);
  });
});
