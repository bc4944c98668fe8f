import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Browser suites share one Chromium per file; keep the machine's 2 cores from thrashing.
    maxWorkers: 2,
    // Transform electron-store through vitest so `vi.mock('electron')` reaches its import of electron.
    server: { deps: { inline: ['electron-store'] } },
  },
});
