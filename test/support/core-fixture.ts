/**
 * A real TickerCore (real settings service, feed session, connection, store, publisher) over an
 * in-memory settings store and a fake safeStorage, pointed at the fake Finnhub server.
 */
import { createTickerCore, type TickerCoreDeps } from '../../src/engine/core/create-ticker-core';
import type { TickerCore } from '../../src/engine/core/ticker-core';
import { createMemoryStore, type KeyValueStore } from '../../src/engine/settings/key-value-store';
import type { SafeStorageLike } from '../../src/engine/settings/key-protection';
import { createSettings, type Settings } from '../../src/engine/settings/settings';
import type { FakeFinnhub } from './fake-finnhub';

/** Reversible "encryption" that is visibly not the plain key. */
export const fakeSafeStorage: SafeStorageLike = {
  isEncryptionAvailable: () => true,
  encryptString: (plain: string) => Buffer.from(`enc:${[...plain].reverse().join('')}`),
  decryptString: (encrypted: Buffer) => [...encrypted.toString().slice(4)].reverse().join(''),
  getSelectedStorageBackend: () => 'gnome_libsecret',
};

export interface CoreFixture {
  core: TickerCore;
  settings: Settings;
  store: KeyValueStore;
}

export function createCoreFixture(
  server: FakeFinnhub,
  options: {
    symbols?: string[];
    key?: string;
    store?: KeyValueStore;
    /** The system's key store (default: one that encrypts). */
    safeStorage?: SafeStorageLike;
    /** The plan's cap on the symbols on screen (default the app's). */
    maxSymbols?: number;
  } & Partial<Omit<TickerCoreDeps, 'settings'>> = {},
): CoreFixture {
  const { symbols, key, store: givenStore, safeStorage = fakeSafeStorage, maxSymbols, ...deps } = options;
  const store = givenStore ?? createMemoryStore();
  const settings = createSettings({
    store,
    safeStorage,
    platform: 'linux',
    ...(maxSymbols !== undefined ? { maxSymbols } : {}),
  });
  if (symbols) settings.lists.setSymbols(symbols);
  if (key) settings.key.set(key);
  const core = createTickerCore({ settings, wsUrl: server.wsUrl, restUrl: server.restUrl, ...deps });
  return { core, settings, store };
}
