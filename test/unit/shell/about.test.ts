import { describe, expect, it } from 'vitest';
import { aboutPanelOptions, packageInfo, parseThirdPartyLicences } from '../../../src/main/shell/about';
import { trayUpdateItem } from '../../../src/main/shell/tray-menu';
import { updateStatusText } from '../../../src/shared/update-status';

describe('About from the shipped package.json', () => {
  it('takes name, version, licence, an https homepage and the author', () => {
    expect(
      packageInfo(
        {
          productName: 'Ticker',
          version: '1.2.3',
          license: 'MIT',
          homepage: 'https://github.com/ticker/ticker#readme',
          author: 'Ticker maintainers <maintainers@example.com>',
        },
        '0.0.0',
      ),
    ).toEqual({
      name: 'Ticker',
      version: '1.2.3',
      license: 'MIT',
      homepage: 'https://github.com/ticker/ticker#readme',
      copyright: 'Copyright © Ticker maintainers',
    });
  });

  it('falls back plainly when fields are missing or odd; never a non-https homepage', () => {
    expect(packageInfo({ homepage: 'javascript:alert(1)', author: { name: 'A. Person' } }, '0.1.0')).toEqual({
      name: 'Ticker',
      version: '0.1.0',
      license: 'see the LICENSE file',
      homepage: null,
      copyright: 'Copyright © A. Person',
    });
    expect(packageInfo(null, '0.1.0').homepage).toBeNull();
    expect(packageInfo({ homepage: 'http://example.com' }, '0.1.0').homepage).toBeNull();
  });

  it('reads the build’s licences file, dropping what is malformed; null without one', () => {
    expect(parseThirdPartyLicences(null)).toBeNull();
    expect(parseThirdPartyLicences('not json')).toBeNull();
    expect(parseThirdPartyLicences('{"a":1}')).toBeNull();
    expect(
      parseThirdPartyLicences(
        JSON.stringify([
          { name: 'ws', version: '8.0.0', license: 'MIT', text: 'T' },
          { name: 3 },
          null,
          { name: 'x', version: '1' },
        ]),
      ),
    ).toEqual([
      { name: 'ws', version: '8.0.0', license: 'MIT', text: 'T' },
      { name: 'x', version: '1', license: 'UNKNOWN', text: '' },
    ]);
  });

  it('fills the OS about panel', () => {
    const panel = aboutPanelOptions(
      {
        name: 'Ticker',
        version: '1.2.3',
        electron: '45.5.0',
        chromium: '142',
        node: '22.20.0',
        license: 'MIT',
        homepage: 'https://example.com/',
        copyright: 'Copyright © X',
        thirdParty: null,
        logFolder: null,
        update: { state: 'idle' },
      },
      '/app/resources/icon.png',
    );
    expect(panel).toMatchObject({
      applicationName: 'Ticker',
      applicationVersion: '1.2.3',
      version: 'Electron 45.5.0, Chromium 142, Node 22.20.0',
      website: 'https://example.com/',
    });
  });
});

describe('where updating stands, in words', () => {
  it('the settings window’s sentence and the tray’s item for each state', () => {
    expect(updateStatusText({ state: 'up-to-date', checkedAt: 1 }, '1.2.3')).toBe('Ticker 1.2.3 is up to date.');
    expect(updateStatusText({ state: 'downloading', version: '1.3.0', percent: 41.6 }, '1.2.3')).toBe(
      'Downloading Ticker 1.3.0… 42 %',
    );
    expect(
      updateStatusText({ state: 'error', message: 'the update server answered HTTP 503.', checkedAt: 1 }, '1'),
    ).toBe('Could not check for updates: the update server answered HTTP 503.');
    expect(updateStatusText({ state: 'off' }, '1')).toMatch(/off/);
    expect(trayUpdateItem({ state: 'ready', version: '1.3.0' })).toEqual({
      label: 'Restart to update (1.3.0)',
      enabled: true,
    });
    expect(trayUpdateItem({ state: 'checking' })).toEqual({ label: 'Checking for updates…', enabled: false });
    expect(trayUpdateItem({ state: 'off' })).toEqual({ label: 'Check for updates…', enabled: true });
  });
});
