/**
 * The real entry of the desktop app: Electron's own modules, the electron-store settings file and
 * the real core, handed to startApp. Nothing here runs outside Electron's main process.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as electron from 'electron';
import { createTickerCore } from './core/create-ticker-core';
import { createElectronSettingsStore } from './settings/electron-settings-store';
import { startApp, type StartAppDeps } from './ui/start-app';

export { startApp } from './ui/start-app';

/** The real dependencies; `mainDir` is the folder of the built main bundle (out/main). */
export function electronStartDeps(mainDir: string, env: NodeJS.ProcessEnv = process.env): StartAppDeps {
  const devServerUrl = !electron.app.isPackaged ? env.ELECTRON_RENDERER_URL : undefined;
  return {
    electron,
    paths: {
      preload: join(mainDir, '../preload/index.cjs'),
      rendererDir: join(mainDir, '../renderer'),
      resourcesDir: join(mainDir, '../../resources'),
      ...(devServerUrl ? { devServerUrl } : {}),
    },
    platform: process.platform,
    createSettingsStore: () => createElectronSettingsStore(),
    createCore: (settings) => createTickerCore({ settings }),
    launchExecPath: env.APPIMAGE ?? process.execPath,
  };
}

// Start only inside Electron's main process (never when a test or a tool imports this module).
if (process.versions.electron !== undefined && process.type === 'browser') {
  startApp(electronStartDeps(dirname(fileURLToPath(import.meta.url)))).catch((error: unknown) => {
    console.error('[app] could not start:', error);
    electron.app.exit(1);
  });
}
