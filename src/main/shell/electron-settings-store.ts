/**
 * The Electron edge of settings: an electron-store file named `settings.json` in the app's userData
 * folder (or `cwd`), validated against the settings schema. electron-store throws in its constructor
 * when the file is broken or violates the schema (clearInvalidConfig: false); openSettingsStore
 * handles that, so the file is never cleared behind the user's back.
 */
import Store, { type Options } from 'electron-store';
import type { KeyValueStore } from '../../engine/settings/key-value-store';
import { defaultSettings, settingsSchema } from '../../engine/settings/schema';
import { settingsFilePath } from '../../engine/settings/open-store';
import { fileExists, privateWhenCreated } from '../../engine/settings/settings-file';

export interface ElectronSettingsStoreOptions {
  /**
   * Folder for settings.json (absolute). Default: Electron's userData folder. Given, a new file is
   * known to be new before the store library writes it the first time, and is made private at once.
   */
  cwd?: string;
  maxSymbols?: number;
}

const SETTINGS_STORE_NAME = 'settings';

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
  // The file holds the relay token and the key blob: one Ticker creates is private (0600). The store
  // library keeps the mode of a file that is there, so a mode the user chose stays, and it writes
  // through a symlink, so the link stays.
  const existedBefore = options.cwd === undefined ? null : fileExists(settingsFilePath(options.cwd));
  const store = new Store<Record<string, unknown>>(settingsStoreOptions(options));
  const makePrivate = privateWhenCreated(() => store.path, existedBefore ?? fileExists(store.path));
  makePrivate();
  return {
    get store() {
      return store.store;
    },
    set store(value: Record<string, unknown>) {
      store.store = value;
      makePrivate();
    },
    get path() {
      return store.path;
    },
  };
}
