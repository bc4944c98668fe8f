/**
 * The composition of the desktop app: Electron's modules come in as arguments (the real ones from
 * src/main/index.ts, a mock in tests), the core is made by an injected factory, and this wires them:
 * single instance → settings → core → IPC → strip, tray and settings window → start.
 */
import { join } from 'node:path';
import type * as Electron from 'electron';
import { systemClock, type Clock } from '../../shared/clock';
import type { InvokeHandlers } from '../../shared/ipc-contract';
import type { Notice } from '../../shared/types';
import type { ShortcutStatus } from '../../shared/shortcuts';
import { appLinkRules } from '../../shared/external-links';
import type { TickerCore } from '../../engine/core/ticker-core';
import type { KeyValueStore } from '../../engine/settings/key-value-store';
import { openSettingsStore, settingsFilePath } from '../../engine/settings/open-store';
import { createSettings, type Settings } from '../../engine/settings/settings';
import { isAppPageUrl } from '../ipc/sender-check';
import type { UpdateClient, UpdateService } from '../updates/update-service';
import { aboutPanelOptions, packageInfo, type PackageInfo } from './about';
import { createActionRunner, type RunAction } from './action-runner';
import { showAlertNotifications } from './alert-notifications';
import { serveAppIpc } from './app-ipc';
import { createConsoleLog, type AppLog } from './app-log';
import { startTray } from './app-tray';
import { readText, wireUpdates, type AboutVersions, type AppUpdates } from './app-updates';
import type { AppPagesLocation } from './app-window';
import { openAppWindows, type AppWindows } from './app-windows';
import { applicationMenuTemplate } from './application-menu';
import { followEconomy, type EconomyFollower } from './economy-follower';
import { createItemActions } from './item-actions';
import { followIntoLog } from './log-follower';
import { createQuitSequence } from './quit-sequence';
import { watchReconnectTriggers } from './reconnect-triggers';
import type { SecondStripWindow } from './second-strip-window';
import type { SettingsWindow } from './settings-window';
import { settingsTransferHandlers } from './settings-transfer-dialogs';
import { settingsWindowMemoryFile } from './settings-window-memory';
import type { StripRecovery } from './strip-recovery';
import type { TickerWindow } from './ticker-window';
import type { TrayController } from './tray';
import { createLinkOpener, hardenSession, hardenWebContents } from './web-security';
import { watchDrawing, type WatchedStrip } from './watch-drawing';
import { WindowRegistry, forwardCoreEvents } from './window-registry';

/** The Electron modules the shell uses. */
type ElectronModules = Pick<
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

interface AppPaths extends AppPagesLocation {
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

/**
 * Windows shows a program's notifications under this id; it is the installer's appId (package.json's
 * build.appId, which a test holds it to).
 */
const APP_USER_MODEL_ID = 'io.github.ticker_desktop.Ticker';

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

const QUIT_TIMEOUT_MS = 3_000;

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

/** The settings, then the core on them, then the log (which never sees the key or the relay token). */
function openCore(
  deps: StartAppDeps,
  clock: Clock,
): { settings: Settings; core: TickerCore; log: AppLog; stopLogging(): void } {
  const now = (): number => clock.now();
  const opened = openSettingsStore({
    createStore: deps.createSettingsStore,
    filePath: settingsFilePath(deps.electron.app.getPath('userData')),
    now,
  });
  const settings = createSettings({
    store: opened.store,
    safeStorage: deps.electron.safeStorage,
    platform: deps.platform,
    now,
  });
  const core = deps.createCore(settings);
  if (opened.notice) core.notify(noticeParts(opened.notice));
  const log = deps.log ?? createConsoleLog();
  // The key and the relay token never reach the log: every message is cleaned of them at the sink.
  log.setSecrets(() => [settings.key.plain(), settings.relay.tokenIfMade()]);
  return { settings, core, log, stopLogging: followIntoLog({ core, log }) };
}

/** The Dock, the application menu (no developer items when packaged) and Windows' notification id. */
function setUpApp(electron: ElectronModules, platform: NodeJS.Platform, pkg: PackageInfo): void {
  const { app } = electron;
  // No Dock icon: Ticker lives in the menu bar.
  if (platform === 'darwin') app.dock?.hide();
  const menu = applicationMenuTemplate({ platform, isPackaged: app.isPackaged, appName: pkg.name });
  electron.Menu.setApplicationMenu(menu ? electron.Menu.buildFromTemplate(menu) : null);
  // Windows shows notifications only for an app with an id (the installer registers the same one).
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
}

/** The only way to the system browser: links the app builds (the chart links from the saved template). */
function linkOpener(
  electron: ElectronModules,
  core: TickerCore,
  pkg: PackageInfo,
): ReturnType<typeof createLinkOpener> {
  return createLinkOpener({
    openExternal: (url) => electron.shell.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK: createLinkOpener lets only https links the app builds through (src/shared/external-links.ts)
    rules: () =>
      appLinkRules(core.preferences().chartUrlTemplate, pkg.homepage ? [pkg.homepage] : [], () =>
        core.currentHeadlines(),
      ),
  });
}

interface IpcParts {
  electron: ElectronModules;
  core: TickerCore;
  settings: Settings;
  registry: WindowRegistry;
  isOurPage(url: string): boolean;
  windows: AppWindows;
  openLink: ReturnType<typeof createLinkOpener>;
  run: RunAction;
  economy: Pick<EconomyFollower, 'current'>;
  shell: AppUpdates;
  shortcuts(): ShortcutStatus[];
  clock: Clock;
}

/** Every window's channels: the core's handlers, and the shell's (menus, dialogs, About, updates). */
function serveIpc(parts: IpcParts): ReturnType<typeof serveAppIpc> {
  const { electron, core, windows, openLink, run, shell } = parts;
  const { openSettings } = windows;
  return serveAppIpc({
    ipcMain: electron.ipcMain,
    screen: electron.screen,
    clipboard: electron.clipboard,
    core,
    registry: parts.registry,
    isOurPage: parts.isOurPage,
    openSettings,
    rememberCategory: (category) => windows.settingsWindow.rememberCategory(category),
    openLink,
    itemActions: createItemActions({
      core,
      clipboard: electron.clipboard,
      Menu: electron.Menu,
      openLink,
      openSettings,
      run,
    }),
    strip: windows.stripOf,
    shortcuts: parts.shortcuts,
    settingsTransfer: settingsTransferHandlers({
      dialog: electron.dialog,
      parentWindow: () => windows.settingsWindow.current(),
      settings: parts.settings,
      documentsDir: () => electron.app.getPath('documents'),
      now: () => parts.clock.now(),
    }),
    economy: () => parts.economy.current(),
    card: windows.card,
    appShell: {
      getAbout: () => shell.about(),
      checkForUpdates: () => shell.updates.checkNow(),
      restartToUpdate: () => {
        shell.restartToUpdate();
        return null;
      },
      openLogFolder: async () => {
        await shell.openLogFolder();
        return null;
      },
    },
  });
}

/**
 * What follows the screen: alert notifications (a click opens the settings at the rule); quiet when
 * nobody is looking (no scrolling and no quote batches while the screen is locked, the system sleeps
 * or no strip is on screen; the feed keeps the store current meanwhile); economy (fewer pictures a
 * second from the scrolling strips, always or on battery power); reconnecting when the system wakes.
 */
function followScreens(parts: {
  electron: ElectronModules;
  core: TickerCore;
  settings: Settings;
  registry: WindowRegistry;
  windows: AppWindows;
  clock: Clock;
}) {
  const { electron, core, registry, windows, clock } = parts;
  return {
    notifications: showAlertNotifications({
      notifications: {
        createNotification: (content) => new electron.Notification(content),
        isSupported: () => electron.Notification.isSupported(),
      },
      core,
      alerts: parts.settings.alerts,
      openSettings: windows.openSettings,
      clock,
    }),
    drawing: watchDrawing({
      powerMonitor: electron.powerMonitor,
      strips: new Map<string, WatchedStrip>([
        ['first', windows.strip],
        ['second', windows.secondStrip],
      ]),
      core,
      registry,
    }),
    economy: followEconomy({ powerMonitor: electron.powerMonitor, core, registry, clock }),
    // Back from sleep, or the network back: reconnect now rather than after the backoff.
    stopReconnectTriggers: watchReconnectTriggers({
      powerMonitor: electron.powerMonitor,
      isOnline: () => electron.net.isOnline(),
      reconnectNow: () => core.reconnectNow(),
    }),
  };
}

/** The clean quit: stop what follows the core, stop the core (within the timeout), close windows, exit. */
function quitSequence(parts: {
  deps: StartAppDeps;
  clock: Clock;
  core: TickerCore;
  beforeStop: (() => void)[];
  afterStop: (() => void)[];
  shell: AppUpdates;
}): () => Promise<void> {
  const { deps, shell } = parts;
  return createQuitSequence({
    beforeStop: parts.beforeStop,
    stopCore: () => parts.core.stop(),
    afterStop: parts.afterStop,
    exit: () => {
      // A downloaded update installs now that the feed has closed (and starts, after "Restart to update").
      shell.updates.installOnExit(shell.relaunchRequested());
      deps.electron.app.exit(0);
    },
    clock: parts.clock,
    timeoutMs: deps.quitTimeoutMs ?? QUIT_TIMEOUT_MS,
  });
}

/** Lock the default session down to the app's own pages; says whether a URL is one of them. */
function guardPages(electron: ElectronModules, paths: AppPaths): (url: string) => boolean {
  const isOurPage = (url: string): boolean => isAppPageUrl(url, paths);
  hardenSession(electron.session.defaultSession, {
    isAppPageUrl: isOurPage,
    ...(paths.devServerUrl ? { devServerUrl: paths.devServerUrl } : {}),
  });
  return isOurPage;
}

/** The OS's own About panel (macOS, Linux) shows the same facts as the settings window's About. */
function setAboutPanel(app: ElectronModules['app'], shell: AppUpdates, resourcesDir: string, log: AppLog): void {
  try {
    app.setAboutPanelOptions(aboutPanelOptions({ ...shell.about(), thirdParty: null }, join(resourcesDir, 'icon.png')));
  } catch (error) {
    log.warn('[app] could not set the about panel:', error);
  }
}

/**
 * Problems with what the user saved open the settings window at start. A shortcut another program
 * holds does not: the settings say so, and reopening on every launch would only nag.
 */
function savedSettingsNeedAttention(core: TickerCore): boolean {
  return core.pendingNotices().some((notice) => notice.level !== 'info');
}

function wire(deps: StartAppDeps, clock: Clock): RunningApp {
  const { electron, paths, platform } = deps;
  const { app } = electron;
  const { settings, core, log, stopLogging } = openCore(deps, clock);
  const pkg = deps.packageInfo ?? shippedPackageInfo(app);
  setUpApp(electron, platform, pkg);
  const needsAttention = savedSettingsNeedAttention(core);
  const run = createActionRunner((notice) => core.notify(notice));
  const openLink = linkOpener(electron, core, pkg);
  const isOurPage = guardPages(electron, paths);

  const registry = new WindowRegistry();
  const stopForwarding = forwardCoreEvents(core.events, registry);
  const settingsMemory = settingsWindowMemoryFile(electron.app.getPath('userData'), (message, ...details) =>
    log.warn(message, ...details),
  );
  const windows = openAppWindows({ electron, paths, platform, clock, core, registry, log, settingsMemory });
  const { strip, secondStrip, settingsWindow, stripRecovery } = windows;
  const screens = followScreens({ electron, core, settings, registry, windows, clock });
  const { notifications, drawing, economy, stopReconnectTriggers } = screens;
  const shell = wireUpdates({
    electron,
    clock,
    core,
    log,
    pkg,
    versions: deps.versions ?? process.versions,
    rendererDir: paths.rendererDir,
    stripRecovery,
    ...(deps.updates ? { updates: deps.updates } : {}),
    quit: () => void quit(),
  });
  setAboutPanel(app, shell, paths.resourcesDir, log);

  const ipc = serveIpc({
    electron,
    core,
    settings,
    registry,
    isOurPage,
    windows,
    openLink,
    run,
    economy,
    shell,
    shortcuts: () => tray.shortcuts.status(),
    clock,
  });

  const tray = startTray({
    electron,
    platform,
    resourcesDir: paths.resourcesDir,
    launchExecPath: deps.launchExecPath,
    clock,
    core,
    windows,
    maxSymbols: settings.maxSymbols,
    recentAlerts: notifications.recentAlerts,
    run,
    quit: () => void quit(),
    shell,
  });

  // Starting Ticker again shows it: the settings window, or the strips when they are hidden.
  app.on('second-instance', () => {
    if (!settingsWindow.isOpen() && core.preferences().hidden) tray.actions.setStripHidden(false);
    else settingsWindow.open();
  });

  const quit = quitSequence({
    deps,
    clock,
    core,
    beforeStop: [
      stopReconnectTriggers,
      windows.stopFollowingSystemTheme,
      () => drawing.stop(),
      () => economy.stop(),
      tray.stopFollowing,
      notifications.stop,
      ipc.dispose,
      shell.stop,
    ],
    afterStop: [
      stopForwarding,
      () => tray.tray.destroy(),
      () => windows.card.destroy(),
      () => strip.destroy(),
      () => secondStrip.destroy(),
      () => settingsWindow.close(),
      stopLogging,
    ],
    shell,
  });
  // Quitting from the OS (Cmd-Q, log out) goes through the same clean close.
  app.on('before-quit', (event) => {
    event.preventDefault();
    void quit();
  });

  if (needsAttention) settingsWindow.open();
  core.start();
  shell.updates.start();
  return {
    core,
    strip,
    secondStrip,
    settingsWindow,
    tray: tray.tray,
    registry,
    handlers: ipc.handlers,
    quit,
    updates: shell.updates,
    stripRecovery,
  };
}
