/**
 * The one place that hardens Ticker's web contents: locked-down webPreferences for every window, no
 * navigation, no new windows, no permissions, a Content-Security-Policy header on our own pages, and
 * external links only as https, only through the system browser.
 */
import type { Session, WebContents, WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { TickerError } from '../../shared/ipc-contract';
import { isAppLink } from '../../shared/external-links';

/** webPreferences for every Ticker window. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
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

const MAX_EXTERNAL_URL_LENGTH = 2048;

/** Only plain https links without credentials may leave the app. */
export function isSafeExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

export type OpenExternal = (url: string) => Promise<void>;

/**
 * The shell's `openExternal` handler: only links the app builds (src/shared/external-links.ts),
 * https, handed to the system browser. Anything else is
 * refused with a typed error (the IPC layer turns it into `{ ok: false }`).
 */
export function createOpenExternalHandler(
  openExternal: OpenExternal,
  isAllowed: (url: string) => boolean = isAppLink,
): (url: string) => Promise<null> {
  return async (url: string) => {
    if (!isSafeExternalUrl(url)) throw new TickerError('invalid-payload', 'Only https links can be opened.');
    if (!isAllowed(url)) throw new TickerError('invalid-payload', 'Ticker opens only the links it builds itself.');
    try {
      await openExternal(url);
    } catch {
      throw new TickerError('internal', 'The link could not be opened in your browser.');
    }
    return null;
  };
}

/** Hand an https link to the system browser, quietly ignoring anything else. */
function openIfSafe(openExternal: OpenExternal, url: string): void {
  if (!isSafeExternalUrl(url)) return;
  openExternal(url).catch((error: unknown) => console.error('[security] could not open an external link:', error));
}

/**
 * Block everything a page could do to leave our own content: navigation, redirects, new windows,
 * webviews. Clicked https links go to the system browser instead.
 */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    openIfSafe(openExternal, event.url);
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openIfSafe(openExternal, url);
    return { action: 'deny' };
  });
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
