#!/usr/bin/env node
// Runs before `npm start`, `npm run dev` and `npm run dist`: makes sure the Electron runtime is
// installed. Since Electron 43 `npm install` no longer downloads it, and electron-vite only looks
// for node_modules/electron/path.txt and stops with "Electron uninstall" when it is missing.
//
// The download is Electron's own installer (node_modules/electron/install.js), so ELECTRON_MIRROR,
// ELECTRON_CUSTOM_DIR, electron_config_cache, electron_use_remote_checksums and proxies behave as
// Electron documents them. When the runtime is already there, this returns at once, offline.
// When the download fails, the user gets what failed and what to do, not the installer's stack.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const { version } = require('electron/package.json');
const target = `Electron ${version} for ${process.platform}-${process.arch}`;
const REASON_HOOK = join(dirname(fileURLToPath(import.meta.url)), 'electron-install-reason.cjs');
const PROGRESS_HOOK = join(dirname(fileURLToPath(import.meta.url)), 'electron-download-progress.cjs');

/** The runtime's executable when install.js has completed for this version, else null. */
function installedExecutable() {
  try {
    const relative = readFileSync(join(electronDir, 'path.txt'), 'utf8');
    const installed = readFileSync(join(electronDir, 'dist', 'version'), 'utf8')
      .trim()
      .replace(/^v/, '');
    const executable = join(electronDir, 'dist', relative);
    return installed === version && existsSync(executable) ? executable : null;
  } catch {
    return null;
  }
}

/** Where @electron/get keeps downloads (electron_config_cache, else its per-user default). */
function downloadCache() {
  if (process.env.electron_config_cache) return process.env.electron_config_cache;
  if (process.platform === 'win32')
    return join(process.env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'electron', 'Cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'electron');
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'electron');
}

function mirror() {
  return process.env.npm_config_electron_mirror || process.env.ELECTRON_MIRROR || null;
}

/**
 * The installer's environment. A proxy set the usual way (HTTPS_PROXY / HTTP_PROXY, or npm's own
 * https-proxy / proxy settings) is handed to @electron/get, which only uses one when
 * ELECTRON_GET_USE_PROXY is set.
 */
function installerEnv() {
  const env = { ...process.env, ELECTRON_GET_NO_PROGRESS: '1' };
  const npmHttps = env.npm_config_https_proxy || env.npm_config_proxy;
  const npmHttp = env.npm_config_proxy;
  if (!env.HTTPS_PROXY && !env.https_proxy && npmHttps) env.HTTPS_PROXY = npmHttps;
  if (!env.HTTP_PROXY && !env.http_proxy && npmHttp) env.HTTP_PROXY = npmHttp;
  if (!env.NO_PROXY && !env.no_proxy && env.npm_config_noproxy) env.NO_PROXY = env.npm_config_noproxy;
  const proxied = [env.HTTPS_PROXY, env.https_proxy, env.HTTP_PROXY, env.http_proxy].some(Boolean);
  if (proxied && env.ELECTRON_GET_USE_PROXY === undefined) env.ELECTRON_GET_USE_PROXY = 'true';
  return env;
}

/** One line from the installer's error output: its message and causes, without the stack. */
function reasonFrom(stderr) {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('at '));
  if (lines.length === 0) return 'the installer stopped without saying why';
  // "TypeError: fetch failed" + "cause: Error: connect ECONNREFUSED …" → "fetch failed: connect ECONNREFUSED …"
  return lines
    .slice(0, 4)
    .map((line) => line.replace(/^(cause: )?[A-Za-z]*Error: /, '').replace(/^cause: /, ''))
    .join(': ');
}

function fail(reason) {
  const cache = downloadCache();
  const lines = [
    '',
    `✖ Could not download the Electron runtime (${target}).`,
    `  Reason: ${reason}`,
    '',
    '  Ticker needs this runtime once; after that it starts without the network. To get it:',
    '  • Check your internet connection, then run the command again.',
    '  • Behind a proxy: set HTTPS_PROXY, e.g.  HTTPS_PROXY=http://proxy.example.com:3128 npm start',
    '  • Through a mirror:  ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm start',
    `  • Offline: copy Electron's download cache (${cache}) from a machine where \`npm start\` worked,`,
    `    or run an Electron ${version} you already have:  ELECTRON_EXEC_PATH=/path/to/electron npm start`,
    `  • The installer's own output:  DEBUG='@electron/get*' node ${join('node_modules', 'electron', 'install.js')}`,
    '',
  ];
  process.stderr.write(lines.join('\n'));
  process.exit(1);
}

async function main() {
  const execPath = process.env.ELECTRON_EXEC_PATH;
  if (execPath) {
    // electron-vite runs this executable instead of the installed runtime.
    if (existsSync(execPath)) return;
    fail(`ELECTRON_EXEC_PATH is set to ${execPath}, which does not exist`);
  }
  if (installedExecutable()) return;

  const from = mirror() ?? 'GitHub (github.com/electron/electron/releases)';
  console.log(`Downloading the Electron runtime once (${target}, roughly 100 MB) from ${from}…`);
  const started = Date.now();
  // Progress comes from our hook on stdout; the installer's own bar (after 30 s, terminals only) would double it.
  const child = spawn(
    process.execPath,
    ['--require', REASON_HOOK, '--require', PROGRESS_HOOK, join(electronDir, 'install.js')],
    {
      stdio: ['ignore', 'inherit', 'pipe'],
      env: installerEnv(),
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise((resolve) => {
    child.on('error', (error) => {
      stderr += `${error.message}\n`;
      resolve(1);
    });
    child.on('close', (status) => resolve(status ?? 1));
  });
  if (code !== 0) fail(reasonFrom(stderr));
  if (!installedExecutable())
    fail(`the installer finished, but ${join(electronDir, 'path.txt')} does not name an executable in dist/`);
  console.log(`Electron runtime installed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

await main();
