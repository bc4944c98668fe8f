/**
 * The application menu. Ticker lives in the tray, so the menu is minimal: on macOS the app menu
 * (About, Hide, Quit) and Edit (for copy and paste in the settings window's fields); elsewhere
 * none. Reload, Force Reload and the developer tools are only there in development: a packaged
 * build has no menu item or shortcut that reaches them.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface ApplicationMenuOptions {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  appName: string;
}

/** The template, or null for no menu at all. */
export function applicationMenuTemplate(options: ApplicationMenuOptions): MenuItemConstructorOptions[] | null {
  const development: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [{ label: 'Development', submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] }];
  if (options.platform === 'darwin') {
    return [
      {
        label: options.appName,
        submenu: [
          { role: 'about' },
          { type: 'separator' },
          { role: 'hide' },
          { role: 'hideOthers' },
          { type: 'separator' },
          { role: 'quit' },
        ],
      },
      { role: 'editMenu' },
      { role: 'windowMenu' },
      ...development,
    ];
  }
  return development.length > 0 ? development : null;
}
