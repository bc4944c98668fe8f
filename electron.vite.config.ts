import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { thirdPartyLicences } from './scripts/third-party-licences';
import {
  DEV_SERVER_CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  withContentSecurityPolicyMeta,
} from './src/shared/content-security-policy';

/**
 * Writes the one Content-Security-Policy (src/shared/content-security-policy.ts) into every page's
 * meta tag: the strict policy in builds, the dev-server relaxation under `npm run dev`. Exported
 * so the browser tests build the pages with the same plugin.
 */
export function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'ticker-content-security-policy',
    transformIndexHtml: {
      order: 'pre',
      handler: (html, context) =>
        withContentSecurityPolicyMeta(
          html,
          context.server ? DEV_SERVER_CONTENT_SECURITY_POLICY : META_CONTENT_SECURITY_POLICY,
        ),
    },
  };
}

/**
 * How the renderer is bundled for users: minified, and the chunks both pages load named after what
 * they hold, not after whichever module came first. Exported so the startup benchmark loads what users run.
 */
export const SHIPPED_RENDERER_BUILD = {
  // electron-vite leaves builds unminified; what users run should not carry React's whitespace and comments.
  minify: true,
  output: {
    codeSplitting: {
      groups: [
        { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
        { name: 'shared', minShareCount: 2, priority: 1 },
      ],
    },
  },
};

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload must be a single CommonJS file: no imports at run time.
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
      externalizeDeps: false,
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    // The renderer build is the last: it also writes the licences of everything main and the pages ship.
    plugins: [react(), contentSecurityPolicyMeta(), thirdPartyLicences()],
    build: {
      outDir: 'out/renderer',
      minify: SHIPPED_RENDERER_BUILD.minify,
      rollupOptions: {
        input: {
          strip: resolve('src/renderer/strip.html'),
          settings: resolve('src/renderer/settings.html'),
          card: resolve('src/renderer/card.html'),
          'strip-stopped': resolve('src/renderer/strip-stopped.html'),
        },
        output: SHIPPED_RENDERER_BUILD.output,
      },
    },
  },
});
