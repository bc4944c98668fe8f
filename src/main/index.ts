/**
 * The real entry of the desktop app: Electron's own modules, the electron-store settings file and
 * the real core, handed to startApp. Nothing here runs outside Electron's main process.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as electron from 'electron';
import { createTickerCore } from '../engine/core/create-ticker-core';
import { CONTEXT_CACHE_FILE, jsonFileStore } from '../engine/context/json-file-store';
import { ALERT_HISTORY_FILE, alertHistoryFile } from '../engine/alerts/alert-history-file';
import { checkEndpointUrl, REST_SCHEMES, WS_SCHEMES } from '../engine/feed/endpoint-url';
import { createConsoleLog, createFileLog, routeConsoleToLog, type AppLog } from './shell/app-log';
import { catchMainErrors } from './shell/crash-recovery';
import { createElectronSettingsStore } from './shell/electron-settings-store';
import { proxySwitches, systemNetwork } from './shell/system-network';
import { startApp, type StartAppDeps } from './shell/start-app';
import { createElectronUpdateClient } from './updates/electron-update-client';
import { installKind, noSelfUpdateMessage, updatesItself } from './updates/install-kind';

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

/** resources/package-type, which electron-builder writes into Linux packages (deb, rpm, pacman). */
function readPackageType(resourcesPath: string | undefined): string | null {
  if (!resourcesPath) return null;
  try {
    return readFileSync(join(resourcesPath, 'package-type'), 'utf8');
  } catch {
    return null;
  }
}

/** How this copy updates: electron-updater for the AppImage, NSIS and the macOS zip; a sentence otherwise. */
export function updatesFor(env: NodeJS.ProcessEnv, log: AppLog): NonNullable<StartAppDeps['updates']> {
  const kind = installKind({
    isPackaged: electron.app.isPackaged,
    platform: process.platform,
    env,
    packageType: readPackageType(process.resourcesPath),
  });
  if (!updatesItself(kind)) return { client: null, unsupportedMessage: noSelfUpdateMessage(kind) };
  try {
    return { client: createElectronUpdateClient({ kind, log }) };
  } catch (error) {
    log.error('[updates] the updater could not be made:', error);
    return { client: null, unsupportedMessage: 'Updates are unavailable: the updater could not start (see the log).' };
  }
}

/** The real dependencies; `mainDir` is the folder of the built main bundle (out/main). */
export function electronStartDeps(
  mainDir: string,
  env: NodeJS.ProcessEnv = process.env,
  log: AppLog = createConsoleLog(),
): StartAppDeps {
  const devServerUrl = !electron.app.isPackaged ? env.ELECTRON_RENDERER_URL : undefined;
  const endpoints = finnhubEndpoints(env, electron.app.isPackaged);
  return {
    log,
    updates: updatesFor(env, log),
    electron,
    paths: {
      preload: join(mainDir, '../preload/index.cjs'),
      rendererDir: join(mainDir, '../renderer'),
      resourcesDir: join(mainDir, '../../resources'),
      ...(devServerUrl ? { devServerUrl } : {}),
    },
    platform: process.platform,
    createSettingsStore: () => createElectronSettingsStore({ cwd: electron.app.getPath('userData') }),
    // REST and the websocket go out the way the system's proxy settings and certificates say.
    createCore: (settings) =>
      createTickerCore({
        settings,
        // Company names, ranges, earnings dates and headlines survive a restart.
        contextStore: jsonFileStore(join(electron.app.getPath('userData'), CONTEXT_CACHE_FILE)),
        alertHistory: alertHistoryFile(join(electron.app.getPath('userData'), ALERT_HISTORY_FILE)),
        ...endpoints,
        ...systemNetwork({ net: electron.net, session: electron.session.defaultSession }),
      }),
    launchExecPath: env.APPIMAGE ?? process.execPath,
  };
}

// Start only inside Electron's main process (never when a test or a tool imports this module).
if (process.versions.electron !== undefined && process.type === 'browser') {
  // The log first, so that everything after it, errors included, is in the file.
  const log = createFileLog({ folder: electron.app.getPath('logs') });
  routeConsoleToLog(log);
  log.info(`[app] Ticker ${electron.app.getVersion()} starting (Electron ${process.versions.electron})`);
  catchMainErrors({ process, log, show: (title, message) => electron.dialog.showErrorBox(title, message) });
  // Before the app is ready: Chromium reads its proxy settings once, at start.
  for (const [name, value] of proxySwitches(process.env)) electron.app.commandLine.appendSwitch(name, value);
  startApp(electronStartDeps(dirname(fileURLToPath(import.meta.url)), process.env, log)).catch((error: unknown) => {
    log.error('[app] could not start:', error);
    electron.dialog.showErrorBox('Ticker could not start', error instanceof Error ? error.message : String(error));
    electron.app.exit(1);
  });
}
