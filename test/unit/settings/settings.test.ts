import { describe, it, expect, vi } from 'vitest';
import { TickerError } from '../../../src/shared/ipc-contract';
import type { PublicSettings } from '../../../src/shared/types';
import { createSettings } from '../../../src/engine/settings/settings';
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
  const service = createSettings({
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

describe('Settings: loading', () => {
  it('starts from defaults on an empty store, without notices', () => {
    const { service } = makeService();
    expect(service.lists.symbols()).toEqual([...DEFAULT_SYMBOLS]);
    expect(service.preferences.current()).toEqual(defaultSettings().preferences);
    expect(service.window.current()).toEqual({ displayId: null, docked: true, x: null, y: null });
    expect(service.key.info()).toEqual({ hasKey: false, masked: null, protection: 'none' });
    expect(service.publicSettings().maxSymbols).toBe(50);
    expect(service.notices()).toEqual([]);
  });

  it('repairs a bad field, keeps the rest, saves the repair and names the field in a notice', () => {
    const { service, store } = makeService({
      initial: { symbols: ['IBM'], preferences: { height: 9000, theme: 'light' } },
    });
    expect(service.preferences.current()).toMatchObject({ height: 32, theme: 'light' });
    expect(service.lists.symbols()).toEqual(['IBM']);
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
    const service = createSettings({ store, safeStorage: createFakeSafeStorage(), platform: 'linux' });
    expect(service.lists.symbols()).toEqual([...DEFAULT_SYMBOLS]);
    expect(service.notices()[0]?.level).toBe('error');
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});

describe('Settings: symbols', () => {
  it('adds normalised symbols at the end, and emits the new settings', () => {
    const { service, store, emitted } = makeService({ initial: { symbols: ['AAPL'] } });
    expect(service.lists.addSymbol('  binance:solusdt ')).toEqual(['AAPL', 'BINANCE:SOLUSDT']);
    expect((store.store as SavedSettings).lists[0]?.symbols).toEqual(['AAPL', 'BINANCE:SOLUSDT']);
    expect(emitted.at(-1)?.symbols).toEqual(['AAPL', 'BINANCE:SOLUSDT']);
  });

  it('refuses invalid symbols, duplicates and going over the cap, changing nothing', () => {
    const { service, store, emitted } = makeService({ initial: { symbols: ['AAPL', 'MSFT'] }, maxSymbols: 2 });
    const writes = store.writes;
    expect(errorCode(() => service.lists.addSymbol('BAD SYMBOL'))).toBe('invalid-payload');
    expect(errorCode(() => service.lists.addSymbol('<script>'))).toBe('invalid-payload');
    expect(errorCode(() => service.lists.addSymbol(''))).toBe('invalid-payload');
    expect(errorCode(() => service.lists.addSymbol('x'.repeat(41)))).toBe('invalid-payload');
    expect(errorCode(() => service.lists.addSymbol('aapl'))).toBe('duplicate');
    expect(errorCode(() => service.lists.addSymbol('IBM'))).toBe('limit');
    expect(service.lists.symbols()).toEqual(['AAPL', 'MSFT']);
    expect(store.writes).toBe(writes);
    expect(emitted).toEqual([]);
  });

  it('does not echo long input back in the error message', () => {
    const { service } = makeService();
    try {
      service.lists.addSymbol('A'.repeat(10_000));
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message.length).toBeLessThan(200);
    }
  });

  it('removes symbols and says not-found for absent ones', () => {
    const { service } = makeService({ initial: { symbols: ['AAPL', 'MSFT'] } });
    expect(service.lists.removeSymbol('aapl')).toEqual(['MSFT']);
    expect(errorCode(() => service.lists.removeSymbol('AAPL'))).toBe('not-found');
    expect(errorCode(() => service.lists.removeSymbol('bad symbol'))).toBe('invalid-payload');
  });

  it('moves symbols, clamping the index to the list', () => {
    const { service } = makeService({ initial: { symbols: ['A', 'B', 'C', 'D'] } });
    expect(service.lists.moveSymbol('D', 0)).toEqual(['D', 'A', 'B', 'C']);
    expect(service.lists.moveSymbol('D', 2)).toEqual(['A', 'B', 'D', 'C']);
    expect(service.lists.moveSymbol('A', 99)).toEqual(['B', 'D', 'C', 'A']);
    expect(service.lists.moveSymbol('A', -5)).toEqual(['A', 'B', 'D', 'C']);
    expect(errorCode(() => service.lists.moveSymbol('Z', 0))).toBe('not-found');
    expect(errorCode(() => service.lists.moveSymbol('A', Number.NaN))).toBe('invalid-payload');
    expect(service.lists.symbols()).toEqual(['A', 'B', 'D', 'C']);
  });

  it('replaces the whole list all-or-nothing', () => {
    const { service } = makeService({ initial: { symbols: ['A'] }, maxSymbols: 3 });
    expect(service.lists.setSymbols(['x', 'y'])).toEqual(['X', 'Y']);
    expect(errorCode(() => service.lists.setSymbols(['Q', 'q']))).toBe('duplicate');
    expect(errorCode(() => service.lists.setSymbols(['Q', 'no way']))).toBe('invalid-payload');
    expect(errorCode(() => service.lists.setSymbols(['A', 'B', 'C', 'D']))).toBe('limit');
    expect(service.lists.symbols()).toEqual(['X', 'Y']);
  });
});

describe('Settings: preferences and window', () => {
  it('applies a valid patch, saves it and emits', () => {
    const { service, store, emitted } = makeService();
    expect(service.preferences.set({ height: 48, theme: 'light' })).toMatchObject({
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
      expect(errorCode(() => service.preferences.set(patch as never))).toBe('invalid-payload');
    }
    expect(service.preferences.current()).toEqual(defaultSettings().preferences);
    expect(store.writes).toBe(writes);
    expect(emitted).toEqual([]);
  });

  it('does not write or emit when nothing changes', () => {
    const { service, store, emitted } = makeService();
    const writes = store.writes;
    service.preferences.set({ height: 32 });
    service.preferences.set({});
    expect(store.writes).toBe(writes);
    expect(emitted).toEqual([]);
  });

  it('saves window state without a settings event, and validates it', () => {
    const { service, store, emitted } = makeService();
    expect(service.window.set({ docked: false, x: -1280, y: 20 })).toEqual({
      displayId: null,
      docked: false,
      x: -1280,
      y: 20,
    });
    expect((store.store as SavedSettings).window).toMatchObject({ docked: false, x: -1280 });
    expect(emitted).toEqual([]);
    expect(errorCode(() => service.window.set({ x: Number.NaN }))).toBe('invalid-payload');
    expect(errorCode(() => service.window.set({ width: 4 } as never))).toBe('invalid-payload');
    expect(service.window.current().x).toBe(-1280);
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
    expect(service.preferences.set({ height: 50 }).height).toBe(50);
    service.lists.addSymbol('SAP');
    service.window.set({ x: 5 });
    expect(service.preferences.current().height).toBe(50);
    expect(emitted).toHaveLength(2);
    expect(service.notices()).toHaveLength(1);
    expect(service.notices()[0]).toMatchObject({
      level: 'warning',
      message: expect.stringMatching(/cannot save changes.*ENOSPC.*until Ticker quits/),
    });
    expect(logged).toHaveBeenCalled();
    // Saving works again: everything of the session is saved; a new failure is told again.
    failing = false;
    service.preferences.set({ height: 51 });
    expect(saved).toMatchObject({ preferences: { height: 51 }, window: { x: 5 } });
    failing = true;
    service.preferences.set({ height: 52 });
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
    const service = createSettings({
      store: refusing,
      safeStorage: createFakeSafeStorage(),
      platform: 'linux',
      now: () => 5,
    });
    service.lists.addSymbol('SAP');
    const messages = service.notices().map((notice) => notice.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toBe(
      'Ticker cannot save changes to its settings: the settings file /x/settings.json is read-only. Changes you make now apply until Ticker quits; the file at /x/settings.json is left as it is.',
    );
    expect(messages[1]).toMatch(/preferences\.height/);
    // An import applies for the session and says it is not saved, without another notice.
    const imported = service.transfer.apply({
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
    expect(service.lists.all().at(-1)?.symbols).toEqual(['IBM']);
    expect(service.notices()).toHaveLength(2);
    expect(store.writes).toBe(0);
  });
});

describe('Settings: API key', () => {
  it('encrypts with safeStorage when available, round-trips, and masks', () => {
    const { service, store, safeStorage } = makeService();
    const info = service.key.set(`  ${KEY}\n`);
    expect(info).toEqual({ hasKey: true, masked: `••••${KEY.slice(-4)}`, protection: 'encrypted' });
    const saved = (store.store as SavedSettings).apiKey;
    expect(saved?.protection).toBe('encrypted');
    expect(JSON.stringify(store.store)).not.toContain(KEY);
    expect(service.key.plain()).toBe(KEY);
    // A fresh service over the same file decrypts it again.
    const reloaded = createSettings({ store, safeStorage, platform: 'darwin' });
    expect(reloaded.key.plain()).toBe(KEY);
    expect(reloaded.key.info().masked).toBe(`••••${KEY.slice(-4)}`);
  });

  it('falls back to obfuscation without encryption, and says so', () => {
    const safeStorage = createFakeSafeStorage({ available: false });
    const { service, store } = makeService({ safeStorage });
    expect(service.key.set(KEY).protection).toBe('obfuscated');
    expect(JSON.stringify(store.store)).not.toContain(KEY);
    expect(createSettings({ store, safeStorage, platform: 'win32' }).key.plain()).toBe(KEY);
  });

  it("treats Linux's basic_text backend as obfuscation, but not other backends", () => {
    const basic = makeService({ platform: 'linux', safeStorage: createFakeSafeStorage({ backend: 'basic_text' }) });
    expect(basic.service.key.set(KEY).protection).toBe('obfuscated');
    expect(basic.service.key.plain()).toBe(KEY);
    const keyring = makeService({
      platform: 'linux',
      safeStorage: createFakeSafeStorage({ backend: 'gnome_libsecret' }),
    });
    expect(keyring.service.key.set(KEY).protection).toBe('encrypted');
  });

  it('clears the key with an empty string', () => {
    const { service, store } = makeService();
    service.key.set(KEY);
    expect(service.key.set('   ')).toEqual({ hasKey: false, masked: null, protection: 'none' });
    expect(service.key.plain()).toBeNull();
    expect((store.store as SavedSettings).apiKey).toBeNull();
  });

  it.each(['short', 'has a space inside', 'x'.repeat(129), 'tab\there1234', 'ünïcødé-key-123'])(
    'refuses the key %j',
    (bad) => {
      const { service, store } = makeService();
      service.key.set(KEY);
      const writes = store.writes;
      expect(errorCode(() => service.key.set(bad))).toBe('invalid-payload');
      expect(service.key.plain()).toBe(KEY);
      expect(store.writes).toBe(writes);
    },
  );

  it('never puts the key in publicSettings or any changed payload', () => {
    const { service, emitted } = makeService();
    service.key.set(KEY);
    service.lists.addSymbol('IBM');
    service.preferences.set({ speed: 120 });
    service.lists.removeSymbol('IBM');
    service.key.set(`${KEY}99`);
    expect(emitted.length).toBe(5);
    for (const payload of [...emitted, service.publicSettings(), service.key.info()]) {
      expect(JSON.stringify(payload)).not.toContain(KEY);
    }
  });

  it('answers null plus a notice when the saved key cannot be decrypted anymore', () => {
    const safeStorage = createFakeSafeStorage();
    const { service, store } = makeService({ safeStorage });
    service.key.set(KEY);
    safeStorage.brokenDecrypt = true;
    const reloaded = createSettings({ store, safeStorage, platform: 'darwin' });
    expect(reloaded.key.plain()).toBeNull();
    expect(reloaded.key.info()).toEqual({ hasKey: false, masked: null, protection: 'none' });
    const notices = reloaded.notices();
    expect(notices).toHaveLength(1);
    expect(notices[0]?.message).toMatch(/could not be read/);
    // Setting a new key recovers.
    safeStorage.brokenDecrypt = false;
    reloaded.key.set(KEY);
    expect(reloaded.key.plain()).toBe(KEY);
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
    const service = createSettings({ store, safeStorage: hostile, platform: 'linux' });
    expect(service.key.set(KEY).protection).toBe('obfuscated');
    expect(service.key.plain()).toBe(KEY);
  });
});

describe('Settings: watch lists', () => {
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
    const fx = service.lists.create('  FX ');
    expect(fx).toEqual({ id: 'l3', name: 'FX', symbols: [] });
    expect(service.lists.addSymbol('oanda:eur_usd', 'l3')).toEqual(['OANDA:EUR_USD']);
    expect(service.lists.addSymbol('AAPL', 'l3')).toEqual(['OANDA:EUR_USD', 'AAPL']);
    expect(emitted.at(-1)?.lists.map((l) => l.name)).toEqual(['Tech', 'Crypto', 'FX']);
    expect(errorCode(() => service.lists.create('tech'))).toBe('duplicate');
    expect(errorCode(() => service.lists.create('   '))).toBe('invalid-payload');
    expect(errorCode(() => service.lists.create('x'.repeat(41)))).toBe('invalid-payload');
    expect(service.lists.rename('l3', 'Currencies').name).toBe('Currencies');
    expect(service.lists.rename('l3', 'currencies').name).toBe('currencies');
    expect(errorCode(() => service.lists.rename('l3', 'Crypto'))).toBe('duplicate');
    expect(errorCode(() => service.lists.rename('l9', 'Other'))).toBe('not-found');
    service.lists.delete('l3');
    expect(service.lists.all().map((l) => l.id)).toEqual(['l1', 'l2']);
    expect(service.lists.create('Again').id).toBe('l3');
  });

  it('gives every new list its own id whatever ids the file holds; deleting one deletes only it', () => {
    const { service } = makeService({
      initial: { ...twoLists, lists: [...twoLists.lists, { id: 'l999999999', name: 'Big', symbols: [] }] },
    });
    const a = service.lists.create('A');
    const b = service.lists.create('B');
    expect(a.id).not.toBe(b.id);
    service.lists.delete(a.id);
    expect(service.lists.all().map((list) => list.name)).toEqual(['Tech', 'Crypto', 'Big', 'B']);
  });

  it('cleans list names (bidi overrides, zero-width characters) and compares them cleaned', () => {
    const { service } = makeService({ initial: twoLists });
    expect(errorCode(() => service.lists.create('Te\u200Bch'))).toBe('duplicate');
    expect(errorCode(() => service.lists.create('\u2066tech\u2069'))).toBe('duplicate');
    expect(service.lists.create('\u202EFX\u202C zone\u200D').name).toBe('FX zone');
    expect(errorCode(() => service.lists.rename('l2', 'T\uFEFFech'))).toBe('duplicate');
    expect(errorCode(() => service.lists.create('\u200B\u200B'))).toBe('invalid-payload');
  });

  it('edits any list by id without touching the strip’s own list, and moves within a list', () => {
    const { service, emitted } = makeService({ initial: twoLists });
    expect(service.lists.moveSymbol('AAPL', 0, 'l2')).toEqual(['AAPL', 'BINANCE:BTCUSDT']);
    expect(service.lists.removeSymbol('BINANCE:BTCUSDT', 'l2')).toEqual(['AAPL']);
    expect(service.lists.symbols()).toEqual(['AAPL', 'MSFT']);
    expect(emitted.at(-1)?.symbols).toEqual(['AAPL', 'MSFT']);
    expect(emitted.at(-1)?.lists[1]?.symbols).toEqual(['AAPL']);
    expect(errorCode(() => service.lists.removeSymbol('MSFT', 'l2'))).toBe('not-found');
  });

  it('shows another list on the strip, and deleting the shown list falls back to the first, never the last list', () => {
    const { service, store } = makeService({ initial: twoLists });
    service.lists.show('l2');
    expect(service.lists.symbols()).toEqual(['BINANCE:BTCUSDT', 'AAPL']);
    expect(service.lists.shownSymbols()).toEqual(['BINANCE:BTCUSDT', 'AAPL']);
    expect((store.store as SavedSettings).shownListId).toBe('l2');
    service.lists.delete('l2');
    expect(service.lists.shownListId()).toBe('l1');
    expect(service.lists.symbols()).toEqual(['AAPL', 'MSFT']);
    expect(errorCode(() => service.lists.delete('l1'))).toBe('limit');
    expect(errorCode(() => service.lists.show('l2'))).toBe('not-found');
    expect(service.lists.all()).toHaveLength(1);
  });

  it('refuses more lists than the cap, changing nothing', () => {
    const { service } = makeService({ initial: twoLists });
    for (let n = 3; n <= MAX_WATCH_LISTS; n += 1) service.lists.create(`List ${n}`);
    const before = service.lists.all();
    expect(errorCode(() => service.lists.create('One too many'))).toBe('limit');
    expect(service.lists.all()).toEqual(before);
  });

  it('keeps the lists on screen within the plan’s cap, with a message saying what to do', () => {
    const { service } = makeService({ initial: twoLists, maxSymbols: 3 });
    // Within one list the list's own cap speaks; showing a list that fits is fine.
    expect(service.lists.addSymbol('NVDA')).toEqual(['AAPL', 'MSFT', 'NVDA']);
    expect(() => service.lists.addSymbol('TSLA')).toThrow(/at most 3 symbols/);
    service.lists.show('l2');
    expect(service.lists.shownSymbols()).toEqual(['BINANCE:BTCUSDT', 'AAPL']);
  });
});

describe('Settings: second strip', () => {
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
    expect(service.secondStrip.current()).toEqual({
      enabled: false,
      listId: 'l1',
      position: 'bottom',
      displayId: null,
      sortOrder: 'list',
      content: 'quotes',
    });
    expect(service.lists.shownSymbols()).toEqual(['AAPL', 'MSFT']);
    service.secondStrip.set({ listId: 'l2' });
    expect(service.lists.shownSymbols()).toEqual(['AAPL', 'MSFT']);
    expect(service.secondStrip.set({ enabled: true, displayId: 7, position: 'top' })).toEqual({
      enabled: true,
      listId: 'l2',
      position: 'top',
      displayId: 7,
      sortOrder: 'list',
      content: 'quotes',
    });
    expect(service.secondStrip.set({ sortOrder: 'change-down', content: 'headlines' })).toMatchObject({
      sortOrder: 'change-down',
      content: 'headlines',
    });
    expect(() => service.secondStrip.set({ sortOrder: 'random' } as never)).toThrow();
    service.secondStrip.set({ sortOrder: 'list', content: 'quotes' });
    expect(service.lists.shownListIds()).toEqual(['l1', 'l2']);
    expect(service.lists.shownSymbols()).toEqual(['AAPL', 'MSFT', 'BINANCE:BTCUSDT']);
    expect(service.lists.symbols()).toEqual(['AAPL', 'MSFT']);
    const saved = { enabled: true, listId: 'l2', position: 'top', displayId: 7, sortOrder: 'list', content: 'quotes' };
    expect(emitted.at(-1)?.secondStrip).toEqual(saved);
    expect((store.store as SavedSettings).secondStrip).toEqual(saved);
    // Symbols added to the second strip's list reach the connection too.
    service.lists.addSymbol('BINANCE:ETHUSDT', 'l2');
    expect(service.lists.shownSymbols()).toEqual(['AAPL', 'MSFT', 'BINANCE:BTCUSDT', 'BINANCE:ETHUSDT']);
  });

  it('refuses a change that would take the lists on screen over the cap, saying so, and changes nothing', () => {
    const { service } = makeService({ initial: threeLists, maxSymbols: 3 });
    service.secondStrip.set({ enabled: true, listId: 'l2' });
    expect(service.lists.shownSymbols()).toHaveLength(3);
    expect(() => service.secondStrip.set({ listId: 'l3' })).toThrow(
      'The lists on screen would need 4 symbols, but your plan allows 3 on its one connection. Remove 1 from the lists on screen, or show a smaller list.',
    );
    expect(errorCode(() => service.secondStrip.set({ listId: 'l3' }))).toBe('limit');
    expect(errorCode(() => service.lists.addSymbol('NVDA', 'l2'))).toBe('limit');
    expect(service.secondStrip.current().listId).toBe('l2');
    service.secondStrip.set({ enabled: false });
    expect(service.secondStrip.set({ listId: 'l3' }).listId).toBe('l3');
    expect(errorCode(() => service.secondStrip.set({ enabled: true }))).toBe('limit');
  });

  it('refuses malformed changes and lists that do not exist; a deleted list moves it to the first list', () => {
    const { service } = makeService({ initial: threeLists });
    expect(errorCode(() => service.secondStrip.set({ listId: 'l9' }))).toBe('not-found');
    expect(errorCode(() => service.secondStrip.set({ position: 'left' as never }))).toBe('invalid-payload');
    expect(errorCode(() => service.secondStrip.set({ displayId: -1 }))).toBe('invalid-payload');
    expect(errorCode(() => service.secondStrip.set({ enabled: 'yes' as never }))).toBe('invalid-payload');
    expect(errorCode(() => service.secondStrip.set({ colour: 'red' } as never))).toBe('invalid-payload');
    expect(errorCode(() => service.secondStrip.set(null as never))).toBe('invalid-payload');
    service.secondStrip.set({ enabled: true, listId: 'l3' });
    service.lists.delete('l3');
    expect(service.secondStrip.current()).toMatchObject({ enabled: true, listId: 'l1' });
    expect(service.lists.shownSymbols()).toEqual(['AAPL', 'MSFT']);
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
    expect(service.secondStrip.current()).toEqual({
      enabled: true,
      listId: 'l3',
      position: 'top',
      displayId: 2,
      sortOrder: 'name',
      content: 'headlines',
    });
    expect(service.lists.shownSymbols()).toEqual(['AAPL', 'MSFT', 'OANDA:EUR_USD', 'OANDA:GBP_USD']);
    const broken = makeService({
      initial: { ...threeLists, secondStrip: { enabled: true, listId: 'gone', position: 'middle', content: 'video' } },
    });
    expect(broken.service.secondStrip.current()).toEqual({
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
