/**
 * electron-updater as Ticker uses it (the AppImage updater, Electron's net for requests, the feed
 * from app-update.yml), against a local generic feed on 127.0.0.1, with the Electron stand-in.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from '../../support/electron-mock';
import { lendElectronToRequire } from '../../support/electron-for-require';
import { createConsoleLog } from '../../../src/main/shell/app-log';
import { createElectronUpdateClient } from '../../../src/main/updates/electron-update-client';
import { UpdateService } from '../../../src/main/updates/update-service';
import { systemClock } from '../../../src/shared/clock';
import type { UpdateStatus } from '../../../src/shared/update-status';

vi.mock('electron', () => import('../../support/electron-mock'));

const INSTALLED = '0.1.0';
const payload = Buffer.from('#!/bin/sh\necho "Ticker 0.2.0"\n'.repeat(64));
const sha512 = createHash('sha512').update(payload).digest('base64');

function feedFor(version: string): string {
  return [
    `version: ${version}`,
    'files:',
    `  - url: Ticker-${version}.AppImage`,
    `    sha512: ${sha512}`,
    `    size: ${payload.length}`,
    `path: Ticker-${version}.AppImage`,
    `sha512: ${sha512}`,
    "releaseDate: '2026-12-01T10:00:00.000Z'",
    '',
  ].join('\n');
}

let feed = feedFor('0.2.0');
let served: string[] = [];
let server: Server;
let port: number;
let dir: string;
let restoreRequire: () => void;
const savedEnv = { APPIMAGE: process.env.APPIMAGE, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME };

beforeAll(async () => {
  restoreRequire = lendElectronToRequire(electron);
  server = createServer((request, response) => {
    served.push(request.url ?? '');
    if (request.url?.startsWith('/latest-linux.yml')) {
      response.writeHead(200, { 'content-type': 'text/yaml' }).end(feed);
    } else if (request.url?.startsWith('/Ticker-0.2.0.AppImage')) {
      response.writeHead(200, { 'content-length': payload.length }).end(payload);
    } else {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  restoreRequire();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  electron.resetElectronMock();
  dir = mkdtempSync(join(tmpdir(), 'ticker-updates-'));
  electron.app.isPackaged = true;
  electron.app.getVersion.mockReturnValue(INSTALLED);
  electron.app.getPath.mockImplementation((name: string) => join(dir, name));
  writeFileSync(join(dir, 'Ticker.AppImage'), 'the installed AppImage');
  process.env.APPIMAGE = join(dir, 'Ticker.AppImage');
  process.env.XDG_CACHE_HOME = join(dir, 'cache');
  served = [];
  feed = feedFor('0.2.0');
});

afterEach(() => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  rmSync(dir, { recursive: true, force: true });
});

/** The updater and the policy as the app makes them, pointed at `url` through app-update.yml. */
function updatesAgainst(url: string, enabled = true) {
  const configPath = join(dir, 'app-update.yml');
  writeFileSync(configPath, `provider: generic\nurl: ${url}\nupdaterCacheDirName: ticker-updater\n`);
  const log = createConsoleLog({ info: () => {}, warn: () => {}, error: () => {} });
  const client = createElectronUpdateClient({ kind: 'appimage', log, configPath });
  const ready = vi.fn();
  const updates = new UpdateService({
    clock: systemClock,
    client,
    enabled: () => enabled,
    onPreferencesChanged: () => () => {},
    onReady: ready,
  });
  return { updates, ready };
}

/** Resolve with the first status `accept` takes (or the current one if it already does). */
function statusWhere(updates: UpdateService, accept: (status: UpdateStatus) => boolean): Promise<UpdateStatus> {
  if (accept(updates.status())) return Promise.resolve(updates.status());
  return new Promise((resolve) => {
    const stop = updates.changed.subscribe((status) => {
      if (!accept(status)) return;
      stop();
      resolve(status);
    });
  });
}

describe('updates against a local feed', () => {
  it('finds a newer version, downloads it through Electron’s net and says it is ready', async () => {
    const { updates, ready } = updatesAgainst(`http://127.0.0.1:${port}/`);
    const done = statusWhere(updates, (status) => status.state === 'ready' || status.state === 'error');
    expect(await updates.checkNow()).toMatchObject({ state: 'downloading', version: '0.2.0' });
    expect(await done).toEqual({ state: 'ready', version: '0.2.0' });
    expect(ready).toHaveBeenCalledWith('0.2.0');
    expect(served).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/latest-linux\.yml/), '/Ticker-0.2.0.AppImage']),
    );
    expect(electron.net.request).toHaveBeenCalled();
  });

  it('the same version: no update, nothing downloaded', async () => {
    feed = feedFor(INSTALLED);
    const { updates } = updatesAgainst(`http://127.0.0.1:${port}/`);
    expect(await updates.checkNow()).toMatchObject({ state: 'up-to-date' });
    expect(served.every((url) => url.startsWith('/latest-linux.yml'))).toBe(true);
  });

  it('a malformed feed: a clear status, no crash', async () => {
    feed = 'version: [0.2.0\nfiles: {{{\n';
    const { updates } = updatesAgainst(`http://127.0.0.1:${port}/`);
    expect(await updates.checkNow()).toMatchObject({
      state: 'error',
      message: 'the update information on the server could not be read (it is malformed).',
    });
  });

  it('a feed without a version: a clear status, no crash', async () => {
    feed = 'files: []\n';
    const { updates } = updatesAgainst(`http://127.0.0.1:${port}/`);
    const status = await updates.checkNow();
    expect(status).toMatchObject({ state: 'error' });
    expect((status as { message: string }).message).toMatch(/malformed|could not be read/);
  });

  it('a feed with no update information for this system (404): a clear status', async () => {
    const { updates } = updatesAgainst(`http://127.0.0.1:${port}/nothing-here/`);
    expect(await updates.checkNow()).toMatchObject({
      state: 'error',
      message: 'the update server has no update information for this system (HTTP 404).',
    });
  });

  it('an unreachable feed: a clear status, no crash', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const { updates } = updatesAgainst(`http://127.0.0.1:${closedPort}/`);
    expect(await updates.checkNow()).toMatchObject({
      state: 'error',
      message: 'the update server could not be reached (ECONNREFUSED).',
    });
  });

  it('with the preference off, nothing is requested at all', async () => {
    const { updates } = updatesAgainst(`http://127.0.0.1:${port}/`, false);
    updates.start();
    expect(await updates.checkNow()).toEqual({ state: 'off' });
    updates.stop();
    expect(served).toEqual([]);
    expect(electron.net.request).not.toHaveBeenCalled();
  });
});
