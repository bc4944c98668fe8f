#!/usr/bin/env node
// `npm start`: make sure the Electron runtime is there (ensure-electron.mjs, which shows the first
// download's progress), build the app, launch it, saying at each step what is happening so the
// first start's minute of work never looks like a hang.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const scripts = dirname(fileURLToPath(import.meta.url));
const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');

/** Run a Node script with the terminal's input and output; resolves with its exit code. */
function run(script, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`✖ Could not run ${script}: ${error.message}`);
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);

const ensured = await run(join(scripts, 'ensure-electron.mjs'), []);
if (ensured !== 0) process.exit(ensured);

console.log('Building Ticker (electron-vite build)…');
const building = Date.now();
const built = await run(electronVite, ['build']);
if (built !== 0) {
  console.error(`✖ The build failed (exit ${built}); see the messages above.`);
  process.exit(built);
}
console.log(`Built in ${seconds(building)} s. Launching Ticker…`);
process.exit(await run(electronVite, ['preview', '--skipBuild']));
