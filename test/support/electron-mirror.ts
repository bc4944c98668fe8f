/**
 * An Electron download mirror on 127.0.0.1 for tests that fetch the runtime for real (Electron's
 * installer, electron-builder): it serves a stand-in runtime zip and its SHASUMS256.txt at the paths
 * @electron/get asks for with ELECTRON_CUSTOM_DIR='{{ version }}', and records every request.
 *
 * The stand-in executable is a Node script that appends one JSON line per launch to
 * $TICKER_STAND_IN_RECORD. It also carries an Electron fuse wire (the sentinel @electron/fuses looks
 * for, wire version 1, 8 fuses, all on), so packaging can flip fuses on it as on the real binary.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { storedZip } from './stored-zip';

export const ELECTRON_VERSION = (
  JSON.parse(readFileSync(new URL('../../node_modules/electron/package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
export const ZIP_NAME = `electron-v${ELECTRON_VERSION}-${process.platform}-${process.arch}.zip`;
export const ZIP_PATH = `/${ELECTRON_VERSION}/${ZIP_NAME}`;
export const SHASUMS_PATH = `/${ELECTRON_VERSION}/SHASUMS256.txt`;

/** The sentinel @electron/fuses finds the fuse wire by (its constants.SENTINEL). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_WIRE = `${FUSE_SENTINEL}\x01\x08${'1'.repeat(8)}`;

export const STAND_IN_EXECUTABLE = `#!/usr/bin/env node
// Electron stand-in. Fuse wire: ${FUSE_WIRE}
require('node:fs').appendFileSync(process.env.TICKER_STAND_IN_RECORD, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd() }) + '\\n');
`;

/** Linux's layout of an Electron release zip, in miniature. */
export function standInZip(): Buffer {
  return storedZip([
    { name: 'electron', data: STAND_IN_EXECUTABLE, mode: 0o755 },
    { name: 'chrome-sandbox', data: 'stand-in', mode: 0o755 },
    { name: 'version', data: ELECTRON_VERSION },
    { name: 'LICENSE', data: 'Electron stand-in licence' },
    { name: 'resources/default_app.asar', data: 'stand-in default app' },
    { name: 'locales/en-US.pak', data: 'stand-in locale' },
  ]);
}

export interface ElectronMirror {
  url: string;
  /** Paths asked for, in order. */
  requests: string[];
  /** The environment that points Electron's installer and electron-builder at this mirror. */
  env(cache: string): Record<string, string>;
  close(): Promise<void>;
}

export async function startElectronMirror(): Promise<ElectronMirror> {
  const zip = standInZip();
  const files = new Map<string, Buffer>([
    [ZIP_PATH, zip],
    [SHASUMS_PATH, Buffer.from(`${createHash('sha256').update(zip).digest('hex')} *${ZIP_NAME}\n`)],
  ]);
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://mirror').pathname;
    requests.push(path);
    const body = files.get(path);
    if (!body) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    requests,
    env: (cache) => ({
      ELECTRON_MIRROR: url,
      ELECTRON_CUSTOM_DIR: '{{ version }}',
      electron_use_remote_checksums: '1',
      electron_config_cache: cache,
    }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The environment without the caller's Electron download and npm settings. */
export function cleanEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && !/^(npm_|electron_|ELECTRON_|https?_proxy$|no_proxy$)/i.test(entry[0]),
    ),
  );
}
