import { readFileSync } from 'node:fs';
import { describe, it, expect, vi, beforeEach } from 'vitest';
import type { Session, WebContents } from 'electron';
import { MockSession, MockWebContents, resetElectronMock } from '../../support/electron-mock';
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/content-security-policy';
import {
  createLinkOpener,
  hardenSession,
  hardenWebContents,
  isSafeExternalUrl,
  secureWebPreferences,
} from '../../../src/main/shell/web-security';
import { TickerError, WINDOW_KIND_ARGUMENT } from '../../../src/shared/ipc-contract';
import { APP_LINK_RULES, appLinkRules } from '../../../src/shared/external-links';

vi.mock('electron', () => import('../../support/electron-mock'));

beforeEach(() => resetElectronMock());

describe('secureWebPreferences', () => {
  it('isolates, sandboxes and keeps Node out of the page', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs', 'strip')).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      additionalArguments: [`${WINDOW_KIND_ARGUMENT}strip`],
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

describe('createLinkOpener', () => {
  const TEMPLATE = 'https://charts.example.com/s/{symbol}?range=1d';
  const opener = (open = vi.fn(async (_url: string) => {})) => ({
    open,
    openLink: createLinkOpener({ openExternal: open, rules: () => appLinkRules(TEMPLATE) }),
  });

  it('opens the links the app builds: the register page and chart links from the saved template', async () => {
    const { open, openLink } = opener();
    await expect(openLink('https://finnhub.io/register')).resolves.toBeNull();
    await expect(openLink('https://charts.example.com/s/MSFT?range=1d')).resolves.toBeNull();
    await expect(openLink('https://charts.example.com/s/BINANCE%3ABTCUSDT?range=1d')).resolves.toBeNull();
    expect(open.mock.calls).toEqual([
      ['https://finnhub.io/register'],
      ['https://charts.example.com/s/MSFT?range=1d'],
      ['https://charts.example.com/s/BINANCE%3ABTCUSDT?range=1d'],
    ]);
  });

  it('refuses any other link with a typed error and never opens it, however close it comes', async () => {
    const { open, openLink } = opener();
    for (const url of [
      'http://finnhub.io/register',
      'file:///C:/Windows/System32/calc.exe',
      'javascript:void(0)',
      'https://evil.example/?t=relay-token',
      'https://finnhub.io/register?t=relay-token',
      'https://finnhub.io/docs',
      'https://charts.example.com/s/MSFT?range=1d&t=relay-token',
      'https://charts.example.com/s/MSFT/../../admin?range=1d',
      'https://charts.example.com/s/bad%20symbol?range=1d',
      'https://charts.example.com/s/?range=1d',
      'https://charts.example.com.evil.example/s/MSFT?range=1d',
    ]) {
      await expect(openLink(url), url).rejects.toMatchObject({ code: 'invalid-payload' });
    }
    expect(open).not.toHaveBeenCalled();
  });

  it('follows the saved template: a chart link of the old template is refused once it changes', async () => {
    let template = TEMPLATE;
    const open = vi.fn(async (_url: string) => {});
    const openLink = createLinkOpener({ openExternal: open, rules: () => appLinkRules(template) });
    template = 'https://www.tradingview.com/chart/?symbol={symbol}';
    await expect(openLink('https://charts.example.com/s/MSFT?range=1d')).rejects.toBeInstanceOf(TickerError);
    await expect(openLink('https://www.tradingview.com/chart/?symbol=MSFT')).resolves.toBeNull();
    expect(open).toHaveBeenCalledOnce();
  });

  it("opens the project's homepage it ships with, exactly, and no other page of its site", async () => {
    const open = vi.fn(async (_url: string) => {});
    const homepage = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).homepage;
    const openLink = createLinkOpener({ openExternal: open, rules: () => appLinkRules(TEMPLATE, [homepage]) });
    await expect(openLink(homepage)).resolves.toBeNull();
    await expect(openLink(`${homepage}/issues?t=relay-token`)).rejects.toMatchObject({ code: 'invalid-payload' });
    expect(open.mock.calls).toEqual([[homepage]]);
    await expect(opener().openLink(homepage)).rejects.toMatchObject({ code: 'invalid-payload' });
  });

  it('turns a failing browser launch into a typed error', async () => {
    const openLink = createLinkOpener({
      openExternal: async () => {
        throw new Error('no browser');
      },
      rules: () => APP_LINK_RULES,
    });
    await expect(openLink('https://finnhub.io/register')).rejects.toMatchObject({ code: 'internal' });
  });
});

describe('hardenWebContents', () => {
  function hardened() {
    const contents = new MockWebContents();
    hardenWebContents(contents as unknown as WebContents);
    return { contents };
  }

  it('prevents every navigation, redirect and webview', () => {
    const { contents } = hardened();
    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.attempt('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.attempt('will-attach-webview', 'https://evil.example/')).toBe(true);
  });

  it('denies every window.open', () => {
    const { contents } = hardened();
    const handler = contents.windowOpenHandler!;
    expect(handler({ url: 'https://finnhub.io/register' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'about:blank' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
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
