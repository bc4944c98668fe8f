/**
 * electron-updater behind the UpdateClient seam: the updater for this kind of install (AppImage,
 * NSIS, the macOS zip), its events turned into UpdateClientEvents and its errors into a sentence.
 * It reads the feed from resources/app-update.yml (written by electron-builder from the `publish`
 * configuration) and asks through Electron's net. Nothing here decides when to check.
 */
import electronUpdater from 'electron-updater';
import type { AppUpdater, ProgressInfo, UpdateInfo } from 'electron-updater';
import { Signal } from '../../shared/signal';
import type { AppLog } from '../shell/app-log';
import type { UpdateClient, UpdateClientEvent } from './update-service';

export interface ElectronUpdateClientOptions {
  kind: 'appimage' | 'nsis' | 'mac';
  log: Pick<AppLog, 'warn' | 'error'>;
  /** Another app-update.yml than the packaged one (tests point it at a local feed). */
  configPath?: string;
}

const MAX_DETAIL = 200;

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function statusCodeOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

const UNREACHABLE =
  /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH)\b|net::ERR_[A-Z_]+/;

/** An updater error as a short sentence that says what went wrong (no stack, no headers). */
export function describeUpdateError(error: unknown): string {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  const status = statusCodeOf(error);
  const unreachable = (code && UNREACHABLE.test(code) ? code : null) ?? UNREACHABLE.exec(message)?.[0] ?? null;
  if (unreachable) return `the update server could not be reached (${unreachable}).`;
  if (
    code === 'ERR_UPDATER_INVALID_UPDATE_INFO' ||
    code === 'ERR_UPDATER_INVALID_VERSION' ||
    code === 'ERR_UPDATER_NO_FILES_PROVIDED' ||
    (error as { name?: unknown } | null)?.name === 'YAMLException'
  )
    return 'the update information on the server could not be read (it is malformed).';
  if (code === 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' || status === 404)
    return 'the update server has no update information for this system (HTTP 404).';
  if (status !== undefined) return `the update server answered HTTP ${status}.`;
  if (/sha512 checksum mismatch|ERR_CHECKSUM_MISMATCH/i.test(message) || code === 'ERR_CHECKSUM_MISMATCH')
    return 'the downloaded update did not match its checksum and was discarded.';
  const firstLine = message.split('\n')[0]?.trim() || 'unknown error';
  return firstLine.length > MAX_DETAIL ? `${firstLine.slice(0, MAX_DETAIL - 1)}…` : firstLine;
}

function makeUpdater(kind: ElectronUpdateClientOptions['kind']): AppUpdater {
  switch (kind) {
    case 'appimage':
      return new electronUpdater.AppImageUpdater();
    case 'nsis':
      return new electronUpdater.NsisUpdater();
    case 'mac':
      return new electronUpdater.MacUpdater();
  }
}

export function createElectronUpdateClient(options: ElectronUpdateClientOptions): UpdateClient {
  const updater = makeUpdater(options.kind);
  const events = new Signal<UpdateClientEvent>();
  // Its own lines go to our log (which removes secrets); our service logs the state changes.
  updater.logger = {
    info: () => {},
    warn: (message?: unknown) => options.log.warn(`[updater] ${String(message)}`),
    error: (message?: unknown) => options.log.error(`[updater] ${String(message)}`),
    debug: () => {},
  };
  updater.autoDownload = true;
  // The quit sequence installs a downloaded update once the feed has closed (UpdateService.installOnExit).
  // On macOS Squirrel downloads only with this on, and installs at exit by itself.
  updater.autoInstallOnAppQuit = options.kind === 'mac';
  updater.allowPrerelease = false;
  updater.allowDowngrade = false;
  if (options.configPath) updater.updateConfigPath = options.configPath;

  updater.on('checking-for-update', () => events.emit({ type: 'checking' }));
  updater.on('update-not-available', () => events.emit({ type: 'not-available' }));
  updater.on('update-available', (info: UpdateInfo) => events.emit({ type: 'available', version: info.version }));
  updater.on('download-progress', (progress: ProgressInfo) =>
    events.emit({ type: 'progress', percent: progress.percent }),
  );
  updater.on('update-downloaded', (info: UpdateInfo) => events.emit({ type: 'downloaded', version: info.version }));
  updater.on('error', (error: unknown) => events.emit({ type: 'error', message: describeUpdateError(error) }));

  return {
    events,
    check: async () => {
      const result = await updater.checkForUpdates();
      // The download runs on; its outcome comes as events (update-downloaded or error).
      result?.downloadPromise?.catch(() => {});
    },
    install: (relaunch) => {
      if (updater instanceof electronUpdater.BaseUpdater) return updater.install(!relaunch, relaunch);
      // macOS: Squirrel installs when the app exits; asked to, it starts the new version after.
      if (relaunch) updater.quitAndInstall();
      return true;
    },
  };
}
