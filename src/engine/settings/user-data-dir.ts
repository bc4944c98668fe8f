/**
 * Where Electron keeps Ticker's user data (and so settings.json) on each OS, for the command line,
 * which runs without Electron: `app.getPath('userData')` is the OS's config folder plus the app's
 * name, which Electron takes from package.json's productName (the packaged app's too, from
 * electron-builder.yml). A test keeps the three names equal.
 */
import { join } from 'node:path';

export const APP_NAME = 'Ticker';

export function userDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  switch (platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', APP_NAME);
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
    default:
      return join(
        env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config'),
        APP_NAME,
      );
  }
}
