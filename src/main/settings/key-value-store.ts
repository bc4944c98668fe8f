/** The part of electron-store (conf) that settings need: the whole object, read and written at once. */
export interface KeyValueStore {
  /** Get or set the whole settings object (as electron-store's `.store`). Setting writes the file. */
  store: Record<string, unknown>;
  /** Where the file lives (shown to the user in notices). */
  readonly path: string;
}

/** A store that lives only in memory: used when the settings file cannot be opened at all. */
export function createMemoryStore(path = '(not saved)'): KeyValueStore {
  let data: Record<string, unknown> = {};
  return {
    get store() {
      return structuredClone(data);
    },
    set store(value: Record<string, unknown>) {
      data = structuredClone(value);
    },
    path,
  };
}
