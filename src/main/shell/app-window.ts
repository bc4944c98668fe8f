/**
 * Every Ticker window is made here: hardened webPreferences, registered as one of ours (for the IPC
 * sender check and events), then pointed at one of our pages. Navigation and pop-ups are blocked for
 * every web contents by the app's 'web-contents-created' handler (see start-app.ts).
 */
import { join } from 'node:path';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { WindowKind } from '../../shared/ipc-contract';
import { secureWebPreferences } from './web-security';
import type { WindowRegistry } from './window-registry';

/**
 * The window type of a window that floats over other apps (the strips, the details card): a panel
 * floats over other apps' full-screen spaces on macOS; a toolbar stays out of Alt-Tab on Windows.
 */
export function floatingWindowType(platform: NodeJS.Platform): Pick<BrowserWindowConstructorOptions, 'type'> {
  if (platform === 'darwin') return { type: 'panel' };
  if (platform === 'win32') return { type: 'toolbar' };
  return {};
}

/** Each page is shown in a window of the same kind, with that kind's bridge and channels. */
export type AppPage = WindowKind;

/** The page files: a window's own, or 'strip-stopped', which replaces a strip page that crashed too often. */
export type PageFile = AppPage | 'strip-stopped';

export interface AppPagesLocation {
  /** Folder of the built pages (out/renderer). */
  rendererDir: string;
  /** electron-vite's dev server (development only). */
  devServerUrl?: string;
}

/** Creates, hardens, registers and loads a window showing one of our pages. */
export type CreateAppWindow = (page: AppPage, options: BrowserWindowConstructorOptions) => BrowserWindow;

export interface AppWindowFactoryDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  registry: WindowRegistry;
  preloadPath: string;
  pages: AppPagesLocation;
}

/** The file path or dev-server URL of a page. */
export function appPageLocation(page: PageFile, pages: AppPagesLocation): { url: string } | { file: string } {
  if (pages.devServerUrl)
    return {
      url: new URL(
        `${page}.html`,
        pages.devServerUrl.endsWith('/') ? pages.devServerUrl : `${pages.devServerUrl}/`,
      ).toString(),
    };
  return { file: join(pages.rendererDir, `${page}.html`) };
}

export function appWindowFactory(deps: AppWindowFactoryDeps): CreateAppWindow {
  return (page, options) => {
    // Callers choose the window's looks; the security settings are not theirs to choose.
    const window = new deps.BrowserWindow({
      ...options,
      webPreferences: secureWebPreferences(deps.preloadPath, page),
    });
    deps.registry.add(window, page);
    const location = appPageLocation(page, deps.pages);
    const loading = 'url' in location ? window.loadURL(location.url) : window.loadFile(location.file);
    loading.catch((error: unknown) => console.error(`[windows] could not load the ${page} page:`, error));
    return window;
  };
}
