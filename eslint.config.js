import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ROOT = dirname(fileURLToPath(import.meta.url));

/**
 * The engine's folders in layers, lowest first. A folder may import its own files and any folder in a
 * lower layer, never one beside it or above it, so there is no loop between engine folders:
 * - net, files: proxies, fetch, bounded file reads;
 * - feed: the one Finnhub connection and the demo source;
 * - market: tick store, publisher, REST, market watch;
 * - session: one feed session and the subscription union (who wants which symbols under the cap);
 * - alerts, context, relay, portfolio: the services built on a session, beside each other;
 * - settings: the stored settings (it mints the relay's token);
 * - core: the app without Electron, wiring all of the above.
 * test/unit/lint/engine-layers.test.ts checks the same on the real import graph.
 */
const ENGINE_LAYERS = [
  ['net', 'files'],
  ['feed'],
  ['market'],
  ['session'],
  ['alerts', 'context', 'relay', 'portfolio'],
  ['settings'],
  ['core'],
];
const ENGINE_PACKAGES = ['node:', 'ws'];
const engineFolder = (name) => `src/engine/${name}`;
const ENGINE_PARTS = ENGINE_LAYERS.flatMap((layer, level) =>
  layer.map((name) => ({
    name: `engine ${name}`,
    files: [engineFolder(name)],
    ours: [name, ...ENGINE_LAYERS.slice(0, level).flat()].map(engineFolder).concat('src/shared'),
    packages: ENGINE_PACKAGES,
  })),
);

/**
 * What each part of src/ may import: an allowlist, so anything not named here is an error.
 * `files` say which part a source file belongs to (the first part listing a folder or file holding
 * it wins); `ours` are the folders of ours it may import; `packages` the npm packages (`node:` for
 * Node's built-ins). From the bottom up: shared imports nothing of ours but itself; the engine
 * (in the layers above) never imports Electron, the headless commands or main; the headless
 * commands (cli) sit on the engine; in main, ipc (the channels' registration, validation and sender
 * check) imports only shared, and the shell (windows, tray, menus, the app's start) wires the engine
 * to ipc; the preload and the renderer never import main-process code.
 */
const PARTS = [
  { name: 'shared', files: ['src/shared'], ours: ['src/shared'], packages: [] },
  // The one Electron edge of settings: the electron-store file adapter.
  {
    name: 'shell',
    files: ['src/main/shell/electron-settings-store.ts'],
    ours: ['src/main', 'src/engine', 'src/shared'],
    packages: ['electron-store'],
  },
  // The headless command's fetch through the environment's proxy: undici's proxy agent.
  {
    name: 'engine net',
    files: ['src/engine/net/env-proxy-fetch.ts'],
    ours: ['src/engine/net', 'src/shared'],
    packages: ['node:', 'undici'],
  },
  // The log file (electron-log's Node side: no IPC, no Electron) and the updater, each at its one edge.
  {
    name: 'shell',
    files: ['src/main/shell/app-log.ts'],
    ours: ['src/main', 'src/engine', 'src/shared'],
    packages: ['node:', 'electron-log'],
  },
  {
    name: 'shell',
    files: ['src/main/updates/electron-update-client.ts'],
    ours: ['src/main', 'src/engine', 'src/shared'],
    packages: ['electron-updater'],
  },
  ...ENGINE_PARTS,
  // An engine folder not yet given a layer: the engine and shared, and the loop test still applies.
  { name: 'engine', files: ['src/engine'], ours: ['src/engine', 'src/shared'], packages: ENGINE_PACKAGES },
  { name: 'cli', files: ['src/cli'], ours: ['src/cli', 'src/engine', 'src/shared'], packages: ['node:'] },
  { name: 'ipc', files: ['src/main/ipc'], ours: ['src/main/ipc', 'src/shared'], packages: ['node:'] },
  {
    name: 'shell',
    files: ['src/main'],
    ours: ['src/main', 'src/engine', 'src/shared'],
    packages: ['node:', 'electron'],
  },
  { name: 'preload', files: ['src/preload'], ours: ['src/preload', 'src/shared'], packages: ['electron'] },
  { name: 'renderer', files: ['src/renderer'], ours: ['src/renderer', 'src/shared'], packages: ['react', 'react-dom'] },
];

const within = (path, folder) => path === folder || path.startsWith(`${folder}/`);
const fromRoot = (path) => relative(ROOT, path).split(sep).join('/');
const packageOf = (source) =>
  source.startsWith('node:')
    ? 'node:'
    : source
        .split('/')
        .slice(0, source.startsWith('@') ? 2 : 1)
        .join('/');

/** The boundaries above as a lint rule: every import, export-from and import() of a source file. */
const allowedImports = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const file = fromRoot(context.filename);
    const part = PARTS.find((candidate) => candidate.files.some((folder) => within(file, folder)));
    if (!part) return {};
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      if (source.startsWith('.')) {
        const target = fromRoot(resolve(dirname(context.filename), source));
        if (!part.ours.some((folder) => within(target, folder))) {
          context.report({ node, message: `The ${part.name} (${part.ours.join(', ')}) may not import ${target}.` });
        }
      } else if (!part.packages.includes(packageOf(source))) {
        context.report({
          node,
          message: `The ${part.name} may not import "${source}" (allowed: ${part.packages.join(', ') || 'no packages'}).`,
        });
      }
    };
    const fromSource = (node) => node.source && check(node, node.source.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-output/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Source stays readable in pieces: no function over 120 lines, no file over 500.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'max-lines-per-function': ['error', { max: 120, skipBlankLines: false, skipComments: false }],
      'max-lines': ['error', { max: 500, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    // Plain Node scripts (no TypeScript to declare Node's globals for them).
    files: ['scripts/**/*.mjs'],
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
  {
    // CommonJS hooks preloaded into Electron's installer (node --require).
    files: ['scripts/**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        URL: 'readonly',
        Response: 'readonly',
        TransformStream: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries: { rules: { 'allowed-imports': allowedImports } } },
    rules: { 'boundaries/allowed-imports': 'error' },
  },
);
