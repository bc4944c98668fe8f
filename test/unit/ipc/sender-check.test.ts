import type { WindowKind } from '../../../src/shared/ipc-contract';
import { describe, it, expect, vi } from 'vitest';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { createSenderCheck, isAppPageUrl } from '../../../src/main/ipc/sender-check';

const RENDERER_DIR = '/opt/Ticker/resources/app.asar/out/renderer';
const page = (name: string) => pathToFileURL(join(RENDERER_DIR, name)).href;

describe('isAppPageUrl', () => {
  it('accepts our built pages, with a hash or query', () => {
    expect(isAppPageUrl(page('strip.html'), { rendererDir: RENDERER_DIR })).toBe(true);
    expect(isAppPageUrl(`${page('settings.html')}#symbols`, { rendererDir: RENDERER_DIR })).toBe(true);
    expect(isAppPageUrl(`${page('settings.html')}?tab=key`, { rendererDir: `${RENDERER_DIR}/` })).toBe(true);
  });

  it.each([
    'file:///etc/passwd',
    'file:///opt/Ticker/resources/app.asar/out/renderer-evil/strip.html',
    'file:///opt/Ticker/resources/app.asar/out/renderer/../main/index.js',
    'file:///opt/Ticker/resources/app.asar/out/renderer/%2e%2e/main/index.js',
    'file:///opt/Ticker/resources/app.asar/out/renderer%2fstrip.html',
    'file:///opt/Ticker/resources/app.asar/out/renderer',
    'file://evil-host/opt/Ticker/resources/app.asar/out/renderer/strip.html',
    'https://evil.example/strip.html',
    'http://localhost:5173/strip.html',
    'data:text/html,<script>1</script>',
    'about:blank',
    'javascript:alert(1)',
    '',
    'not a url',
  ])('refuses %s in production', (url) => {
    expect(isAppPageUrl(url, { rendererDir: RENDERER_DIR })).toBe(false);
  });

  it('accepts the dev server origin only, in development', () => {
    const options = { rendererDir: RENDERER_DIR, devServerUrl: 'http://localhost:5173' };
    expect(isAppPageUrl('http://localhost:5173/strip.html', options)).toBe(true);
    expect(isAppPageUrl('http://localhost:5173/settings.html#x', options)).toBe(true);
    expect(isAppPageUrl('http://localhost:5174/strip.html', options)).toBe(false);
    expect(isAppPageUrl('https://localhost:5173/strip.html', options)).toBe(false);
    expect(isAppPageUrl('http://localhost.evil.example:5173/strip.html', options)).toBe(false);
    expect(isAppPageUrl('http://127.0.0.1:5173/strip.html', options)).toBe(false);
    expect(isAppPageUrl('about:blank', options)).toBe(false);
    expect(
      isAppPageUrl('http://localhost:5173/strip.html', { rendererDir: RENDERER_DIR, devServerUrl: 'javascript:1' }),
    ).toBe(false);
  });
});

describe('createSenderCheck', () => {
  const own = new Map<number, WindowKind>([
    [3, 'strip'],
    [4, 'settings'],
  ]);
  const check = createSenderCheck({
    kindOf: (id) => own.get(id) ?? null,
    allowedUrl: (url) => isAppPageUrl(url, { rendererDir: RENDERER_DIR }),
  });

  it('answers the kind of our window showing our page', () => {
    expect(check({ sender: { id: 3 }, senderFrame: { url: page('strip.html') } })).toBe('strip');
    expect(check({ sender: { id: 4 }, senderFrame: { url: page('settings.html') } })).toBe('settings');
  });

  it('refuses other windows, other pages and gone frames', () => {
    expect(check({ sender: { id: 9 }, senderFrame: { url: page('strip.html') } })).toBeNull();
    expect(check({ sender: { id: 3 }, senderFrame: { url: 'https://evil.example/' } })).toBeNull();
    expect(check({ sender: { id: 3 }, senderFrame: null })).toBeNull();
    expect(check({} as never)).toBeNull();
  });

  it('does not ask about the URL of a window that is not ours', () => {
    const allowedUrl = vi.fn(() => true);
    createSenderCheck({ kindOf: () => null, allowedUrl })({ sender: { id: 1 }, senderFrame: { url: 'x' } });
    expect(allowedUrl).not.toHaveBeenCalled();
  });
});
