import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { EventEmitter } from 'node:events';
import { contextBridge, ipcRenderer, resetElectronMock } from '../../support/electron-mock';
import { buildTickerApi, type IpcRendererLike } from '../../../src/preload/ticker-api';
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  listenerName,
  ok,
  SUBSCRIPTION_CHANNEL,
  WINDOW_CHANNELS,
  WINDOW_KIND_ARGUMENT,
  WINDOW_KINDS,
  type EventName,
  type InvokeName,
} from '../../../src/shared/ipc-contract';

vi.mock('electron', () => import('../../support/electron-mock'));

class FakeIpcRenderer extends EventEmitter implements IpcRendererLike {
  invoke = vi.fn(async (channel: string, ...args: unknown[]): Promise<unknown> => ok({ channel, args }));
  send = vi.fn((_channel: string, ..._args: unknown[]): void => {});
}

beforeEach(() => resetElectronMock());

const INVOKES = Object.keys(INVOKE_CHANNELS) as InvokeName[];
const EVENTS = Object.keys(EVENT_CHANNELS) as EventName[];

describe('buildTickerApi', () => {
  it("exposes exactly one function per invoke channel and one listener per event of the window's kind, nothing else", () => {
    for (const kind of WINDOW_KINDS) {
      const api = buildTickerApi(new FakeIpcRenderer(), kind);
      const { invoke, events } = WINDOW_CHANNELS[kind];
      const expected = [...invoke, ...events.map((event) => listenerName(event))].sort();
      expect(Object.keys(api).sort()).toEqual(expected);
      for (const value of Object.values(api)) expect(typeof value).toBe('function');
      expect(Object.isFrozen(api)).toBe(true);
      expect(api).not.toHaveProperty('ipcRenderer');
      expect(api).not.toHaveProperty('process');
    }
  });

  it('gives a strip nothing to read or change the key, the relay, the chart link or import/export with', () => {
    const ipc = new FakeIpcRenderer();
    const strip = buildTickerApi(ipc, 'strip') as Record<string, unknown>;
    for (const name of [
      'setApiKey',
      'testApiKey',
      'getRelay',
      'regenerateRelayToken',
      'setRelayOrigins',
      'copyRelay',
      'setPreferences',
      'exportSettings',
      'importSettings',
      'exportHoldings',
      'openExternal',
      'onRelay',
      'onNotice',
    ])
      expect(strip).not.toHaveProperty(name);
    expect(Object.keys(strip)).toContain('getPageStart');
    expect(Object.keys(strip)).toContain('openChart');
  });

  it('offers every invoke channel and event to some kind of window', () => {
    expect(WINDOW_KINDS.flatMap((kind) => WINDOW_CHANNELS[kind].invoke).sort()).toEqual(
      expect.arrayContaining(INVOKES),
    );
    expect(new Set(WINDOW_KINDS.flatMap((kind) => WINDOW_CHANNELS[kind].events))).toEqual(new Set(EVENTS));
  });

  it('invokes the contract channel of each function with its arguments', async () => {
    const ipc = new FakeIpcRenderer();
    const api = buildTickerApi(ipc, 'settings');
    await expect(api.addToList('l1', 'AAPL')).resolves.toEqual(
      ok({ channel: 'lists:add-symbol', args: ['l1', 'AAPL'] }),
    );
    await api.moveInList('l1', 'AAPL', 2);
    await api.getPageStart();
    expect(ipc.invoke.mock.calls).toEqual([
      [INVOKE_CHANNELS.addToList, 'l1', 'AAPL'],
      [INVOKE_CHANNELS.moveInList, 'l1', 'AAPL', 2],
      [INVOKE_CHANNELS.getPageStart],
    ]);
    for (const name of WINDOW_CHANNELS.settings.invoke) {
      ipc.invoke.mockClear();
      await (api[name] as (...args: unknown[]) => Promise<unknown>)();
      expect(ipc.invoke).toHaveBeenCalledWith(INVOKE_CHANNELS[name]);
    }
  });

  it('turns a failed invoke into an error value, never a rejection', async () => {
    const ipc = new FakeIpcRenderer();
    ipc.invoke.mockRejectedValue(new Error("No handler registered for 'app:page-start'"));
    await expect(buildTickerApi(ipc, 'settings').getPageStart()).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'Ticker did not answer.' },
    });
  });

  it('listeners get the payload only, never the IPC event, and unsubscribe', () => {
    const ipc = new FakeIpcRenderer();
    const api = buildTickerApi(ipc, 'settings');
    const listener = vi.fn();
    const unsubscribe = api.onStatus(listener);
    const senderEvent = { sender: { send: () => {} }, ports: [] };
    ipc.emit(EVENT_CHANNELS.status, senderEvent, { state: 'live', since: 1 });
    expect(listener.mock.calls).toEqual([[{ state: 'live', since: 1 }]]);
    unsubscribe();
    unsubscribe();
    ipc.emit(EVENT_CHANNELS.status, senderEvent, { state: 'offline', since: 2 });
    expect(listener).toHaveBeenCalledOnce();
    expect(ipc.listenerCount(EVENT_CHANNELS.status)).toBe(0);
  });

  it('tells main when the page starts and stops listening to an event, once per event', () => {
    const ipc = new FakeIpcRenderer();
    const api = buildTickerApi(ipc, 'settings');
    const first = api.onStatus(() => {});
    const second = api.onStatus(() => {});
    const notices = api.onNotice(() => {});
    first();
    first();
    expect(ipc.send.mock.calls).toEqual([
      [SUBSCRIPTION_CHANNEL, 'status', true],
      [SUBSCRIPTION_CHANNEL, 'notice', true],
    ]);
    second();
    notices();
    expect(ipc.send.mock.calls.slice(2)).toEqual([
      [SUBSCRIPTION_CHANNEL, 'status', false],
      [SUBSCRIPTION_CHANNEL, 'notice', false],
    ]);
    api.onStatus(() => {});
    expect(ipc.send).toHaveBeenLastCalledWith(SUBSCRIPTION_CHANNEL, 'status', true);
  });

  it('each listener function listens on its own event channel', () => {
    const ipc = new FakeIpcRenderer();
    const api = buildTickerApi(ipc, 'settings') as unknown as Record<
      string,
      (listener: (payload: unknown) => void) => () => void
    >;
    for (const event of WINDOW_CHANNELS.settings.events) {
      const listener = vi.fn();
      const unsubscribe = api[listenerName(event)]!(listener);
      ipc.emit(EVENT_CHANNELS[event], {}, event);
      expect(listener).toHaveBeenCalledWith(event);
      unsubscribe();
    }
  });

  it('ignores a listener that is not a function', () => {
    const ipc = new FakeIpcRenderer();
    const unsubscribe = (buildTickerApi(ipc, 'settings').onQuotes as unknown as (listener: unknown) => () => void)(
      'nope',
    );
    expect(ipc.listenerCount(EVENT_CHANNELS.quotes)).toBe(0);
    expect(() => unsubscribe()).not.toThrow();
  });
});

describe('preload entry', () => {
  const argv = process.argv;
  afterEach(() => {
    process.argv = argv;
    vi.resetModules();
  });

  it("exposes the bridge of the window's kind as window.ticker through contextBridge, backed by ipcRenderer", async () => {
    process.argv = [...argv, `${WINDOW_KIND_ARGUMENT}strip`];
    await import('../../../src/preload/index');
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(contextBridge.exposeInMainWorld.mock.calls[0]![0]).toBe('ticker');
    const api = contextBridge.exposed.get('ticker') as Record<string, (...args: unknown[]) => unknown>;
    const { invoke, events } = WINDOW_CHANNELS.strip;
    expect(Object.keys(api).sort()).toEqual([...invoke, ...events.map((event) => listenerName(event))].sort());
    await api.openChart!('AAPL');
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(INVOKE_CHANNELS.openChart, 'AAPL');
  });

  it('exposes nothing when main named no kind, or a made-up one', async () => {
    for (const extra of [
      [],
      [`${WINDOW_KIND_ARGUMENT}admin`],
      [`${WINDOW_KIND_ARGUMENT}strip`, `${WINDOW_KIND_ARGUMENT}settings`],
    ]) {
      resetElectronMock();
      vi.resetModules();
      process.argv = [...argv, ...extra];
      await import('../../../src/preload/index');
      expect(contextBridge.exposeInMainWorld).not.toHaveBeenCalled();
    }
  });
});
