/**
 * Keeps the OS login item in step with the "launch at login" preference: applied once at start and
 * again whenever the preference changes (not on every settings change).
 */
import { join } from 'node:path';
import type { App } from 'electron';
import type { TickerCore } from '../../engine/core/ticker-core';
import { applyLaunchAtLogin } from './launch-at-login';

export interface LoginItemFollowerDeps {
  app: Pick<App, 'isPackaged' | 'setLoginItemSettings' | 'getPath'>;
  platform: NodeJS.Platform;
  /** What to start at login on Linux. */
  execPath: string;
  core: Pick<TickerCore, 'preferences' | 'events'>;
}

/** Start following; returns the function that stops it. */
export function followLaunchAtLogin({ app, platform, execPath, core }: LoginItemFollowerDeps): () => void {
  const apply = (enabled: boolean): void => {
    // Registering the development Electron binary as a login item would surprise anyone.
    if (!app.isPackaged) return;
    applyLaunchAtLogin(enabled, {
      platform,
      setLoginItemSettings: (loginItem) => app.setLoginItemSettings(loginItem),
      autostartDir: join(app.getPath('appData'), 'autostart'),
      execPath,
    });
  };
  let enabled = core.preferences().launchAtLogin;
  apply(enabled);
  return core.events.settings.subscribe((next) => {
    if (next.preferences.launchAtLogin === enabled) return;
    enabled = next.preferences.launchAtLogin;
    apply(enabled);
  });
}
