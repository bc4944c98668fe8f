import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ROOT = dirname(fileURLToPath(import.meta.url));

/**
 * What each part of src/ may import: an allowlist, so anything not named here is an error.
 * `files` say which part a source file belongs to (the first part listing a folder or file holding
 * it wins); `ours` are the folders of ours it may import; `packages` the npm packages (`node:` for
 * Node's built-ins). The engine runs in the headless command too, so it never imports Electron;
 * the renderer never imports main-process code; shared imports nothing of ours but itself.
 */
const ENGINE = ['src/engine', 'src/cli'];
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
    name: 'engine',
    files: ['src/engine/net/env-proxy-fetch.ts'],
    ours: [...ENGINE, 'src/shared'],
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
  { name: 'engine', files: ENGINE, ours: [...ENGINE, 'src/shared'], packages: ['node:', 'ws'] },
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
