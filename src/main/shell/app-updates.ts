/**
 * Updates, About and the log folder: a check soon after start and daily while the preference is on,
 * a notification when one is ready (a click restarts into it), and the About facts. `shellChanged`
 * tells the tray and the settings window that the shell's own state (an update, a stopped strip) moved.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Electron from 'electron';
import type { Clock } from '../../shared/clock';
import type { AboutInfo } from '../../shared/about';
import { TickerError } from '../../shared/ipc-contract';
import { Signal } from '../../shared/signal';
import { updateStatusText, type UpdateStatus } from '../../shared/update-status';
import type { TickerCore } from '../../engine/core/ticker-core';
import { noSelfUpdateMessage } from '../updates/install-kind';
import { UpdateService, type UpdateClient } from '../updates/update-service';
import { aboutInfo, parseThirdPartyLicences, THIRD_PARTY_LICENCES_FILE, type PackageInfo } from './about';
import type { AppLog } from './app-log';
import type { StripRecovery } from './strip-recovery';

export type AboutVersions = Pick<NodeJS.ProcessVersions, 'node'> & { electron?: string; chrome?: string };

export function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

export interface AppUpdatesDeps {
  electron: Pick<typeof Electron, 'Notification' | 'shell'>;
  clock: Clock;
  core: Pick<TickerCore, 'preferences' | 'events'>;
  log: AppLog;
  pkg: PackageInfo;
  versions: AboutVersions;
  rendererDir: string;
  stripRecovery: Pick<StripRecovery, 'changed'>;
  updates?: { client: UpdateClient | null; unsupportedMessage?: string };
  /** Quit (cleanly) so that a downloaded update installs and starts. */
  quit(): void;
}

export interface AppUpdates {
  updates: UpdateService;
  shellChanged: Signal<void>;
  about(): AboutInfo;
  openLogFolder(): Promise<void>;
  /** Quit into the downloaded update; refused when none is ready. */
  restartToUpdate(): void;
  /** The user asked to restart into the update (so it starts after installing at quit). */
  relaunchRequested(): boolean;
  stop(): void;
}

export function wireUpdates(deps: AppUpdatesDeps): AppUpdates {
  const { electron, core, log, pkg } = deps;
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
  let relaunch = false;
  const restartToUpdate = (): void => {
    if (!updates.ready()) throw new TickerError('not-found', 'No update has been downloaded yet.');
    relaunch = true;
    deps.quit();
  };
  const updates = new UpdateService({
    clock: deps.clock,
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
  const shellChanged = new Signal<void>();
  const stopUpdateEvents = updates.changed.subscribe((status) => {
    core.events.update.emit(status);
    shellChanged.emit();
  });
  const stopRecoveryEvents = deps.stripRecovery.changed.subscribe(() => shellChanged.emit());
  return {
    updates,
    shellChanged,
    about: () =>
      aboutInfo({
        pkg,
        versions: deps.versions,
        thirdParty: parseThirdPartyLicences(readText(join(deps.rendererDir, THIRD_PARTY_LICENCES_FILE))),
        logFolder: log.folder,
        update: updates.status(),
      }),
    openLogFolder: async () => {
      if (log.folder === null)
        throw new TickerError('not-found', 'The log is written to the console only in this run.');
      const problem = await electron.shell.openPath(log.folder);
      if (problem) throw new TickerError('internal', `Could not open the log folder: ${problem}`);
    },
    restartToUpdate,
    relaunchRequested: () => relaunch,
    stop: () => {
      updates.stop();
      stopUpdateEvents();
      stopRecoveryEvents();
    },
  };
}
