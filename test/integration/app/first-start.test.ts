/**
 * A fresh clone's `npm start`, for real: a project copy with no Electron runtime runs `npm start`
 * against a mirror on 127.0.0.1 that serves a stand-in runtime (a script that records how it was
 * launched) and its SHASUMS256.txt. Electron's own installer fetches and checks it, electron-vite
 * builds the app and launches the stand-in with it; a second start downloads nothing; with the
 * mirror gone the start fails at once with a message a user can act on.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProjectWithoutRuntime, type ProjectCopy } from '../../support/project-copy';
import { storedZip } from '../../support/stored-zip';

const ELECTRON_VERSION = (
  JSON.parse(readFileSync(new URL('../../../node_modules/electron/package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
const ZIP_NAME = `electron-v${ELECTRON_VERSION}-${process.platform}-${process.arch}.zip`;
/** Where install.js expects the executable inside the zip (its getPlatformPath). */
const EXECUTABLE =
  process.platform === 'darwin'
    ? 'Electron.app/Contents/MacOS/Electron'
    : process.platform === 'win32'
      ? 'electron.exe'
      : 'electron';

/** The stand-in runtime's padding: several times the size of one network read. */
const FILLER_BYTES = 8_000_000;

/** The stand-in runtime: appends one JSON line per launch (arguments, folder) and exits. */
const STAND_IN = `#!/usr/bin/env node
require('node:fs').appendFileSync(process.env.TICKER_STAND_IN_RECORD, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd() }) + '\\n');
`;

interface Mirror {
  url: string;
  /** Paths asked for, prefixed with the host when it is not the mirror itself (a proxied request). */
  requests: string[];
  /** Targets of CONNECT requests (the mirror acting as a proxy). */
  tunnels: string[];
  close(): Promise<void>;
}

async function startMirror(): Promise<Mirror> {
  const zip = storedZip([
    { name: EXECUTABLE, data: STAND_IN, mode: 0o755 },
    { name: 'version', data: ELECTRON_VERSION },
    // Enough bytes to arrive in many pieces, so the download's progress has steps to show.
    { name: 'resources/filler.bin', data: Buffer.alloc(FILLER_BYTES, 7) },
  ]);
  const shasums = `${createHash('sha256').update(zip).digest('hex')} *${ZIP_NAME}\n`;
  const files = new Map<string, Buffer>([
    [`/${ELECTRON_VERSION}/${ZIP_NAME}`, zip],
    [`/${ELECTRON_VERSION}/SHASUMS256.txt`, Buffer.from(shasums)],
  ]);
  const requests: string[] = [];
  const tunnels: string[] = [];
  const server: Server = createServer((request, response) => {
    const { pathname: path, host } = new URL(request.url ?? '/', `http://${request.headers.host ?? 'mirror'}`);
    requests.push(host === `127.0.0.1:${port}` ? path : `${host}${path}`);
    const body = files.get(path);
    if (!body) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
  });
  // As a proxy: tunnel every CONNECT to this same server, whatever host was asked for.
  const sockets = new Set<Socket>();
  server.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
    tunnels.push(request.url ?? '');
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => sockets.delete(socket));
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    tunnels,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `command` in `dir` with only the given Electron download settings (none of the caller's). */
async function runIn(dir: string, env: Record<string, string>, command: string, args: string[]): Promise<Run> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(npm_|electron_|ELECTRON_|https?_proxy$|no_proxy$)/i.test(key)),
  );
  const child = spawn(command, args, {
    cwd: dir,
    env: { ...clean, npm_config_update_notifier: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}

const npmStart = (dir: string, env: Record<string, string>): Promise<Run> => runIn(dir, env, 'npm', ['start']);
/** What `npm start` runs before electron-vite. */
const ensureRuntime = (dir: string, env: Record<string, string>): Promise<Run> =>
  runIn(dir, env, process.execPath, ['scripts/ensure-electron.mjs']);

let mirror: Mirror;
let project: ProjectCopy;
let scratch: string;
let record: string;

beforeAll(async () => {
  [mirror, project] = await Promise.all([startMirror(), Promise.resolve(copyProjectWithoutRuntime())]);
  scratch = mkdtempSync(join(tmpdir(), 'ticker-first-start-'));
  record = join(scratch, 'launches.ndjson');
});

afterAll(async () => {
  await mirror?.close();
  project?.remove();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const launches = (): { argv: string[]; cwd: string }[] =>
  existsSync(record)
    ? readFileSync(record, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { argv: string[]; cwd: string })
    : [];

// Each start runs npm, Electron's installer and a full build: minutes on a loaded machine, not seconds.
const START_TIMEOUT_MS = 120_000;

describe('npm start on a fresh clone', { timeout: START_TIMEOUT_MS }, () => {
  const mirrorEnv = () => ({
    ELECTRON_MIRROR: mirror.url,
    ELECTRON_CUSTOM_DIR: '{{ version }}',
    electron_use_remote_checksums: '1',
    electron_config_cache: join(scratch, 'cache'),
    TICKER_STAND_IN_RECORD: record,
  });

  it('downloads the runtime through Electron’s installer, builds, and launches it with the app', async () => {
    expect(existsSync(join(project.electronDir, 'path.txt'))).toBe(false);
    const run = await npmStart(project.dir, mirrorEnv());
    expect(run.code, run.stderr).toBe(0);
    expect(mirror.requests).toEqual([`/${ELECTRON_VERSION}/${ZIP_NAME}`, `/${ELECTRON_VERSION}/SHASUMS256.txt`]);
    expect(run.stdout).toContain(`Downloading the Electron runtime once (Electron ${ELECTRON_VERSION}`);
    // Not a terminal: a plain progress line at every 10 %, then what came in how fast.
    const progress = run.stdout.split('\n').filter((line) => /^ +\d+% /.test(line));
    // One line as each tenth is passed (a network read may carry it a little past the mark).
    const tenths = progress.map((line) => Math.floor(Number(line.trim().split('%')[0]) / 10) * 10);
    expect(tenths).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    const size = (FILLER_BYTES / 1_000_000).toFixed(1);
    expect(progress[0]).toMatch(new RegExp(`^ +1\\d% \\d+\\.\\d of ${size} MB, (\\d+\\.\\d MB/s|\\d+ kB/s|–)$`));
    expect(progress.at(-1)).toMatch(/^ +100% \d+\.\d MB in \d+\.\d s \((\d+\.\d MB\/s|\d+ kB\/s)\)$/);
    expect(run.stdout).toContain('Electron runtime installed');
    // Then it says what it does next, in order.
    const building = run.stdout.indexOf('Building Ticker');
    const launching = run.stdout.indexOf('Launching Ticker');
    expect(building).toBeGreaterThan(run.stdout.indexOf('Electron runtime installed'));
    expect(launching).toBeGreaterThan(building);
    expect(readFileSync(join(project.electronDir, 'path.txt'), 'utf8')).toBe(EXECUTABLE);
    // electron-vite preview runs `<runtime> .` in the project: the app is package.json's main, built.
    expect(launches()).toEqual([{ argv: ['.'], cwd: project.dir }]);
    const main = (JSON.parse(readFileSync(join(project.dir, 'package.json'), 'utf8')) as { main: string }).main;
    expect(existsSync(join(project.dir, main))).toBe(true);
  });

  it('starts again without downloading anything', async () => {
    const before = mirror.requests.length;
    const run = await npmStart(project.dir, mirrorEnv());
    expect(run.code, run.stderr).toBe(0);
    expect(mirror.requests.length).toBe(before);
    expect(run.stdout).not.toContain('Downloading');
    expect(launches()).toHaveLength(2);
  });

  it('downloads the runtime through a proxy given the usual way (HTTP_PROXY)', async () => {
    project.removeRuntime();
    const before = mirror.requests.length;
    const host = 'electron-mirror.invalid';
    const run = await ensureRuntime(project.dir, {
      ...mirrorEnv(),
      ELECTRON_MIRROR: `http://${host}/`,
      HTTP_PROXY: mirror.url,
      electron_config_cache: join(scratch, 'proxy-cache'),
    });
    expect(run.code, run.stderr).toBe(0);
    // Only the proxy can reach a .invalid host: every request went through it.
    expect(mirror.tunnels.length).toBeGreaterThan(0);
    expect(new Set(mirror.tunnels)).toEqual(new Set([`${host}:80`]));
    expect(mirror.requests.slice(before)).toEqual([
      `${host}/${ELECTRON_VERSION}/${ZIP_NAME}`,
      `${host}/${ELECTRON_VERSION}/SHASUMS256.txt`,
    ]);
    expect(readFileSync(join(project.electronDir, 'path.txt'), 'utf8')).toBe(EXECUTABLE);
  });

  it('without the mirror, stops before building with a message that says what to do', async () => {
    project.removeRuntime();
    rmSync(join(project.dir, 'out'), { recursive: true, force: true });
    await mirror.close();
    const run = await npmStart(project.dir, { ...mirrorEnv(), electron_config_cache: join(scratch, 'empty-cache') });
    expect(run.code).not.toBe(0);
    const message = run.stderr.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('npm '));
    expect(message[0]).toBe(
      `✖ Could not download the Electron runtime (Electron ${ELECTRON_VERSION} for ${process.platform}-${process.arch}).`,
    );
    expect(message[1]).toMatch(/^ {2}Reason: fetch failed: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
    expect(run.stderr).toContain('ELECTRON_MIRROR=');
    expect(run.stderr).toContain('HTTPS_PROXY=');
    expect(run.stderr).toContain('ELECTRON_EXEC_PATH=');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout + run.stderr).not.toContain('Electron uninstall');
    // Nothing was built and nothing launched: it stopped first.
    expect(existsSync(join(project.dir, 'out'))).toBe(false);
    expect(launches()).toHaveLength(2);
  });
});
