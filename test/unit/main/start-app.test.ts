import { defaultSecondStrip } from '../../../src/shared/second-strip';
import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as electron from 'electron';
import {
  app,
  clipboard,
  dialog,
  globalShortcut,
  Menu,
  ipcMain,
  MockBrowserWindow,
  MockNotification,
  MockTray,
  nativeTheme,
  net,
  powerMonitor,
  resetElectronMock,
  session,
  shell,
  type MockMenu,
} from '../../support/electron-mock';
import { startApp, type StartAppDeps } from '../../../src/main/shell/start-app';
import type { TickerCore } from '../../../src/engine/core/ticker-core';
import { createMemoryStore } from '../../../src/engine/settings/key-value-store';
import type { Settings } from '../../../src/engine/settings/settings';
import { Signal } from '../../../src/shared/signal';
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  SUBSCRIPTION_CHANNEL,
  type EventContract,
  type EventName,
  type PageStart,
} from '../../../src/shared/ipc-contract';
import type {
  FeedStatus,
  Notice,
  Preferences,
  PublicSettings,
  RelayOverview,
  SecondStrip,
  SymbolSnapshot,
  WindowState,
} from '../../../src/shared/types';
import { DEFAULT_PREFERENCES } from '../../../src/shared/preference-rules';
import { SETTINGS_BACKGROUND, STRIP_BACKGROUND } from '../../../src/shared/theme';
import type { EconomyState } from '../../../src/shared/economy';
import type { AppLog } from '../../../src/main/shell/app-log';
import type { UpdateClient, UpdateClientEvent } from '../../../src/main/updates/update-service';
import { FIRST_CHECK_DELAY_MS } from '../../../src/main/updates/update-service';

vi.mock('electron', () => import('../../support/electron-mock'));

const PREFS: Preferences = { ...DEFAULT_PREFERENCES, updateRateHz: 4 };

/** A TickerCore whose every method is a vi.fn(); setPreferences really changes its preferences. */
function fakeCore(
  options: {
    notices?: Notice[];
    prefs?: Partial<Preferences>;
    stop?: () => Promise<void>;
    secondStrip?: Partial<SecondStrip>;
  } = {},
) {
  let preferences: Preferences = { ...PREFS, ...options.prefs };
  let symbols = ['AAPL', 'MSFT'];
  let windowState: WindowState = { displayId: null, docked: true, x: null, y: null };
  const status: FeedStatus = { state: 'live', since: 0 };
  const notices: Notice[] = [...(options.notices ?? [])];
  const events = {
    quotes: new Signal(),
    status: new Signal(),
    settings: new Signal(),
    notice: new Signal(),
    alert: new Signal(),
    focusAlert: new Signal(),
    prefillAlert: new Signal(),
    focusAddSymbol: new Signal(),
    relay: new Signal(),
    drawing: new Signal(),
    portfolio: new Signal(),
    economy: new Signal(),
    update: new Signal(),
    showAbout: new Signal(),
    details: new Signal(),
    headlines: new Signal(),
    card: new Signal(),
    showSettings: new Signal(),
  } as { [K in EventName]: Signal<EventContract[K]> };
  let drawing = true;
  const relay: RelayOverview = { enabled: false, port: 8765, listening: false, error: null, clients: [] };
  let shownListId = 'l1';
  let secondStrip: SecondStrip = { ...defaultSecondStrip('l2'), ...options.secondStrip };
  const lists = () => [
    { id: 'l1', name: 'Watch list', symbols },
    { id: 'l2', name: 'Crypto', symbols: ['BINANCE:BTCUSDT'] },
  ];
  const publicSettings = (): PublicSettings => ({
    symbols,
    lists: lists(),
    shownListId,
    preferences,
    key: { hasKey: false, masked: null, protection: 'none' },
    maxSymbols: 50,
    alerts: [],
    holdings: { baseCurrency: 'USD', lots: [] },
    secondStrip,
  });
  const setPreferences = vi.fn((patch: Partial<Preferences>) => {
    preferences = { ...preferences, ...patch };
    events.settings.emit(publicSettings());
    return publicSettings();
  });
  const core = {
    events,
    handlers: {
      getPageStart: vi.fn((): PageStart => ({
        settings: publicSettings(),
        snapshot: core.handlers.getSnapshot(),
        overview: core.handlers.getOverview(),
        portfolio: null,
        economy: null,
      })),
      getSettings: vi.fn(publicSettings),
      setPreferences,
      addToList: vi.fn((_listId: string, symbol: string) => (symbols = [...symbols, symbol])),
      removeFromList: vi.fn((_listId: string, symbol: string) => {
        symbols = symbols.filter((s) => s !== symbol);
        events.settings.emit(publicSettings());
        return symbols;
      }),
      moveInList: vi.fn(() => symbols),
      createList: vi.fn((name: string) => ({ id: 'l3', name, symbols: [] })),
      renameList: vi.fn((id: string, name: string) => ({ id, name, symbols: [] })),
      deleteList: vi.fn(publicSettings),
      showList: vi.fn((id: string) => {
        shownListId = id;
        events.settings.emit(publicSettings());
        return publicSettings();
      }),
      setSecondStrip: vi.fn((patch: Partial<SecondStrip>) => {
        secondStrip = { ...secondStrip, ...patch };
        events.settings.emit(publicSettings());
        return publicSettings();
      }),
      setApiKey: vi.fn(() => publicSettings().key),
      testApiKey: vi.fn(() => ({ ok: true })),
      searchSymbols: vi.fn(() => []),
      getSnapshot: vi.fn((): SymbolSnapshot[] => []),
      addAlert: vi.fn(() => []),
      updateAlert: vi.fn(() => []),
      removeAlert: vi.fn(() => []),
      rearmAlert: vi.fn(() => []),
      getAlertHistory: vi.fn(() => []),
      addLot: vi.fn(() => publicSettings().holdings),
      updateLot: vi.fn(() => publicSettings().holdings),
      removeLot: vi.fn(() => publicSettings().holdings),
      replaceLots: vi.fn(() => publicSettings().holdings),
      setBaseCurrency: vi.fn(() => publicSettings().holdings),
      getPortfolio: vi.fn(() => null),
      getRelay: vi.fn(() => ({ ...relay, token: 'relay-token-0123456789', origins: [] })),
      regenerateRelayToken: vi.fn(() => ({ ...relay, token: 'relay-token-9876543210', origins: [] })),
      setRelayOrigins: vi.fn((origins: string[]) => ({ ...relay, token: 'relay-token-0123456789', origins })),
      getOverview: vi.fn(() => ({ status, stats: {} as never, demo: false })),
      setPaused: vi.fn((paused: boolean) => {
        setPreferences({ paused });
        return status;
      }),
      getContext: vi.fn(() => ({ details: [], headlines: [] })),
    },
    start: vi.fn(),
    stop: vi.fn(options.stop ?? (async () => {})),
    reconnectNow: vi.fn(),
    status: vi.fn(() => status),
    relay: vi.fn(() => relay),
    symbols: vi.fn(() => symbols),
    lists: vi.fn(lists),
    shownListId: vi.fn(() => shownListId),
    secondStrip: vi.fn(() => ({ ...secondStrip })),
    preferences: vi.fn(() => ({ ...preferences })),
    windowState: vi.fn(() => windowState),
    setWindowState: vi.fn((patch: Partial<WindowState>) => {
      windowState = { ...windowState, ...patch };
    }),
    pendingNotices: vi.fn(() => [...notices]),
    portfolio: vi.fn(() => null),
    notify: vi.fn((notice: Omit<Notice, 'at'>) => void notices.push({ ...notice, at: 1 })),
    setDrawing: vi.fn((next: boolean) => {
      if (next === drawing) return;
      drawing = next;
      events.drawing.emit(next);
    }),
    drawing: vi.fn(() => drawing),
    contextCardOpened: vi.fn(),
    currentHeadlines: vi.fn(() => []),
  } satisfies TickerCore;
  return core;
}

type FakeCore = ReturnType<typeof fakeCore>;

function deps(
  core: FakeCore,
  overrides: Partial<StartAppDeps> = {},
): StartAppDeps & { createCore: ReturnType<typeof vi.fn> } {
  return {
    electron: electron as unknown as StartAppDeps['electron'],
    paths: { preload: '/app/out/preload/index.cjs', rendererDir: '/app/out/renderer', resourcesDir: '/app/resources' },
    platform: 'linux',
    createSettingsStore: () => createMemoryStore('/tmp/settings.json'),
    createCore: vi.fn((_settings: Settings) => core),
    launchExecPath: '/opt/Ticker/ticker',
    ...overrides,
  } as StartAppDeps & { createCore: ReturnType<typeof vi.fn> };
}

async function started(options: Parameters<typeof fakeCore>[0] = {}, overrides: Partial<StartAppDeps> = {}) {
  const core = fakeCore(options);
  const running = await startApp(deps(core, overrides));
  if (!running) throw new Error('did not start');
  const strip = MockBrowserWindow.instances[0]!;
  const tray = MockTray.instances[0]!;
  return { core, running, strip, tray };
}

function menuItems(tray: MockTray): Array<{ id?: string; label?: string; click?: () => void; submenu?: unknown[] }> {
  return (tray.menu as MockMenu).items as Array<{
    id?: string;
    label?: string;
    click?: () => void;
    submenu?: unknown[];
  }>;
}

function find(
  items: ReturnType<typeof menuItems>,
  predicate: (item: ReturnType<typeof menuItems>[number]) => boolean,
): ReturnType<typeof menuItems>[number] {
  for (const item of items) {
    if (predicate(item)) return item;
    if (Array.isArray(item.submenu)) {
      try {
        return find(item.submenu as ReturnType<typeof menuItems>, predicate);
      } catch {
        // keep looking
      }
    }
  }
  throw new Error('menu item not found');
}

/** Open the settings window (as its tray item does) and return its page as a sender. */
async function settingsPage(): Promise<{ id: number; url: string }> {
  const strip = MockBrowserWindow.instances[0]!;
  await ipcMain.invoke(INVOKE_CHANNELS.openSettings, {
    sender: { id: strip.webContents.id },
    senderFrame: { url: strip.webContents.url },
  });
  const window = MockBrowserWindow.instances.find((candidate) => candidate.webContents.url.endsWith('settings.html'));
  if (!window) throw new Error('no settings window');
  return { id: window.webContents.id, url: window.webContents.url };
}

/** The page in `window` starts listening to `events`, as its preload tells main. */
function listen(window: MockBrowserWindow, ...events: EventName[]): void {
  const page = { sender: { id: window.webContents.id }, senderFrame: { url: window.webContents.url } };
  for (const event of events) ipcMain.message(SUBSCRIPTION_CHANNEL, page, event, true);
}

/** A quote as the publisher sends it. */
function quote(symbol: string, price: number): SymbolSnapshot {
  return {
    symbol,
    price,
    prevClose: null,
    change: null,
    changePct: null,
    dayHigh: price,
    dayLow: price,
    volume: 0,
    time: 1,
    history: [price],
  };
}

const flush = async (): Promise<void> => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
};

beforeEach(() => {
  resetElectronMock();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('startApp: single instance', () => {
  it('quits without building anything when another instance holds the lock', async () => {
    app.singleInstanceLock = false;
    const core = fakeCore();
    const d = deps(core);
    await expect(startApp(d)).resolves.toBeNull();
    expect(app.quit).toHaveBeenCalledOnce();
    expect(d.createCore).not.toHaveBeenCalled();
    expect(MockBrowserWindow.instances).toHaveLength(0);
    expect(core.start).not.toHaveBeenCalled();
  });

  it('a second launch opens the settings window, or shows a hidden strip', async () => {
    const { core } = await started({ prefs: { hidden: true } });
    app.emit('second-instance');
    await flush();
    expect(core.handlers.setPreferences).toHaveBeenCalledWith({ hidden: false });
    app.emit('second-instance');
    expect(MockBrowserWindow.instances).toHaveLength(2);
    expect(MockBrowserWindow.instances[1]!.loadFile).toHaveBeenCalledWith(expect.stringMatching(/settings\.html$/));
  });
});

describe('startApp: wiring', () => {
  it('builds the strip and the tray, registers every channel and starts the core', async () => {
    const { core, strip, tray } = await started();
    expect(MockBrowserWindow.instances).toHaveLength(1);
    expect(strip.loadFile).toHaveBeenCalledWith(expect.stringMatching(/out[/\\]renderer[/\\]strip\.html$/));
    expect(strip.options).toMatchObject({ frame: false, skipTaskbar: true, focusable: false, alwaysOnTop: true });
    expect(strip.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      preload: '/app/out/preload/index.cjs',
    });
    expect(tray.tooltip).toBe('Ticker: Live');
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    expect(core.start).toHaveBeenCalledOnce();
  });

  it('the system theme and the settings window follow the OS between light and dark, live', async () => {
    nativeTheme.shouldUseDarkColors = false;
    const { strip } = await started({ prefs: { theme: 'system' } });
    expect(strip.options.backgroundColor).toBe(STRIP_BACKGROUND.light);
    app.emit('second-instance'); // opens the settings window
    const settingsWindow = MockBrowserWindow.instances[1]!;
    expect(settingsWindow.options.backgroundColor).toBe(SETTINGS_BACKGROUND.light);
    nativeTheme.setDark(true);
    expect(strip.setBackgroundColor).toHaveBeenLastCalledWith(STRIP_BACKGROUND.dark);
    expect(settingsWindow.setBackgroundColor).toHaveBeenLastCalledWith(SETTINGS_BACKGROUND.dark);
    expect(MockBrowserWindow.instances).toHaveLength(2);
  });

  it('hides the strip while every watched market is closed (when asked to); the tray says when they open', async () => {
    // Friday after Thanksgiving 2026, 16:59 New York: one minute of after-hours trading left.
    vi.useFakeTimers({ now: Date.parse('2026-11-27T21:59:00Z'), toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    const { strip, tray, core } = await started({ prefs: { whenMarketsClosed: 'hide' } });
    strip.finishLoading();
    expect(strip.visible).toBe(true);
    expect(find(menuItems(tray), (item) => item.id === 'market-hours-0').label).toBe(
      'US market opens Monday 09:30 ET (in 2 d 16 h)',
    );
    vi.advanceTimersByTime(60_000);
    expect(strip.visible).toBe(false);
    // A crypto symbol never closes: the strip comes back at once.
    core.handlers.addToList('l1', 'BINANCE:BTCUSDT');
    core.events.settings.emit(core.handlers.getSettings());
    expect(strip.visible).toBe(true);
  });

  it('hardens the session and every web contents', async () => {
    const { strip } = await started();
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(session.defaultSession.permissionCheckHandler!({}, 'media', '', {})).toBe(false);
    expect(session.defaultSession.headersListener).not.toBeNull();
    expect(strip.webContents.windowOpenHandler!({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
    expect(strip.webContents.attempt('will-navigate', 'https://evil.example')).toBe(true);
  });

  it('hides the dock icon on macOS', async () => {
    await started({}, { platform: 'darwin' });
    expect(app.dock.hide).toHaveBeenCalledOnce();
  });

  it('tells the user when the settings file had to be recovered, and replays it to the settings window', async () => {
    const notice: Notice = { level: 'warning', message: 'Your settings file was damaged…', at: 5 };
    const { core } = await started({ notices: [notice] });
    // The settings window opened by itself to show the warning.
    expect(MockBrowserWindow.instances).toHaveLength(2);
    const settingsWindow = MockBrowserWindow.instances[1]!;
    const page = {
      sender: { id: settingsWindow.webContents.id },
      senderFrame: { url: settingsWindow.webContents.url },
    };
    // Replayed when the page starts listening to notices, once, and to nobody else.
    ipcMain.message(SUBSCRIPTION_CHANNEL, page, 'status', true);
    expect(settingsWindow.webContents.send).not.toHaveBeenCalled();
    ipcMain.message(SUBSCRIPTION_CHANNEL, page, 'notice', true);
    ipcMain.message(SUBSCRIPTION_CHANNEL, page, 'notice', false);
    ipcMain.message(SUBSCRIPTION_CHANNEL, page, 'notice', true);
    expect(settingsWindow.webContents.send.mock.calls).toEqual([[EVENT_CHANNELS.notice, notice]]);
    expect(core.notify).not.toHaveBeenCalled();
  });

  it('passes a store-recovery notice to the core', async () => {
    const broken = () => {
      throw new Error('the settings folder is not writable');
    };
    const { core } = await started({}, { createSettingsStore: broken });
    expect(core.notify).toHaveBeenCalledWith(expect.objectContaining({ level: 'error' }));
  });

  it('reports a failed startup and exits', async () => {
    const core = fakeCore();
    const d = deps(core, {
      createCore: () => {
        throw new Error('no core today');
      },
    });
    await expect(startApp(d)).resolves.toBeNull();
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Ticker could not start', 'no core today');
    expect(app.exit).toHaveBeenCalledWith(1);
  });
});

describe('startApp: IPC', () => {
  const invoke = (channel: string, sender: { id: number; url: string }, ...args: unknown[]) =>
    ipcMain.invoke(channel, { sender: { id: sender.id }, senderFrame: { url: sender.url } }, ...args);

  it('answers our own window showing our page, refuses anyone else', async () => {
    const { core } = await started();
    const ours = await settingsPage();
    await expect(invoke(INVOKE_CHANNELS.getRelay, ours)).resolves.toMatchObject({ ok: true });
    await expect(invoke(INVOKE_CHANNELS.getRelay, { id: 999, url: ours.url })).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    await expect(
      invoke(INVOKE_CHANNELS.getRelay, { id: ours.id, url: 'https://evil.example/' }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(core.handlers.getRelay).toHaveBeenCalledOnce();
  });

  it('checks the sender and the arguments of the one start call before the core is asked', async () => {
    const { core, strip } = await started();
    const ours = { id: strip.webContents.id, url: strip.webContents.url };
    await expect(invoke(INVOKE_CHANNELS.getPageStart, { id: 999, url: ours.url })).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    await expect(invoke(INVOKE_CHANNELS.getPageStart, ours, 'more')).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    expect(core.handlers.getPageStart).not.toHaveBeenCalled();
    await expect(invoke(INVOKE_CHANNELS.getPageStart, ours)).resolves.toMatchObject({
      ok: true,
      value: { settings: { symbols: ['AAPL', 'MSFT'] }, snapshot: [], portfolio: null },
    });
  });

  it("a strip's one start call carries the economy state, so a strip opened on battery pages at once", async () => {
    powerMonitor.onBattery = true;
    const { strip } = await started({ prefs: { economy: 'on-battery' } });
    const ours = { id: strip.webContents.id, url: strip.webContents.url };
    await expect(invoke(INVOKE_CHANNELS.getPageStart, ours)).resolves.toMatchObject({
      ok: true,
      value: { economy: { active: true, mode: 'on-battery', onBattery: true } },
    });
    powerMonitor.setOnBattery(false);
    await expect(invoke(INVOKE_CHANNELS.getPageStart, ours)).resolves.toMatchObject({
      ok: true,
      value: { economy: { active: false, mode: 'on-battery', onBattery: false } },
    });
  });

  it('openSettings opens one settings window; openExternal opens https only', async () => {
    const { strip } = await started();
    const fromStrip = { id: strip.webContents.id, url: strip.webContents.url };
    await expect(invoke(INVOKE_CHANNELS.openSettings, fromStrip)).resolves.toEqual({ ok: true, value: null });
    await invoke(INVOKE_CHANNELS.openSettings, fromStrip);
    expect(MockBrowserWindow.instances).toHaveLength(2);
    const ours = await settingsPage();
    await expect(invoke(INVOKE_CHANNELS.openExternal, ours, 'file:///etc/passwd')).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    await expect(invoke(INVOKE_CHANNELS.openExternal, ours, 'http://finnhub.io')).resolves.toMatchObject({ ok: false });
    expect(shell.openExternal).not.toHaveBeenCalled();
    await expect(invoke(INVOKE_CHANNELS.openExternal, ours, 'https://finnhub.io/register')).resolves.toEqual({
      ok: true,
      value: null,
    });
    expect(shell.openExternal).toHaveBeenCalledWith('https://finnhub.io/register');
  });

  it('no page leaves the app: navigation and new windows are refused and nothing reaches the browser', async () => {
    const { strip } = await started();
    const settings = MockBrowserWindow.instances.find((window) => window !== strip);
    const fromStrip = { id: strip.webContents.id, url: strip.webContents.url };
    for (const url of ['https://evil.example/?t=relay-token-0123456789', 'https://finnhub.io/register']) {
      expect(strip.webContents.attempt('will-navigate', url)).toBe(true);
      expect(strip.webContents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(settings).toBeUndefined();
    // The strip cannot reach the settings window's link path either, even sent raw.
    await expect(invoke(INVOKE_CHANNELS.openExternal, fromStrip, 'https://finnhub.io/register')).resolves.toMatchObject(
      { ok: false, error: { code: 'forbidden-sender' } },
    );
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('openChart opens the chart link main builds from the saved template, only for symbols on the strip', async () => {
    const { core, strip } = await started({
      prefs: { chartUrlTemplate: 'https://charts.example.com/s/{symbol}?range=1d' },
    });
    const ours = { id: strip.webContents.id, url: strip.webContents.url };
    await expect(invoke(INVOKE_CHANNELS.openChart, ours, 'msft')).resolves.toEqual({ ok: true, value: null });
    expect(shell.openExternal).toHaveBeenLastCalledWith('https://charts.example.com/s/MSFT?range=1d');
    await expect(invoke(INVOKE_CHANNELS.openChart, ours, 'IBM')).resolves.toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    await expect(invoke(INVOKE_CHANNELS.openChart, ours, 'https://evil.example')).resolves.toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    await expect(invoke(INVOKE_CHANNELS.openChart, ours, 'MSFT"><x')).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    // The default template: a venue-prefixed symbol is encoded, never able to change the link's host or path.
    core.handlers.setPreferences({ chartUrlTemplate: DEFAULT_PREFERENCES.chartUrlTemplate });
    core.handlers.addToList('l1', 'BINANCE:BTCUSDT');
    await invoke(INVOKE_CHANNELS.openChart, ours, 'BINANCE:BTCUSDT');
    expect(shell.openExternal).toHaveBeenLastCalledWith('https://www.tradingview.com/chart/?symbol=BINANCE%3ABTCUSDT');
    expect(shell.openExternal).toHaveBeenCalledTimes(2);
  });

  it('Export… and Import… show the native dialogs over the settings window and use only the file the user picked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ticker-transfer-'));
    try {
      const core = fakeCore();
      const d = deps(core);
      const running = await startApp(d);
      const settings = d.createCore.mock.calls[0]?.[0] as Settings;
      settings.key.set('c0ffee1234abcd5678ef');
      running!.settingsWindow.open();
      const window = MockBrowserWindow.instances[1]!;
      const page = { id: window.webContents.id, url: window.webContents.url };

      // Cancelled: nothing written.
      await expect(invoke(INVOKE_CHANNELS.exportSettings, page, 'json')).resolves.toEqual({
        ok: true,
        value: { status: 'cancelled' },
      });
      expect(dialog.showSaveDialog).toHaveBeenLastCalledWith(
        window,
        expect.objectContaining({ defaultPath: '/tmp/ticker-electron-mock/documents/ticker-settings.json' }),
      );
      // A page cannot name a path or an unknown format; no dialog opens for it.
      const shown = dialog.showSaveDialog.mock.calls.length;
      await expect(invoke(INVOKE_CHANNELS.exportSettings, page, '/etc/passwd')).resolves.toMatchObject({
        ok: false,
        error: { code: 'invalid-payload' },
      });
      await expect(invoke(INVOKE_CHANNELS.importSettings, page, '/etc/passwd')).resolves.toMatchObject({
        ok: false,
        error: { code: 'invalid-payload' },
      });
      expect(dialog.showSaveDialog).toHaveBeenCalledTimes(shown);
      expect(dialog.showOpenDialog).not.toHaveBeenCalled();

      dialog.nextSavePath = join(dir, 'mine.json');
      await expect(invoke(INVOKE_CHANNELS.exportSettings, page, 'json')).resolves.toEqual({
        ok: true,
        value: {
          status: 'exported',
          fileName: 'mine.json',
          summary: 'Exported 1 list (8 symbols) and the preferences.',
        },
      });
      const exported = readFileSync(join(dir, 'mine.json'), 'utf8');
      expect(JSON.parse(exported)).toMatchObject({
        format: 'ticker-settings',
        version: 1,
        lists: [{ name: 'Watch list', symbols: settings.lists.symbols() }],
      });
      expect(exported).not.toContain('c0ffee');
      expect(exported).not.toMatch(/apiKey|token/);
      dialog.nextSavePath = join(dir, 'symbols.csv');
      await invoke(INVOKE_CHANNELS.exportSettings, page, 'csv');
      expect(readFileSync(join(dir, 'symbols.csv'), 'utf8').split('\r\n').slice(0, 2)).toEqual([
        'symbol,list',
        'AAPL,Watch list',
      ]);

      // A file with problems: every one listed, nothing changed.
      writeFileSync(join(dir, 'bad.csv'), 'symbol,list\nIBM,Tech\nnot a symbol,Tech\nIBM,Tech\n');
      dialog.nextOpenPaths = [join(dir, 'bad.csv')];
      const before = settings.lists.all();
      await expect(invoke(INVOKE_CHANNELS.importSettings, page)).resolves.toEqual({
        ok: true,
        value: {
          status: 'refused',
          fileName: 'bad.csv',
          problems: [
            expect.stringMatching(/^line 3: "not a symbol" is not a valid symbol/),
            'line 4: IBM is already in "Tech" (line 2)',
          ],
        },
      });
      expect(dialog.showOpenDialog).toHaveBeenLastCalledWith(
        window,
        expect.objectContaining({ properties: ['openFile'] }),
      );
      expect(settings.lists.all()).toEqual(before);

      writeFileSync(join(dir, 'good.csv'), 'symbol,list\nIBM,Tech\nsap,Tech\n');
      dialog.nextOpenPaths = [join(dir, 'good.csv')];
      await expect(invoke(INVOKE_CHANNELS.importSettings, page)).resolves.toEqual({
        ok: true,
        value: { status: 'imported', fileName: 'good.csv', summary: 'Imported: added "Tech".' },
      });
      expect(settings.lists.all().at(-1)).toEqual({ id: 'l2', name: 'Tech', symbols: ['IBM', 'SAP'] });
      expect(settings.key.plain()).toBe('c0ffee1234abcd5678ef');
      // The preview came first, over the settings window, listing the change.
      expect(dialog.showMessageBox).toHaveBeenLastCalledWith(
        window,
        expect.objectContaining({ message: 'Import good.csv?', detail: 'new list "Tech": IBM, SAP' }),
      );

      // A file that would open a port, start Ticker at login and send chart links to a look-alike site:
      // the preview says so; cancelled, nothing changes; imported without the box ticked, nothing is switched on.
      writeFileSync(
        join(dir, 'risky.json'),
        JSON.stringify({
          format: 'ticker-settings',
          version: 1,
          lists: [{ name: 'Tech', symbols: ['IBM'] }],
          preferences: {
            relayEnabled: true,
            launchAtLogin: true,
            chartUrlTemplate: 'https://www.xn--tradingvew-yti.com/chart/?symbol={symbol}',
          },
        }),
      );
      dialog.nextOpenPaths = [join(dir, 'risky.json')];
      dialog.nextMessageResponse = 1;
      const untouched = JSON.stringify(settings.preferences.current());
      await expect(invoke(INVOKE_CHANNELS.importSettings, page)).resolves.toEqual({
        ok: true,
        value: { status: 'cancelled' },
      });
      expect(JSON.stringify(settings.preferences.current())).toBe(untouched);
      const preview = vi.mocked(dialog.showMessageBox).mock.lastCall?.[1] as {
        type: string;
        detail: string;
        checkboxLabel: string;
        checkboxChecked: boolean;
      };
      expect(preview.type).toBe('warning');
      expect(preview.detail.split('\n')[0]).toBe(
        'chart links now open another site: www.tradingview.com → www.xn--tradingvew-yti.com',
      );
      expect(preview.detail).toContain('relayEnabled: false → true (only when you confirm it)');
      expect(preview.checkboxLabel).toMatch(/^Also switch on the relay .* and launch at login/);
      expect(preview.checkboxChecked).toBe(false);

      dialog.nextOpenPaths = [join(dir, 'risky.json')];
      dialog.nextMessageResponse = 0;
      await invoke(INVOKE_CHANNELS.importSettings, page);
      expect(settings.preferences.current()).toMatchObject({ relayEnabled: false, launchAtLogin: false });
      expect(settings.preferences.current().chartUrlTemplate).toContain('xn--tradingvew-yti');

      dialog.nextOpenPaths = [join(dir, 'risky.json')];
      dialog.nextMessageChecked = true;
      await invoke(INVOKE_CHANNELS.importSettings, page);
      expect(settings.preferences.current()).toMatchObject({ relayEnabled: true, launchAtLogin: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Export lots as CSV shows the save dialog over the settings window and writes the saved lots atomically', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ticker-holdings-'));
    try {
      const d = deps(fakeCore());
      const running = await startApp(d);
      const settings = d.createCore.mock.calls[0]?.[0] as Settings;
      settings.portfolio.addLot({ symbol: 'AAPL', quantity: '10', price: '150', date: '2024-01-10', note: '=SUM(A1)' });
      settings.portfolio.addLot({
        symbol: 'MSFT',
        quantity: '-2',
        price: '420',
        date: '2024-02-01',
        note: 'short, hedged',
      });
      settings.portfolio.addLot({ symbol: 'AAPL', quantity: '0.5', price: '190.25', date: '2024-03-01', note: '' });
      running!.settingsWindow.open();
      const window = MockBrowserWindow.instances[1]!;
      const page = { id: window.webContents.id, url: window.webContents.url };

      // Cancelled: nothing written; a page cannot name a path.
      await expect(invoke(INVOKE_CHANNELS.exportHoldings, page)).resolves.toEqual({
        ok: true,
        value: { status: 'cancelled' },
      });
      expect(dialog.showSaveDialog).toHaveBeenLastCalledWith(
        window,
        expect.objectContaining({
          defaultPath: '/tmp/ticker-electron-mock/documents/ticker-holdings.csv',
          filters: [{ name: 'Portfolio lots (CSV)', extensions: ['csv'] }],
        }),
      );
      await expect(invoke(INVOKE_CHANNELS.exportHoldings, page, join(dir, 'evil.csv'))).resolves.toMatchObject({
        ok: false,
        error: { code: 'invalid-payload' },
      });
      expect(dialog.showSaveDialog).toHaveBeenCalledTimes(1);
      expect(readdirSync(dir)).toEqual([]);

      dialog.nextSavePath = join(dir, 'lots.csv');
      await expect(invoke(INVOKE_CHANNELS.exportHoldings, page)).resolves.toEqual({
        ok: true,
        value: { status: 'exported', fileName: 'lots.csv', summary: 'Exported 3 lots of 2 symbols.' },
      });
      expect(readFileSync(join(dir, 'lots.csv'), 'utf8')).toBe(
        'symbol,quantity,price,date,note\r\nAAPL,10,150,2024-01-10,\'=SUM(A1)\r\nMSFT,-2,420,2024-02-01,"short, hedged"\r\nAAPL,0.5,190.25,2024-03-01,\r\n',
      );
      // No temporary file is left beside it.
      expect(readdirSync(dir)).toEqual(['lots.csv']);

      // The folder went away: the error names the file and the reason; nothing the user saved changes.
      dialog.nextSavePath = join(dir, 'gone', 'lots.csv');
      await expect(invoke(INVOKE_CHANNELS.exportHoldings, page)).resolves.toMatchObject({
        ok: false,
        error: { code: 'internal', message: 'Could not write lots.csv (ENOENT).' },
      });
      expect(settings.portfolio.holdings().lots).toHaveLength(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('copyRelay puts the token or a relay URL main builds on the clipboard, and nothing a page names', async () => {
    const { strip } = await started({ prefs: { relayPort: 9123 } });
    const fromStrip = { id: strip.webContents.id, url: strip.webContents.url };
    await expect(invoke(INVOKE_CHANNELS.copyRelay, fromStrip, 'token')).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(clipboard.writeText).not.toHaveBeenCalled();
    const ours = await settingsPage();
    await expect(invoke(INVOKE_CHANNELS.copyRelay, ours, 'token')).resolves.toEqual({ ok: true, value: null });
    expect(clipboard.writeText).toHaveBeenLastCalledWith('relay-token-0123456789');
    await invoke(INVOKE_CHANNELS.copyRelay, ours, 'websocket-url');
    expect(clipboard.writeText).toHaveBeenLastCalledWith('ws://127.0.0.1:9123/?token=relay-token-0123456789');
    await invoke(INVOKE_CHANNELS.copyRelay, ours, 'sse-url');
    expect(clipboard.writeText).toHaveBeenLastCalledWith(
      'http://127.0.0.1:9123/sse?symbols=AAPL,MSFT&token=relay-token-0123456789',
    );
    const calls = vi.mocked(clipboard.writeText).mock.calls.length;
    await expect(invoke(INVOKE_CHANNELS.copyRelay, ours, 'evil text')).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    expect(clipboard.writeText).toHaveBeenCalledTimes(calls);
  });

  it('a right-click menu on a strip item: open chart, copy price, move left/right, remove from the shown list', async () => {
    const { core, strip } = await started();
    core.handlers.getSnapshot.mockReturnValue([{ symbol: 'AAPL', price: 189.41 } as never]);
    const ours = { id: strip.webContents.id, url: strip.webContents.url };
    await expect(invoke(INVOKE_CHANNELS.showItemMenu, ours, 'AAPL')).resolves.toEqual({ ok: true, value: null });
    const menu = Menu.buildFromTemplate.mock.results.at(-1)?.value as MockMenu;
    expect(menu.popup).toHaveBeenCalledWith({ window: strip });
    type Item = { id?: string; label?: string; enabled?: boolean; click?: () => void };
    const item = (id: string) => (menu.items as Item[]).find((entry) => entry.id === id)!;
    expect(item('move-left').enabled).toBe(false);
    expect(item('move-right').enabled).toBe(true);
    expect(item('remove').label).toBe('Remove from “Watch list”');
    item('open-chart').click!();
    await flush();
    item('copy-price').click!();
    item('move-right').click!();
    await flush();
    item('remove').click!();
    await flush();
    expect(clipboard.writeText).toHaveBeenCalledWith('189.41');
    expect(core.handlers.moveInList).toHaveBeenCalledWith('l1', 'AAPL', 1);
    expect(core.handlers.removeFromList).toHaveBeenCalledWith('l1', 'AAPL');
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.tradingview.com/chart/?symbol=AAPL');
    // No price yet: nothing to copy.
    await invoke(INVOKE_CHANNELS.showItemMenu, ours, 'MSFT');
    const second = Menu.buildFromTemplate.mock.results.at(-1)?.value as MockMenu;
    expect((second.items as Item[]).find((entry) => entry.id === 'copy-price')?.enabled).toBe(false);
    await expect(invoke(INVOKE_CHANNELS.showItemMenu, ours, 'NOPE')).resolves.toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('forwards core events to the windows listening to them, and only those', async () => {
    const { core, strip, running } = await started();
    running.settingsWindow.open();
    const settingsWindow = MockBrowserWindow.instances[1]!;
    listen(strip, 'status', 'quotes');
    listen(settingsWindow, 'status', 'notice');
    core.events.status.emit({ state: 'reconnecting', since: 2 });
    core.events.quotes.emit({ seq: 1, at: 3, quotes: [quote('AAPL', 190)], removed: [] });
    // Nothing of the strip's list in a batch: nothing is sent to it.
    core.events.quotes.emit({ seq: 2, at: 4, quotes: [quote('IBM', 150)], removed: [] });
    expect(strip.webContents.send.mock.calls).toEqual([
      [EVENT_CHANNELS.status, { state: 'reconnecting', since: 2 }],
      [EVENT_CHANNELS.quotes, { seq: 1, at: 3, quotes: [quote('AAPL', 190)], removed: [] }],
    ]);
    expect(settingsWindow.webContents.send.mock.calls).toEqual([
      [EVENT_CHANNELS.status, { state: 'reconnecting', since: 2 }],
    ]);
  });

  it('refuses subscriptions from a foreign sender or with a malformed payload', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { core, strip } = await started();
    const ours = { sender: { id: strip.webContents.id }, senderFrame: { url: strip.webContents.url } };
    ipcMain.message(
      SUBSCRIPTION_CHANNEL,
      { sender: { id: strip.webContents.id }, senderFrame: { url: 'https://evil.example/' } },
      'status',
      true,
    );
    ipcMain.message(SUBSCRIPTION_CHANNEL, ours, 'constructor', true);
    ipcMain.message(SUBSCRIPTION_CHANNEL, ours, 'status', 'yes');
    ipcMain.message(SUBSCRIPTION_CHANNEL, ours, 'status', true, 'extra');
    ipcMain.message(SUBSCRIPTION_CHANNEL, null, 'status', true);
    core.events.status.emit({ state: 'live', since: 1 });
    expect(strip.webContents.send).not.toHaveBeenCalled();
    expect(console.warn).toHaveBeenCalledTimes(5);
  });
});

describe('startApp: tray and preferences', () => {
  it('Remove, Pause, Click-through and Position call the core handlers and reach the window', async () => {
    const { core, strip, tray } = await started();
    find(menuItems(tray), (item) => item.label === 'MSFT').submenu!.forEach((item) =>
      (item as { click: () => void }).click(),
    );
    find(menuItems(tray), (item) => item.id === 'pause').click!();
    find(menuItems(tray), (item) => item.id === 'click-through').click!();
    find(menuItems(tray), (item) => item.id === 'position-bottom').click!();
    await flush();
    expect(core.handlers.removeFromList).toHaveBeenCalledWith('l1', 'MSFT');
    expect(core.handlers.setPaused).toHaveBeenCalledWith(true);
    expect(core.handlers.setPreferences).toHaveBeenCalledWith({ clickThrough: true });
    expect(core.handlers.setPreferences).toHaveBeenCalledWith({ position: 'bottom' });
    expect(strip.setIgnoreMouseEvents).toHaveBeenLastCalledWith(true, { forward: true });
    expect(strip.bounds).toEqual({ x: 0, y: 1040 - 32, width: 1920, height: 32 });
    // The menu was rebuilt from the new state.
    expect(menuItems(tray).some((item) => item.label === 'MSFT')).toBe(false);
    expect(find(menuItems(tray), (item) => item.id === 'pause').label).toBe('Resume');
  });

  it('the tray switches the list the strip shows, and the strip page is told', async () => {
    const { core, strip, tray } = await started();
    listen(strip, 'settings');
    find(menuItems(tray), (item) => item.id === 'watch-list-l2').click!();
    await flush();
    expect(core.handlers.showList).toHaveBeenCalledWith('l2');
    expect(strip.webContents.send).toHaveBeenCalledWith(
      EVENT_CHANNELS.settings,
      expect.objectContaining({ shownListId: 'l2' }),
    );
    expect(find(menuItems(tray), (item) => item.id === 'watch-list').label).toBe('Watch list: Crypto');
  });

  it('Add symbol… opens settings and asks it to focus the add field', async () => {
    vi.useFakeTimers();
    const { tray } = await started();
    find(menuItems(tray), (item) => item.id === 'add-symbol').click!();
    const settingsWindow = MockBrowserWindow.instances[1]!;
    listen(settingsWindow, 'focusAddSymbol');
    settingsWindow.finishLoading();
    vi.advanceTimersByTime(1_000);
    expect(settingsWindow.webContents.send).toHaveBeenCalledWith(EVENT_CHANNELS.focusAddSymbol, null);
  });

  it('an alert shows a desktop notification; clicking it opens settings at the rule; the tray counts it', async () => {
    vi.useFakeTimers();
    const { core, tray } = await started();
    expect(find(menuItems(tray), (item) => item.id === 'alerts').label).toBe('Alerts…');
    core.events.alert.emit({
      ruleId: 'rule-1',
      rule: 'AAPL>=200',
      symbol: 'AAPL',
      price: 200.12,
      changePct: 1.234,
      time: 5,
    });
    const notification = MockNotification.instances[0]!;
    expect(notification.shown).toBe(true);
    expect(notification.options).toEqual({
      title: 'Alert: AAPL: AAPL>=200',
      body: 'AAPL 200.12 (+1.23 % vs previous close) · rule AAPL>=200',
      silent: false,
    });
    expect(find(menuItems(tray), (item) => item.id === 'alerts').label).toBe('Alerts: 1 in the last hour…');
    expect(tray.tooltip).toMatch(/1 alert in the last hour/);

    notification.click();
    const settingsWindow = MockBrowserWindow.instances[1]!;
    listen(settingsWindow, 'focusAlert');
    settingsWindow.finishLoading();
    vi.advanceTimersByTime(1_000);
    expect(settingsWindow.webContents.send).toHaveBeenCalledWith(EVENT_CHANNELS.focusAlert, 'rule-1');

    // An hour later the tray no longer counts it.
    vi.advanceTimersByTime(3_600_000);
    expect(find(menuItems(tray), (item) => item.id === 'alerts').label).toBe('Alerts…');
  });

  it('a right-click menu on a strip item offers alerts at the current price and opens settings filled in', async () => {
    vi.useFakeTimers();
    const { core, running } = await started();
    core.handlers.getSnapshot.mockReturnValue([{ symbol: 'AAPL', price: 189.41 }] as never);
    expect(await running.handlers.showItemMenu('AAPL')).toBeNull();
    const menu = vi.mocked(electron.Menu.buildFromTemplate).mock.results.at(-1)!.value as MockMenu;
    expect(menu.popup).toHaveBeenCalledOnce();
    const items = menu.items as Array<{ id?: string; label?: string; click?: () => void }>;
    expect(items.filter((item) => item.id?.startsWith('alert')).map((item) => item.label)).toEqual([
      'Alert when AAPL at or above 189.41…',
      'Alert when AAPL at or below 189.41…',
      'Alerts…',
    ]);
    items.find((item) => item.id === 'alert-below')!.click!();
    const settingsWindow = MockBrowserWindow.instances[1]!;
    listen(settingsWindow, 'prefillAlert');
    settingsWindow.finishLoading();
    vi.advanceTimersByTime(1_000);
    expect(settingsWindow.webContents.send).toHaveBeenCalledWith(EVENT_CHANNELS.prefillAlert, {
      symbol: 'AAPL',
      metric: 'price',
      op: '<=',
      value: 189.41,
    });

    // Without a price yet, only the Alerts entry.
    core.handlers.getSnapshot.mockReturnValue([]);
    await running.handlers.showItemMenu('MSFT');
    const bare = vi.mocked(electron.Menu.buildFromTemplate).mock.results.at(-1)!.value as MockMenu;
    expect(
      (bare.items as Array<{ id?: string }>).filter((item) => item.id?.startsWith('alert')).map((item) => item.id),
    ).toEqual(['alerts']);
  });

  it('shows no notification where the system has none, and stays silent when the sound is off', async () => {
    const { core } = await started({ prefs: { alertSound: false } });
    core.events.alert.emit({ ruleId: 'r', rule: 'MSFT<=-2%', symbol: 'MSFT', price: 400, changePct: null, time: 5 });
    expect(MockNotification.instances[0]?.options).toMatchObject({
      silent: true,
      body: 'MSFT 400 (change vs previous close not known yet) · rule MSFT<=-2%',
    });
    MockNotification.supported = false;
    core.events.alert.emit({ ruleId: 'r', rule: 'MSFT<=-2%', symbol: 'MSFT', price: 390, changePct: null, time: 6 });
    expect(MockNotification.instances).toHaveLength(1);
  });

  it('a refused tray action becomes a notice, not a crash', async () => {
    const { core, tray } = await started();
    core.handlers.removeFromList.mockImplementation(() => {
      throw new Error('nope');
    });
    find(menuItems(tray), (item) => item.label === 'AAPL').submenu!.forEach((item) =>
      (item as { click: () => void }).click(),
    );
    await flush();
    expect(core.notify).toHaveBeenCalledWith({ level: 'error', message: 'Could not remove AAPL: nope' });
  });

  it('launch at login follows the preference in a packaged app', async () => {
    app.isPackaged = true;
    const { tray } = await started({}, { platform: 'darwin' });
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: false });
    find(menuItems(tray), (item) => item.id === 'launch-at-login').click!();
    await flush();
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: true });
  });

  it('never registers the development binary as a login item', async () => {
    const { tray } = await started({}, { platform: 'darwin' });
    find(menuItems(tray), (item) => item.id === 'launch-at-login').click!();
    await flush();
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
  });
});

describe('startApp: global shortcuts and full-screen apps', () => {
  it('the shortcuts show/hide the strip and pause/resume, through the same actions as the tray', async () => {
    const { core, strip } = await started();
    strip.finishLoading();
    expect(strip.visible).toBe(true);
    expect(globalShortcut.press('CommandOrControl+Alt+T')).toBe(true);
    await flush();
    expect(core.handlers.setPreferences).toHaveBeenLastCalledWith({ hidden: true });
    expect(strip.visible).toBe(false);
    globalShortcut.press('CommandOrControl+Alt+T');
    await flush();
    expect(strip.visible).toBe(true);
    globalShortcut.press('CommandOrControl+Alt+P');
    await flush();
    expect(core.handlers.setPaused).toHaveBeenLastCalledWith(true);
    globalShortcut.press('CommandOrControl+Alt+P');
    await flush();
    expect(core.handlers.setPaused).toHaveBeenLastCalledWith(false);
  });

  it('a shortcut held by another program: a notice naming it at start, and getShortcuts says so', async () => {
    globalShortcut.holdElsewhere('CommandOrControl+Alt+P');
    const { core } = await started();
    expect(core.notify).toHaveBeenCalledWith({
      level: 'warning',
      message: expect.stringContaining(
        'The shortcut Ctrl/Cmd+Alt+P (to pause or resume the prices) is held by another program',
      ),
    });
    // It does not open settings at every start (Ubuntu keeps Ctrl+Alt+T for its terminal): the notice
    // waits for the settings window, which shows each shortcut's state.
    expect(MockBrowserWindow.instances).toHaveLength(1);
    expect(core.pendingNotices()).toEqual([
      expect.objectContaining({ message: expect.stringContaining('Ctrl/Cmd+Alt+P') }),
    ]);
    const page = await settingsPage();
    const ours = { sender: { id: page.id }, senderFrame: { url: page.url } };
    await expect(ipcMain.invoke(INVOKE_CHANNELS.getShortcuts, ours)).resolves.toEqual({
      ok: true,
      value: [
        { action: 'toggleStrips', accelerator: 'CommandOrControl+Alt+T', state: 'registered' },
        { action: 'togglePause', accelerator: 'CommandOrControl+Alt+P', state: 'taken' },
        { action: 'togglePrivacy', accelerator: 'CommandOrControl+Alt+M', state: 'registered' },
      ],
    });
    await expect(ipcMain.invoke(INVOKE_CHANNELS.getShortcuts, ours, 'extra')).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
  });

  it('a changed shortcut is registered at once, the old one released; quitting releases all', async () => {
    const { core, running } = await started();
    core.handlers.setPreferences({ shortcutPause: 'Alt+Shift+F8' });
    expect([...globalShortcut.registered.keys()]).toEqual([
      'CommandOrControl+Alt+T',
      'CommandOrControl+Alt+M',
      'Alt+Shift+F8',
    ]);
    core.handlers.setPreferences({ shortcutToggleStrips: '' });
    expect([...globalShortcut.registered.keys()]).toEqual(['CommandOrControl+Alt+M', 'Alt+Shift+F8']);
    await running.quit();
    expect(globalShortcut.unregisterAll).toHaveBeenCalledOnce();
    expect(globalShortcut.registered.size).toBe(0);
  });

  it('full-screen apps: keep above (screen-saver level, on full-screen Spaces) or step aside (floating, off them)', async () => {
    const { core, strip } = await started({}, { platform: 'darwin' });
    expect(strip.setAlwaysOnTop).toHaveBeenLastCalledWith(true, 'screen-saver');
    expect(strip.setVisibleOnAllWorkspaces).toHaveBeenLastCalledWith(true, { visibleOnFullScreen: true });
    core.handlers.setPreferences({ fullScreenApps: 'step-aside' });
    expect(strip.setAlwaysOnTop).toHaveBeenLastCalledWith(true, 'floating');
    expect(strip.setVisibleOnAllWorkspaces).toHaveBeenLastCalledWith(true, { visibleOnFullScreen: false });
    core.handlers.setPreferences({ fullScreenApps: 'stay-above' });
    expect(strip.setAlwaysOnTop).toHaveBeenLastCalledWith(true, 'screen-saver');
    expect(strip.setVisibleOnAllWorkspaces).toHaveBeenLastCalledWith(true, { visibleOnFullScreen: true });
  });
});

describe('startApp: the second strip', () => {
  const invoke = (window: MockBrowserWindow, channel: string, ...args: unknown[]) =>
    ipcMain.invoke(
      channel,
      { sender: { id: window.webContents.id }, senderFrame: { url: window.webContents.url } },
      ...args,
    );

  it('is a second strip window, on its own edge, made and closed as the setting changes (here from the tray)', async () => {
    const { core, strip, tray } = await started();
    expect(MockBrowserWindow.instances).toHaveLength(1);
    find(menuItems(tray), (item) => item.id === 'second-strip-shown').click!();
    await flush();
    expect(core.handlers.setSecondStrip).toHaveBeenCalledWith({ enabled: true });
    const second = MockBrowserWindow.instances[1]!;
    expect(second.options).toMatchObject({ frame: false, focusable: false, skipTaskbar: true });
    expect(second.bounds).toEqual({ x: 0, y: 1040 - 32, width: 1920, height: 32 });
    expect(strip.bounds).toMatchObject({ y: 0 });
    expect(running(second)).toBe(true);
    expect(find(menuItems(tray), (item) => item.id === 'second-strip').label).toBe('Second strip: Crypto');

    // Its edge and display are its own; the look and show/hide are shared.
    core.handlers.setSecondStrip({ position: 'top' });
    expect(second.bounds).toMatchObject({ y: 0 });
    second.finishLoading();
    strip.finishLoading();
    core.handlers.setPreferences({ hidden: true });
    expect([strip.visible, second.visible]).toEqual([false, false]);
    core.handlers.setPreferences({ hidden: false, fullScreenApps: 'step-aside' });
    expect([strip.visible, second.visible]).toEqual([true, true]);
    expect(second.setAlwaysOnTop).toHaveBeenLastCalledWith(true, 'floating');

    find(menuItems(tray), (item) => item.id === 'second-strip-list-l1').click!();
    await flush();
    expect(core.handlers.setSecondStrip).toHaveBeenLastCalledWith({ listId: 'l1' });
    find(menuItems(tray), (item) => item.id === 'second-strip-shown').click!();
    await flush();
    expect(second.destroyed).toBe(true);
    expect(strip.destroyed).toBe(false);
  });

  it('each strip window gets only its own list: quotes, settings, snapshot', async () => {
    const { core, strip } = await started({ secondStrip: { enabled: true, listId: 'l2' } });
    const second = MockBrowserWindow.instances[1]!;
    listen(strip, 'quotes', 'settings');
    listen(second, 'quotes', 'settings');
    core.events.quotes.emit({
      seq: 1,
      at: 3,
      quotes: [quote('AAPL', 190), quote('BINANCE:BTCUSDT', 97_000)],
      removed: [],
    });
    expect(strip.webContents.send).toHaveBeenCalledExactlyOnceWith(EVENT_CHANNELS.quotes, {
      seq: 1,
      at: 3,
      quotes: [quote('AAPL', 190)],
      removed: [],
    });
    expect(second.webContents.send).toHaveBeenCalledExactlyOnceWith(EVENT_CHANNELS.quotes, {
      seq: 1,
      at: 3,
      quotes: [quote('BINANCE:BTCUSDT', 97_000)],
      removed: [],
    });

    core.handlers.getSnapshot.mockImplementation(() => [
      quote('AAPL', 190),
      quote('MSFT', 410),
      quote('BINANCE:BTCUSDT', 97_000),
    ]);
    // A strip reads only through the one start call: the settings window's reads are not its channels.
    for (const window of [strip, second])
      for (const channel of [INVOKE_CHANNELS.getRelay, INVOKE_CHANNELS.getPortfolio])
        await expect(invoke(window, channel)).resolves.toMatchObject({
          ok: false,
          error: { code: 'forbidden-sender' },
        });
    // The one start call answers each strip for its own list too.
    await expect(invoke(second, INVOKE_CHANNELS.getPageStart)).resolves.toMatchObject({
      ok: true,
      value: {
        settings: { symbols: ['BINANCE:BTCUSDT'], shownListId: 'l2' },
        snapshot: [quote('BINANCE:BTCUSDT', 97_000)],
        overview: { demo: false },
      },
    });
    await expect(invoke(strip, INVOKE_CHANNELS.getPageStart)).resolves.toMatchObject({
      ok: true,
      value: {
        settings: { symbols: ['AAPL', 'MSFT'], shownListId: 'l1' },
        snapshot: [quote('AAPL', 190), quote('MSFT', 410)],
      },
    });

    // Switched to a list whose symbols the feed already carries: the strip is caught up with their quotes.
    second.webContents.send.mockClear();
    core.handlers.setSecondStrip({ listId: 'l1' });
    await flush();
    expect(second.webContents.send).toHaveBeenCalledWith(
      EVENT_CHANNELS.settings,
      expect.objectContaining({ symbols: ['AAPL', 'MSFT'], shownListId: 'l1' }),
    );
    expect(second.webContents.send).toHaveBeenLastCalledWith(
      EVENT_CHANNELS.quotes,
      expect.objectContaining({ quotes: [quote('AAPL', 190), quote('MSFT', 410)] }),
    );
  });

  it('an item on the second strip opens its chart and its menu acts on the second strip’s list', async () => {
    const { core } = await started({ secondStrip: { enabled: true, listId: 'l2' } });
    const second = MockBrowserWindow.instances[1]!;
    await expect(invoke(second, INVOKE_CHANNELS.openChart, 'BINANCE:BTCUSDT')).resolves.toEqual({
      ok: true,
      value: null,
    });
    expect(shell.openExternal).toHaveBeenLastCalledWith('https://www.tradingview.com/chart/?symbol=BINANCE%3ABTCUSDT');
    await expect(invoke(second, INVOKE_CHANNELS.openChart, 'AAPL')).resolves.toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    await expect(invoke(second, INVOKE_CHANNELS.showItemMenu, 'BINANCE:BTCUSDT')).resolves.toEqual({
      ok: true,
      value: null,
    });
    const menu = Menu.buildFromTemplate.mock.results.at(-1)!.value as MockMenu;
    expect(menu.popup).toHaveBeenCalledWith({ window: second });
    const items = menu.items as Array<{ id?: string; label?: string; click?: () => void }>;
    expect(items.find((item) => item.id === 'remove')?.label).toBe('Remove from “Crypto”');
    items.find((item) => item.id === 'remove')!.click!();
    await flush();
    expect(core.handlers.removeFromList).toHaveBeenCalledWith('l2', 'BINANCE:BTCUSDT');
  });

  it('a refused switch (the lists on screen over the cap) becomes a notice', async () => {
    const { core, tray } = await started();
    core.handlers.setSecondStrip.mockImplementation(() => {
      throw new Error('The lists on screen would need 60 symbols, but your plan allows 50 on its one connection.');
    });
    find(menuItems(tray), (item) => item.id === 'second-strip-shown').click!();
    await flush();
    expect(core.notify).toHaveBeenCalledWith({
      level: 'error',
      message: expect.stringContaining('Could not show the second strip: The lists on screen would need 60 symbols'),
    });
    expect(MockBrowserWindow.instances).toHaveLength(1);
  });

  it('quitting closes both strips', async () => {
    const { running, strip } = await started({ secondStrip: { enabled: true } });
    const second = MockBrowserWindow.instances[1]!;
    await running.quit();
    expect([strip.destroyed, second.destroyed]).toEqual([true, true]);
  });
});

function running(window: MockBrowserWindow): boolean {
  return !window.destroyed;
}

describe('startApp: reconnect and quit', () => {
  it('reconnects at once on resume and unlock', async () => {
    const { core } = await started();
    powerMonitor.emit('resume');
    powerMonitor.emit('unlock-screen');
    expect(core.reconnectNow).toHaveBeenCalledTimes(2);
    expect(net.isOnline).toHaveBeenCalled();
  });

  it('stops drawing while the screen is locked, the system sleeps or the strip is hidden; the strip page is told', async () => {
    const { core, strip } = await started();
    // Hidden until its page is ready: nothing to draw for yet.
    expect(core.drawing()).toBe(false);
    strip.finishLoading();
    expect(core.drawing()).toBe(true);
    listen(strip, 'drawing');
    powerMonitor.emit('lock-screen');
    expect(core.drawing()).toBe(false);
    powerMonitor.emit('unlock-screen');
    powerMonitor.emit('suspend');
    expect(core.drawing()).toBe(false);
    powerMonitor.emit('resume');
    expect(core.drawing()).toBe(true);
    core.handlers.setPreferences({ hidden: true });
    expect(core.drawing()).toBe(false);
    core.handlers.setPreferences({ hidden: false });
    expect(core.drawing()).toBe(true);
    const told = strip.webContents.send.mock.calls
      .filter(([channel]) => channel === EVENT_CHANNELS.drawing)
      .map(([, drawing]) => drawing);
    // On subscribing (drawing), then each change while the page is there to hear it (hidden windows hear it too).
    expect(told).toEqual([true, false, true, false, true, false, true]);
  });

  it('economy follows the preference and the power source; the strip page is told, and quitting stops it', async () => {
    powerMonitor.onBattery = true;
    const { strip, core, running } = await started({ prefs: { economy: 'on-battery' } });
    strip.finishLoading();
    listen(strip, 'economy');
    powerMonitor.setOnBattery(false);
    core.handlers.setPreferences({ economy: 'always' });
    core.handlers.setPreferences({ economy: 'never' });
    powerMonitor.setOnBattery(true);
    const told = strip.webContents.send.mock.calls
      .filter(([channel]) => channel === EVENT_CHANNELS.economy)
      .map(([, state]) => state as EconomyState);
    expect(told.map((state) => state.active)).toEqual([true, false, true, false, false]);
    expect(told.at(-1)).toEqual({ active: false, mode: 'never', onBattery: true });
    await running.quit();
    expect(powerMonitor.listenerCount('on-battery') + powerMonitor.listenerCount('on-ac')).toBe(0);
  });

  it('Quit closes the feed cleanly before exiting', async () => {
    const order: string[] = [];
    const { core, tray, strip, running } = await started({
      stop: async () => {
        order.push('stop');
      },
    });
    app.exit.mockImplementation(() => void order.push('exit'));
    find(menuItems(tray), (item) => item.id === 'quit').click!();
    await running.quit(); // the same quit the click started
    expect(app.exit).toHaveBeenCalledWith(0);
    expect(order).toEqual(['stop', 'exit']);
    expect(core.stop).toHaveBeenCalledOnce();
    expect(tray.destroyed).toBe(true);
    expect(strip.destroyed).toBe(true);
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('an OS quit goes through the same clean close, once', async () => {
    const { core, running } = await started();
    expect(app.emitCancellable('before-quit')).toBe(true);
    await running.quit();
    expect(core.stop).toHaveBeenCalledOnce();
    expect(app.exit).toHaveBeenCalledOnce();
  });

  it('a feed that never closes does not keep Ticker from quitting', async () => {
    vi.useFakeTimers();
    const { running } = await started({ stop: () => new Promise<void>(() => {}) }, { quitTimeoutMs: 1_000 });
    const quitting = running.quit();
    await vi.advanceTimersByTimeAsync(1_000);
    await quitting;
    expect(app.exit).toHaveBeenCalledWith(0);
  });
});

describe('startApp: updates, About, the log and crashes', () => {
  beforeEach(() => resetElectronMock());
  afterEach(() => vi.useRealTimers());

  function fakeUpdater(): UpdateClient & { check: ReturnType<typeof vi.fn>; install: ReturnType<typeof vi.fn> } {
    const events = new Signal<UpdateClientEvent>();
    return {
      events,
      check: vi.fn(async () => {
        events.emit({ type: 'checking' });
        events.emit({ type: 'not-available' });
      }),
      install: vi.fn((_relaunch: boolean) => true),
    };
  }

  function recordingLog(folder: string | null = '/home/u/.config/Ticker/logs') {
    let source: () => readonly (string | null | undefined)[] = () => [];
    const lines: string[] = [];
    const log: AppLog = {
      info: (message) => void lines.push(message),
      warn: (message) => void lines.push(message),
      error: (message) => void lines.push(message),
      folder,
      setSecrets: (next) => {
        source = next;
      },
    };
    return { log, lines, secrets: () => source() };
  }

  const sender = (window: MockBrowserWindow) => ({
    sender: { id: window.webContents.id },
    senderFrame: { url: window.webContents.url },
  });
  const label = (tray: MockTray, id: string) => find(menuItems(tray), (item) => item.id === id).label;
  /** The settings window, opened from the tray (About and updates are its channels only). */
  const settingsPage = (tray: MockTray): MockBrowserWindow => {
    find(menuItems(tray), (item) => item.id === 'settings').click!();
    return MockBrowserWindow.instances.at(-1)!;
  };

  it('the tray offers Check for updates…, About Ticker and Open log folder; the log folder opens', async () => {
    const { log } = recordingLog();
    const { tray } = await started({}, { log });
    expect(menuItems(tray).map((item) => item.label)).toEqual(
      expect.arrayContaining(['Check for updates…', 'About Ticker', 'Open log folder', 'Settings…', 'Quit Ticker']),
    );
    expect(menuItems(tray).some((item) => item.id === 'reload-strip')).toBe(false);
    find(menuItems(tray), (item) => item.id === 'log-folder').click!();
    await flush();
    expect(shell.openPath).toHaveBeenCalledWith('/home/u/.config/Ticker/logs');
  });

  it('the log gets the key once saved, and the relay token once made', async () => {
    const { log, secrets } = recordingLog();
    const core = fakeCore();
    const startDeps = deps(core, { log });
    await startApp(startDeps);
    const settings = startDeps.createCore.mock.calls[0]![0] as Settings;
    settings.key.set('abcdefghijklmnop1234');
    const token = settings.relay.token();
    expect(secrets()).toEqual(['abcdefghijklmnop1234', token]);
  });

  it('with the preference off, no check is ever made; the tray says checks are off', async () => {
    vi.useFakeTimers();
    const client = fakeUpdater();
    const { tray } = await started({ prefs: { checkForUpdates: false } }, { updates: { client } });
    // Past the check at start (the daily ones are the policy's unit test).
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS * 3);
    find(menuItems(tray), (item) => item.id === 'update').click!();
    await vi.advanceTimersByTimeAsync(0);
    expect(client.check).not.toHaveBeenCalled();
    expect(MockNotification.instances.at(-1)?.options.body).toMatch(/Update checks are off/);
  });

  it('checks soon after start; a downloaded update is announced, and Restart to update installs it after the clean close', async () => {
    vi.useFakeTimers();
    const client = fakeUpdater();
    const { core, tray, running } = await started({}, { updates: { client } });
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(client.check).toHaveBeenCalledOnce();
    expect(label(tray, 'update')).toBe('Check for updates…');
    client.events.emit({ type: 'available', version: '0.2.0' });
    expect(label(tray, 'update')).toBe('Downloading Ticker 0.2.0…');
    client.events.emit({ type: 'downloaded', version: '0.2.0' });
    const notification = MockNotification.instances.at(-1)!;
    expect(notification.options.title).toBe('Ticker 0.2.0 is ready');
    expect(notification.shown).toBe(true);
    expect(label(tray, 'update')).toBe('Restart to update (0.2.0)');
    const order: string[] = [];
    core.stop.mockImplementation(async () => void order.push('stop'));
    client.install.mockImplementation((relaunch: boolean) => (order.push(`install relaunch=${relaunch}`), true));
    app.exit.mockImplementation(() => void order.push('exit'));
    find(menuItems(tray), (item) => item.id === 'update').click!();
    await vi.advanceTimersByTimeAsync(0);
    await running.quit();
    expect(order).toEqual(['stop', 'install relaunch=true', 'exit']);
  });

  it('a downloaded update installs at an ordinary quit too, without starting again', async () => {
    const client = fakeUpdater();
    const { running } = await started({}, { updates: { client } });
    client.events.emit({ type: 'downloaded', version: '0.2.0' });
    await running.quit();
    expect(client.install).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('a .deb install asks nothing and says to use the package manager; restartToUpdate is refused', async () => {
    const message = 'Ticker was installed as a .deb package: update it with your package manager.';
    const { strip, tray } = await started({}, { updates: { client: null, unsupportedMessage: message } });
    const settings = settingsPage(tray);
    await expect(ipcMain.invoke(INVOKE_CHANNELS.checkForUpdates, sender(settings))).resolves.toEqual({
      ok: true,
      value: { state: 'unsupported', message },
    });
    // The strip has no business with updates.
    await expect(ipcMain.invoke(INVOKE_CHANNELS.checkForUpdates, sender(strip))).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    await expect(ipcMain.invoke(INVOKE_CHANNELS.restartToUpdate, sender(settings))).resolves.toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('About: version, licence, homepage, runtime versions and the licences the build wrote; the OS panel too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ticker-about-'));
    try {
      writeFileSync(
        join(dir, 'third-party-licences.json'),
        JSON.stringify([{ name: 'ws', version: '8.18.0', license: 'MIT', text: 'Copyright (c) Einar' }]),
      );
      const { log } = recordingLog();
      const { tray } = await started(
        {},
        {
          log,
          paths: { preload: '/app/out/preload/index.cjs', rendererDir: dir, resourcesDir: '/app/resources' },
          packageInfo: {
            name: 'Ticker',
            version: '1.2.3',
            license: 'MIT',
            homepage: 'https://github.com/ticker/ticker',
            copyright: 'Copyright © Ticker contributors',
          },
          versions: { node: '22.20.0', electron: '45.5.0', chrome: '142.0.7444.52' },
        },
      );
      const about = (await ipcMain.invoke(INVOKE_CHANNELS.getAbout, sender(settingsPage(tray)))) as {
        ok: true;
        value: unknown;
      };
      expect(about.value).toEqual({
        name: 'Ticker',
        version: '1.2.3',
        electron: '45.5.0',
        chromium: '142.0.7444.52',
        node: '22.20.0',
        license: 'MIT',
        homepage: 'https://github.com/ticker/ticker',
        copyright: 'Copyright © Ticker contributors',
        thirdParty: [{ name: 'ws', version: '8.18.0', license: 'MIT', text: 'Copyright (c) Einar' }],
        logFolder: '/home/u/.config/Ticker/logs',
        update: { state: 'unsupported', message: expect.stringMatching(/runs from source/) },
      });
      expect(app.setAboutPanelOptions).toHaveBeenCalledWith(
        expect.objectContaining({ applicationName: 'Ticker', applicationVersion: '1.2.3' }),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('About Ticker in the tray opens settings and asks it to show About once the page listens', async () => {
    const { tray } = await started();
    find(menuItems(tray), (item) => item.id === 'about').click!();
    const settingsWindow = MockBrowserWindow.instances.at(-1)!;
    settingsWindow.finishLoading();
    listen(settingsWindow, 'showAbout');
    expect(settingsWindow.webContents.send).toHaveBeenCalledWith(EVENT_CHANNELS.showAbout, null);
  });

  it('a strip page that keeps crashing is reloaded 3 times, then says it stopped; the tray reloads it', async () => {
    const { strip, tray } = await started();
    const loads = () => strip.loadFile.mock.calls.map((call) => String(call[0]).split('/').at(-1));
    expect(loads()).toEqual(['strip.html']);
    for (let i = 0; i < 3; i++) strip.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    expect(loads()).toEqual(['strip.html', 'strip.html', 'strip.html', 'strip.html']);
    strip.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 11 });
    expect(loads().at(-1)).toBe('strip-stopped.html');
    find(menuItems(tray), (item) => item.id === 'reload-strip').click!();
    expect(loads().at(-1)).toBe('strip.html');
    expect(menuItems(tray).some((item) => item.id === 'reload-strip')).toBe(false);
  });

  it('the application menu: none in a packaged build off macOS, and Windows gets the app id', async () => {
    app.isPackaged = true;
    await started({}, { platform: 'win32' });
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
    expect(app.setAppUserModelId).toHaveBeenCalledWith(pkg.build.appId);
  });
});
