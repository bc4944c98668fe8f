import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createConsoleLog,
  createFileLog,
  LOG_FILE_MAX_BYTES,
  LOG_FILE_NAME,
  redact,
  REDACTED,
  routeConsoleToLog,
} from '../../../src/main/shell/app-log';

const KEY = 'd1k2x3y4z5finnhubkey';
const TOKEN = 'relay_TOKEN-0123456789abcdef';

describe('redact', () => {
  it('removes every given secret, also URL-encoded, and credentials in URLs and headers', () => {
    const text = [
      `connect wss://ws.finnhub.io?token=${KEY} failed`,
      `relay token ${TOKEN} and ${encodeURIComponent('p@ss/word+1')}`,
      'GET https://finnhub.io/api/v1/quote?symbol=AAPL&token=oldkey123456 401',
      'X-Finnhub-Token: anotherkey98765',
      'Authorization: Bearer abcdefghijklmnopqrstuvwxyz',
    ].join('\n');
    const out = redact(text, [KEY, TOKEN, 'p@ss/word+1', null, undefined]);
    for (const secret of [KEY, TOKEN, 'p%40ss%2Fword%2B1', 'oldkey123456', 'anotherkey98765', 'abcdefghijklmnop'])
      expect(out).not.toContain(secret);
    expect(out).toContain(`token=${REDACTED}`);
    expect(out).toContain('symbol=AAPL&token=');
    expect(out).toContain('failed');
  });

  it('leaves ordinary text alone and ignores secrets too short to be real', () => {
    expect(redact('connection: live (attempt 2)', ['', 'a', 'live'])).toBe('connection: live (attempt 2)');
  });
});

describe('the log file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ticker-log-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes errors, warnings and state lines to main.log with neither the key nor the relay token', () => {
    const log = createFileLog({ folder: dir, console: false });
    log.setSecrets(() => [KEY, TOKEN]);
    log.info('connection: reconnecting (attempt 2): closed');
    log.warn(`[feed] socket to wss://ws.finnhub.io?token=${KEY} closed`);
    log.error('[ipc] failed:', new Error(`request with ${KEY} refused`));
    log.error('[relay] client', { token: TOKEN, nested: { url: `http://127.0.0.1:8765/events?token=${TOKEN}` } });
    const text = readFileSync(join(dir, LOG_FILE_NAME), 'utf8');
    expect(text).toContain('[info]');
    expect(text).toContain('connection: reconnecting (attempt 2): closed');
    expect(text).toContain('[warn]');
    expect(text).toContain('[error]');
    expect(text).toContain('Error: request with [redacted] refused');
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(TOKEN);
    expect(text.split(REDACTED).length - 1).toBeGreaterThanOrEqual(4);
  });

  it('redacts a key saved after the log was made (the source is read at every message)', () => {
    const log = createFileLog({ folder: dir, console: false });
    let key: string | null = null;
    log.setSecrets(() => [key]);
    key = 'fresh-key-987654';
    log.warn(`rejected fresh-key-987654`);
    expect(readFileSync(join(dir, LOG_FILE_NAME), 'utf8')).not.toContain('fresh-key-987654');
  });

  it('a secret source that throws or logs itself never loses the message', () => {
    const log = createFileLog({ folder: dir, console: false });
    log.setSecrets(() => {
      log.warn('keyring locked');
      throw new Error('no keyring');
    });
    log.error('still written');
    expect(readFileSync(join(dir, LOG_FILE_NAME), 'utf8')).toContain('still written');
  });

  it('rotates past its size: one older file is kept, so about twice the size at most', () => {
    const maxBytes = 4_000;
    const log = createFileLog({ folder: dir, console: false, maxBytes });
    for (let i = 0; i < 200; i++) log.info(`line ${i} ${'x'.repeat(100)}`);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['main.log', 'main.old.log']);
    const total = files.reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
    expect(total).toBeLessThanOrEqual(2 * maxBytes + 200);
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toContain('line 199');
    expect(LOG_FILE_MAX_BYTES * 2).toBeLessThanOrEqual(5 * 1024 * 1024);
  });

  it("routes main's console.warn and console.error into the file, and puts the console back", () => {
    const log = createFileLog({ folder: dir, console: false });
    log.setSecrets(() => [KEY]);
    const target = { warn: vi.fn(), error: vi.fn() };
    const restore = routeConsoleToLog(log, target);
    target.warn('[signal] listener failed:', new Error(`with ${KEY}`));
    target.error({ code: 'E' });
    restore();
    target.warn('after');
    const text = readFileSync(join(dir, LOG_FILE_NAME), 'utf8');
    expect(text).toContain('[signal] listener failed:');
    expect(text).toContain("code: 'E'");
    expect(text).not.toContain('after');
    expect(text).not.toContain(KEY);
    expect(target.warn).toHaveBeenCalledWith('after');
  });
});

describe('the console log', () => {
  it('prints warnings and errors, redacted; info only when asked', () => {
    const target = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const quiet = createConsoleLog(target);
    quiet.setSecrets(() => [KEY]);
    quiet.info('state');
    quiet.warn(`bad ${KEY}`);
    expect(target.info).not.toHaveBeenCalled();
    expect(target.warn).toHaveBeenCalledWith(`bad ${REDACTED}`);
    expect(quiet.folder).toBeNull();
    createConsoleLog(target, { info: true }).info('state');
    expect(target.info).toHaveBeenCalledWith('state');
  });
});
