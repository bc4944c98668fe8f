/**
 * The import boundaries in eslint.config.js are an allowlist: each case lints one line as if it
 * stood in a file of that part of src/, through the project's real ESLint config.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(file: string, line: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${line}\nexport const used = x;\n`, { filePath: file });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'boundaries/allowed-imports')
    .map((message) => message.message);
}

describe('import boundaries', () => {
  it.each([
    ['src/engine/feed/x.ts', "import x from 'electron';"],
    ['src/engine/core/x.ts', "import type x from 'electron';"],
    ['src/engine/portfolio/x.ts', "import x from 'electron';"],
    ['src/engine/settings/x.ts', "import x from 'electron-store';"],
    ['src/cli/x.ts', "import x from '../main/shell/start-app';"],
    ['src/engine/market/x.ts', "import x from '../../main/ipc/validators';"],
    ['src/renderer/strip/x.ts', "import x from '../../engine/market/tick-store';"],
    ['src/renderer/x.ts', "import x from 'electron';"],
    ['src/renderer/x.ts', "import x from 'node:fs';"],
    ['src/shared/x.ts', "import x from '../renderer/format';"],
    ['src/shared/x.ts', "import x from 'react';"],
    ['src/shared/x.ts', "export { x } from '../engine/core/ticker-core';"],
    ['src/preload/x.ts', "const x = import('../main/index');"],
    ['src/engine/feed/x.ts', "import x from 'undici';"],
    ['src/engine/relay/x.ts', "import x from '../core/ticker-core';"],
    ['src/engine/portfolio/x.ts', "import type x from '../core/create-ticker-core';"],
    ['src/engine/session/x.ts', "import x from '../relay/relay-feed';"],
    ['src/engine/relay/x.ts', "import x from '../portfolio/portfolio-tracker';"],
    ['src/engine/feed/x.ts', "import x from '../market/tick-store';"],
    ['src/engine/net/x.ts', "export type { x } from '../market/finnhub-rest';"],
    ['src/engine/core/x.ts', "import x from '../../cli/output';"],
    ['src/main/ipc/x.ts', "import x from '../shell/tray';"],
    ['src/main/ipc/x.ts', "import x from '../../engine/core/ticker-core';"],
    ['src/main/ipc/x.ts', "import x from 'electron';"],
  ])('refuses in %s: %s', async (file, line) => {
    expect(await problems(file, line)).toHaveLength(1);
  });

  it.each([
    ['src/engine/feed/x.ts', "import x from 'ws';"],
    ['src/engine/core/x.ts', "import x from '../feed/finnhub-connection';"],
    ['src/engine/core/x.ts', "import x from 'node:events';"],
    ['src/cli/x.ts', "import x from '../engine/session/feed-session';"],
    ['src/cli/x.ts', "import x from '../engine/portfolio/portfolio-tracker';"],
    ['src/main/shell/electron-settings-store.ts', "import x from 'electron-store';"],
    ['src/main/shell/x.ts', "import x from 'electron';"],
    ['src/main/shell/x.ts', "import x from '../../engine/core/ticker-core';"],
    ['src/renderer/strip/x.ts', "import x from 'react-dom/client';"],
    ['src/renderer/strip/x.ts', "import x from '../../shared/types';"],
    ['src/shared/market-calendar/x.ts', "import x from '../symbols';"],
    ['src/preload/x.ts', "import x from 'electron';"],
    ['src/engine/net/env-proxy-fetch.ts', "import x from 'undici';"],
    ['src/engine/relay/x.ts', "import x from '../session/feed-session';"],
    ['src/engine/portfolio/x.ts', "import x from '../session/subscription-union';"],
    ['src/engine/core/x.ts', "import x from '../settings/settings-service';"],
    ['src/engine/market/x.ts', "import x from '../feed/plausibility';"],
    ['src/cli/x.ts', "import x from '../engine/core/create-ticker-core';"],
    ['src/main/shell/x.ts', "import x from '../ipc/register-handlers';"],
    ['src/main/ipc/x.ts', "import x from '../../shared/ipc-contract';"],
  ])('allows in %s: %s', async (file, line) => {
    expect(await problems(file, line)).toEqual([]);
  });
});
