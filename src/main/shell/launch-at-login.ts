/**
 * "Launch at login": the OS login items on macOS and Windows (Electron), an XDG autostart entry on
 * Linux (where Electron has no login-item API).
 */
import * as nodeFs from 'node:fs';
import { join } from 'node:path';

type LaunchAtLoginFs = Pick<typeof nodeFs, 'mkdirSync' | 'writeFileSync' | 'rmSync'>;

export interface LaunchAtLoginDeps {
  platform: NodeJS.Platform;
  /** Electron's app.setLoginItemSettings. */
  setLoginItemSettings(settings: { openAtLogin: boolean }): void;
  /** Linux: the autostart folder (~/.config/autostart) and the program to start. */
  autostartDir: string;
  execPath: string;
  fs?: LaunchAtLoginFs;
}

export const AUTOSTART_FILE_NAME = 'ticker.desktop';

/** A value for a desktop entry's Exec key: quoted, with the characters the spec reserves escaped. */
export function quoteExecArgument(path: string): string {
  return `"${path.replace(/[\\"`$]/g, (char) => `\\${char}`)}"`;
}

export function autostartEntry(execPath: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Ticker',
    'Comment=Live market prices in a strip along the edge of the screen',
    `Exec=${quoteExecArgument(execPath).replace(/%/g, '%%')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Turn launching at login on or off. Failures are logged and reported as false, never thrown. */
export function applyLaunchAtLogin(enabled: boolean, deps: LaunchAtLoginDeps): boolean {
  try {
    if (deps.platform !== 'linux') {
      deps.setLoginItemSettings({ openAtLogin: enabled });
      return true;
    }
    const fs = deps.fs ?? nodeFs;
    const file = join(deps.autostartDir, AUTOSTART_FILE_NAME);
    if (enabled) {
      fs.mkdirSync(deps.autostartDir, { recursive: true });
      fs.writeFileSync(file, autostartEntry(deps.execPath), { mode: 0o644 });
    } else {
      fs.rmSync(file, { force: true });
    }
    return true;
  } catch (error) {
    console.error('[login] could not change launch at login:', error);
    return false;
  }
}
