/**
 * The one place that hardens Ticker's web contents: locked-down webPreferences for every window, no
 * navigation, no new windows, no permissions, a Content-Security-Policy header on our own pages.
 * A page never decides what leaves the app: navigation and new windows are refused outright, and the
 * only way to the system browser is the checked path of links the app builds itself
 * (createLinkOpener with src/shared/external-links.ts).
 */
import type { Session, WebContents, WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { TickerError, WINDOW_KIND_ARGUMENT, type WindowKind } from '../../shared/ipc-contract';
import { isAppLink, plainHttpsUrl, type AppLinkRule } from '../../shared/external-links';

/** webPreferences for every Ticker window; `kind` decides which bridge its preload builds. */
export function secureWebPreferences(preloadPath: string, kind: WindowKind): WebPreferences {
  return {
    preload: preloadPath,
    additionalArguments: [`${WINDOW_KIND_ARGUMENT}${kind}`],
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** Only plain https links without credentials may leave the app. */
export function isSafeExternalUrl(url: unknown): url is string {
  const parsed = plainHttpsUrl(url);
  return parsed !== null && parsed.hostname !== '';
}

type OpenExternal = (url: string) => Promise<void>;

export interface LinkOpenerDeps {
  /** The system browser (Electron's shell.openExternal). */
  openExternal: OpenExternal;
  /** The kinds of link the app builds now (they depend on the saved chart template). */
  rules: () => readonly AppLinkRule[];
}

/**
 * The one path by which anything leaves the app for the system browser: only https links without
 * credentials that one of the app's link rules recognises (src/shared/external-links.ts). Anything
 * else is refused with a typed error (the IPC layer turns it into `{ ok: false }`). The settings
 * window's `openExternal`, a strip's chart link and the item menu all come through here.
 */
export function createLinkOpener(deps: LinkOpenerDeps): (url: string) => Promise<null> {
  return async (url: string) => {
    if (!isSafeExternalUrl(url)) throw new TickerError('invalid-payload', 'Only https links can be opened.');
    if (!isAppLink(url, deps.rules()))
      throw new TickerError('invalid-payload', 'Ticker opens only the links it builds itself.');
    try {
      await deps.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: only https app-built links get here
    } catch {
      throw new TickerError('internal', 'The link could not be opened in your browser.');
    }
    return null;
  };
}

/**
 * Block everything a page could do to leave our own content: navigation, redirects, new windows,
 * webviews. Nothing is handed to the browser from here: a page that wants a link opened asks main
 * through the bridge, and main opens only the links it builds.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export interface HardenSessionOptions {
  /** True for our own pages: they get the CSP header. */
  isAppPageUrl(url: string): boolean;
  /**
   * The electron-vite dev server (`npm run dev` only). Its pages keep the policy in their meta tag,
   * which the dev build relaxes just enough for hot reload; a strict header would block it.
   */
  devServerUrl?: string;
}

function sameOrigin(url: string, base: string | undefined): boolean {
  if (!base) return false;
  try {
    return new URL(url).origin === new URL(base).origin;
  } catch {
    return false;
  }
}

/** Deny every permission request and check, and send the CSP header with our own pages. */
export function hardenSession(session: Session, options: HardenSessionOptions): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!options.isAppPageUrl(details.url) || sameOrigin(details.url, options.devServerUrl)) {
      callback({});
      return;
    }
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });
}
