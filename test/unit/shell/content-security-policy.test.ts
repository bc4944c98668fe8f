/**
 * One Content-Security-Policy: the header main sends and the meta tag the build writes come from
 * src/shared/content-security-policy.ts; the pages' HTML declares none of its own; the dev server
 * gets only its documented relaxations.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { createServer } from 'vite';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicyMeta } from '../../../electron.vite.config';
import {
  CONTENT_SECURITY_POLICY,
  DEV_SERVER_CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  withContentSecurityPolicyMeta,
} from '../../../src/shared/content-security-policy';

const PAGES = ['strip.html', 'settings.html', 'card.html'];
const RENDERER_ROOT = resolve('src/renderer');

function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split('; ')
      .map((directive) => [directive.slice(0, directive.indexOf(' ')), directive.slice(directive.indexOf(' ') + 1)]),
  );
}

function metaPolicies(html: string): string[] {
  return [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)].map((match) =>
    match[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
  );
}

describe('the Content-Security-Policy', () => {
  it('is the header minus what a meta tag cannot carry', () => {
    const header = directives(CONTENT_SECURITY_POLICY);
    const meta = directives(META_CONTENT_SECURITY_POLICY);
    expect(header.get('frame-ancestors')).toBe("'none'");
    expect(meta.has('frame-ancestors')).toBe(false);
    header.delete('frame-ancestors');
    expect(meta).toEqual(header);
    expect(meta.get('default-src')).toBe("'none'");
    expect(meta.get('script-src')).toBe("'self'");
  });

  it('relaxes only scripts, styles and the HMR socket for the dev server', () => {
    const meta = directives(META_CONTENT_SECURITY_POLICY);
    const dev = directives(DEV_SERVER_CONTENT_SECURITY_POLICY);
    const changed = [...dev].filter(([name, value]) => meta.get(name) !== value).map(([name]) => name);
    expect(changed.sort()).toEqual(['connect-src', 'script-src', 'style-src']);
    expect([...dev.keys()]).toEqual([...meta.keys()]);
  });

  it('is declared by no page of its own, and a page that does or has no charset meta is refused', () => {
    for (const page of PAGES) {
      const html = readFileSync(resolve(RENDERER_ROOT, page), 'utf8');
      expect(html, page).not.toMatch(/content-security-policy/i);
      expect(metaPolicies(withContentSecurityPolicyMeta(html, META_CONTENT_SECURITY_POLICY)), page).toEqual([
        META_CONTENT_SECURITY_POLICY,
      ]);
    }
    const page = '<!doctype html><html><head><meta charset="UTF-8" /></head><body></body></html>';
    const twice = withContentSecurityPolicyMeta(page, META_CONTENT_SECURITY_POLICY);
    expect(() => withContentSecurityPolicyMeta(twice, META_CONTENT_SECURITY_POLICY)).toThrow(
      /its own Content-Security-Policy/,
    );
    expect(() => withContentSecurityPolicyMeta('<html><head></head></html>', META_CONTENT_SECURITY_POLICY)).toThrow(
      /charset/,
    );
  });

  it('reaches the dev server’s pages relaxed, once', async () => {
    const server = await createServer({
      configFile: false,
      root: RENDERER_ROOT,
      logLevel: 'silent',
      plugins: [react(), contentSecurityPolicyMeta()],
      server: { middlewareMode: true, hmr: false, ws: false },
    });
    try {
      for (const page of PAGES) {
        const html = await server.transformIndexHtml(`/${page}`, readFileSync(resolve(RENDERER_ROOT, page), 'utf8'));
        expect(metaPolicies(html), page).toEqual([DEV_SERVER_CONTENT_SECURITY_POLICY]);
        expect(html, page).toContain('/@vite/client');
      }
    } finally {
      await server.close();
    }
  });
});
