/**
 * Where updating stands, as main knows it and the tray and the settings window show it. Pure.
 */

export type UpdateStatus =
  /** The preference is off: Ticker makes no request for updates. */
  | { state: 'off' }
  /** This copy does not update itself (a .deb, a source checkout): `message` says how it updates. */
  | { state: 'unsupported'; message: string }
  /** No check yet. */
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'up-to-date'; checkedAt: number }
  | { state: 'downloading'; version: string; percent: number | null }
  /** Downloaded: installs on quit, or now with "Restart to update". */
  | { state: 'ready'; version: string }
  | { state: 'error'; message: string; checkedAt: number };

/** The status in a sentence, for the settings window and notifications. */
export function updateStatusText(status: UpdateStatus, currentVersion: string): string {
  switch (status.state) {
    case 'off':
      return 'Update checks are off (Settings: “Check for updates automatically”).';
    case 'unsupported':
      return status.message;
    case 'idle':
      return `Ticker ${currentVersion}. No update check yet.`;
    case 'checking':
      return 'Checking for updates…';
    case 'up-to-date':
      return `Ticker ${currentVersion} is up to date.`;
    case 'downloading':
      return status.percent === null
        ? `Downloading Ticker ${status.version}…`
        : `Downloading Ticker ${status.version}… ${Math.round(status.percent)} %`;
    case 'ready':
      return `Ticker ${status.version} is ready: it installs when you quit, or now with Restart to update.`;
    case 'error':
      return `Could not check for updates: ${status.message}`;
  }
}
