import { describe, it, expect, vi, beforeEach } from 'vitest';
import type { Session, WebContents } from 'electron';
import { MockSession, MockWebContents, resetElectronMock } from '../../support/electron-mock';
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/content-security-policy';
import {
  createOpenExternalHandler,
  hardenSession,
  hardenWebContents,
  isSafeExternalUrl,
  secureWebPreferences,
} from '../../../src/main/shell/web-security';
import { TickerError } from '../../../src/shared/ipc-contract';

vi.mock('electron', () => import('../../support/electron-mock'));

beforeEach(() => resetElectronMock());

describe('secureWebPreferences', () => {
  it('isolates, sandboxes and keeps Node out of the page', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });
});

describe('isSafeExternalUrl', () => {
  it('accepts plain https links only', () => {
    expect(isSafeExternalUrl('https://finnhub.io/register')).toBe(true);
    for (const url of [
      'http://finnhub.io',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'ms-settings:privacy',
      'https://user:pw@finnhub.io',
      'https://',
      'not a url',
      `https://x.io/${'a'.repeat(3000)}`,
      42,
      null,
    ]) {
      expect(isSafeExternalUrl(url), String(url).slice(0, 40)).toBe(false);
    }
  });
});

describe('createOpenExternalHandler', () => {
  it('opens https links in the system browser', async () => {
    const open = vi.fn(async () => {});
    await expect(createOpenExternalHandler(open)('https://finnhub.io/register')).resolves.toBeNull();
    expect(open).toHaveBeenCalledWith('https://finnhub.io/register');
  });

  it('refuses anything else with a typed error and never opens it', async () => {
    const open = vi.fn(async () => {});
    const handler = createOpenExternalHandler(open);
    for (const url of ['http://finnhub.io', 'file:///C:/Windows/System32/calc.exe', 'javascript:void(0)']) {
      await expect(handler(url)).rejects.toMatchObject({ code: 'invalid-payload' });
    }
    expect(open).not.toHaveBeenCalled();
  });

  it('turns a failing browser launch into a typed error', async () => {
    const handler = createOpenExternalHandler(async () => {
      throw new Error('no browser');
    });
    await expect(handler('https://finnhub.io')).rejects.toBeInstanceOf(TickerError);
  });
});

describe('hardenWebContents', () => {
  function hardened() {
    const contents = new MockWebContents();
    const open = vi.fn(async () => {});
    hardenWebContents(contents as unknown as WebContents, open);
    return { contents, open };
  }

  it('prevents every navigation, redirect and webview', () => {
    const { contents } = hardened();
    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.attempt('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.attempt('will-attach-webview', 'https://evil.example/')).toBe(true);
  });

  it('hands a clicked https link to the system browser instead, and nothing else', () => {
    const { contents, open } = hardened();
    contents.attempt('will-navigate', 'https://finnhub.io/docs');
    contents.attempt('will-navigate', 'http://finnhub.io/docs');
    contents.attempt('will-navigate', 'file:///etc/passwd');
    expect(open.mock.calls).toEqual([['https://finnhub.io/docs']]);
  });

  it('denies every window.open, opening only https links externally', () => {
    const { contents, open } = hardened();
    const handler = contents.windowOpenHandler!;
    expect(handler({ url: 'https://finnhub.io' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'about:blank' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(open.mock.calls).toEqual([['https://finnhub.io']]);
  });
});

describe('hardenSession', () => {
  function hardened() {
    const session = new MockSession();
    hardenSession(session as unknown as Session, {
      isAppPageUrl: (url) => url.startsWith('file:///app/out/renderer/') || url.startsWith('http://localhost:5173/'),
    });
    return session;
  }

  it('denies every permission request and check', () => {
    const session = hardened();
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      const callback = vi.fn();
      session.permissionRequestHandler!({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.permissionCheckHandler!({}, permission, 'file://', {})).toBe(false);
    }
  });

  it('leaves the dev server pages to their own (dev-relaxed) meta policy', () => {
    const session = new MockSession();
    hardenSession(session as unknown as Session, { isAppPageUrl: () => true, devServerUrl: 'http://localhost:5173' });
    const callback = vi.fn();
    session.headersListener!({ url: 'http://localhost:5173/strip.html', responseHeaders: {} }, callback);
    expect(callback).toHaveBeenCalledWith({});
    session.headersListener!({ url: 'file:///app/out/renderer/strip.html', responseHeaders: {} }, callback);
    expect(callback).toHaveBeenLastCalledWith({
      responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  it('sends our CSP with our own pages, replacing any other', () => {
    const session = hardened();
    const callback = vi.fn();
    session.headersListener!(
      {
        url: 'http://localhost:5173/strip.html',
        responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] },
      },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
  });

  it('leaves other responses alone', () => {
    const session = hardened();
    const callback = vi.fn();
    session.headersListener!({ url: 'https://finnhub.io/api/v1/quote', responseHeaders: { a: ['b'] } }, callback);
    expect(callback).toHaveBeenCalledWith({});
  });
});
