/**
 * The headless feed command as users run it: a real child process (`node out/cli/feed.mjs`, as `npm run feed`) against
 * the fake Finnhub server. Checks the NDJSON contract and the exit codes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { builtCommand } from '../../support/cli-bundle';
import { startFakeFinnhub, type FakeFinnhub } from '../../support/fake-finnhub';
import { RelayWsTestClient, SseTestClient, handshakeStatus } from '../../support/relay-clients';

interface Run {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  stderr: () => string;
  /** Resolves with the first parsed line that matches. */
  waitFor(predicate: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  exit: Promise<number | null>;
}

/**
 * Each test starts Node on the built command: a fraction of a second on an idle 2-core machine and
 * several times that on a busy one. The fake server's waits and the tests allow for that; what they
 * check does not depend on how long it took.
 */
const CHILD_WAIT_MS = 30_000;
const CHILD_TEST_MS = 60_000;

const iso = (epochMs: number): string => new Date(epochMs).toISOString();

let ENTRY = '';
beforeAll(async () => {
  ENTRY = await builtCommand('feed');
});

/** As `npm run feed` runs it: one Node process running the built command, so signals reach the command itself. */
function runFeed(args: string[], env: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, [ENTRY, ...args], {
    env: { ...process.env, FINNHUB_API_KEY: '', FINNHUB_WS_URL: '', FINNHUB_REST_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  const waiters: {
    predicate: (line: Record<string, unknown>) => boolean;
    resolve: (line: Record<string, unknown>) => void;
  }[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout! }).on('line', (text) => {
    const line = JSON.parse(text) as Record<string, unknown>; // every stdout line must be JSON
    lines.push(line);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(line)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  const exit = once(child, 'exit').then(([code]) => code as number | null);
  return {
    child,
    lines,
    stderr: () => stderr,
    exit,
    waitFor(predicate) {
      const found = lines.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        waiters.push({ predicate, resolve });
        void exit.then(() =>
          reject(
            new Error(
              `exited before the expected line; got:\n${lines.map((l) => JSON.stringify(l)).join('\n')}\n${stderr}`,
            ),
          ),
        );
      });
    },
  };
}

let server: FakeFinnhub;
let running: Run | null = null;

beforeEach(async () => {
  server = await startFakeFinnhub({ tokens: ['test-key'], waitTimeoutMs: CHILD_WAIT_MS });
  server.setQuote('AAPL', { c: 188.2, pc: 188.2, t: Math.floor(Date.now() / 1000) - 60 });
  server.setQuote('MSFT', { c: 410, pc: 400, t: Math.floor(Date.now() / 1000) - 60 });
});

afterEach(async () => {
  if (running && running.child.exitCode === null) running.child.kill('SIGKILL');
  running = null;
  await server.close();
});

/** The flags that point the command at the fake Finnhub server, with this key. */
const fakeServer = (token: string): string[] => [
  '--ws-url',
  server.wsUrl,
  '--rest-url',
  server.restUrl,
  '--token',
  token,
];

describe('npm run feed', { timeout: CHILD_TEST_MS }, () => {
  it('streams live quotes over one connection and ends cleanly on SIGTERM with a summary', async () => {
    running = runFeed(
      ['--symbols', 'AAPL,MSFT', '--ws-url', server.wsUrl, '--rest-url', server.restUrl, '--rate', '20'],
      { FINNHUB_API_KEY: 'test-key' },
    );
    await running.waitFor((l) => l.event === 'status' && l.state === 'live');
    const client = await server.waitForConnection();
    expect(await server.waitForSubscriptions(2, client)).toEqual(['AAPL', 'MSFT']);
    // Wait until the previous close is known, so change fields must appear.
    await running.waitFor((l) => l.event === 'quote' && l.symbol === 'MSFT' && l.changePct !== undefined);

    server.sendTrades([
      { symbol: 'AAPL', price: 189.41, volume: 100, time: Date.now() },
      { symbol: 'AAPL', price: 189.5, volume: 50, time: Date.now() },
    ]);
    const quote = await running.waitFor((l) => l.event === 'quote' && l.symbol === 'AAPL' && l.price === 189.5);
    expect(quote).toMatchObject({ event: 'quote', symbol: 'AAPL', price: 189.5, volume: 150 });
    expect(quote.change).toBeCloseTo(1.3, 6);
    expect(quote.changePct).toBeCloseTo((1.3 / 188.2) * 100, 3);
    // Times are ISO 8601 in UTC, like every command's JSON.
    expect(quote.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(['pre', 'regular', 'post', 'closed']).toContain(quote.session);

    const closed = server.waitForClose(client);
    running.child.kill('SIGTERM');
    expect(await running.exit).toBe(0);
    await closed;
    expect(client.socket.readyState).toBe(3);
    const last = running.lines.at(-1);
    expect(last).toEqual({ event: 'summary', connections: 1, reconnects: 0, trades: 2, dropped: 0, live: true });
    expect(server.counters.maxOpenConnections('test-key')).toBe(1);
  });

  it('reconnects after an abrupt drop and counts it in the summary', async () => {
    running = runFeed(['--symbols', 'AAPL', ...fakeServer('test-key')]);
    await server.waitForSubscriptions(1);
    server.dropAll();
    await running.waitFor((l) => l.event === 'status' && l.state === 'reconnecting');
    const second = await server.waitForConnection(2);
    expect(await server.waitForSubscriptions(1, second)).toEqual(['AAPL']);
    running.child.kill('SIGINT');
    expect(await running.exit).toBe(0);
    expect(running.lines.at(-1)).toMatchObject({ event: 'summary', connections: 2, reconnects: 1 });
  });

  it('exits 3 with the unauthorized status and a summary when the key is refused', async () => {
    running = runFeed(['--symbols', 'AAPL', ...fakeServer('wrong-key')]);
    expect(await running.exit).toBe(3);
    expect(running.lines.some((l) => l.event === 'status' && l.state === 'unauthorized')).toBe(true);
    expect(running.lines.at(-1)).toMatchObject({ event: 'summary', connections: 0, trades: 0 });
    expect(server.counters.handshakesRefused).toBe(1);
  });

  it('ends after --duration with exit 0', async () => {
    running = runFeed(['--symbols', 'AAPL', ...fakeServer('test-key'), '--duration', '0.5']);
    expect(await running.exit).toBe(0);
    expect(running.lines.at(-1)).toMatchObject({ event: 'summary', connections: 1, live: true });
  });

  it('exits 5 when the connection never went live during its run', async () => {
    // A port nothing listens on: every attempt is refused.
    const closed = await startFakeFinnhub({ tokens: ['test-key'] });
    const deadUrl = closed.wsUrl;
    await closed.close();
    running = runFeed(['--symbols', 'AAPL', '--token', 'test-key', '--ws-url', deadUrl, '--duration', '1']);
    expect(await running.exit).toBe(5);
    expect(running.lines.some((l) => l.event === 'status' && l.state === 'live')).toBe(false);
    expect(running.lines.at(-1)).toMatchObject({ event: 'summary', connections: 0, trades: 0, live: false });
  });

  it('refuses bad arguments with one line on stderr, nothing on stdout, exit 2', async () => {
    running = runFeed(['--symbols', 'AAPL', '--duration', 'forever']);
    expect(await running.exit).toBe(2);
    expect(running.lines).toEqual([]);
    expect(running.stderr().trim().split('\n')).toHaveLength(1);
    expect(running.stderr()).toMatch(/--duration/);
  });

  it('runs the labelled demo feed without a key', async () => {
    running = runFeed(['--symbols', 'AAPL,BINANCE:BTCUSDT', '--duration', '1.5', '--rate', '5']);
    expect(await running.exit).toBe(0);
    expect(running.lines[0]).toEqual({ event: 'status', state: 'demo' });
    const quotes = running.lines.filter((l) => l.event === 'quote');
    expect(quotes.some((q) => q.symbol === 'AAPL' && typeof q.price === 'number' && (q.price as number) > 0)).toBe(
      true,
    );
    expect(quotes.every((q) => 'change' in q && 'changePct' in q)).toBe(true);
    expect(running.lines.at(-1)).toMatchObject({ event: 'summary', connections: 0 });
    expect(server.counters.connectionsAccepted).toBe(0);
  });

  it('prints one alert per crossing from the trades the app accepts, % rules only once the previous close is known', async () => {
    server.setQuote('AAPL', { c: 200, pc: 200, t: Math.floor(Date.now() / 1000) - 60 });
    server.failRestWith(503); // the previous close stays unknown until cleared
    running = runFeed([
      ...fakeServer('test-key'),
      '--alert',
      'AAPL<=-2%',
      '--alert=AAPL>=200',
      '--alert-repeat',
      '--alert-cooldown',
      '0',
    ]);
    const client = await server.waitForConnection();
    // The alert symbol is subscribed although --symbols was not given.
    expect(await server.waitForSubscriptions(1, client)).toEqual(['AAPL']);
    const at = Date.now();
    // -2.5 % would fire the change rule, but the previous close is not known yet.
    server.sendTrades([{ symbol: 'AAPL', price: 195, volume: 1, time: at }]);
    // Invalid and unsubscribed trades never fire anything.
    server.sendRaw(
      JSON.stringify({
        type: 'trade',
        data: [
          { s: 'AAPL', p: -1, v: 1, t: at },
          { s: 'AAPL', p: '250', v: 1, t: at },
          { s: 'AAPL', p: 250, v: 1, t: 5 },
        ],
      }),
    );
    server.sendRaw(JSON.stringify({ type: 'trade', data: [{ s: 'TSLA', p: 900, v: 1, t: at }] }));
    server.sendRaw('{"type":"trade","data":[{"s":"AAPL","p":260');
    server.sendTrades([{ symbol: 'AAPL', price: 201, volume: 1, time: at + 1 }]);
    const first = await running.waitFor((l) => l.event === 'alert');
    expect(first).toEqual({
      event: 'alert',
      rule: 'AAPL>=200',
      symbol: 'AAPL',
      price: 201,
      changePct: null,
      time: iso(at + 1),
    });

    server.clearRestFault();
    await running.waitFor((l) => l.event === 'quote' && l.symbol === 'AAPL' && l.changePct !== undefined);
    // Each rule crosses twice; the wiggles in between stay inside the re-arm margins (1.00 and 0.5 points).
    const path = [195, 196.5, 195.8, 200.1, 199.5, 200.3, 199.1, 200.2, 195.5, 198, 200];
    path.forEach((price, i) => server.sendTrades([{ symbol: 'AAPL', price, volume: 1, time: at + 10 + i }]));
    await running.waitFor(
      (l) => l.event === 'quote' && l.symbol === 'AAPL' && l.price === 200 && l.time === iso(at + 10 + path.length - 1),
    );
    running.child.kill('SIGTERM');
    expect(await running.exit).toBe(0);

    const alerts = running.lines.filter((l) => l.event === 'alert');
    expect(alerts.map((l) => [l.rule, l.price, l.time])).toEqual([
      ['AAPL>=200', 201, iso(at + 1)],
      ['AAPL<=-2%', 195, iso(at + 10)],
      ['AAPL>=200', 200.1, iso(at + 13)],
      ['AAPL<=-2%', 195.5, iso(at + 18)],
      ['AAPL>=200', 200, iso(at + 20)],
    ]);
    expect(alerts[1]?.changePct).toBeCloseTo(-2.5, 4);
    expect(alerts[4]?.changePct).toBe(0);
    expect(running.lines.at(-1)).toMatchObject({ event: 'summary', alerts: 5 });
  });

  it('refuses a malformed alert rule with one line on stderr and exit 2', async () => {
    running = runFeed(['--alert', 'AAPL>200', '--demo']);
    expect(await running.exit).toBe(2);
    expect(running.lines).toEqual([]);
    expect(running.stderr().trim().split('\n')).toHaveLength(1);
    expect(running.stderr()).toMatch(/AAPL>200/);
  });
});

describe('npm run feed --relay-port', { timeout: CHILD_TEST_MS }, () => {
  it('shares its one connection through the relay, with a generated token printed once on stderr', async () => {
    running = runFeed(
      ['--symbols', 'AAPL', '--ws-url', server.wsUrl, '--rest-url', server.restUrl, '--relay-port', '0'],
      { FINNHUB_API_KEY: 'test-key', TICKER_RELAY_TOKEN: '' },
    );
    const line = await running.waitFor((l) => l.event === 'relay');
    const port = Number(new URL(line.ws as string).port);
    expect(line).toEqual({ event: 'relay', ws: `ws://127.0.0.1:${port}/`, sse: `http://127.0.0.1:${port}/sse` });
    const tokens = [...running.stderr().matchAll(/relay token \(generated for this run\): (\S+)/g)].map(
      (m) => m[1] as string,
    );
    expect(tokens).toHaveLength(1);
    const token = tokens[0] as string;

    expect(await handshakeStatus(`ws://127.0.0.1:${port}/?token=test-key`)).toBe(401);
    const client = await RelayWsTestClient.connect(`ws://127.0.0.1:${port}/?token=${token}`);
    client.subscribe('NVDA');
    const stream = await SseTestClient.open(`${line.sse as string}?symbols=AAPL&token=${token}`);
    const upstream = await server.waitForConnection();
    await server.waitFor(() => upstream.subscriptions.has('NVDA'), 'NVDA upstream');
    server.sendTrades([
      { symbol: 'NVDA', price: 131.5, volume: 2, time: Date.now() },
      { symbol: 'AAPL', price: 189, volume: 3, time: Date.now() },
    ]);
    expect(await client.waitForTrades(1)).toEqual([{ s: 'NVDA', p: 131.5, v: 2, t: expect.any(Number) }]);
    await stream.waitFor(() => stream.trades().length === 1, 'sse trade');
    expect(stream.named('quote')[0]).toMatchObject({ event: 'quote', symbol: 'AAPL' });
    expect(server.counters.connectionsAccepted).toBe(1);

    stream.close();
    running.child.kill('SIGTERM');
    expect(await client.waitForClose()).toBe(1001);
    expect(await running.exit).toBe(0);
    const output = running.lines.map((l) => JSON.stringify(l)).join('\n') + running.stderr();
    expect(output).not.toContain('test-key');
  });

  it('uses TICKER_RELAY_TOKEN, and exits 4 with a reason when the port is taken', async () => {
    const token = 'token-from-the-environment';
    running = runFeed(
      ['--symbols', 'AAPL', '--ws-url', server.wsUrl, '--rest-url', server.restUrl, '--relay-port', '0'],
      { FINNHUB_API_KEY: 'test-key', TICKER_RELAY_TOKEN: token },
    );
    const line = await running.waitFor((l) => l.event === 'relay');
    expect(running.stderr()).not.toContain('relay token');
    await server.waitForConnection();
    const port = Number(new URL(line.ws as string).port);
    expect(await handshakeStatus(`ws://127.0.0.1:${port}/?token=${token}`)).toBe(101);

    const second = runFeed(
      ['--symbols', 'AAPL', '--ws-url', server.wsUrl, '--rest-url', server.restUrl, '--relay-port', String(port)],
      { FINNHUB_API_KEY: 'test-key', TICKER_RELAY_TOKEN: token },
    );
    expect(await second.exit).toBe(4);
    expect(second.stderr()).toContain(`Port ${port} is already in use`);
    // It gave up before connecting upstream, so the running command kept the key's one connection.
    expect(server.counters.connectionsAccepted).toBe(1);
    running.child.kill('SIGTERM');
    expect(await running.exit).toBe(0);
  });
});

describe('npm run feed --holdings', { timeout: CHILD_TEST_MS }, () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ticker-holdings-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("prints the portfolio after each batch's quotes, naming a missing rate until it arrives", async () => {
    const file = join(dir, 'holdings.csv');
    writeFileSync(file, 'symbol,quantity,price,date,note\nAAPL,10,180,2024-01-10,\nMSFT,-2,420,2024-02-01,short\n');
    server.setQuote('OANDA:EUR_USD', { c: 0, pc: 0 }); // no REST rate: it comes with the first trade
    running = runFeed([...fakeServer('test-key'), '--rate', '20', '--holdings', file, '--base-currency', 'EUR']);
    const client = await server.waitForConnection();
    // The held symbols are watched; the EUR/USD rate joins the one connection as the portfolio's.
    expect(await server.waitForSubscriptions(3, client)).toEqual(['AAPL', 'MSFT', 'OANDA:EUR_USD']);
    await running.waitFor((l) => l.event === 'quote' && l.symbol === 'MSFT' && l.changePct !== undefined);
    await running.waitFor((l) => l.event === 'quote' && l.symbol === 'AAPL' && l.changePct !== undefined);

    // Prices are known (REST), the rate is not: the totals are unknown rather than wrong.
    const missing = await running.waitFor((l) => l.event === 'portfolio' && (l.missingPrices as string[]).length === 0);
    expect(running.lines.find((l) => l.event === 'portfolio')).toMatchObject({
      value: null,
      missingPrices: ['AAPL', 'MSFT'],
    });
    expect(missing).toEqual({
      event: 'portfolio',
      value: null,
      dayChange: null,
      dayChangePct: null,
      gain: null,
      gainPct: null,
      currency: 'EUR',
      missingRates: ['USD'],
      missingPrices: [],
    });

    server.sendTrades([
      { symbol: 'AAPL', price: 190, volume: 1, time: Date.now() },
      { symbol: 'MSFT', price: 405, volume: 1, time: Date.now() },
      { symbol: 'OANDA:EUR_USD', price: 1.25, volume: 0, time: Date.now() },
    ]);
    // 10 × 190 − 2 × 405 = 1090 USD ÷ 1.25 = 872 EUR; day 10 × 1.8 − 2 × 5 = 8 USD = 6.40 EUR (8 / 1082 = 0.7394 %);
    // gain 1090 − (1800 − 840) = 130 USD = 104 EUR (130 / 960 = 13.5417 %).
    const priced = await running.waitFor((l) => l.event === 'portfolio' && l.value === 872);
    expect(priced).toEqual({
      event: 'portfolio',
      value: 872,
      dayChange: 6.4,
      dayChangePct: 0.7394,
      gain: 104,
      gainPct: 13.5417,
      currency: 'EUR',
      missingRates: [],
      missingPrices: [],
    });

    // A batch's portfolio line follows its quotes: 10 × 191 − 810 = 1100 USD = 880 EUR.
    server.sendTrades([{ symbol: 'AAPL', price: 191, volume: 1, time: Date.now() }]);
    const next = await running.waitFor((l) => l.event === 'portfolio' && l.value === 880);
    expect(running.lines[running.lines.indexOf(next) - 1]).toMatchObject({
      event: 'quote',
      symbol: 'AAPL',
      price: 191,
    });
    running.child.kill('SIGTERM');
    expect(await running.exit).toBe(0);
    expect(running.lines.at(-1)).toMatchObject({ event: 'summary' });
  });

  it('refuses a malformed holdings file with one line on stderr listing every problem, exit 2', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'symbol,quantity,price,date,note\nAAPL,ten,180,2024-01-10,\nMSFT,1,420,2024-02-30,\n');
    running = runFeed(['--holdings', file, '--demo']);
    expect(await running.exit).toBe(2);
    expect(running.lines).toEqual([]);
    expect(running.stderr().trim().split('\n')).toHaveLength(1);
    expect(running.stderr()).toMatch(/line 2: the quantity .*"ten"; line 3: 2024-02-30 is not a calendar date/);
  });
});
