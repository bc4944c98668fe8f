/** The part of electron-store (conf) that settings need: the whole object, read and written at once. */
export interface KeyValueStore {
  /** Get or set the whole settings object (as electron-store's `.store`). Setting writes the file. */
  store: Record<string, unknown>;
  /** Where the file lives (shown to the user in notices). */
  readonly path: string;
  /**
   * Why writes are refused right now (a read-only file, a file from a newer Ticker), or null when
   * they are not. Absent: writes are always attempted.
   */
  writeRefusal?(): string | null;
}

/** A write the store refused on purpose, without touching the file; `reason` is a sentence fragment. */
export class SettingsWriteRefused extends Error {
  constructor(readonly reason: string) {
    super(`Settings not saved: ${reason}`);
    this.name = 'SettingsWriteRefused';
  }
}

/**
 * A store whose writes go to `inner` only while `refusal()` says nothing: the check runs before
 * every write because the store library replaces a read-only file (it writes a temporary file and
 * renames it over the original) instead of failing.
 */
export function guardedStore(inner: KeyValueStore, refusal: () => string | null): KeyValueStore {
  return {
    get store() {
      return inner.store;
    },
    set store(value: Record<string, unknown>) {
      const reason = refusal();
      if (reason !== null) throw new SettingsWriteRefused(reason);
      inner.store = value;
    },
    get path() {
      return inner.path;
    },
    writeRefusal: refusal,
  };
}

/** The parsed content of a file that must not be written: reads answer from it, writes are refused. */
export function frozenStore(content: Record<string, unknown>, path: string, reason: string): KeyValueStore {
  return guardedStore(
    {
      get store() {
        return structuredClone(content);
      },
      set store(_value: Record<string, unknown>) {
        throw new SettingsWriteRefused(reason);
      },
      path,
    },
    () => reason,
  );
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
