/**
 * Boots what users run: the built out/main/index.js (with out/preload/index.cjs and out/renderer),
 * in a plain Node process with `electron` resolved to the project's stand-in (boot-driver.ts), so
 * what only the bundle can break shows up here: module formats (electron-store is ESM-only),
 * external dependencies, asset paths. Checked from outside, on the driver's reports.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, SUBSCRIPTION_CHANNEL } from '../../../src/shared/ipc-contract';
import { buildApp, type AppBuild } from '../../support/app-build';
import { bootStep, runBootDriver, type Boot } from '../../support/boot-run';
import { startFakeFinnhub, type FakeFinnhub } from '../../support/fake-finnhub';

const API_KEY = 'boottestkey0123456789';

interface WindowReport {
  webPreferences: Record<string, unknown>;
  loadFile: string[];
  loadURL: string[];
}

let build: AppBuild;
let finnhub: FakeFinnhub;
let scratch: string;
let boot: Boot;

const runDriver = (env: Record<string, string>): Promise<Boot> =>
  runBootDriver(build.dir, mkdtempSync(join(scratch, 'user-data-')), env);

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'ticker-boot-'));
  [build, finnhub] = await Promise.all([buildApp(), startFakeFinnhub({ tokens: [API_KEY] })]);
  boot = await runDriver({ FINNHUB_WS_URL: finnhub.wsUrl, FINNHUB_REST_URL: finnhub.restUrl, BOOT_API_KEY: API_KEY });
}, 120_000);

afterAll(async () => {
  await finnhub?.close();
  build?.remove();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const step = (name: string): Record<string, unknown> => bootStep(boot, name);

describe('the built app, booted with the Electron stand-in', () => {
  it('starts without a single error', () => {
    expect(boot.stderr).toBe('');
    expect(boot.code).toBe(0);
  });

  it('waits for ready before making windows, the tray or IPC handlers', () => {
    expect(step('before-ready')).toMatchObject({ windows: 0, trays: 0, channels: [], waitedForReady: 1 });
  });

  it('gives the strip and settings windows hardened web preferences and pages that exist in out/', () => {
    const windows = step('running').windows as WindowReport[];
    expect(windows).toHaveLength(2);
    const preload = join(build.out, 'preload', 'index.cjs');
    for (const window of windows) {
      expect(window.webPreferences).toMatchObject({
        preload,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
      });
      expect(window.loadURL).toEqual([]);
    }
    expect(windows.map((window) => window.loadFile)).toEqual([
      [join(build.out, 'renderer', 'strip.html')],
      [join(build.out, 'renderer', 'settings.html')],
    ]);
    for (const window of windows) expect(existsSync(window.loadFile[0]!)).toBe(true);
  });

  it('has a preload that exists and is a single CommonJS script', () => {
    const source = readFileSync(join(build.out, 'preload', 'index.cjs'), 'utf8');
    // Compiles as a classic script (no import/export), as a sandboxed preload must be.
    expect(() => new Script(`(function (require, module, exports) {${source}\n})`)).not.toThrow();
    expect(source).toMatch(/require\(["']electron["']\)/);
    expect(source).not.toMatch(/require\(["']\.{1,2}\//);
  });

  it('creates the tray with its icon and menu', () => {
    const tray = step('running').tray as { image: string; menu: string[] };
    expect(existsSync(tray.image)).toBe(true);
    expect(tray.menu).toEqual(expect.arrayContaining(['Add symbol…', 'Pause', 'Settings…', 'Quit Ticker']));
  });

  it('registers a handler for every channel of the IPC contract, and no other', () => {
    expect([...(step('running').channels as string[])].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    // The pages' event subscriptions, and electron-store's own channel (its renderer API is unused).
    expect([...(step('running').messageChannels as string[])].sort()).toEqual(
      [SUBSCRIPTION_CHANNEL, 'electron-store-get-data'].sort(),
    );
  });

  it('pushes the demo feed’s quotes to the strip', () => {
    const quotes = step('running').quotes as { quotes?: { symbol: string; price: number }[] };
    expect(quotes.quotes?.length).toBeGreaterThan(0);
    for (const quote of quotes.quotes ?? []) expect(quote.price).toBeGreaterThan(0);
  });

  it('keeps settings in electron-store’s file in the user data folder', () => {
    expect(step('key-saved').result).toMatchObject({ ok: true, value: { hasKey: true } });
    const saved = readFileSync(join(boot.userData, 'settings.json'), 'utf8');
    expect(saved).not.toContain(API_KEY);
    expect(finnhub.clients.map((client) => client.token)).toEqual([API_KEY]);
  });

  it('refuses a second instance', () => {
    expect(step('second-instance')).toEqual({
      step: 'second-instance',
      quitCalls: 1,
      windows: 2,
      trays: 1,
      channels: Object.keys(INVOKE_CHANNELS).length,
    });
  });

  it('on Quit closes the feed with code 1000 and exits', () => {
    expect(finnhub.clients[0]?.closeCode).toBe(1000);
    const exit = step('exit') as { code: number; statuses: { state: string }[] };
    expect(exit.code).toBe(0);
    expect(exit.statuses.at(-1)?.state).toBe('stopped');
  });
});
