import { describe, it, expect, vi, beforeEach } from 'vitest';
import type { Menu, NativeImage, Tray } from 'electron';
import {
  Menu as MockMenuApi,
  MockTray,
  mockDisplay,
  nativeImage,
  resetElectronMock,
  screen,
  type MockMenu,
} from '../../support/electron-mock';
import { TrayController, trayIconPath } from '../../../src/main/shell/tray';
import type { TrayMenuActions } from '../../../src/main/shell/tray-menu';
import { Signal } from '../../../src/shared/signal';
import type { FeedStatus, Preferences, PublicSettings, RelayOverview } from '../../../src/shared/types';
import type { EventContract, EventName } from '../../../src/shared/ipc-contract';
import type { TickerCore } from '../../../src/engine/core/ticker-core';

vi.mock('electron', () => import('../../support/electron-mock'));

const PREFS = {
  position: 'top',
  displayId: null,
  alwaysOnTop: true,
  clickThrough: false,
  launchAtLogin: false,
  paused: false,
  hidden: false,
} as Preferences;

function setup(initial: FeedStatus['state'] = 'connecting') {
  let status: FeedStatus = { state: initial, since: 0 };
  let symbols = ['AAPL'];
  const events = {
    quotes: new Signal(),
    status: new Signal(),
    settings: new Signal(),
    notice: new Signal(),
    focusAddSymbol: new Signal(),
    relay: new Signal(),
  } as { [K in EventName]: Signal<EventContract[K]> };
  let relay: RelayOverview = { enabled: false, port: 8765, listening: false, error: null, clients: [] };
  const core = {
    events,
    status: () => status,
    symbols: () => symbols,
    lists: () => [{ id: 'l1', name: 'Watch list', symbols }],
    shownListId: () => 'l1',
    preferences: () => PREFS,
    relay: () => relay,
  } as Pick<TickerCore, 'events' | 'status' | 'symbols' | 'lists' | 'shownListId' | 'preferences' | 'relay'>;
  const actions = { removeSymbol: vi.fn() } as unknown as TrayMenuActions;
  const controller = new TrayController({
    createTray: (icon) => new MockTray(icon as never) as unknown as Tray,
    buildMenu: (template) => MockMenuApi.buildFromTemplate(template) as unknown as Menu,
    loadIcon: (state) => nativeImage.createFromPath(trayIconPath('/res', state)) as unknown as NativeImage,
    core,
    screen: screen as never,
    actions,
    maxSymbols: 50,
  });
  const tray = MockTray.instances[0]!;
  const labels = () => ((tray.menu as MockMenu).items as Array<{ label?: string }>).map((item) => item.label);
  return {
    controller,
    tray,
    labels,
    events,
    setStatus: (next: FeedStatus) => {
      status = next;
      events.status.emit(next);
    },
    setRelay: (next: RelayOverview) => {
      relay = next;
      events.relay.emit({ ...next, token: 'relay-token-0123456789', origins: [] });
    },
    setSymbols: (next: string[]) => {
      symbols = next;
      events.settings.emit({ symbols: next } as PublicSettings);
    },
  };
}

beforeEach(() => resetElectronMock());

describe('TrayController', () => {
  it('starts with the icon, tooltip and menu of the current state', () => {
    const { tray, labels } = setup('demo');
    expect(tray.image.path).toBe(trayIconPath('/res', 'demo'));
    expect(trayIconPath('/res', 'demo')).toMatch(/[/\\]res[/\\]tray[/\\]demo\.png$/);
    expect(tray.tooltip).toBe('Ticker: Demo prices (no API key)');
    expect(labels()[0]).toBe('Demo prices (no API key)');
  });

  it('changes icon and tooltip with the status, one icon per group of states', () => {
    const { tray, setStatus } = setup('connecting');
    const shown: string[] = [];
    for (const state of [
      'live',
      'reconnecting',
      'rate-limited',
      'unauthorized',
      'offline',
      'paused',
      'demo',
    ] as const) {
      setStatus({ state, since: 1 });
      shown.push(tray.image.path.replace(/^.*[/\\]/, ''));
    }
    expect(shown).toEqual([
      'live.png',
      'warning.png',
      'warning.png',
      'error.png',
      'error.png',
      'paused.png',
      'demo.png',
    ]);
    expect(tray.tooltip).toBe('Ticker: Demo prices (no API key)');
    // Icons are loaded once per state and reused.
    expect(nativeImage.createFromPath).toHaveBeenCalledTimes(5);
  });

  it('rebuilds the menu when the settings change', () => {
    const { labels, setSymbols } = setup('live');
    expect(labels()).toContain('AAPL');
    setSymbols(['MSFT']);
    expect(labels()).toContain('MSFT');
    expect(labels()).not.toContain('AAPL');
  });

  it('rebuilds the display list when displays change', () => {
    const { tray } = setup('live');
    screen.setDisplays(
      [
        mockDisplay(1, { x: 0, y: 0, width: 1920, height: 1080 }),
        mockDisplay(2, { x: 1920, y: 0, width: 1280, height: 1024 }),
      ],
      1,
      'display-added',
    );
    const position = (
      (tray.menu as MockMenu).items as Array<{
        id?: string;
        submenu?: Array<{ id?: string; submenu?: Array<{ label: string }> }>;
      }>
    ).find((item) => item.id === 'position')!;
    const displays = position.submenu!.find((item) => item.id === 'display')!.submenu!;
    expect(displays.map((item) => item.label)).toEqual([
      'Mock display 1 (1920×1080) (primary)',
      'Mock display 2 (1280×1024)',
    ]);
  });

  it('destroy removes the tray and stops listening', () => {
    const { controller, tray, events } = setup('live');
    controller.destroy();
    expect(tray.destroy).toHaveBeenCalledOnce();
    expect(events.status.size).toBe(0);
    expect(events.settings.size).toBe(0);
    expect(screen.listenerCount('display-added')).toBe(0);
    controller.refresh();
    expect(tray.setContextMenu).toHaveBeenCalledTimes(1);
  });
});

describe('TrayController: the relay', () => {
  beforeEach(() => resetElectronMock());

  it('says how many clients are connected, and nothing while the relay is off', () => {
    const { labels, setRelay } = setup('live');
    expect(labels().some((label) => label?.startsWith('Relay'))).toBe(false);
    const client = { id: 'ws-1', kind: 'websocket' as const, origin: null, connectedAt: 0, symbols: ['AAPL'] };
    setRelay({
      enabled: true,
      port: 8765,
      listening: true,
      error: null,
      clients: [client, { ...client, id: 'sse-2', kind: 'sse' }],
    });
    expect(labels()).toContain('Relay on port 8765, 2 clients connected');
    setRelay({ enabled: true, port: 8765, listening: true, error: null, clients: [client] });
    expect(labels()).toContain('Relay on port 8765, 1 client connected');
    setRelay({ enabled: true, port: 8765, listening: false, error: 'Port 8765 is already in use', clients: [] });
    expect(labels()).toContain('Relay not running');
    setRelay({ enabled: true, port: 8765, listening: false, error: null, clients: [] });
    expect(labels()).toContain('Relay starting on port 8765');
    setRelay({ enabled: false, port: 8765, listening: false, error: null, clients: [] });
    expect(labels().some((label) => label?.startsWith('Relay'))).toBe(false);
  });
});
