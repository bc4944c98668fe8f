import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectLicences, packageRootOf } from '../../../scripts/third-party-licences';

let root: string;

function pkg(dir: string, json: Record<string, unknown>, licence?: [string, string]): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(json));
  if (licence) writeFileSync(join(dir, licence[0]), licence[1]);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ticker-licences-'));
  pkg(root, { name: 'ticker', version: '0.1.0', dependencies: { ws: '^8', 'electron-store': '^12' } });
  pkg(join(root, 'node_modules/ws'), { name: 'ws', version: '8.18.0', license: 'MIT' }, ['LICENSE', 'ws licence']);
  pkg(
    join(root, 'node_modules/electron-store'),
    { name: 'electron-store', version: '12.0.0', license: 'MIT', dependencies: { conf: '^14', ws: '^8' } },
    ['license', 'store licence'],
  );
  // A nested copy wins over the hoisted one for its dependent.
  pkg(join(root, 'node_modules/electron-store/node_modules/conf'), { name: 'conf', version: '14.0.0', license: 'MIT' });
  pkg(join(root, 'node_modules/conf'), { name: 'conf', version: '10.0.0', license: 'MIT' });
  pkg(
    join(root, 'node_modules/@scope/bundled'),
    { name: '@scope/bundled', version: '1.0.0', licenses: [{ type: 'Apache-2.0' }] },
    ['LICENCE.md', 'apache text'],
  );
  pkg(join(root, 'node_modules/vite'), { name: 'vite', version: '8.0.0', license: 'MIT' });
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the third-party licences the build writes', () => {
  it('lists the production dependencies (followed through their own) and the bundled packages, not dev tools', () => {
    const bundled = [
      join(root, 'node_modules/@scope/bundled/dist/index.js?commonjs-proxy'),
      join(root, 'src/renderer/strip/strip-app.tsx'),
      '\0vite/preload-helper',
    ];
    expect(collectLicences(root, bundled)).toEqual([
      { name: '@scope/bundled', version: '1.0.0', license: '(Apache-2.0)', text: 'apache text' },
      { name: 'conf', version: '14.0.0', license: 'MIT', text: '' },
      { name: 'electron-store', version: '12.0.0', license: 'MIT', text: 'store licence' },
      { name: 'ws', version: '8.18.0', license: 'MIT', text: 'ws licence' },
    ]);
  });

  it('finds the package a bundled module belongs to, scoped or not', () => {
    expect(packageRootOf('/a/node_modules/react-dom/cjs/react-dom.production.js')).toBe('/a/node_modules/react-dom');
    expect(packageRootOf('/a/node_modules/x/node_modules/@s/y/index.js')).toBe('/a/node_modules/x/node_modules/@s/y');
    expect(packageRootOf('/a/src/main/index.ts')).toBeNull();
  });
});
