/**
 * `npm run feed -- … --details` and `--news` as users run them: a real child process against the
 * fake Finnhub server, checked line for line, and the cache it leaves in the settings folder.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { builtCommand } from '../../support/cli-bundle';
import { startFakeFinnhub, type FakeFinnhub } from '../../support/fake-finnhub';

let ENTRY = '';
beforeAll(async () => {
  ENTRY = await builtCommand('feed');
});
const CHILD_TEST_MS = 60_000;

let server: FakeFinnhub;
let configHome: string;

beforeEach(async () => {
  server = await startFakeFinnhub({ tokens: ['test-key'], waitTimeoutMs: 30_000 });
  configHome = mkdtempSync(join(tmpdir(), 'ticker-context-'));
});

afterEach(async () => {
  await server.close();
  rmSync(configHome, { recursive: true, force: true });
});

/** Run the command until `done(lines)` says so, then interrupt it; resolves with every line and the exit code. */
async function runUntil(
  args: string[],
  done: (lines: Record<string, unknown>[]) => boolean,
): Promise<{ lines: Record<string, unknown>[]; code: number | null; stderr: string }> {
  const child = spawn(
    process.execPath,
    [ENTRY, '--ws-url', server.wsUrl, '--rest-url', server.restUrl, '--token', 'test-key', ...args],
    {
      env: { ...process.env, FINNHUB_API_KEY: '', XDG_CONFIG_HOME: configHome, HOME: configHome },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: Record<string, unknown>[] = [];
  let stderr = '';
  let interrupted = false;
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout }).on('line', (text) => {
    lines.push(JSON.parse(text) as Record<string, unknown>);
    if (!interrupted && done(lines)) {
      interrupted = true;
      child.kill('SIGINT');
    }
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { lines, code, stderr };
}

/** New York's date `days` from now, as Finnhub writes it. */
function newYorkDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

describe('npm run feed --details', { timeout: CHILD_TEST_MS }, () => {
  it('prints one exact line per symbol once its details are known; a rerun answers from the cache', async () => {
    const reportDay = newYorkDay(5);
    server.setEarnings([{ symbol: 'AAPL', date: reportDay, hour: 'amc' }]);
    server.setQuote('AAPL', { c: 189.4, h: 190.1, l: 187.9, o: 188, pc: 188.2, t: Math.floor(Date.now() / 1000) - 60 });
    server.setQuote('MSFT', { c: 421.5, h: 0, l: 0, o: 0, pc: 423.8, t: 0 });
    server.failPathWith('/stock/metric', 403);
    const details = (lines: Record<string, unknown>[]) => lines.filter((line) => line.event === 'details');
    const first = await runUntil(
      ['--symbols', 'AAPL,MSFT,BINANCE:BTCUSDT', '--details'],
      (lines) => details(lines).length === 3,
    );
    expect(first.code).toBe(0);
    const bySymbol = new Map(details(first.lines).map((line) => [line.symbol, line]));
    expect(JSON.stringify(bySymbol.get('AAPL'))).toBe(
      JSON.stringify({
        event: 'details',
        symbol: 'AAPL',
        name: 'Apple Inc',
        exchange: 'NASDAQ NMS - GLOBAL MARKET',
        currency: 'USD',
        open: 188,
        high: 190.1,
        low: 187.9,
        prevClose: 188.2,
        week52High: null,
        week52Low: null,
        earnings: { date: reportDay, hour: 'amc' },
      }),
    );
    // Finnhub's zeros are unknown: null, never 0; no report in the next fortnight: null.
    expect(bySymbol.get('MSFT')).toEqual({
      event: 'details',
      symbol: 'MSFT',
      name: 'Microsoft Corp',
      exchange: 'NASDAQ NMS - GLOBAL MARKET',
      currency: 'USD',
      open: null,
      high: null,
      low: null,
      prevClose: 423.8,
      week52High: null,
      week52Low: null,
      earnings: null,
    });
    expect(bySymbol.get('BINANCE:BTCUSDT')).toMatchObject({
      name: 'BTC/USDT',
      exchange: null,
      earnings: null,
      open: 94273.4,
    });
    // Profile, range and earnings calls are background calls after the previous closes.
    const profileCalls = server.requests.filter((r) => r.path === '/stock/profile2');
    expect(profileCalls.map((r) => r.query.symbol).sort()).toEqual(['AAPL', 'MSFT']);
    expect(server.requests.filter((r) => r.path === '/calendar/earnings')).toHaveLength(1);
    expect(existsSync(join(configHome, 'Ticker', 'context-cache.json'))).toBe(true);

    // A second run: names come from the disk cache, not from Finnhub.
    const before = server.requests.length;
    server.clearPathFault('/stock/metric');
    const second = await runUntil(['--symbols', 'AAPL', '--details'], (lines) => details(lines).length === 1);
    expect(details(second.lines)[0]).toMatchObject({
      name: 'Apple Inc',
      week52High: 237.49,
      earnings: { date: reportDay, hour: 'amc' },
    });
    const again = server.requests.slice(before).map((r) => r.path);
    expect(again).not.toContain('/stock/profile2');
    expect(again).not.toContain('/calendar/earnings');
  });

  it('refuses --details and --news without a key', async () => {
    const child = spawn(process.execPath, [ENTRY, '--symbols', 'AAPL', '--news'], {
      env: { ...process.env, FINNHUB_API_KEY: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(stderr).toContain('--news needs a Finnhub API key');
  });
});

describe('npm run feed --news', { timeout: CHILD_TEST_MS }, () => {
  it('prints each new headline once, newest first; drops and counts links that are not https', async () => {
    const now = Math.floor(Date.now() / 1000);
    server.setNews('AAPL', [
      { id: 1, datetime: now - 3600, headline: 'Apple ships a thing', source: 'Reuters', url: 'https://example.com/1' },
      { id: 2, datetime: now - 600, headline: 'Chip stocks rally', source: 'Bloomberg', url: 'https://example.com/2' },
      { id: 3, datetime: now - 60, headline: 'Insecure link', source: 'Blog', url: 'http://example.com/3' },
      { id: 4, datetime: now - 30 * 3600, headline: 'Old news', source: 'Reuters', url: 'https://example.com/4' },
    ]);
    server.setNews('MSFT', [
      { id: 2, datetime: now - 600, headline: 'Chip stocks rally', source: 'Bloomberg', url: 'https://example.com/2' },
      { id: 5, datetime: now - 1800, headline: 'Microsoft signs a deal', source: 'CNBC', url: 'https://example.com/5' },
    ]);
    const headlines = (lines: Record<string, unknown>[]) => lines.filter((line) => line.event === 'headline');
    const run = await runUntil(
      ['--symbols', 'AAPL,MSFT,OANDA:EUR_USD', '--news'],
      (lines) => headlines(lines).length >= 3,
    );
    expect(run.code).toBe(0);
    const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
    expect(headlines(run.lines).map((line) => JSON.stringify(line))).toEqual([
      JSON.stringify({
        event: 'headline',
        symbol: 'AAPL',
        id: 2,
        headline: 'Chip stocks rally',
        source: 'Bloomberg',
        url: 'https://example.com/2',
        time: iso(now - 600),
      }),
      JSON.stringify({
        event: 'headline',
        symbol: 'MSFT',
        id: 5,
        headline: 'Microsoft signs a deal',
        source: 'CNBC',
        url: 'https://example.com/5',
        time: iso(now - 1800),
      }),
      JSON.stringify({
        event: 'headline',
        symbol: 'AAPL',
        id: 1,
        headline: 'Apple ships a thing',
        source: 'Reuters',
        url: 'https://example.com/1',
        time: iso(now - 3600),
      }),
    ]);
    expect(run.lines.at(-1)).toMatchObject({ event: 'summary', headlines: 3, droppedHeadlines: 1 });
    // Forex has no company news: never asked.
    expect(
      server.requests
        .filter((r) => r.path === '/company-news')
        .map((r) => r.query.symbol)
        .sort(),
    ).toEqual(['AAPL', 'MSFT']);
  });
});
