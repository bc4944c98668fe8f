/**
 * The real entry of the desktop app: Electron's own modules, the electron-store settings file and
 * the real core, handed to startApp. Nothing here runs outside Electron's main process.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as electron from 'electron';
import { createTickerCore } from '../engine/core/create-ticker-core';
import { checkEndpointUrl, REST_SCHEMES, WS_SCHEMES } from '../engine/feed/endpoint-url';
import { createElectronSettingsStore } from './shell/electron-settings-store';
import { proxySwitches, systemNetwork } from './shell/system-network';
import { startApp, type StartAppDeps } from './shell/start-app';

export { startApp } from './shell/start-app';

/**
 * FINNHUB_WS_URL / FINNHUB_REST_URL, as the headless command reads them, for an unpackaged app only
 * (development, and tests against a local server); an installed app always talks to Finnhub.
 */
export function finnhubEndpoints(env: NodeJS.ProcessEnv, isPackaged: boolean): { wsUrl?: string; restUrl?: string } {
  if (isPackaged) return {};
  const endpoints: { wsUrl?: string; restUrl?: string } = {};
  const ws = env.FINNHUB_WS_URL?.trim();
  const rest = env.FINNHUB_REST_URL?.trim();
  for (const [key, name, raw, schemes] of [
    ['wsUrl', 'FINNHUB_WS_URL', ws, WS_SCHEMES],
    ['restUrl', 'FINNHUB_REST_URL', rest, REST_SCHEMES],
  ] as const) {
    if (!raw) continue;
    const checked = checkEndpointUrl(name, raw, schemes);
    if ('url' in checked) endpoints[key] = checked.url;
    else console.warn(`[app] ignored: ${checked.problem}`);
  }
  return endpoints;
}

/** The real dependencies; `mainDir` is the folder of the built main bundle (out/main). */
export function electronStartDeps(mainDir: string, env: NodeJS.ProcessEnv = process.env): StartAppDeps {
  const devServerUrl = !electron.app.isPackaged ? env.ELECTRON_RENDERER_URL : undefined;
  const endpoints = finnhubEndpoints(env, electron.app.isPackaged);
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
    // REST and the websocket go out the way the system's proxy settings and certificates say.
    createCore: (settings) =>
      createTickerCore({
        settings,
        ...endpoints,
        ...systemNetwork({ net: electron.net, session: electron.session.defaultSession }),
      }),
    launchExecPath: env.APPIMAGE ?? process.execPath,
  };
}

// Start only inside Electron's main process (never when a test or a tool imports this module).
if (process.versions.electron !== undefined && process.type === 'browser') {
  // Before the app is ready: Chromium reads its proxy settings once, at start.
  for (const [name, value] of proxySwitches(process.env)) electron.app.commandLine.appendSwitch(name, value);
  startApp(electronStartDeps(dirname(fileURLToPath(import.meta.url)))).catch((error: unknown) => {
    console.error('[app] could not start:', error);
    electron.app.exit(1);
  });
}
