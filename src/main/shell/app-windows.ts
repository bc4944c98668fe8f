/**
 * The app's windows: the two strips (each seeing only its own list, reloaded when its page crashes),
 * the settings window and the symbol card, all painted in the OS's light or dark mode as it changes.
 */
import type * as Electron from 'electron';
import type { Clock } from '../../shared/clock';
import { stripList } from '../../shared/second-strip';
import type { TickerCore } from '../../engine/core/ticker-core';
import type { AppLog } from './app-log';
import { appPageLocation, appWindowFactory, type AppPagesLocation, type CreateAppWindow } from './app-window';
import { CardWindow } from './card-window';
import type { ItemStrip } from './item-actions';
import { SecondStripWindow } from './second-strip-window';
import { SettingsWindow, type OpenSettingsOptions } from './settings-window';
import type { MemoryFile } from './settings-window-memory';
import { StripRecovery } from './strip-recovery';
import { StripView, type StripRole } from './strip-view';
import { TickerWindow } from './ticker-window';
import type { WindowRegistry } from './window-registry';

export interface AppWindowsDeps {
  electron: Pick<typeof Electron, 'BrowserWindow' | 'nativeTheme' | 'screen'>;
  paths: AppPagesLocation & { preload: string };
  platform: NodeJS.Platform;
  clock: Clock;
  core: TickerCore;
  registry: WindowRegistry;
  log: Pick<AppLog, 'error' | 'warn' | 'info'>;
  /** Where the settings window keeps its size and last category (default: nowhere). */
  settingsMemory?: MemoryFile;
}

export interface AppWindows {
  strip: TickerWindow;
  secondStrip: SecondStripWindow;
  settingsWindow: SettingsWindow;
  card: CardWindow;
  stripRecovery: StripRecovery;
  openSettings(options?: OpenSettingsOptions): void;
  /** A strip's list and window, for its item actions. */
  stripOf(role: StripRole): ItemStrip;
  /** Stop following the OS's light or dark mode. */
  stopFollowingSystemTheme(): void;
}

export function openAppWindows(deps: AppWindowsDeps): AppWindows {
  const { electron, paths, platform, clock, core, registry, log } = deps;
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
    showTarget: (target) => core.events.showSettings.emit(target),
    ...(deps.settingsMemory ? { memory: deps.settingsMemory } : {}),
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
  return {
    strip,
    secondStrip,
    settingsWindow,
    card: new CardWindow({ createWindow, screen: electron.screen, registry, platform }),
    stripRecovery,
    openSettings: (options) => settingsWindow.open(options),
    stripOf: (role) => {
      return {
        list: () =>
          stripList(role, { shownListId: core.shownListId(), secondStrip: core.secondStrip(), lists: core.lists() }),
        window: () => (role === 'first' ? strip.browserWindow() : secondStrip.browserWindow()),
      };
    },
    stopFollowingSystemTheme: () => void electron.nativeTheme.removeListener('updated', onSystemTheme),
  };
}
