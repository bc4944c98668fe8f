/**
 * Runs the BUILT main bundle (out/main/index.js) in plain Node the way Electron's main process
 * would, with `electron` resolved to the project's stand-in (electron-mock.ts) by a resolution hook,
 * plays the user (page loads, tray clicks, a second launch, Quit) and reports what the app did as
 * JSON lines on stdout: `{"step": ..., ...}`. test/integration/app/boot.test.ts checks them.
 *
 *   node --import tsx test/support/boot-driver.ts <app folder> <user data folder>
 *
 * With BOOT_API_KEY set it also saves that key through the settings window's IPC and waits for the
 * feed to go live (point the app at a local server with FINNHUB_WS_URL / FINNHUB_REST_URL).
 */
import { register } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EVENT_CHANNELS, INVOKE_CHANNELS, SUBSCRIPTION_CHANNEL, type EventName } from '../../src/shared/ipc-contract';
import type { MockBrowserWindow, MockMenu } from './electron-mock';

const [appDir, userData] = process.argv.slice(2);
if (!appDir || !userData) throw new Error('usage: boot-driver.ts <app folder> <user data folder>');

const standInUrl = new URL('./electron-mock.ts', import.meta.url).href;
register('./electron-stand-in-hooks.mjs', import.meta.url, { data: { standInUrl } });
const electron = (await import(standInUrl)) as typeof import('./electron-mock');
const { app, ipcMain, MockBrowserWindow: Windows, MockTray: Trays } = electron;

const report = (step: string, data: Record<string, unknown> = {}): void => {
  process.stdout.write(`${JSON.stringify({ step, ...data })}\n`);
};

/**
 * Resolve once `condition` holds, checking on every turn of the event loop for up to `ms`. A timeout
 * ends the process at once: the app catches uncaught errors (it logs them and runs on), so a thrown
 * error of the driver's own would leave it waiting instead of failing.
 */
async function until(what: string, condition: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) {
      process.stderr.write(`boot driver: timed out waiting for ${what}\n`);
      process.exit(3);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Let anything the app started asynchronously run before looking. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

// What Electron's main process looks like to the bundle's start guard.
Object.defineProperty(process.versions, 'electron', { value: '45.5.0' });
(process as { type?: string }).type = 'browser';

app.getPath.mockImplementation((name: string) => (name === 'userData' ? userData : join(userData, '..', name)));
let becomeReady!: () => void;
app.whenReady.mockImplementation(() => new Promise<void>((resolve) => (becomeReady = resolve)));
app.exit.mockImplementation((code?: number) => {
  report('exit', { code: code ?? 0, statuses: statusesSentTo(Windows.instances[0]) });
  process.exit(code ?? 0);
});

const channelsOf = (window: MockBrowserWindow | undefined): string[] =>
  window?.webContents.send.mock.calls.map((call) => call[0]) ?? [];
function statusesSentTo(window: MockBrowserWindow | undefined): unknown[] {
  return (
    window?.webContents.send.mock.calls.filter((call) => call[0] === EVENT_CHANNELS.status).map((call) => call[1]) ?? []
  );
}
const describeWindow = (window: MockBrowserWindow) => ({
  webPreferences: window.options.webPreferences,
  loadFile: window.loadFile.mock.calls.map((call) => call[0]),
  loadURL: window.loadURL.mock.calls.map((call) => call[0]),
});
const labels = (menu: MockMenu | null): string[] =>
  (menu?.items ?? []).map((item) => (item as { label?: string }).label ?? '—');
function menuItem(label: string): { click: () => void } {
  const item = Trays.instances[0]?.menu?.items.find((candidate) => (candidate as { label?: string }).label === label);
  if (!item) throw new Error(`boot driver: no tray menu item "${label}"`);
  return item as { click: () => void };
}

const bundle = pathToFileURL(join(appDir, 'out', 'main', 'index.js')).href;
await import(bundle);
await until('the app to wait for ready', () => app.whenReady.mock.calls.length > 0);
await nextTurn();
report('before-ready', {
  windows: Windows.instances.length,
  trays: Trays.instances.length,
  channels: [...ipcMain.handlers.keys()],
  waitedForReady: app.whenReady.mock.calls.length,
});

/** The page in `window` finished loading and, like its preload does, tells main what it listens to. */
function loadPage(window: MockBrowserWindow, events: EventName[]): void {
  window.finishLoading();
  const event = { sender: window.webContents, senderFrame: { url: window.webContents.url } };
  for (const name of events) ipcMain.message(SUBSCRIPTION_CHANNEL, event, name, true);
}

becomeReady();
await until('the strip window and the tray', () => Windows.instances.length >= 1 && Trays.instances.length === 1);
loadPage(Windows.instances[0]!, ['quotes', 'status', 'settings']);
await until('quotes sent to the strip', () => channelsOf(Windows.instances[0]).includes(EVENT_CHANNELS.quotes));
const firstQuotes = Windows.instances[0]!.webContents.send.mock.calls.find(
  (call) => call[0] === EVENT_CHANNELS.quotes,
)?.[1];
menuItem('Settings…').click();
await until('the settings window', () => Windows.instances.length === 2);
loadPage(Windows.instances[1]!, ['settings', 'status', 'notice', 'focusAddSymbol']);
report('running', {
  windows: Windows.instances.map(describeWindow),
  visible: Windows.instances.map((window) => window.visible),
  tray: { image: Trays.instances[0]!.image.path, menu: labels(Trays.instances[0]!.menu) },
  channels: [...ipcMain.handlers.keys()],
  messageChannels: [...ipcMain.listeners.keys()],
  quotes: firstQuotes,
});

// The user saves an API key in the settings window (BOOT_API_KEY): the feed goes live.
const apiKey = process.env.BOOT_API_KEY;
if (apiKey) {
  const settings = Windows.instances[1]!.webContents;
  const saved = await ipcMain.invoke(
    INVOKE_CHANNELS.setApiKey,
    { sender: settings, senderFrame: { url: settings.url } },
    apiKey,
  );
  await until('the live feed', () =>
    statusesSentTo(Windows.instances[0]).some((status) => (status as { state?: string }).state === 'live'),
  );
  report('key-saved', { result: saved });
}

// A second launch: Electron gives it no single-instance lock.
app.singleInstanceLock = false;
await import(`${bundle}?second-instance`);
await until('the second instance to quit', () => app.quit.mock.calls.length > 0);
await nextTurn();
report('second-instance', {
  quitCalls: app.quit.mock.calls.length,
  windows: Windows.instances.length,
  trays: Trays.instances.length,
  channels: ipcMain.handlers.size,
});

menuItem('Quit Ticker').click();
await until('the app to exit', () => false, 15_000);
