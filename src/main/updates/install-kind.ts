/**
 * How this copy of Ticker was installed, which decides how it updates. electron-builder marks a
 * Linux package with a `package-type` file next to app.asar (resources/package-type: deb, rpm,
 * pacman); an AppImage runs with APPIMAGE set to its own path. Pure: the facts come in.
 */

export type InstallKind =
  /** Updates itself with electron-updater. */
  | 'appimage'
  | 'nsis'
  | 'mac'
  /** Installed by a package manager: it updates the app. */
  | 'deb'
  | 'rpm'
  | 'pacman'
  /** Running from a source checkout (npm start) or an unpacked build. */
  | 'unpackaged'
  /** A packaged Linux build that is neither an AppImage nor a package (e.g. the unpacked folder). */
  | 'other';

export interface InstallFacts {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** The contents of resources/package-type, or null when there is none. */
  packageType: string | null;
}

export function installKind(facts: InstallFacts): InstallKind {
  if (!facts.isPackaged) return 'unpackaged';
  if (facts.platform === 'win32') return 'nsis';
  if (facts.platform === 'darwin') return 'mac';
  const packageType = facts.packageType?.trim().toLowerCase();
  if (packageType === 'deb' || packageType === 'rpm' || packageType === 'pacman') return packageType;
  if (facts.env.APPIMAGE?.trim()) return 'appimage';
  return 'other';
}

/** Whether electron-updater installs updates for this kind. */
export function updatesItself(kind: InstallKind): kind is 'appimage' | 'nsis' | 'mac' {
  return kind === 'appimage' || kind === 'nsis' || kind === 'mac';
}

const PACKAGE_MANAGER_COMMAND: Record<'deb' | 'rpm' | 'pacman', string> = {
  deb: 'sudo apt update && sudo apt upgrade',
  rpm: 'sudo dnf upgrade',
  pacman: 'sudo pacman -Syu',
};

/** What a copy that does not update itself tells the user instead. */
export function noSelfUpdateMessage(kind: Exclude<InstallKind, 'appimage' | 'nsis' | 'mac'>): string {
  switch (kind) {
    case 'deb':
    case 'rpm':
    case 'pacman':
      return `Ticker was installed as a .${kind} package: update it with your package manager (${PACKAGE_MANAGER_COMMAND[kind]}).`;
    case 'unpackaged':
      return 'This copy runs from source: updates come with the installed app (git pull to update this one).';
    case 'other':
      return 'This copy cannot update itself: install the AppImage or the package for your system to get updates.';
  }
}
