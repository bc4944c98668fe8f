import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * `npm run dev` only: the pages' CSP meta (script-src 'self') blocks the dev server's inline
 * react-refresh preamble, its injected <style> tags and its HMR websocket. Relax exactly those in
 * the served HTML; builds keep the strict policy (apply: 'serve').
 */
function relaxCspForDevServer(): Plugin {
  const relax = (policy: string): string =>
    policy
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
      .replace("connect-src 'none'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*");
  return {
    name: 'ticker-relax-csp-for-dev-server',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace(/(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/, (_match, open: string, policy: string, close: string) => open + relax(policy) + close),
  };
}

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
    plugins: [react(), relaxCspForDevServer()],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves builds unminified; what users run should not carry React's whitespace and comments.
      minify: true,
      rollupOptions: {
        input: {
          strip: resolve('src/renderer/strip.html'),
          settings: resolve('src/renderer/settings.html'),
        },
        output: {
          // Name the chunks both pages load after what they hold, not after whichever module came first.
          codeSplitting: {
            groups: [
              { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
              { name: 'shared', minShareCount: 2, priority: 1 },
            ],
          },
        },
      },
    },
  },
});
