import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    hookTimeout: 30_000,
    // Browser suites share one Chromium per file; keep the machine's 2 cores from thrashing.
    maxWorkers: 2,
    // Transform electron-store through vitest so `vi.mock('electron')` reaches its import of electron.
    server: { deps: { inline: ['electron-store'] } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**'],
          testTimeout: 20_000,
        },
      },
      {
        // A real Chromium (and sometimes a real core) per test: on a loaded two-core machine a
        // correct test can take several times its idle 5–11 s, which is not what these tests check.
        extends: true,
        test: { name: 'browser', include: ['test/e2e/**/*.test.ts'], testTimeout: 60_000 },
      },
    ],
  },
});
