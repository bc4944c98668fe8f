import { describe, it, expect, vi } from 'vitest';
import {
  INVOKE_CHANNELS,
  TickerError,
  WINDOW_CHANNELS,
  type InvokeHandlers,
  type InvokeName,
  type PageStart,
} from '../../../src/shared/ipc-contract';
import {
  INTERNAL_ERROR_MESSAGE,
  registerIpcHandlers,
  type IpcMainInvokeEventLike,
} from '../../../src/main/ipc/register-handlers';
import type { IpcInvokeListener } from '../../../src/main/ipc/ipc-main-like';
import { createSettings } from '../../../src/engine/settings/settings';
import { createMemoryStore } from '../../../src/engine/settings/key-value-store';
import { createFakeSafeStorage } from '../settings/fake-safe-storage';

const OWN: IpcMainInvokeEventLike = {
  sender: { id: 1 },
  senderFrame: { url: 'file:///app/out/renderer/settings.html' },
};
/** A strip window: one of ours, showing our page, but a strip. */
const STRIP: IpcMainInvokeEventLike = {
  sender: { id: 3 },
  senderFrame: { url: 'file:///app/out/renderer/strip.html' },
};
const FOREIGN: IpcMainInvokeEventLike = { sender: { id: 7 }, senderFrame: { url: 'https://evil.example/' } };
const SECRET_KEY = 'supersecretkey1234';

function fakeIpcMain() {
  const listeners = new Map<string, IpcInvokeListener>();
  return {
    listeners,
    handle: vi.fn((channel: string, listener: IpcInvokeListener) => {
      if (listeners.has(channel)) throw new Error(`duplicate handler for ${channel}`);
      listeners.set(channel, listener);
    }),
    removeHandler: vi.fn((channel: string) => {
      listeners.delete(channel);
    }),
    invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
      const listener = listeners.get(channel);
      if (!listener) throw new Error(`no handler for ${channel}`);
      return Promise.resolve(listener(event, ...args));
    },
  };
}

/** Real settings behind the handlers, so "nothing changed" is checked on real state. */
function setup(overrides: Partial<InvokeHandlers> = {}) {
  const settings = createSettings({
    store: createMemoryStore(),
    safeStorage: createFakeSafeStorage(),
    platform: 'darwin',
  });
  settings.key.set(SECRET_KEY);
  const relayView = () => ({
    enabled: false,
    port: 8765,
    listening: false,
    error: null,
    clients: [],
    token: settings.relay.token(),
    origins: settings.relay.origins(),
  });
  const handlers: InvokeHandlers = {
    getPageStart: vi.fn(() => ({
      settings: settings.publicSettings(),
      snapshot: [],
      overview: { status: { state: 'connecting' as const, since: 0 }, stats: {} as never, demo: false },
      portfolio: null,
      economy: null,
    })),
    setPreferences: vi.fn((patch) => {
      settings.preferences.set(patch);
      return settings.publicSettings();
    }),
    addAlert: vi.fn((draft) => settings.alerts.add(draft)),
    updateAlert: vi.fn((id, draft) => settings.alerts.update(id, draft)),
    removeAlert: vi.fn((id) => settings.alerts.remove(id)),
    rearmAlert: vi.fn((id) => settings.alerts.rearm(id)),
    showItemMenu: vi.fn(() => null),
    getAlertHistory: vi.fn(() => []),
    addLot: vi.fn((draft) => settings.portfolio.addLot(draft)),
    updateLot: vi.fn((id, draft) => settings.portfolio.updateLot(id, draft)),
    removeLot: vi.fn((id) => settings.portfolio.removeLot(id)),
    replaceLots: vi.fn((lots) => settings.portfolio.replaceLots(lots)),
    setBaseCurrency: vi.fn((code) => settings.portfolio.setBaseCurrency(code)),
    getPortfolio: vi.fn(() => null),
    addToList: vi.fn((listId, symbol) => settings.lists.addSymbol(symbol, listId)),
    removeFromList: vi.fn((listId, symbol) => settings.lists.removeSymbol(symbol, listId)),
    moveInList: vi.fn((listId, symbol, toIndex) => settings.lists.moveSymbol(symbol, toIndex, listId)),
    createList: vi.fn((name) => settings.lists.create(name)),
    renameList: vi.fn((listId, name) => settings.lists.rename(listId, name)),
    deleteList: vi.fn((listId) => (settings.lists.delete(listId), settings.publicSettings())),
    showList: vi.fn((listId) => (settings.lists.show(listId), settings.publicSettings())),
    getRelay: vi.fn(() => relayView()),
    regenerateRelayToken: vi.fn(() => {
      settings.relay.regenerateToken();
      return relayView();
    }),
    setRelayOrigins: vi.fn((origins) => {
      settings.relay.setOrigins(origins);
      return relayView();
    }),
    setApiKey: vi.fn((key) => settings.key.set(key)),
    testApiKey: vi.fn(async () => ({ ok: true })),
    searchSymbols: vi.fn(async () => []),
    getOverview: vi.fn(() => {
      throw new Error(`socket exploded while using ${SECRET_KEY}`);
    }),
    getDisplays: vi.fn(() => []),
    openSettings: vi.fn(() => null),
    rememberCategory: vi.fn(() => null),
    openExternal: vi.fn(() => null),
    openChart: vi.fn(() => null),
    copyRelay: vi.fn(() => null),
    getShortcuts: vi.fn(() => []),
    exportSettings: vi.fn(() => ({ status: 'cancelled' as const })),
    importSettings: vi.fn(() => ({ status: 'cancelled' as const })),
    exportHoldings: vi.fn(() => ({ status: 'cancelled' as const })),
    getAbout: vi.fn(() => {
      throw new Error('not used here');
    }),
    checkForUpdates: vi.fn(() => ({ state: 'off' as const })),
    restartToUpdate: vi.fn(() => null),
    openLogFolder: vi.fn(() => null),
    getContext: vi.fn(() => ({ details: [], headlines: [] })),
    showCard: vi.fn(() => null),
    hideCard: vi.fn(() => null),
    openHeadline: vi.fn(() => null),
    setSecondStrip: vi.fn((patch) => {
      settings.secondStrip.set(patch);
      return settings.publicSettings();
    }),
    ...overrides,
  };
  const ipcMain = fakeIpcMain();
  const onRejected = vi.fn();
  const logError = vi.fn();
  const dispose = registerIpcHandlers({
    ipcMain,
    handlers,
    senderKind: (event) =>
      event.sender.id === 1 && event.senderFrame?.url.startsWith('file:///app/out/renderer/') === true
        ? 'settings'
        : event.sender.id === 3 && event.senderFrame?.url.startsWith('file:///app/out/renderer/') === true
          ? 'strip'
          : null,
    onRejected,
    logError,
  });
  const snapshot = () => JSON.stringify(settings.publicSettings());
  return { settings, handlers, ipcMain, onRejected, logError, dispose, snapshot };
}

describe('registerIpcHandlers', () => {
  it('answers a typed error when reading the arguments throws (hostile getters), and never runs the handler', async () => {
    const { ipcMain, handlers, onRejected, snapshot } = setup();
    const before = snapshot();
    // Every trap a validator could touch throws (structured clone never makes one, a compromised
    // renderer's in-process call or a future transport could).
    const bomb = (): never => {
      throw new Error('getter bomb');
    };
    const patch = new Proxy(
      {},
      { getPrototypeOf: bomb, ownKeys: bomb, get: bomb, has: bomb, getOwnPropertyDescriptor: bomb },
    );
    const answer = await ipcMain.invoke(INVOKE_CHANNELS.setPreferences, OWN, patch);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(handlers.setPreferences).not.toHaveBeenCalled();
    expect(onRejected).toHaveBeenCalledWith(INVOKE_CHANNELS.setPreferences, 'invalid-payload');
    expect(snapshot()).toBe(before);
  });

  it('registers every contract channel once and removes them all on dispose', () => {
    const { ipcMain, dispose } = setup();
    expect([...ipcMain.listeners.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    dispose();
    expect(ipcMain.listeners.size).toBe(0);
    expect(ipcMain.removeHandler).toHaveBeenCalledTimes(Object.keys(INVOKE_CHANNELS).length);
    dispose();
    expect(ipcMain.removeHandler).toHaveBeenCalledTimes(Object.keys(INVOKE_CHANNELS).length);
  });

  it('answers a trusted call with its value', async () => {
    const { ipcMain, handlers, settings: service } = setup();
    const list = service.publicSettings().shownListId;
    const result = (await ipcMain.invoke(INVOKE_CHANNELS.addToList, OWN, list, 'ibm')) as {
      ok: true;
      value: string[];
    };
    expect(result.ok).toBe(true);
    expect(result.value.at(-1)).toBe('IBM');
    expect(handlers.addToList).toHaveBeenCalledWith(list, 'ibm');
    const start = (await ipcMain.invoke(INVOKE_CHANNELS.getPageStart, OWN)) as { ok: true; value: PageStart };
    expect(start.value.settings.key.hasKey).toBe(true);
    expect(JSON.stringify(start)).not.toContain(SECRET_KEY);
  });

  it('refuses foreign senders before looking at anything, on every channel', async () => {
    const { ipcMain, handlers, onRejected, snapshot } = setup();
    const before = snapshot();
    const strangers: unknown[] = [
      FOREIGN,
      { sender: { id: 1 }, senderFrame: { url: 'https://evil.example/' } },
      { sender: { id: 1 }, senderFrame: null },
      { sender: { id: 2 }, senderFrame: OWN.senderFrame },
      null,
      undefined,
      'event',
    ];
    for (const event of strangers) {
      for (const channel of Object.values(INVOKE_CHANNELS)) {
        const result = await ipcMain.invoke(channel, event, 'AAPL');
        expect(result).toEqual({ ok: false, error: { code: 'forbidden-sender', message: expect.any(String) } });
      }
    }
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
    expect(onRejected).toHaveBeenCalledWith(INVOKE_CHANNELS.addToList, 'forbidden-sender');
    expect(snapshot()).toBe(before);
  });

  it("refuses a strip every channel outside the strip's list, even sent raw, and answers it on its own", async () => {
    const { ipcMain, handlers, onRejected, snapshot } = setup();
    const before = snapshot();
    const stripChannels = WINDOW_CHANNELS.strip.invoke.map((name) => INVOKE_CHANNELS[name]) as string[];
    // What a compromised strip would want: the key, the relay (token, origins), the chart link, import/export.
    const wanted: [InvokeName, unknown[]][] = [
      ['setApiKey', ['attacker-key-123456']],
      ['testApiKey', []],
      ['getRelay', []],
      ['regenerateRelayToken', []],
      ['setRelayOrigins', [['https://evil.example']]],
      ['copyRelay', ['token']],
      ['setPreferences', [{ relayEnabled: true }]],
      ['setPreferences', [{ chartUrlTemplate: 'https://evil.example/?s={symbol}' }]],
      ['exportSettings', ['json']],
      ['importSettings', []],
      ['exportHoldings', []],
      ['openExternal', ['https://finnhub.io/register']],
    ];
    for (const [name, args] of wanted) {
      expect(stripChannels).not.toContain(INVOKE_CHANNELS[name]);
      const result = await ipcMain.invoke(INVOKE_CHANNELS[name], STRIP, ...args);
      expect(result).toEqual({ ok: false, error: { code: 'forbidden-sender', message: expect.any(String) } });
      expect(onRejected).toHaveBeenCalledWith(INVOKE_CHANNELS[name], 'forbidden-sender');
      expect(handlers[name]).not.toHaveBeenCalled();
    }
    for (const channel of Object.values(INVOKE_CHANNELS).filter((c) => !stripChannels.includes(c))) {
      expect(await ipcMain.invoke(channel, STRIP)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(snapshot()).toBe(before);
    // Its own channels still answer.
    expect(await ipcMain.invoke(INVOKE_CHANNELS.openSettings, STRIP)).toEqual({ ok: true, value: null });
    expect(handlers.openSettings).toHaveBeenCalledTimes(1);
  });

  it('treats a throwing sender check as untrusted', async () => {
    const ipcMain = fakeIpcMain();
    const getPageStart = vi.fn();
    registerIpcHandlers({
      ipcMain,
      handlers: { getPageStart } as unknown as InvokeHandlers,
      senderKind: () => {
        throw new Error('webContents destroyed');
      },
    });
    expect(await ipcMain.invoke(INVOKE_CHANNELS.getPageStart, OWN)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(getPageStart).not.toHaveBeenCalled();
  });

  it('refuses hostile payloads with typed errors and changes nothing', async () => {
    const { ipcMain, handlers, onRejected, snapshot } = setup();
    const before = snapshot();
    const TEN_MB = 'x'.repeat(10 * 1024 * 1024);
    const attacks: Array<[string, unknown[]]> = [
      [INVOKE_CHANNELS.addToList, ['l1', 42]],
      [INVOKE_CHANNELS.addToList, []],
      [INVOKE_CHANNELS.addToList, ['l1', 'AAPL', 'MSFT']],
      [INVOKE_CHANNELS.addToList, ['l1', TEN_MB]],
      [INVOKE_CHANNELS.addToList, [TEN_MB, 'AAPL']],
      [INVOKE_CHANNELS.addToList, ['l1', 'TSLA NVDA']],
      [INVOKE_CHANNELS.addToList, ['l1', '<script>alert(1)</script>']],
      [INVOKE_CHANNELS.removeFromList, ['l1', { toString: () => 'AAPL' }]],
      [INVOKE_CHANNELS.moveInList, ['l1', 'AAPL', Number.NaN]],
      [INVOKE_CHANNELS.moveInList, ['l1', 'AAPL', Number.POSITIVE_INFINITY]],
      [INVOKE_CHANNELS.setPreferences, [JSON.parse('{"__proto__":{"height":40}}')]],
      [INVOKE_CHANNELS.setPreferences, [JSON.parse('{"height":40,"constructor":{"prototype":{"x":1}}}')]],
      [INVOKE_CHANNELS.setPreferences, [[['height', 40]]]],
      [INVOKE_CHANNELS.setPreferences, [{ height: 40, opacity: Number.NaN }]],
      [INVOKE_CHANNELS.setPreferences, [{ height: 40, speed: Number.POSITIVE_INFINITY }]],
      [INVOKE_CHANNELS.setPreferences, [{ height: 40, extra: true }]],
      [INVOKE_CHANNELS.setApiKey, [TEN_MB]],
      [INVOKE_CHANNELS.setApiKey, [null]],
      [INVOKE_CHANNELS.setPreferences, [{ paused: 'true' }]],
      [INVOKE_CHANNELS.searchSymbols, [TEN_MB]],
      [INVOKE_CHANNELS.openExternal, ['javascript:alert(1)']],
      [INVOKE_CHANNELS.getPageStart, [TEN_MB]],
    ];
    for (const [channel, args] of attacks) {
      const result = (await ipcMain.invoke(channel, OWN, ...args)) as {
        ok: boolean;
        error: { code: string; message: string };
      };
      expect(result.ok, channel).toBe(false);
      expect(result.error.code).toBe('invalid-payload');
      expect(result.error.message.length).toBeLessThan(200);
    }
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
    expect(onRejected).toHaveBeenCalledTimes(attacks.length);
    expect(onRejected).toHaveBeenCalledWith(INVOKE_CHANNELS.setPreferences, 'invalid-payload');
    expect(snapshot()).toBe(before);
    expect(({} as Record<string, unknown>).height).toBeUndefined();
  });

  it('turns a TickerError into its typed error result', async () => {
    const { ipcMain, settings } = setup();
    const list = settings.publicSettings().shownListId;
    expect(await ipcMain.invoke(INVOKE_CHANNELS.addToList, OWN, list, 'aapl')).toEqual({
      ok: false,
      error: { code: 'duplicate', message: 'AAPL is already in your list.' },
    });
    expect(await ipcMain.invoke(INVOKE_CHANNELS.removeFromList, OWN, list, 'IBM')).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    const { ipcMain: other } = setup({
      searchSymbols: async () => {
        throw new TickerError('rate-limited', 'Finnhub asked us to slow down; try again in a minute.');
      },
    });
    expect(await other.invoke(INVOKE_CHANNELS.searchSymbols, OWN, 'app')).toEqual({
      ok: false,
      error: { code: 'rate-limited', message: 'Finnhub asked us to slow down; try again in a minute.' },
    });
  });

  it('turns any other failure into "internal" without leaking message, stack or key, and logs the real one', async () => {
    const { ipcMain, logError } = setup();
    const result = await ipcMain.invoke(INVOKE_CHANNELS.getOverview, OWN);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: INTERNAL_ERROR_MESSAGE } });
    expect(JSON.stringify(result)).not.toContain(SECRET_KEY);
    expect(JSON.stringify(result)).not.toContain('exploded');
    expect(logError).toHaveBeenCalledTimes(1);
    expect(String(logError.mock.calls[0]?.[1])).toContain('exploded');

    const { ipcMain: rejecting } = setup({ testApiKey: () => Promise.reject(new TypeError('fetch failed')) });
    expect(await rejecting.invoke(INVOKE_CHANNELS.testApiKey, OWN)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('never rejects even when the rejection observer throws', async () => {
    const ipcMain = fakeIpcMain();
    registerIpcHandlers({
      ipcMain,
      handlers: {} as InvokeHandlers,
      senderKind: () => null,
      onRejected: () => {
        throw new Error('observer broke');
      },
    });
    await expect(ipcMain.invoke(INVOKE_CHANNELS.getPageStart, FOREIGN)).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });
});
