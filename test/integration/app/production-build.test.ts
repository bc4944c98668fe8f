/**
 * What `npm run build` ships for the windows: minified pages whose shared chunks are named after
 * what they hold, and HTML that references only files the build wrote.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type AppBuild } from '../../support/app-build';

let build: AppBuild;
let assets: string[];

beforeAll(async () => {
  build = await buildApp();
  assets = readdirSync(join(build.out, 'renderer', 'assets'));
}, 120_000);

afterAll(() => build?.remove());

const read = (name: string): string => readFileSync(join(build.out, 'renderer', 'assets', name), 'utf8');

describe('production renderer build', () => {
  it('names every script chunk after its page or what it holds', () => {
    const scripts = assets.filter((name) => name.endsWith('.js'));
    expect(scripts.map((name) => name.replace(/-[\w-]{8}\.js$/, '')).sort()).toEqual([
      'card',
      'react',
      'settings',
      'shared',
      'strip',
    ]);
    const react = scripts.find((name) => name.startsWith('react-'))!;
    // React and React DOM themselves, not app code that happened to come first.
    expect(read(react)).toContain('react.transitional.element');
    expect(read(react)).not.toContain('window.ticker');
  });

  it('minifies scripts and styles', () => {
    for (const name of assets.filter((file) => file.endsWith('.js') || file.endsWith('.css'))) {
      const text = read(name);
      const lines = text.split('\n').length;
      // Unminified, React DOM alone is over 10,000 lines; minified output is a handful of long lines.
      expect(lines, name).toBeLessThan(20);
      expect(text, name).not.toMatch(/\/\/ node_modules\/|\/\/#region/);
    }
  });

  it('gives each page only references to files the build wrote', () => {
    for (const page of ['strip.html', 'settings.html', 'card.html']) {
      const html = readFileSync(join(build.out, 'renderer', page), 'utf8');
      const refs = [...html.matchAll(/(?:src|href)="(\.\/[^"]+)"/g)].map((match) => match[1]!);
      expect(refs.length, page).toBeGreaterThanOrEqual(4);
      for (const ref of refs)
        expect(existsSync(resolve(dirname(join(build.out, 'renderer', page)), ref)), `${page} → ${ref}`).toBe(true);
    }
  });
});
