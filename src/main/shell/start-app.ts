/**
 * The composition of the desktop app: Electron's modules come in as arguments (the real ones from
 * src/main/index.ts, a mock in tests), the core is made by an injected factory, and this wires them:
 * single instance → settings → core → IPC → strip, tray and settings window → start.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Electron from 'electron';
import { systemClock, type Clock } from '../../shared/clock';
import { TickerError, type InvokeHandlers } from '../../shared/ipc-contract';
import { Signal } from '../../shared/signal';
import { updateStatusText, type UpdateStatus } from '../../shared/update-status';
import type { Notice } from '../../shared/types';
import type { TickerCore } from '../../engine/core/ticker-core';
import { MarketWatch } from '../../engine/market/market-watch';
import { isAppPageUrl } from '../ipc/sender-check';
import type { KeyValueStore } from '../../engine/settings/key-value-store';
import { openSettingsStore, settingsFilePath } from '../../engine/settings/open-store';
import { createSettings, type Settings } from '../../engine/settings/settings';
import { noSelfUpdateMessage } from '../updates/install-kind';
import { UpdateService, type UpdateClient } from '../updates/update-service';
import {
  aboutInfo,
  aboutPanelOptions,
  packageInfo,
  parseThirdPartyLicences,
  THIRD_PARTY_LICENCES_FILE,
  type PackageInfo,
} from './about';
import { createActionRunner } from './action-runner';
import { createConsoleLog, type AppLog } from './app-log';
import { applicationMenuTemplate } from './application-menu';
import { appPageLocation } from './app-window';
import { CardWindow } from './card-window';
import { followIntoLog } from './log-follower';
import { StripRecovery } from './strip-recovery';
import { followEconomy } from './economy-follower';
import { showAlertNotifications } from './alert-notifications';
import { serveAppIpc } from './app-ipc';
import { appWindowFactory, type AppPagesLocation, type CreateAppWindow } from './app-window';
import { createItemActions, type ItemStrip } from './item-actions';
import { SecondStripWindow } from './second-strip-window';
import { StripView, type StripRole } from './strip-view';
import { followLaunchAtLogin } from './login-item-follower';
import { createQuitSequence } from './quit-sequence';
import { watchReconnectTriggers } from './reconnect-triggers';
import { SettingsWindow, type OpenSettingsOptions } from './settings-window';
import { settingsTransferHandlers } from './settings-transfer-dialogs';
import { TickerWindow } from './ticker-window';
import { TrayController, trayIconPath } from './tray';
import { trayUpdateItem } from './tray-menu';
import { createTrayActions } from './tray-actions';
import { GlobalShortcuts } from './global-shortcuts';
import { createLinkOpener, hardenSession, hardenWebContents } from './web-security';
import { appLinkRules } from '../../shared/external-links';
import { watchDrawing, type WatchedStrip } from './watch-drawing';
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
  | 'nativeTheme'
  | 'screen'
  | 'ipcMain'
  | 'safeStorage'
  | 'shell'
  | 'session'
  | 'powerMonitor'
  | 'net'
  | 'dialog'
  | 'Notification'
  | 'globalShortcut'
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
  createCore(settings: Settings): TickerCore;
  /** What to start at login on Linux (the AppImage when there is one). */
  launchExecPath: string;
  /** Time and timers (default: the system clock). */
  clock?: Clock;
  /** The longest a quit waits for the feed to close cleanly. */
  quitTimeoutMs?: number;
  /** Main's log (default: the console only, nothing on disk). */
  log?: AppLog;
  /** The updater for this kind of install, or null with what to tell instead (default: a source run). */
  updates?: { client: UpdateClient | null; unsupportedMessage?: string };
  /** Ticker's own package facts (default: the package.json shipped in the app folder). */
  packageInfo?: PackageInfo;
  /** The runtime's versions (default: process.versions). */
  versions?: AboutVersions;
}

type AboutVersions = Pick<NodeJS.ProcessVersions, 'node'> & { electron?: string; chrome?: string };

/**
 * Windows shows a program's notifications under this id; it is the installer's appId (package.json's
 * build.appId, which a test holds it to).
 */
export const APP_USER_MODEL_ID = 'io.github.ticker_desktop.Ticker';

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The package.json the app ships with (electron-builder keeps its name, version, licence and homepage). */
function shippedPackageInfo(app: ElectronModules['app']): PackageInfo {
  let raw: unknown;
  try {
    raw = JSON.parse(readText(join(app.getAppPath(), 'package.json')) ?? 'null');
  } catch {
    raw = null;
  }
  return packageInfo(raw, app.getVersion());
}

export interface RunningApp {
  core: TickerCore;
  strip: TickerWindow;
  secondStrip: SecondStripWindow;
  settingsWindow: SettingsWindow;
  tray: TrayController;
  registry: WindowRegistry;
  handlers: InvokeHandlers;
  updates: UpdateService;
  stripRecovery: StripRecovery;
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
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  await app.whenReady();
  try {
    return wire(deps, clock);
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

function wire(deps: StartAppDeps, clock: Clock): RunningApp {
  const now = (): number => clock.now();
  const { electron, paths, platform } = deps;
  const { app } = electron;
  if (platform === 'darwin') app.dock?.hide();

  const opened = openSettingsStore({
    createStore: deps.createSettingsStore,
    filePath: settingsFilePath(app.getPath('userData')),
    now,
  });
  const settings = createSettings({ store: opened.store, safeStorage: electron.safeStorage, platform, now });
  const core = deps.createCore(settings);
  if (opened.notice) core.notify(noticeParts(opened.notice));
  const log = deps.log ?? createConsoleLog();
  // The key and the relay token never reach the log: every message is cleaned of them at the sink.
  log.setSecrets(() => [settings.key.plain(), settings.relay.tokenIfMade()]);
  const stopLogging = followIntoLog({ core, log });
  const pkg = deps.packageInfo ?? shippedPackageInfo(app);
  const versions: AboutVersions = deps.versions ?? process.versions;
  // Packaged builds get no menu item or shortcut for Reload or the developer tools.
  const menu = applicationMenuTemplate({ platform, isPackaged: app.isPackaged, appName: pkg.name });
  electron.Menu.setApplicationMenu(menu ? electron.Menu.buildFromTemplate(menu) : null);
  // Windows shows notifications only for an app with an id (the installer registers the same one).
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  // Problems with what the user saved open the settings window at start. A shortcut another program
  // holds does not: the settings say so, and reopening on every launch would only nag.
  const needsAttention = core.pendingNotices().some((notice) => notice.level !== 'info');
  const run = createActionRunner((notice) => core.notify(notice));
  // The only way to the system browser: links the app builds (the chart links from the saved template).
  const openLink = createLinkOpener({
    openExternal: (url) => electron.shell.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK: createLinkOpener lets only https links the app builds through (src/shared/external-links.ts)
    rules: () =>
      appLinkRules(core.preferences().chartUrlTemplate, pkg.homepage ? [pkg.homepage] : [], () =>
        core.currentHeadlines(),
      ),
  });

  const isOurPage = (url: string): boolean => isAppPageUrl(url, paths);
  hardenSession(electron.session.defaultSession, {
    isAppPageUrl: isOurPage,
    ...(paths.devServerUrl ? { devServerUrl: paths.devServerUrl } : {}),
  });

  const registry = new WindowRegistry();
  const stopForwarding = forwardCoreEvents(core.events, registry);
  const createWindow = appWindowFactory({
    BrowserWindow: electron.BrowserWindow,
    registry,
    preloadPath: paths.preload,
    pages: paths,
  });
  // The OS's light or dark mode: the "system" theme and the settings window's background follow it.
  const systemDark = (): boolean => electron.nativeTheme.shouldUseDarkColors;
  const settingsWindow = new SettingsWindow({
    systemDark,
    createWindow,
    listeners: registry,
    focusAddSymbol: () => core.events.focusAddSymbol.emit(null),
    focusAlert: (ruleId) => core.events.focusAlert.emit(ruleId),
    prefillAlert: (condition) => core.events.prefillAlert.emit(condition),
    showAbout: () => core.events.showAbout.emit(null),
  });
  const openSettings = (options?: OpenSettingsOptions): void => {
    settingsWindow.open(options);
  };
  const alerts = showAlertNotifications({
    notifications: {
      createNotification: (content) => new electron.Notification(content),
      isSupported: () => electron.Notification.isSupported(),
    },
    core,
    alerts: settings.alerts,
    openSettings,
    clock,
  });

  const loadPage = (window: Electron.BrowserWindow, page: 'strip' | 'strip-stopped'): void => {
    if (window.isDestroyed()) return;
    const location = appPageLocation(page, paths);
    const loading = 'url' in location ? window.loadURL(location.url) : window.loadFile(location.file);
    loading.catch((error: unknown) => log.error(`[windows] could not load the ${page} page:`, error));
  };
  // A strip page that crashes is loaded again, 3 times in 5 minutes at most; then it says it stopped.
  const stripRecovery = new StripRecovery({
    clock,
    log,
    loadStrip: (window) => loadPage(window, 'strip'),
    loadStopped: (window) => loadPage(window, 'strip-stopped'),
  });
  // Each strip window sees only its own list (quotes, settings, item actions): see strip-view.ts.
  const createStripWindow =
    (role: StripRole): CreateAppWindow =>
    (page, options) => {
      const window = createWindow(page, options);
      registry.setView(window, new StripView({ role, core, now: () => clock.now() }));
      stripRecovery.watch(window, role);
      return window;
    };
  const strip = new TickerWindow({
    createWindow: createStripWindow('first'),
    screen: electron.screen,
    core,
    platform,
    systemDark,
  });
  const secondStrip = new SecondStripWindow({
    createWindow: createStripWindow('second'),
    screen: electron.screen,
    core,
    platform,
    clock,
    systemDark,
  });
  const onSystemTheme = (): void => {
    strip.systemThemeChanged();
    secondStrip.systemThemeChanged();
    settingsWindow.systemThemeChanged();
  };
  electron.nativeTheme.on('updated', onSystemTheme);
  const stopFollowingSystemTheme = (): void => void electron.nativeTheme.removeListener('updated', onSystemTheme);
  const stripOf = (role: StripRole): ItemStrip => {
    const listId = (): string => (role === 'first' ? core.shownListId() : core.secondStrip().listId);
    return {
      list: () => core.lists().find((list) => list.id === listId()) ?? null,
      window: () => (role === 'first' ? strip.browserWindow() : secondStrip.browserWindow()),
    };
  };
  // Quiet when nobody is looking: no scrolling and no quote batches while the screen is locked,
  // the system sleeps or no strip is on screen (the feed keeps the store current meanwhile).
  const drawing = watchDrawing({
    powerMonitor: electron.powerMonitor,
    strips: new Map<string, WatchedStrip>([
      ['first', strip],
      ['second', secondStrip],
    ]),
    core,
    registry,
  });
  // Economy: fewer pictures a second from the scrolling strips, always or on battery power.
  const economy = followEconomy({ powerMonitor: electron.powerMonitor, core, registry, clock });
  const itemActions = createItemActions({
    core,
    clipboard: electron.clipboard,
    Menu: electron.Menu,
    openLink,
    openSettings,
    run,
  });
  const settingsTransfer = settingsTransferHandlers({
    dialog: electron.dialog,
    parentWindow: () => settingsWindow.current(),
    settings,
    documentsDir: () => app.getPath('documents'),
    now,
  });
  // Updates: a check soon after start and daily while the preference is on; installs at quit.
  const notify = (title: string, body: string, onClick?: () => void): void => {
    try {
      if (!electron.Notification.isSupported()) return;
      const notification = new electron.Notification({ title, body });
      if (onClick) notification.on('click', onClick);
      notification.show();
    } catch (error) {
      log.warn('[updates] could not show a notification:', error);
    }
  };
  let relaunchAfterUpdate = false;
  const restartToUpdate = (): void => {
    if (!updates.ready()) throw new TickerError('not-found', 'No update has been downloaded yet.');
    relaunchAfterUpdate = true;
    void quit();
  };
  const updates = new UpdateService({
    clock,
    client: deps.updates?.client ?? null,
    unsupportedMessage: deps.updates?.unsupportedMessage ?? noSelfUpdateMessage('unpackaged'),
    enabled: () => core.preferences().checkForUpdates,
    onPreferencesChanged: (listener) => core.events.settings.subscribe(() => listener()),
    onReady: (version) =>
      notify(`Ticker ${version} is ready`, 'It installs when you quit Ticker. Click to restart now.', () => {
        try {
          restartToUpdate();
        } catch {
          // Already on its way, or gone: nothing to do.
        }
      }),
    onManualResult: (status: UpdateStatus) => {
      if (status.state !== 'ready') notify('Ticker updates', updateStatusText(status, pkg.version));
    },
    log: (level, message) => log[level](message),
  });
  // The tray's own items (updates, a stopped strip) and the settings window follow these.
  const shellChanged = new Signal<void>();
  const stopUpdateEvents = updates.changed.subscribe((status) => {
    core.events.update.emit(status);
    shellChanged.emit();
  });
  const stopRecoveryEvents = stripRecovery.changed.subscribe(() => shellChanged.emit());
  const openLogFolder = async (): Promise<void> => {
    if (log.folder === null) throw new TickerError('not-found', 'The log is written to the console only in this run.');
    const problem = await electron.shell.openPath(log.folder);
    if (problem) throw new TickerError('internal', `Could not open the log folder: ${problem}`);
  };
  const about = () =>
    aboutInfo({
      pkg,
      versions,
      thirdParty: parseThirdPartyLicences(readText(join(paths.rendererDir, THIRD_PARTY_LICENCES_FILE))),
      logFolder: log.folder,
      update: updates.status(),
    });
  try {
    app.setAboutPanelOptions(aboutPanelOptions({ ...about(), thirdParty: null }, join(paths.resourcesDir, 'icon.png')));
  } catch (error) {
    log.warn('[app] could not set the about panel:', error);
  }

  const card = new CardWindow({ createWindow, screen: electron.screen, registry, platform });
  const ipc = serveAppIpc({
    ipcMain: electron.ipcMain,
    screen: electron.screen,
    clipboard: electron.clipboard,
    core,
    registry,
    isOurPage,
    openSettings,
    openLink,
    itemActions,
    strip: stripOf,
    shortcuts: () => shortcuts.status(),
    settingsTransfer,
    economy: () => economy.current(),
    card,
    appShell: {
      getAbout: () => about(),
      checkForUpdates: () => updates.checkNow(),
      restartToUpdate: () => {
        restartToUpdate();
        return null;
      },
      openLogFolder: async () => {
        await openLogFolder();
        return null;
      },
    },
  });

  // Sessions of the watched markets: the strip hides while all are closed (if the user wants),
  // the tray tells when the next one opens.
  const marketWatch = new MarketWatch({ clock });
  marketWatch.changed.subscribe((state) => strip.setMarketsClosed(state.allClosed));
  marketWatch.setSymbols(core.symbols());
  const stopFollowingSettings = core.events.settings.subscribe((next) => {
    strip.apply(next.preferences);
    secondStrip.apply(next);
    marketWatch.setSymbols(next.symbols);
  });
  const stopFollowingLoginItem = followLaunchAtLogin({ app, platform, execPath: deps.launchExecPath, core });

  const actions = createTrayActions({
    core,
    openSettings,
    quit: () => void quit(),
    run,
    shell: {
      updateItem: () => {
        if (updates.ready()) run('restart to update', async () => restartToUpdate());
        else void updates.checkNow();
      },
      openLogFolder: () => run('open the log folder', openLogFolder),
      reloadStrip: () => stripRecovery.reload(),
    },
  });
  const shortcuts = new GlobalShortcuts({
    globalShortcut: electron.globalShortcut,
    actions: {
      toggleStrips: () => actions.setStripHidden(!core.preferences().hidden),
      togglePause: () => actions.setPaused(!core.preferences().paused),
      togglePrivacy: () => actions.setPrivacy(!core.preferences().privacy),
    },
    notify: (notice) => core.notify(notice),
  });
  shortcuts.apply(core.preferences());
  const stopFollowingShortcuts = core.events.settings.subscribe((next) => shortcuts.apply(next.preferences));
  const tray = new TrayController({
    createTray: (icon) => new electron.Tray(icon),
    buildMenu: (template) => electron.Menu.buildFromTemplate(template),
    loadIcon: (state) => electron.nativeImage.createFromPath(trayIconPath(paths.resourcesDir, state, platform)),
    core,
    screen: electron.screen,
    actions,
    maxSymbols: settings.maxSymbols,
    marketWatch,
    recentAlerts: alerts.recentAlerts,
    portfolio: { current: () => core.portfolio(), changed: core.events.portfolio },
    shell: {
      current: () => ({ update: trayUpdateItem(updates.status()), stripStopped: stripRecovery.stopped() }),
      changed: shellChanged,
    },
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

  const quit = createQuitSequence({
    beforeStop: [
      stopReconnectTriggers,
      stopFollowingSystemTheme,
      () => drawing.stop(),
      () => economy.stop(),
      stopFollowingSettings,
      stopFollowingLoginItem,
      stopFollowingShortcuts,
      () => shortcuts.dispose(),
      () => marketWatch.stop(),
      alerts.stop,
      ipc.dispose,
      () => updates.stop(),
      stopUpdateEvents,
      stopRecoveryEvents,
    ],
    stopCore: () => core.stop(),
    afterStop: [
      stopForwarding,
      () => tray.destroy(),
      () => card.destroy(),
      () => strip.destroy(),
      () => secondStrip.destroy(),
      () => settingsWindow.close(),
      stopLogging,
    ],
    exit: () => {
      // A downloaded update installs now that the feed has closed (and starts, after "Restart to update").
      updates.installOnExit(relaunchAfterUpdate);
      app.exit(0);
    },
    clock,
    timeoutMs: deps.quitTimeoutMs ?? QUIT_TIMEOUT_MS,
  });
  // Quitting from the OS (Cmd-Q, log out) goes through the same clean close.
  app.on('before-quit', (event) => {
    event.preventDefault();
    void quit();
  });

  if (needsAttention) settingsWindow.open();
  core.start();
  updates.start();
  return {
    core,
    strip,
    secondStrip,
    settingsWindow,
    tray,
    registry,
    handlers: ipc.handlers,
    quit,
    updates,
    stripRecovery,
  };
}
