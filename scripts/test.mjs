#!/usr/bin/env node
// `npm test`: every check the project has, in order, without stopping at the first failure, so one
// run shows everything that is wrong. Ends with a plain `N passed, N failed` line (vitest's tests
// plus one per check step), and exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const steps = [
  ['type-check (node)', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']],
  ['type-check (web)', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']],
  ['type-check (browser tests, bench)', 'npx', ['tsc', '-p', 'tsconfig.browser.json', '--noEmit']],
  ['lint', 'npx', ['eslint', '.']],
  ['format (prettier --check)', 'npx', ['prettier', '--check', '.']],
  // Exports, files and dependencies nothing uses (knip.json names the entry points).
  ['unused code (knip)', 'npx', ['knip']],
  ['electronegativity', 'npm', ['run', '--silent', 'lint:electron']],
  ['build (electron-vite)', 'npx', ['electron-vite', 'build']],
];

mkdirSync('test-output', { recursive: true });
let passed = 0;
let failed = 0;
const failures = [];

function run(name, command, args) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

for (const [name, command, args] of steps) {
  if (run(name, command, args)) passed += 1;
  else {
    failed += 1;
    failures.push(name);
  }
}

const report = 'test-output/vitest.json';
rmSync(report, { force: true });
const vitestOk = run('vitest', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests ?? 0;
  failed += json.numFailedTests ?? 0;
  // A suite that fails to load has no failed tests but must still count.
  const brokenSuites = (json.testResults ?? []).filter(
    (s) => s.status === 'failed' && (s.assertionResults ?? []).every((a) => a.status !== 'failed'),
  );
  failed += brokenSuites.length;
  for (const s of brokenSuites) failures.push(`suite ${s.name}`);
  if (!vitestOk && failed === 0) {
    failed += 1;
    failures.push('vitest');
  }
} else {
  failed += 1;
  failures.push('vitest (no report)');
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
