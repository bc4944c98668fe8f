import { describe, expect, it } from 'vitest';
import { installKind, noSelfUpdateMessage, updatesItself } from '../../../src/main/updates/install-kind';
import { describeUpdateError } from '../../../src/main/updates/electron-update-client';

describe('how this copy was installed', () => {
  const linux = { isPackaged: true, platform: 'linux' as const, env: {}, packageType: null };

  it('tells the AppImage, the packages, NSIS, macOS and a source run apart', () => {
    expect(installKind({ ...linux, env: { APPIMAGE: '/home/u/Ticker.AppImage' } })).toBe('appimage');
    expect(installKind({ ...linux, packageType: 'deb\n' })).toBe('deb');
    // The package-type file wins over APPIMAGE (a .deb started from a shell that had it set).
    expect(installKind({ ...linux, env: { APPIMAGE: '/x' }, packageType: 'rpm' })).toBe('rpm');
    expect(installKind({ ...linux, packageType: 'pacman' })).toBe('pacman');
    expect(installKind(linux)).toBe('other');
    expect(installKind({ ...linux, platform: 'win32' })).toBe('nsis');
    expect(installKind({ ...linux, platform: 'darwin' })).toBe('mac');
    expect(installKind({ ...linux, isPackaged: false, env: { APPIMAGE: '/x' } })).toBe('unpackaged');
  });

  it('only the AppImage, NSIS and the macOS zip update themselves; a .deb is told to use its package manager', () => {
    expect(['appimage', 'nsis', 'mac'].every((kind) => updatesItself(kind as never))).toBe(true);
    expect(updatesItself('deb')).toBe(false);
    expect(noSelfUpdateMessage('deb')).toMatch(/\.deb package: update it with your package manager \(sudo apt/);
    expect(noSelfUpdateMessage('unpackaged')).toMatch(/runs from source/);
  });
});

describe('describeUpdateError', () => {
  const coded = (message: string, code: string) => Object.assign(new Error(message), { code });

  it('says what went wrong in a sentence, without stacks or URLs', () => {
    expect(describeUpdateError(coded('connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED'))).toBe(
      'the update server could not be reached (ECONNREFUSED).',
    );
    expect(describeUpdateError(new Error('net::ERR_INTERNET_DISCONNECTED'))).toBe(
      'the update server could not be reached (net::ERR_INTERNET_DISCONNECTED).',
    );
    expect(describeUpdateError(coded('Cannot parse update info …', 'ERR_UPDATER_INVALID_UPDATE_INFO'))).toMatch(
      /malformed/,
    );
    expect(describeUpdateError(Object.assign(new Error('HttpError: 404'), { statusCode: 404 }))).toMatch(/HTTP 404/);
    expect(describeUpdateError(Object.assign(new Error('HttpError: 503'), { statusCode: 503 }))).toBe(
      'the update server answered HTTP 503.',
    );
    expect(describeUpdateError(new Error('sha512 checksum mismatch, expected x'))).toMatch(/checksum/);
    expect(describeUpdateError(new Error(`${'x'.repeat(300)}\n at stack`))).toHaveLength(200);
  });
});
