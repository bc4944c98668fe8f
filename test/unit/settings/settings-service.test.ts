import { describe, it, expect, vi } from 'vitest';
import { TickerError } from '../../../src/shared/ipc-contract';
import type { PublicSettings } from '../../../src/shared/types';
import { SettingsService } from '../../../src/engine/settings/settings-service';
import {
  createMemoryStore,
  SettingsWriteRefused,
  type KeyValueStore,
} from '../../../src/engine/settings/key-value-store';
import { DEFAULT_SYMBOLS, defaultSettings, type SavedSettings } from '../../../src/engine/settings/schema';
import { createFakeSafeStorage } from './fake-safe-storage';
import { MAX_WATCH_LISTS } from '../../../src/shared/watch-lists';

const KEY = 'c0ffee1234abcd5678ef';

function makeStore(initial: Record<string, unknown> = {}): KeyValueStore & { writes: number } {
  const inner = createMemoryStore('/tmp/settings.json');
  inner.store = initial;
  const store = {
    writes: 0,
    get store() {
      return inner.store;
    },
    set store(value: Record<string, unknown>) {
      store.writes += 1;
      inner.store = value;
    },
    path: inner.path,
  };
  return store;
}

function makeService(
  options: {
    initial?: Record<string, unknown>;
    maxSymbols?: number;
    platform?: NodeJS.Platform;
    safeStorage?: ReturnType<typeof createFakeSafeStorage>;
  } = {},
) {
  const store = makeStore(options.initial ?? {});
  const safeStorage = options.safeStorage ?? createFakeSafeStorage();
  const service = new SettingsService({
    store,
    safeStorage,
    platform: options.platform ?? 'darwin',
    now: () => 1_700_000_000_000,
    ...(options.maxSymbols !== undefined ? { maxSymbols: options.maxSymbols } : {}),
  });
  const emitted: PublicSettings[] = [];
  service.changed.subscribe((value) => emitted.push(value));
  return { service, store, safeStorage, emitted };
}

function errorCode(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof TickerError) return error.code;
    throw error;
  }
  return undefined;
}

describe('SettingsService: loading', () => {
  it('starts from defaults on an empty store, without notices', () => {
    const { service } = makeService();
    expect(service.symbols()).toEqual([...DEFAULT_SYMBOLS]);
    expect(service.preferences()).toEqual(defaultSettings().preferences);
    expect(service.windowState()).toEqual({ displayId: null, docked: true, x: null, y: null });
    expect(service.keyInfo()).toEqual({ hasKey: false, masked: null, protection: 'none' });
    expect(service.publicSettings().maxSymbols).toBe(50);
    expect(service.notices()).toEqual([]);
  });

  it('repairs a bad field, keeps the rest, saves the repair and names the field in a notice', () => {
    const { service, store } = makeService({
      initial: { symbols: ['IBM'], preferences: { height: 9000, theme: 'light' } },
    });
    expect(service.preferences()).toMatchObject({ height: 32, theme: 'light' });
    expect(service.symbols()).toEqual(['IBM']);
    const notices = service.notices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ level: 'warning', at: 1_700_000_000_000 });
    expect(notices[0]?.message).toContain('preferences.height');
    expect((store.store as SavedSettings).preferences.height).toBe(32);
  });

  it('survives a store that cannot be read', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const store: KeyValueStore = {
      get store(): Record<string, unknown> {
        throw new Error('EIO');
      },
      set store(_value: Record<string, unknown>) {},
      path: '/x',
    };
    const service = new SettingsService({ store, safeStorage: createFakeSafeStorage(), platform: 'linux' });
    expect(service.symbols()).toEqual([...DEFAULT_SYMBOLS]);
    expect(service.notices()[0]?.level).toBe('error');
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});

describe('SettingsService: symbols', () => {
  it('adds normalised symbols at the end, and emits the new settings', () => {
    const { service, store, emitted } = makeService({ initial: { symbols: ['AAPL'] } });
    expect(service.addSymbol('  binance:solusdt ')).toEqual(['AAPL', 'BINANCE:SOLUSDT']);
    expect((store.store as SavedSettings).lists[0]?.symbols).toEqual(['AAPL', 'BINANCE:SOLUSDT']);
    expect(emitted.at(-1)?.symbols).toEqual(['AAPL', 'BINANCE:SOLUSDT']);
  });

  it('refuses invalid symbols, duplicates and going over the cap, changing nothing', () => {
    const { service, store, emitted } = makeService({ initial: { symbols: ['AAPL', 'MSFT'] }, maxSymbols: 2 });
    const writes = store.writes;
    expect(errorCode(() => service.addSymbol('BAD SYMBOL'))).toBe('invalid-payload');
    expect(errorCode(() => service.addSymbol('<script>'))).toBe('invalid-payload');
    expect(errorCode(() => service.addSymbol(''))).toBe('invalid-payload');
    expect(errorCode(() => service.addSymbol('x'.repeat(41)))).toBe('invalid-payload');
    expect(errorCode(() => service.addSymbol('aapl'))).toBe('duplicate');
    expect(errorCode(() => service.addSymbol('IBM'))).toBe('limit');
    expect(service.symbols()).toEqual(['AAPL', 'MSFT']);
    expect(store.writes).toBe(writes);
    expect(emitted).toEqual([]);
  });

  it('does not echo long input back in the error message', () => {
    const { service } = makeService();
    try {
      service.addSymbol('A'.repeat(10_000));
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message.length).toBeLessThan(200);
    }
  });

  it('removes symbols and says not-found for absent ones', () => {
    const { service } = makeService({ initial: { symbols: ['AAPL', 'MSFT'] } });
    expect(service.removeSymbol('aapl')).toEqual(['MSFT']);
    expect(errorCode(() => service.removeSymbol('AAPL'))).toBe('not-found');
    expect(errorCode(() => service.removeSymbol('bad symbol'))).toBe('invalid-payload');
  });

  it('moves symbols, clamping the index to the list', () => {
    const { service } = makeService({ initial: { symbols: ['A', 'B', 'C', 'D'] } });
    expect(service.moveSymbol('D', 0)).toEqual(['D', 'A', 'B', 'C']);
    expect(service.moveSymbol('D', 2)).toEqual(['A', 'B', 'D', 'C']);
    expect(service.moveSymbol('A', 99)).toEqual(['B', 'D', 'C', 'A']);
    expect(service.moveSymbol('A', -5)).toEqual(['A', 'B', 'D', 'C']);
    expect(errorCode(() => service.moveSymbol('Z', 0))).toBe('not-found');
    expect(errorCode(() => service.moveSymbol('A', Number.NaN))).toBe('invalid-payload');
    expect(service.symbols()).toEqual(['A', 'B', 'D', 'C']);
  });

  it('replaces the whole list all-or-nothing', () => {
    const { service } = makeService({ initial: { symbols: ['A'] }, maxSymbols: 3 });
    expect(service.setSymbols(['x', 'y'])).toEqual(['X', 'Y']);
    expect(errorCode(() => service.setSymbols(['Q', 'q']))).toBe('duplicate');
    expect(errorCode(() => service.setSymbols(['Q', 'no way']))).toBe('invalid-payload');
    expect(errorCode(() => service.setSymbols(['A', 'B', 'C', 'D']))).toBe('limit');
    expect(service.symbols()).toEqual(['X', 'Y']);
  });
});

describe('SettingsService: preferences and window', () => {
  it('applies a valid patch, saves it and emits', () => {
    const { service, store, emitted } = makeService();
    expect(service.setPreferences({ height: 48, theme: 'light' })).toMatchObject({
      height: 48,
      theme: 'light',
      speed: 60,
    });
    expect((store.store as SavedSettings).preferences).toMatchObject({ height: 48, theme: 'light' });
    expect(emitted).toHaveLength(1);
  });

  it('is all-or-nothing: one bad field and nothing changes', () => {
    const { service, store, emitted } = makeService();
    const writes = store.writes;
    const bad: unknown[] = [
      { height: 48, opacity: 2 },
      { height: 48, colour: 'red' },
      { height: '48' },
      { speed: Number.POSITIVE_INFINITY },
      [],
      JSON.parse('{"height":48,"__proto__":{"paused":true}}'),
    ];
    for (const patch of bad) {
      expect(errorCode(() => service.setPreferences(patch as never))).toBe('invalid-payload');
    }
    expect(service.preferences()).toEqual(defaultSettings().preferences);
    expect(store.writes).toBe(writes);
    expect(emitted).toEqual([]);
  });

  it('does not write or emit when nothing changes', () => {
    const { service, store, emitted } = makeService();
    const writes = store.writes;
    service.setPreferences({ height: 32 });
    service.setPreferences({});
    expect(store.writes).toBe(writes);
    expect(emitted).toEqual([]);
  });

  it('saves window state without a settings event, and validates it', () => {
    const { service, store, emitted } = makeService();
    expect(service.setWindowState({ docked: false, x: -1280, y: 20 })).toEqual({
      displayId: null,
      docked: false,
      x: -1280,
      y: 20,
    });
    expect((store.store as SavedSettings).window).toMatchObject({ docked: false, x: -1280 });
    expect(emitted).toEqual([]);
    expect(errorCode(() => service.setWindowState({ x: Number.NaN }))).toBe('invalid-payload');
    expect(errorCode(() => service.setWindowState({ width: 4 } as never))).toBe('invalid-payload');
    expect(service.windowState().x).toBe(-1280);
  });

  it('a failed write keeps the change for the session and tells the user once, not per change', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { service, store, emitted } = makeService();
    let failing = true;
    let saved: Record<string, unknown> = {};
    Object.defineProperty(store, 'store', {
      get: () => saved,
      set: (value: Record<string, unknown>) => {
        if (failing) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
        saved = value;
      },
    });
    expect(service.setPreferences({ height: 50 }).height).toBe(50);
    service.addSymbol('SAP');
    service.setWindowState({ x: 5 });
    expect(service.preferences().height).toBe(50);
    expect(emitted).toHaveLength(2);
    expect(service.notices()).toHaveLength(1);
    expect(service.notices()[0]).toMatchObject({
      level: 'warning',
      message: expect.stringMatching(/cannot save changes.*ENOSPC.*until Ticker quits/),
    });
    expect(logged).toHaveBeenCalled();
    // Saving works again: everything of the session is saved; a new failure is told again.
    failing = false;
    service.setPreferences({ height: 51 });
    expect(saved).toMatchObject({ preferences: { height: 51 }, window: { x: 5 } });
    failing = true;
    service.setPreferences({ height: 52 });
    expect(service.notices()).toHaveLength(2);
    logged.mockRestore();
  });

  it('a store that refuses writes is announced when loading, once, and never written', () => {
    const store = makeStore({ ...defaultSettings(), preferences: { ...defaultSettings().preferences, height: 9000 } });
    const refusing: KeyValueStore = {
      get store() {
        return store.store;
      },
      set store(_value: Record<string, unknown>) {
        throw new SettingsWriteRefused('the settings file /x/settings.json is read-only');
      },
      path: '/x/settings.json',
      writeRefusal: () => 'the settings file /x/settings.json is read-only',
    };
    const service = new SettingsService({
      store: refusing,
      safeStorage: createFakeSafeStorage(),
      platform: 'linux',
      now: () => 5,
    });
    service.addSymbol('SAP');
    const messages = service.notices().map((notice) => notice.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toBe(
      'Ticker cannot save changes to its settings: the settings file /x/settings.json is read-only. Changes you make now apply until Ticker quits; the file at /x/settings.json is left as it is.',
    );
    expect(messages[1]).toMatch(/preferences\.height/);
    // An import applies for the session and says it is not saved, without another notice.
    const imported = service.importTransfer({
      lists: [{ name: 'Tech', symbols: ['IBM'] }],
      shownList: null,
      preferences: {},
    });
    expect(imported).toEqual({
      ok: true,
      changes: ['new list "Tech": IBM'],
      summary:
        'Imported: added "Tech". It applies until Ticker quits: your settings cannot be saved now (see the notice).',
    });
    expect(service.lists().at(-1)?.symbols).toEqual(['IBM']);
    expect(service.notices()).toHaveLength(2);
    expect(store.writes).toBe(0);
  });
});

describe('SettingsService: API key', () => {
  it('encrypts with safeStorage when available, round-trips, and masks', () => {
    const { service, store, safeStorage } = makeService();
    const info = service.setApiKey(`  ${KEY}\n`);
    expect(info).toEqual({ hasKey: true, masked: `••••${KEY.slice(-4)}`, protection: 'encrypted' });
    const saved = (store.store as SavedSettings).apiKey;
    expect(saved?.protection).toBe('encrypted');
    expect(JSON.stringify(store.store)).not.toContain(KEY);
    expect(service.apiKey()).toBe(KEY);
    // A fresh service over the same file decrypts it again.
    const reloaded = new SettingsService({ store, safeStorage, platform: 'darwin' });
    expect(reloaded.apiKey()).toBe(KEY);
    expect(reloaded.keyInfo().masked).toBe(`••••${KEY.slice(-4)}`);
  });

  it('falls back to obfuscation without encryption, and says so', () => {
    const safeStorage = createFakeSafeStorage({ available: false });
    const { service, store } = makeService({ safeStorage });
    expect(service.setApiKey(KEY).protection).toBe('obfuscated');
    expect(JSON.stringify(store.store)).not.toContain(KEY);
    expect(new SettingsService({ store, safeStorage, platform: 'win32' }).apiKey()).toBe(KEY);
  });

  it("treats Linux's basic_text backend as obfuscation, but not other backends", () => {
    const basic = makeService({ platform: 'linux', safeStorage: createFakeSafeStorage({ backend: 'basic_text' }) });
    expect(basic.service.setApiKey(KEY).protection).toBe('obfuscated');
    expect(basic.service.apiKey()).toBe(KEY);
    const keyring = makeService({
      platform: 'linux',
      safeStorage: createFakeSafeStorage({ backend: 'gnome_libsecret' }),
    });
    expect(keyring.service.setApiKey(KEY).protection).toBe('encrypted');
  });

  it('clears the key with an empty string', () => {
    const { service, store } = makeService();
    service.setApiKey(KEY);
    expect(service.setApiKey('   ')).toEqual({ hasKey: false, masked: null, protection: 'none' });
    expect(service.apiKey()).toBeNull();
    expect((store.store as SavedSettings).apiKey).toBeNull();
  });

  it.each(['short', 'has a space inside', 'x'.repeat(129), 'tab\there1234', 'ünïcødé-key-123'])(
    'refuses the key %j',
    (bad) => {
      const { service, store } = makeService();
      service.setApiKey(KEY);
      const writes = store.writes;
      expect(errorCode(() => service.setApiKey(bad))).toBe('invalid-payload');
      expect(service.apiKey()).toBe(KEY);
      expect(store.writes).toBe(writes);
    },
  );

  it('never puts the key in publicSettings or any changed payload', () => {
    const { service, emitted } = makeService();
    service.setApiKey(KEY);
    service.addSymbol('IBM');
    service.setPreferences({ speed: 120 });
    service.removeSymbol('IBM');
    service.setApiKey(`${KEY}99`);
    expect(emitted.length).toBe(5);
    for (const payload of [...emitted, service.publicSettings(), service.keyInfo()]) {
      expect(JSON.stringify(payload)).not.toContain(KEY);
    }
  });

  it('answers null plus a notice when the saved key cannot be decrypted anymore', () => {
    const safeStorage = createFakeSafeStorage();
    const { service, store } = makeService({ safeStorage });
    service.setApiKey(KEY);
    safeStorage.brokenDecrypt = true;
    const reloaded = new SettingsService({ store, safeStorage, platform: 'darwin' });
    expect(reloaded.apiKey()).toBeNull();
    expect(reloaded.keyInfo()).toEqual({ hasKey: false, masked: null, protection: 'none' });
    const notices = reloaded.notices();
    expect(notices).toHaveLength(1);
    expect(notices[0]?.message).toMatch(/could not be read/);
    // Setting a new key recovers.
    safeStorage.brokenDecrypt = false;
    reloaded.setApiKey(KEY);
    expect(reloaded.apiKey()).toBe(KEY);
  });

  it('survives safeStorage throwing on every call', () => {
    const hostile = {
      isEncryptionAvailable: vi.fn(() => {
        throw new Error('not ready');
      }),
      encryptString: vi.fn(() => {
        throw new Error('no');
      }),
      decryptString: vi.fn(() => {
        throw new Error('no');
      }),
    };
    const store = makeStore();
    const service = new SettingsService({ store, safeStorage: hostile, platform: 'linux' });
    expect(service.setApiKey(KEY).protection).toBe('obfuscated');
    expect(service.apiKey()).toBe(KEY);
  });
});

describe('SettingsService: watch lists', () => {
  const twoLists = {
    version: 2,
    lists: [
      { id: 'l1', name: 'Tech', symbols: ['AAPL', 'MSFT'] },
      { id: 'l2', name: 'Crypto', symbols: ['BINANCE:BTCUSDT', 'AAPL'] },
    ],
    shownListId: 'l1',
  };

  it('creates, renames and deletes lists; a symbol may be in several; names are unique and validated', () => {
    const { service, emitted } = makeService({ initial: twoLists });
    const fx = service.createList('  FX ');
    expect(fx).toEqual({ id: 'l3', name: 'FX', symbols: [] });
    expect(service.addSymbol('oanda:eur_usd', 'l3')).toEqual(['OANDA:EUR_USD']);
    expect(service.addSymbol('AAPL', 'l3')).toEqual(['OANDA:EUR_USD', 'AAPL']);
    expect(emitted.at(-1)?.lists.map((l) => l.name)).toEqual(['Tech', 'Crypto', 'FX']);
    expect(errorCode(() => service.createList('tech'))).toBe('duplicate');
    expect(errorCode(() => service.createList('   '))).toBe('invalid-payload');
    expect(errorCode(() => service.createList('x'.repeat(41)))).toBe('invalid-payload');
    expect(service.renameList('l3', 'Currencies').name).toBe('Currencies');
    expect(service.renameList('l3', 'currencies').name).toBe('currencies');
    expect(errorCode(() => service.renameList('l3', 'Crypto'))).toBe('duplicate');
    expect(errorCode(() => service.renameList('l9', 'Other'))).toBe('not-found');
    service.deleteList('l3');
    expect(service.lists().map((l) => l.id)).toEqual(['l1', 'l2']);
    expect(service.createList('Again').id).toBe('l3');
  });

  it('gives every new list its own id whatever ids the file holds; deleting one deletes only it', () => {
    const { service } = makeService({
      initial: { ...twoLists, lists: [...twoLists.lists, { id: 'l999999999', name: 'Big', symbols: [] }] },
    });
    const a = service.createList('A');
    const b = service.createList('B');
    expect(a.id).not.toBe(b.id);
    service.deleteList(a.id);
    expect(service.lists().map((list) => list.name)).toEqual(['Tech', 'Crypto', 'Big', 'B']);
  });

  it('cleans list names (bidi overrides, zero-width characters) and compares them cleaned', () => {
    const { service } = makeService({ initial: twoLists });
    expect(errorCode(() => service.createList('Te\u200Bch'))).toBe('duplicate');
    expect(errorCode(() => service.createList('\u2066tech\u2069'))).toBe('duplicate');
    expect(service.createList('\u202EFX\u202C zone\u200D').name).toBe('FX zone');
    expect(errorCode(() => service.renameList('l2', 'T\uFEFFech'))).toBe('duplicate');
    expect(errorCode(() => service.createList('\u200B\u200B'))).toBe('invalid-payload');
  });

  it('edits any list by id without touching the strip’s own list, and moves within a list', () => {
    const { service, emitted } = makeService({ initial: twoLists });
    expect(service.moveSymbol('AAPL', 0, 'l2')).toEqual(['AAPL', 'BINANCE:BTCUSDT']);
    expect(service.removeSymbol('BINANCE:BTCUSDT', 'l2')).toEqual(['AAPL']);
    expect(service.symbols()).toEqual(['AAPL', 'MSFT']);
    expect(emitted.at(-1)?.symbols).toEqual(['AAPL', 'MSFT']);
    expect(emitted.at(-1)?.lists[1]?.symbols).toEqual(['AAPL']);
    expect(errorCode(() => service.removeSymbol('MSFT', 'l2'))).toBe('not-found');
  });

  it('shows another list on the strip, and deleting the shown list falls back to the first, never the last list', () => {
    const { service, store } = makeService({ initial: twoLists });
    service.showList('l2');
    expect(service.symbols()).toEqual(['BINANCE:BTCUSDT', 'AAPL']);
    expect(service.shownSymbols()).toEqual(['BINANCE:BTCUSDT', 'AAPL']);
    expect((store.store as SavedSettings).shownListId).toBe('l2');
    service.deleteList('l2');
    expect(service.shownListId()).toBe('l1');
    expect(service.symbols()).toEqual(['AAPL', 'MSFT']);
    expect(errorCode(() => service.deleteList('l1'))).toBe('limit');
    expect(errorCode(() => service.showList('l2'))).toBe('not-found');
    expect(service.lists()).toHaveLength(1);
  });

  it('refuses more lists than the cap, changing nothing', () => {
    const { service } = makeService({ initial: twoLists });
    for (let n = 3; n <= MAX_WATCH_LISTS; n += 1) service.createList(`List ${n}`);
    const before = service.lists();
    expect(errorCode(() => service.createList('One too many'))).toBe('limit');
    expect(service.lists()).toEqual(before);
  });

  it('keeps the lists on screen within the plan’s cap, with a message saying what to do', () => {
    const { service } = makeService({ initial: twoLists, maxSymbols: 3 });
    // Within one list the list's own cap speaks; showing a list that fits is fine.
    expect(service.addSymbol('NVDA')).toEqual(['AAPL', 'MSFT', 'NVDA']);
    expect(() => service.addSymbol('TSLA')).toThrow(/at most 3 symbols/);
    service.showList('l2');
    expect(service.shownSymbols()).toEqual(['BINANCE:BTCUSDT', 'AAPL']);
  });
});

describe('SettingsService: second strip', () => {
  const threeLists = {
    version: 2,
    lists: [
      { id: 'l1', name: 'Tech', symbols: ['AAPL', 'MSFT'] },
      { id: 'l2', name: 'Crypto', symbols: ['BINANCE:BTCUSDT', 'AAPL'] },
      { id: 'l3', name: 'FX', symbols: ['OANDA:EUR_USD', 'OANDA:GBP_USD'] },
    ],
    shownListId: 'l1',
  };

  it('is off by default; on, its list joins the lists on screen (the union, each symbol once)', () => {
    const { service, store, emitted } = makeService({ initial: threeLists });
    expect(service.secondStrip()).toEqual({
      enabled: false,
      listId: 'l1',
      position: 'bottom',
      displayId: null,
      sortOrder: 'list',
      content: 'quotes',
    });
    expect(service.shownSymbols()).toEqual(['AAPL', 'MSFT']);
    service.setSecondStrip({ listId: 'l2' });
    expect(service.shownSymbols()).toEqual(['AAPL', 'MSFT']);
    expect(service.setSecondStrip({ enabled: true, displayId: 7, position: 'top' })).toEqual({
      enabled: true,
      listId: 'l2',
      position: 'top',
      displayId: 7,
      sortOrder: 'list',
      content: 'quotes',
    });
    expect(service.setSecondStrip({ sortOrder: 'change-down', content: 'headlines' })).toMatchObject({
      sortOrder: 'change-down',
      content: 'headlines',
    });
    expect(() => service.setSecondStrip({ sortOrder: 'random' } as never)).toThrow();
    service.setSecondStrip({ sortOrder: 'list', content: 'quotes' });
    expect(service.shownListIds()).toEqual(['l1', 'l2']);
    expect(service.shownSymbols()).toEqual(['AAPL', 'MSFT', 'BINANCE:BTCUSDT']);
    expect(service.symbols()).toEqual(['AAPL', 'MSFT']);
    const saved = { enabled: true, listId: 'l2', position: 'top', displayId: 7, sortOrder: 'list', content: 'quotes' };
    expect(emitted.at(-1)?.secondStrip).toEqual(saved);
    expect((store.store as SavedSettings).secondStrip).toEqual(saved);
    // Symbols added to the second strip's list reach the connection too.
    service.addSymbol('BINANCE:ETHUSDT', 'l2');
    expect(service.shownSymbols()).toEqual(['AAPL', 'MSFT', 'BINANCE:BTCUSDT', 'BINANCE:ETHUSDT']);
  });

  it('refuses a change that would take the lists on screen over the cap, saying so, and changes nothing', () => {
    const { service } = makeService({ initial: threeLists, maxSymbols: 3 });
    service.setSecondStrip({ enabled: true, listId: 'l2' });
    expect(service.shownSymbols()).toHaveLength(3);
    expect(() => service.setSecondStrip({ listId: 'l3' })).toThrow(
      'The lists on screen would need 4 symbols, but your plan allows 3 on its one connection. Remove 1 from the lists on screen, or show a smaller list.',
    );
    expect(errorCode(() => service.setSecondStrip({ listId: 'l3' }))).toBe('limit');
    expect(errorCode(() => service.addSymbol('NVDA', 'l2'))).toBe('limit');
    expect(service.secondStrip().listId).toBe('l2');
    service.setSecondStrip({ enabled: false });
    expect(service.setSecondStrip({ listId: 'l3' }).listId).toBe('l3');
    expect(errorCode(() => service.setSecondStrip({ enabled: true }))).toBe('limit');
  });

  it('refuses malformed changes and lists that do not exist; a deleted list moves it to the first list', () => {
    const { service } = makeService({ initial: threeLists });
    expect(errorCode(() => service.setSecondStrip({ listId: 'l9' }))).toBe('not-found');
    expect(errorCode(() => service.setSecondStrip({ position: 'left' as never }))).toBe('invalid-payload');
    expect(errorCode(() => service.setSecondStrip({ displayId: -1 }))).toBe('invalid-payload');
    expect(errorCode(() => service.setSecondStrip({ enabled: 'yes' as never }))).toBe('invalid-payload');
    expect(errorCode(() => service.setSecondStrip({ colour: 'red' } as never))).toBe('invalid-payload');
    expect(errorCode(() => service.setSecondStrip(null as never))).toBe('invalid-payload');
    service.setSecondStrip({ enabled: true, listId: 'l3' });
    service.deleteList('l3');
    expect(service.secondStrip()).toMatchObject({ enabled: true, listId: 'l1' });
    expect(service.shownSymbols()).toEqual(['AAPL', 'MSFT']);
  });

  it('a saved file keeps it; a broken field takes its default and is named', () => {
    const { service } = makeService({
      initial: {
        ...threeLists,
        secondStrip: {
          enabled: true,
          listId: 'l3',
          position: 'top',
          displayId: 2,
          sortOrder: 'name',
          content: 'headlines',
        },
      },
    });
    expect(service.secondStrip()).toEqual({
      enabled: true,
      listId: 'l3',
      position: 'top',
      displayId: 2,
      sortOrder: 'name',
      content: 'headlines',
    });
    expect(service.shownSymbols()).toEqual(['AAPL', 'MSFT', 'OANDA:EUR_USD', 'OANDA:GBP_USD']);
    const broken = makeService({
      initial: { ...threeLists, secondStrip: { enabled: true, listId: 'gone', position: 'middle', content: 'video' } },
    });
    expect(broken.service.secondStrip()).toEqual({
      enabled: true,
      listId: 'l1',
      position: 'bottom',
      displayId: null,
      sortOrder: 'list',
      content: 'quotes',
    });
    expect(broken.service.notices()[0]?.message).toMatch(
      /secondStrip\.listId, secondStrip\.position, secondStrip\.content/,
    );
  });
});
