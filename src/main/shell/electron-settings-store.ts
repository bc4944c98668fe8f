/**
 * The Electron edge of settings: an electron-store file named `settings.json` in the app's userData
 * folder (or `cwd`), validated against the settings schema. electron-store throws in its constructor
 * when the file is broken or violates the schema (clearInvalidConfig: false); openSettingsStore
 * handles that, so the file is never cleared behind the user's back.
 */
import Store, { type Options } from 'electron-store';
import type { KeyValueStore } from '../../engine/settings/key-value-store';
import { defaultSettings, settingsSchema } from '../../engine/settings/schema';

export interface ElectronSettingsStoreOptions {
  /** Folder for settings.json (absolute). Default: Electron's userData folder. */
  cwd?: string;
  maxSymbols?: number;
}

export const SETTINGS_STORE_NAME = 'settings';

/** The electron-store options for the settings file. */
export function settingsStoreOptions(options: ElectronSettingsStoreOptions = {}): Options<Record<string, unknown>> {
  return {
    name: SETTINGS_STORE_NAME,
    schema: settingsSchema(options.maxSymbols) as Options<Record<string, unknown>>['schema'],
    defaults: defaultSettings(),
    clearInvalidConfig: false,
    // Plain property names: symbols such as "BINANCE:BTCUSDT" never become paths.
    accessPropertiesByDotNotation: false,
    watch: false,
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
  };
}

export function createElectronSettingsStore(options: ElectronSettingsStoreOptions = {}): KeyValueStore {
  const store = new Store<Record<string, unknown>>(settingsStoreOptions(options));
  return {
    get store() {
      return store.store;
    },
    set store(value: Record<string, unknown>) {
      store.store = value;
    },
    get path() {
      return store.path;
    },
  };
}
