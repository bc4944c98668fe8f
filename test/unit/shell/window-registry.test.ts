import { describe, it, expect, vi, beforeEach } from 'vitest';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { MockBrowserWindow, resetElectronMock } from '../../support/electron-mock';
import { WindowRegistry, forwardCoreEvents } from '../../../src/main/shell/window-registry';
import { appPageLocation, appWindowFactory } from '../../../src/main/shell/app-window';
import { Signal } from '../../../src/shared/signal';
import {
  EVENT_CHANNELS,
  WINDOW_KIND_ARGUMENT,
  windowKindFromArgv,
  type EventContract,
  type EventName,
} from '../../../src/shared/ipc-contract';

vi.mock('electron', () => import('../../support/electron-mock'));

beforeEach(() => resetElectronMock());

function window(): MockBrowserWindow {
  return new MockBrowserWindow();
}

describe('WindowRegistry', () => {
  it('knows our live windows by webContents id and forgets closed ones', () => {
    const registry = new WindowRegistry();
    const a = window();
    const b = window();
    registry.add(a as unknown as BrowserWindow, 'settings');
    expect(registry.isOwnWebContents(a.webContents.id)).toBe(true);
    expect(registry.isOwnWebContents(b.webContents.id)).toBe(false);
    a.close();
    expect(registry.isOwnWebContents(a.webContents.id)).toBe(false);
    expect(registry.live()).toEqual([]);
  });

  it('forwards each core event only to the live windows whose page listens to it', () => {
    const registry = new WindowRegistry();
    const a = window();
    const b = window();
    registry.add(a as unknown as BrowserWindow, 'settings');
    registry.add(b as unknown as BrowserWindow, 'settings');
    for (const event of ['status', 'focusAddSymbol', 'notice'] as const)
      registry.setSubscribed(a.webContents.id, event, true);
    registry.setSubscribed(b.webContents.id, 'status', true);
    registry.setSubscribed(b.webContents.id, 'notice', true);
    const events = Object.fromEntries(Object.keys(EVENT_CHANNELS).map((name) => [name, new Signal()])) as unknown as {
      [K in EventName]: Signal<EventContract[K]>;
    };
    const stop = forwardCoreEvents(events, registry);
    events.status.emit({ state: 'live', since: 1 });
    events.focusAddSymbol.emit(null);
    events.quotes.emit({ seq: 1, at: 1, quotes: [], removed: [] });
    b.close();
    events.notice.emit({ level: 'info', message: 'hi', at: 2 });
    expect(a.webContents.send.mock.calls).toEqual([
      [EVENT_CHANNELS.status, { state: 'live', since: 1 }],
      [EVENT_CHANNELS.focusAddSymbol, null],
      [EVENT_CHANNELS.notice, { level: 'info', message: 'hi', at: 2 }],
    ]);
    expect(b.webContents.send.mock.calls).toEqual([[EVENT_CHANNELS.status, { state: 'live', since: 1 }]]);
    stop();
    for (const name of Object.keys(EVENT_CHANNELS) as EventName[]) expect(events[name].size).toBe(0);
  });

  it('never lets a strip listen to what only the settings window may receive (the relay with its token, notices)', () => {
    const registry = new WindowRegistry();
    const strip = window();
    registry.add(strip as unknown as BrowserWindow, 'strip');
    for (const event of ['relay', 'notice', 'quotes'] as const)
      registry.setSubscribed(strip.webContents.id, event, true);
    const events = Object.fromEntries(Object.keys(EVENT_CHANNELS).map((name) => [name, new Signal()])) as unknown as {
      [K in EventName]: Signal<EventContract[K]>;
    };
    const stop = forwardCoreEvents(events, registry);
    events.relay.emit({ token: 'secret-relay-token' } as unknown as EventContract['relay']);
    events.notice.emit({ level: 'info', message: 'hi', at: 2 });
    events.quotes.emit({ seq: 1, at: 1, quotes: [], removed: [] });
    expect(strip.webContents.send.mock.calls).toEqual([
      [EVENT_CHANNELS.quotes, { seq: 1, at: 1, quotes: [], removed: [] }],
    ]);
    expect(registry.kindOf(strip.webContents.id)).toBe('strip');
    stop();
  });

  it('stops sending an event once the page stops listening, and tells of each first subscription', () => {
    const registry = new WindowRegistry();
    const a = window();
    registry.add(a as unknown as BrowserWindow, 'settings');
    const firsts: string[] = [];
    registry.subscribed.subscribe(({ window: target, event }) =>
      firsts.push(`${(target as unknown as MockBrowserWindow).webContents.id}:${event}`),
    );
    registry.setSubscribed(a.webContents.id, 'quotes', true);
    registry.setSubscribed(a.webContents.id, 'quotes', true);
    registry.setSubscribed(9_999, 'quotes', true);
    registry.broadcast('quotes', { seq: 1, at: 1, quotes: [], removed: [] });
    registry.setSubscribed(a.webContents.id, 'quotes', false);
    registry.broadcast('quotes', { seq: 2, at: 2, quotes: [], removed: [] });
    expect(a.webContents.send).toHaveBeenCalledOnce();
    expect(firsts).toEqual([`${a.webContents.id}:quotes`]);
  });

  it('a window that throws on send does not stop the others', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const registry = new WindowRegistry();
    const broken = window();
    const fine = window();
    broken.webContents.send.mockImplementation(() => {
      throw new Error('Object has been destroyed');
    });
    registry.add(broken as unknown as BrowserWindow, 'settings');
    registry.add(fine as unknown as BrowserWindow, 'settings');
    registry.setSubscribed(broken.webContents.id, 'status', true);
    registry.setSubscribed(fine.webContents.id, 'status', true);
    registry.broadcast('status', { state: 'live', since: 0 });
    expect(fine.webContents.send).toHaveBeenCalledOnce();
  });
});

describe('appWindowFactory', () => {
  const BrowserWindowClass = MockBrowserWindow as unknown as new (
    options: BrowserWindowConstructorOptions,
  ) => BrowserWindow;

  it('forces the secure webPreferences, registers the window and loads the built page', () => {
    const registry = new WindowRegistry();
    const create = appWindowFactory({
      BrowserWindow: BrowserWindowClass,
      registry,
      preloadPath: '/app/out/preload/index.cjs',
      pages: { rendererDir: '/app/out/renderer' },
    });
    const made = create('strip', {
      width: 10,
      webPreferences: { nodeIntegration: true, sandbox: false, contextIsolation: false },
    }) as unknown as MockBrowserWindow;
    expect(made.options.webPreferences).toMatchObject({
      nodeIntegration: false,
      sandbox: true,
      contextIsolation: true,
      preload: '/app/out/preload/index.cjs',
    });
    expect(registry.isOwnWebContents(made.webContents.id)).toBe(true);
    expect(made.loadFile).toHaveBeenCalledWith(expect.stringMatching(/out[/\\]renderer[/\\]strip\.html$/));
  });

  it("makes each window the kind of its page: its preload builds that kind's bridge, main knows its kind", () => {
    const registry = new WindowRegistry();
    const create = appWindowFactory({
      BrowserWindow: BrowserWindowClass,
      registry,
      preloadPath: '/app/out/preload/index.cjs',
      pages: { rendererDir: '/app/out/renderer' },
    });
    for (const kind of ['strip', 'settings'] as const) {
      const made = create(kind, {
        webPreferences: { additionalArguments: [`${WINDOW_KIND_ARGUMENT}settings`, '--ticker-window=settings'] },
      }) as unknown as MockBrowserWindow;
      const preferences = made.options.webPreferences as { additionalArguments: string[] };
      expect(preferences.additionalArguments).toEqual([`${WINDOW_KIND_ARGUMENT}${kind}`]);
      expect(windowKindFromArgv(['electron', ...preferences.additionalArguments])).toBe(kind);
      expect(registry.kindOf(made.webContents.id)).toBe(kind);
    }
  });

  it('loads from the dev server in development', () => {
    const create = appWindowFactory({
      BrowserWindow: BrowserWindowClass,
      registry: new WindowRegistry(),
      preloadPath: '/p.cjs',
      pages: { rendererDir: '/r', devServerUrl: 'http://localhost:5173' },
    });
    const made = create('settings', {}) as unknown as MockBrowserWindow;
    expect(made.loadURL).toHaveBeenCalledWith('http://localhost:5173/settings.html');
    expect(appPageLocation('strip', { rendererDir: '/r', devServerUrl: 'http://localhost:5173/' })).toEqual({
      url: 'http://localhost:5173/strip.html',
    });
  });
});
