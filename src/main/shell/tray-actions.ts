/**
 * What the tray menu's clicks do: each is a core handler or a settings window, run so that a refusal
 * becomes a notice.
 */
import type { TickerCore } from '../../engine/core/ticker-core';
import type { RunAction } from './action-runner';
import type { OpenSettingsOptions } from './settings-window';
import type { TrayMenuActions } from './tray-menu';

export interface TrayActionsDeps {
  core: Pick<TickerCore, 'handlers' | 'shownListId'>;
  openSettings(options?: OpenSettingsOptions): void;
  quit(): void;
  run: RunAction;
  /** The shell's own items: updates, the log folder, a stopped strip. */
  shell?: Pick<TrayMenuActions, 'updateItem' | 'openLogFolder' | 'reloadStrip'>;
}

export function createTrayActions({ core, openSettings, quit, run, shell }: TrayActionsDeps): TrayMenuActions {
  const { handlers } = core;
  return {
    removeSymbol: (symbol) => run(`remove ${symbol}`, () => handlers.removeFromList(core.shownListId(), symbol)),
    showList: (listId) => run('switch the watch list', () => handlers.showList(listId)),
    addSymbol: () => openSettings({ focusAddSymbol: true }),
    setPaused: (paused) => run(paused ? 'pause' : 'resume', () => handlers.setPaused(paused)),
    setAlwaysOnTop: (alwaysOnTop) => run('change always on top', () => handlers.setPreferences({ alwaysOnTop })),
    setClickThrough: (clickThrough) => run('change click-through', () => handlers.setPreferences({ clickThrough })),
    setStripHidden: (hidden) =>
      run(hidden ? 'hide the strip' : 'show the strip', () => handlers.setPreferences({ hidden })),
    setWhenMarketsClosed: (whenMarketsClosed) =>
      run('show the strip', () => handlers.setPreferences({ whenMarketsClosed })),
    setPosition: (position) => run('move the strip', () => handlers.setPreferences({ position })),
    setDisplay: (displayId) => run('move the strip', () => handlers.setPreferences({ displayId })),
    setLaunchAtLogin: (launch) =>
      run('change launch at login', () => handlers.setPreferences({ launchAtLogin: launch })),
    setPrivacy: (privacy) => run(privacy ? 'hide amounts' : 'show amounts', () => handlers.setPreferences({ privacy })),
    openSettings: () => openSettings(),
    openAlerts: () => openSettings({ focusAlert: '' }),
    setSecondStripShown: (shown) =>
      run(shown ? 'show the second strip' : 'hide the second strip', () => handlers.setSecondStrip({ enabled: shown })),
    showListOnSecondStrip: (listId) => run('switch the second strip’s list', () => handlers.setSecondStrip({ listId })),
    openAbout: () => openSettings({ showAbout: true }),
    openRelay: () => openSettings({ target: { category: 'relay' } }),
    ...shell,
    quit,
  };
}
