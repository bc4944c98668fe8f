/**
 * Build the renderer pages (strip.html, settings.html) with Vite alone, without electron-vite or
 * the Electron binary, into a directory of the caller's choice.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

export const RENDERER_ROOT = resolve('src/renderer');

/** Build both pages into `outDir` (absolute). Resolves when the files are written. */
export async function buildRenderer(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: RENDERER_ROOT,
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      reportCompressedSize: false,
      rollupOptions: {
        input: {
          strip: resolve(RENDERER_ROOT, 'strip.html'),
          settings: resolve(RENDERER_ROOT, 'settings.html'),
        },
      },
    },
  });
}
