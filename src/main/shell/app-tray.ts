/**
 * The tray and what follows the settings in the shell: the markets watched for "all closed", the
 * strips' appearance, the global shortcuts and launch at login. The tray's clicks are core handlers
 * or windows; the shell's own items (updates, the log folder, a stopped strip) come in as `shell`.
 */
import type * as Electron from 'electron';
import type { Clock } from '../../shared/clock';
import type { TickerCore } from '../../engine/core/ticker-core';
import { MarketWatch } from '../../engine/market/market-watch';
import type { RecentAlerts } from '../../engine/alerts/recent-alerts';
import type { RunAction } from './action-runner';
import { GlobalShortcuts } from './global-shortcuts';
import { followLaunchAtLogin } from './login-item-follower';
import type { AppUpdates } from './app-updates';
import type { AppWindows } from './app-windows';
import { TrayController, trayIconPath } from './tray';
import { createTrayActions } from './tray-actions';
import { trayUpdateItem, type TrayMenuActions } from './tray-menu';

export interface AppTrayDeps {
  electron: Pick<typeof Electron, 'app' | 'Tray' | 'Menu' | 'nativeImage' | 'screen' | 'globalShortcut'>;
  platform: NodeJS.Platform;
  resourcesDir: string;
  launchExecPath: string;
  clock: Clock;
  core: TickerCore;
  windows: Pick<AppWindows, 'strip' | 'secondStrip' | 'openSettings' | 'stripRecovery'>;
  maxSymbols: number;
  recentAlerts: RecentAlerts;
  run: RunAction;
  quit(): void;
  /** Updates and the log folder. */
  shell: AppUpdates;
}

export interface AppTray {
  tray: TrayController;
  actions: TrayMenuActions;
  shortcuts: GlobalShortcuts;
  /** Stop following the settings (before the core stops). */
  stopFollowing(): void;
}

export function startTray(deps: AppTrayDeps): AppTray {
  const { electron, core, platform, run, shell } = deps;
  const { strip, secondStrip, stripRecovery } = deps.windows;
  // Sessions of the watched markets: the strip hides while all are closed (if the user wants),
  // the tray tells when the next one opens.
  const marketWatch = new MarketWatch({ clock: deps.clock });
  marketWatch.changed.subscribe((state) => strip.setMarketsClosed(state.allClosed));
  marketWatch.setSymbols(core.symbols());
  const stopFollowingSettings = core.events.settings.subscribe((next) => {
    strip.apply(next.preferences);
    secondStrip.apply(next);
    marketWatch.setSymbols(next.symbols);
  });
  const stopFollowingLoginItem = followLaunchAtLogin({
    app: electron.app,
    platform,
    execPath: deps.launchExecPath,
    core,
  });
  const actions = createTrayActions({
    core,
    openSettings: deps.windows.openSettings,
    quit: deps.quit,
    run,
    shell: {
      updateItem: () => {
        if (shell.updates.ready()) run('restart to update', async () => shell.restartToUpdate());
        else void shell.updates.checkNow();
      },
      openLogFolder: () => run('open the log folder', shell.openLogFolder),
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
    loadIcon: (state) => electron.nativeImage.createFromPath(trayIconPath(deps.resourcesDir, state, platform)),
    core,
    screen: electron.screen,
    actions,
    maxSymbols: deps.maxSymbols,
    marketWatch,
    recentAlerts: deps.recentAlerts,
    portfolio: { current: () => core.portfolio(), changed: core.events.portfolio },
    shell: {
      current: () => ({ update: trayUpdateItem(shell.updates.status()), stripStopped: stripRecovery.stopped() }),
      changed: shell.shellChanged,
    },
  });
  return {
    tray,
    actions,
    shortcuts,
    stopFollowing: () => {
      stopFollowingSettings();
      stopFollowingLoginItem();
      stopFollowingShortcuts();
      shortcuts.dispose();
      marketWatch.stop();
    },
  };
}
