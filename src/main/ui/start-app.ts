/**
 * The composition of the desktop app: Electron's modules come in as arguments (the real ones from
 * src/main/index.ts, a mock in tests), the core is made by an injected factory, and this wires them:
 * single instance → settings → core → IPC → strip, tray and settings window → start.
 */
import { join } from 'node:path';
import type * as Electron from 'electron';
import { systemClock, type Clock, type TimerHandle } from '../../shared/clock';
import { buildChartUrl } from '../../shared/chart-url';
import { TickerError, type InvokeHandlers } from '../../shared/ipc-contract';
import { normalizeSymbol } from '../../shared/symbols';
import type { Notice } from '../../shared/types';
import type { TickerCore } from '../core/ticker-core';
import { RecentAlerts } from '../alerts/recent-alerts';
import { MarketWatch } from '../market/market-watch';
import { registerIpcHandlers } from '../ipc/register-handlers';
import { registerSubscriptions } from '../ipc/register-subscriptions';
import { createSenderCheck, isAppPageUrl } from '../ipc/sender-check';
import type { KeyValueStore } from '../settings/key-value-store';
import { openSettingsStore, settingsFilePath } from '../settings/open-store';
import { SettingsService } from '../settings/settings-service';
import { AlertNotifier } from './alert-notifier';
import { appWindowFactory, type AppPagesLocation } from './app-window';
import { buildItemMenu, priceForClipboard, type ItemMenuActions } from './item-menu';
import { applyLaunchAtLogin } from './launch-at-login';
import { watchReconnectTriggers } from './reconnect-triggers';
import { SettingsWindow } from './settings-window';
import { TickerWindow } from './ticker-window';
import { TrayController, trayIconPath } from './tray';
import { describeDisplays, type TrayMenuActions } from './tray-menu';
import { createOpenExternalHandler, hardenSession, hardenWebContents, isSafeExternalUrl } from './web-security';
import { WindowRegistry, forwardCoreEvents } from './window-registry';

/** The Electron modules the shell uses. */
export type ElectronModules = Pick<
  typeof Electron,
  | 'app'
  | 'BrowserWindow'
  | 'Menu'
  | 'clipboard'
  | 'Tray'
  | 'nativeImage'
  | 'screen'
  | 'ipcMain'
  | 'safeStorage'
  | 'shell'
  | 'session'
  | 'powerMonitor'
  | 'net'
  | 'dialog'
  | 'Notification'
>;

export interface AppPaths extends AppPagesLocation {
  /** The bundled preload (out/preload/index.cjs). */
  preload: string;
  /** Folder holding tray/ and icon.png. */
  resourcesDir: string;
}

export interface StartAppDeps {
  electron: ElectronModules;
  paths: AppPaths;
  platform: NodeJS.Platform;
  createSettingsStore(): KeyValueStore;
  createCore(settings: SettingsService): TickerCore;
  /** What to start at login on Linux (the AppImage when there is one). */
  launchExecPath: string;
  /** Time and timers (default: the system clock). */
  clock?: Clock;
  /** The longest a quit waits for the feed to close cleanly. */
  quitTimeoutMs?: number;
}

export interface RunningApp {
  core: TickerCore;
  strip: TickerWindow;
  settingsWindow: SettingsWindow;
  tray: TrayController;
  registry: WindowRegistry;
  handlers: InvokeHandlers;
  /** Close the feed cleanly, then exit. Idempotent. */
  quit(): Promise<void>;
}

export const QUIT_TIMEOUT_MS = 3_000;

function noticeParts(notice: Notice): Omit<Notice, 'at'> {
  return { level: notice.level, message: notice.message };
}

/**
 * Start Ticker. Resolves to the running app, or null when another instance already runs (this one
 * then quits) or startup failed (the user is told, and the app exits).
 */
export async function startApp(deps: StartAppDeps): Promise<RunningApp | null> {
  const { electron } = deps;
  const { app } = electron;
  const clock = deps.clock ?? systemClock;

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  // The strip and the tray keep Ticker running with no normal window open.
  app.on('window-all-closed', () => {});
  // Every web contents, however it came to be, is locked down before it loads anything.
  const openExternal = (url: string): Promise<void> =>
    isSafeExternalUrl(url) ? electron.shell.openExternal(url) : Promise.reject(new Error('Only https links can be opened.')); // eng-disable OPEN_EXTERNAL_JS_CHECK: only https URLs without credentials reach it (isSafeExternalUrl, checked here and by every caller)
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));

  await app.whenReady();
  try {
    return wire(deps, openExternal, clock);
  } catch (error) {
    console.error('[app] startup failed:', error);
    try {
      electron.dialog.showErrorBox('Ticker could not start', error instanceof Error ? error.message : String(error));
    } finally {
      app.exit(1);
    }
    return null;
  }
}

function wire(deps: StartAppDeps, openExternal: (url: string) => Promise<void>, clock: Clock): RunningApp {
  const now = (): number => clock.now();
  const { electron, paths, platform } = deps;
  const { app } = electron;
  if (platform === 'darwin') app.dock?.hide();

  const opened = openSettingsStore({ createStore: deps.createSettingsStore, filePath: settingsFilePath(app.getPath('userData')), now });
  const settings = new SettingsService({ store: opened.store, safeStorage: electron.safeStorage, platform, now });
  const core = deps.createCore(settings);
  if (opened.notice) core.notify(noticeParts(opened.notice));

  const isOurPage = (url: string): boolean => isAppPageUrl(url, paths);
  hardenSession(electron.session.defaultSession, { isAppPageUrl: isOurPage, ...(paths.devServerUrl ? { devServerUrl: paths.devServerUrl } : {}) });

  const registry = new WindowRegistry();
  const stopForwarding = forwardCoreEvents(core.events, registry);
  const createWindow = appWindowFactory({ BrowserWindow: electron.BrowserWindow, registry, preloadPath: paths.preload, pages: paths });

  // Notices raised before any window could show them go to the first page that listens to notices.
  let noticesReplayed = false;
  const stopReplay = registry.subscribed.subscribe(({ window, event }) => {
    if (event !== 'notice' || noticesReplayed) return;
    noticesReplayed = true;
    for (const notice of core.pendingNotices()) registry.send(window, 'notice', notice);
  });
  const settingsWindow = new SettingsWindow({
    createWindow,
    focusAddSymbol: () => core.events.focusAddSymbol.emit(null),
    focusAlert: (ruleId) => core.events.focusAlert.emit(ruleId),
    prefillAlert: (condition) => core.events.prefillAlert.emit(condition),
  });

  // Every firing: a desktop notification (click: the rule in settings) and the tray's recent count.
  const notifier = new AlertNotifier({
    createNotification: (content) => new electron.Notification(content),
    isSupported: () => electron.Notification.isSupported(),
    sound: () => core.preferences().alertSound,
    ruleById: (id) => settings.alerts().find((rule) => rule.id === id) ?? null,
    openRule: (ruleId) => settingsWindow.open({ focusAlert: ruleId }),
  });
  const recentAlerts = new RecentAlerts({ now });
  const stopNotifying = core.events.alert.subscribe((firing) => {
    recentAlerts.add();
    try {
      notifier.show(firing);
    } catch (error) {
      console.error('[alerts] could not show a notification:', error);
    }
  });

  /** A symbol the strip shows (normalised), or a typed refusal. */
  const stripSymbol = (input: string): string => {
    const symbol = normalizeSymbol(input);
    if (symbol === null || !core.symbols().includes(symbol)) throw new TickerError('not-found', `${input.slice(0, 40)} is not on the strip.`);
    return symbol;
  };
  /** Main builds the chart link from the saved template; the page only names the symbol. */
  const openChart = async (input: string): Promise<void> => {
    const symbol = stripSymbol(input);
    const url = buildChartUrl(core.preferences().chartUrlTemplate, symbol);
    if (url === null || !isSafeExternalUrl(url)) throw new TickerError('invalid-payload', 'The chart link in Settings cannot be used: check it under Look and behaviour.');
    try {
      await openExternal(url);
    } catch {
      throw new TickerError('internal', 'The chart could not be opened in your browser.');
    }
  };
  const shownListName = (): string => core.lists().find((list) => list.id === core.shownListId())?.name ?? 'this list';
  const itemActions: ItemMenuActions = {
    openChart: (symbol) => run(`open the chart of ${symbol}`, () => openChart(symbol)),
    copyPrice: (symbol) =>
      run(`copy the price of ${symbol}`, async () => {
        const price = (await core.handlers.getSnapshot()).find((quote) => quote.symbol === symbol)?.price ?? null;
        if (price !== null) electron.clipboard.writeText(priceForClipboard(price));
      }),
    move: (symbol, toIndex) => run(`move ${symbol}`, () => core.handlers.moveSymbol(symbol, toIndex)),
    remove: (symbol) => run(`remove ${symbol}`, () => core.handlers.removeSymbol(symbol)),
    newAlert: (condition) => settingsWindow.open({ prefillAlert: condition }),
    openAlerts: () => settingsWindow.open({ focusAlert: '' }),
  };
  const showItemMenu = async (input: string): Promise<void> => {
    const symbol = stripSymbol(input);
    const symbols = core.symbols();
    const price = (await core.handlers.getSnapshot()).find((quote) => quote.symbol === symbol)?.price ?? null;
    const template = buildItemMenu({ symbol, price, index: symbols.indexOf(symbol), count: symbols.length, listName: shownListName() }, itemActions);
    const window = strip.browserWindow();
    electron.Menu.buildFromTemplate(template).popup(window ? { window } : {});
  };

  const handlers: InvokeHandlers = {
    ...core.handlers,
    getDisplays: () => describeDisplays(electron.screen.getAllDisplays(), electron.screen.getPrimaryDisplay().id),
    openSettings: () => {
      settingsWindow.open();
      return null;
    },
    openExternal: createOpenExternalHandler(openExternal),
    openChart: async (input) => {
      await openChart(input);
      return null;
    },
    showItemMenu: async (input) => {
      await showItemMenu(input);
      return null;
    },
  };
  const isTrustedSender = createSenderCheck({ isOwnWebContents: (id) => registry.isOwnWebContents(id), allowedUrl: isOurPage });
  const onRejected = (channel: string, reason: string): void => console.warn(`[ipc] refused ${channel}: ${reason}`);
  const disposeHandlers = registerIpcHandlers({ ipcMain: electron.ipcMain, handlers, isTrustedSender, onRejected });
  const disposeSubscriptions = registerSubscriptions({
    ipcMain: electron.ipcMain,
    isTrustedSender,
    setSubscribed: (id, event, subscribed) => registry.setSubscribed(id, event, subscribed),
    onRejected,
  });
  const disposeIpc = (): void => {
    disposeHandlers();
    disposeSubscriptions();
    stopReplay();
  };

  const strip = new TickerWindow({ createWindow, screen: electron.screen, core, platform });
  // Sessions of the watched markets: the strip hides while all are closed (if the user wants),
  // the tray tells when the next one opens.
  const marketWatch = new MarketWatch({ now });
  marketWatch.changed.subscribe((state) => strip.setMarketsClosed(state.allClosed));
  marketWatch.setSymbols(core.symbols());

  const launchAtLogin = (enabled: boolean): void => {
    // Registering the development Electron binary as a login item would surprise anyone.
    if (!app.isPackaged) return;
    applyLaunchAtLogin(enabled, {
      platform,
      setLoginItemSettings: (loginItem) => app.setLoginItemSettings(loginItem),
      autostartDir: join(app.getPath('appData'), 'autostart'),
      execPath: deps.launchExecPath,
    });
  };
  let loginItemEnabled = core.preferences().launchAtLogin;
  launchAtLogin(loginItemEnabled);
  const stopFollowingSettings = core.events.settings.subscribe((next) => {
    strip.apply(next.preferences);
    marketWatch.setSymbols(next.symbols);
    if (next.preferences.launchAtLogin !== loginItemEnabled) {
      loginItemEnabled = next.preferences.launchAtLogin;
      launchAtLogin(loginItemEnabled);
    }
  });

  /** Run a tray action; a refusal becomes a notice, never a crash. */
  const run = (what: string, action: () => unknown): void => {
    Promise.resolve()
      .then(action)
      .catch((error: unknown) => {
        console.error(`[tray] ${what} failed:`, error);
        core.notify({ level: 'error', message: `Could not ${what}: ${error instanceof Error ? error.message : 'unknown error'}` });
      });
  };
  let quitting: Promise<void> | null = null;
  const actions: TrayMenuActions = {
    removeSymbol: (symbol) => run(`remove ${symbol}`, () => core.handlers.removeSymbol(symbol)),
    showList: (listId) => run('switch the watch list', () => core.handlers.showList(listId)),
    addSymbol: () => settingsWindow.open({ focusAddSymbol: true }),
    setPaused: (paused) => run(paused ? 'pause' : 'resume', () => core.handlers.setPaused(paused)),
    setAlwaysOnTop: (alwaysOnTop) => run('change always on top', () => core.handlers.setPreferences({ alwaysOnTop })),
    setClickThrough: (clickThrough) => run('change click-through', () => core.handlers.setPreferences({ clickThrough })),
    setStripHidden: (hidden) => run(hidden ? 'hide the strip' : 'show the strip', () => core.handlers.setPreferences({ hidden })),
    setPosition: (position) => run('move the strip', () => core.handlers.setPreferences({ position })),
    setDisplay: (displayId) => run('move the strip', () => core.handlers.setPreferences({ displayId })),
    setLaunchAtLogin: (launch) => run('change launch at login', () => core.handlers.setPreferences({ launchAtLogin: launch })),
    openSettings: () => settingsWindow.open(),
    openAlerts: () => settingsWindow.open({ focusAlert: '' }),
    quit: () => void quit(),
  };
  const tray = new TrayController({
    createTray: (icon) => new electron.Tray(icon),
    buildMenu: (template) => electron.Menu.buildFromTemplate(template),
    loadIcon: (state) => electron.nativeImage.createFromPath(trayIconPath(paths.resourcesDir, state)),
    core,
    screen: electron.screen,
    actions,
    maxSymbols: settings.maxSymbols,
    marketWatch,
    recentAlerts,
  });

  const stopReconnectTriggers = watchReconnectTriggers({
    powerMonitor: electron.powerMonitor,
    isOnline: () => electron.net.isOnline(),
    reconnectNow: () => core.reconnectNow(),
  });

  app.on('second-instance', () => {
    if (settingsWindow.isOpen()) settingsWindow.open();
    else if (core.preferences().hidden) actions.setStripHidden(false);
    else settingsWindow.open();
  });

  const quitTimeoutMs = deps.quitTimeoutMs ?? QUIT_TIMEOUT_MS;
  function quit(): Promise<void> {
    if (quitting) return quitting;
    quitting = (async () => {
      stopReconnectTriggers();
      stopFollowingSettings();
      marketWatch.stop();
      stopNotifying();
      recentAlerts.stop();
      disposeIpc();
      let timer: TimerHandle | undefined;
      try {
        // Close the socket with 1000, but never let a stuck close keep Ticker from quitting.
        await Promise.race([core.stop(), new Promise<void>((resolve) => (timer = clock.setTimeout(resolve, quitTimeoutMs)))]);
      } catch (error) {
        console.error('[app] the feed did not close cleanly:', error);
      } finally {
        if (timer !== undefined) clock.clearTimeout(timer);
      }
      stopForwarding();
      tray.destroy();
      strip.destroy();
      settingsWindow.close();
      app.exit(0);
    })();
    return quitting;
  }
  // Quitting from the OS (Cmd-Q, log out) goes through the same clean close.
  app.on('before-quit', (event) => {
    event.preventDefault();
    void quit();
  });

  if (core.pendingNotices().some((notice) => notice.level !== 'info')) settingsWindow.open();
  core.start();
  return { core, strip, settingsWindow, tray, registry, handlers, quit };
}
