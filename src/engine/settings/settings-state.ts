/**
 * The saved settings as one object in memory and on disk: loaded (and repaired) from the store once,
 * then replaced whole on every change. A change is saved before it is adopted; a save that fails or
 * is refused never loses the change for this session and never becomes an error per change: the user
 * is told once that changes are not being saved. Each kind of setting registers the part of the
 * settings it owns and hears, after each change, whether its part really changed.
 */
import { isDeepStrictEqual } from 'node:util';
import { Signal } from '../../shared/signal';
import { DEFAULT_MAX_SYMBOLS } from '../../shared/symbols';
import type { Notice } from '../../shared/types';
import { SettingsWriteRefused, type KeyValueStore } from './key-value-store';
import { repairSettings } from './repair-settings';
import { defaultSettings, type SavedSettings } from './schema';

export interface SettingsStateDeps {
  store: KeyValueStore;
  maxSymbols?: number;
  /** Clock for notice times (default Date.now). */
  now?: () => number;
}

/** One kind of setting's part of the saved settings, and what to do after a change to it. */
interface Follower {
  part(settings: SavedSettings): unknown;
  changed(before: SavedSettings, after: SavedSettings): void;
  /** A renderer shows this part: a change to it is pushed to the windows. */
  visible: boolean;
}

const MAX_NOTICES = 20;

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown error';
}

export class SettingsState {
  /** Emitted for problems found after loading (e.g. the saved key can no longer be decrypted). */
  readonly noticeRaised = new Signal<Notice>();
  /** After a change a renderer can see, once per change, after each kind's own signal. */
  readonly visibleChanged = new Signal<void>();

  readonly maxSymbols: number;
  private readonly store: KeyValueStore;
  private readonly now: () => number;
  private settings: SavedSettings;
  private readonly raisedNotices: Notice[] = [];
  private readonly followers: Follower[] = [];
  /** The user was told that changes are not being saved (told once, until a save works again). */
  private toldUnsaved = false;

  constructor(deps: SettingsStateDeps) {
    this.store = deps.store;
    this.now = deps.now ?? Date.now;
    this.maxSymbols = deps.maxSymbols ?? DEFAULT_MAX_SYMBOLS;
    // A store known to refuse writes (read-only file, file from a newer Ticker) is announced now,
    // before the user makes a change that would be lost.
    const refusal = this.store.writeRefusal?.() ?? null;
    if (refusal !== null) this.tellUnsaved(refusal);
    this.settings = this.load();
  }

  /** The settings now. Never mutate it: `write` a changed copy. */
  get current(): SavedSettings {
    return this.settings;
  }

  /** Where the settings live on disk. */
  get storePath(): string {
    return this.store.path;
  }

  /** Notices raised so far (loading problems first), oldest first. */
  notices(): Notice[] {
    return [...this.raisedNotices];
  }

  raise(notice: Omit<Notice, 'at'>): void {
    const full: Notice = { ...notice, at: this.now() };
    this.raisedNotices.push(full);
    if (this.raisedNotices.length > MAX_NOTICES) this.raisedNotices.shift();
    this.noticeRaised.emit(full);
  }

  /**
   * Call `changed` after every change that leaves `part` of the settings different (deeply: the same
   * values in new objects are no change).
   */
  follow<T>(part: (settings: SavedSettings) => T, changed: (after: T, before: T) => void, visible: boolean): void {
    this.followers.push({ part, changed: (before, after) => changed(part(after), part(before)), visible });
  }

  /**
   * Save then adopt `next`, then tell each kind whose part changed. True when saved (or nothing
   * changed); false when it applies until Ticker quits.
   */
  write(next: SavedSettings): boolean {
    const before = this.settings;
    if (isDeepStrictEqual(before, next)) return true;
    const saved = this.tryWrite(next);
    this.settings = next;
    let visible = false;
    for (const follower of this.followers) {
      if (isDeepStrictEqual(follower.part(before), follower.part(next))) continue;
      visible ||= follower.visible;
      follower.changed(before, next);
    }
    if (visible) this.visibleChanged.emit();
    return saved;
  }

  private load(): SavedSettings {
    let raw: unknown;
    try {
      raw = this.store.store;
    } catch (error) {
      console.error('[settings] could not read settings:', error);
      this.raise({ level: 'error', message: 'Ticker could not read its settings and is using the defaults for now.' });
      return defaultSettings();
    }
    const repaired = repairSettings(raw, this.maxSymbols);
    if (repaired === null) {
      this.raise({ level: 'warning', message: 'Your settings were unreadable and were reset to the defaults.' });
      this.tryWrite(defaultSettings());
      return defaultSettings();
    }
    if (repaired.migrated && repaired.problems.length === 0) this.tryWrite(repaired.settings);
    if (repaired.problems.length > 0) {
      this.raise({
        level: 'warning',
        message: `Some saved settings were invalid and were reset to their defaults: ${repaired.problems.join(', ')}.`,
      });
      this.tryWrite(repaired.settings);
    }
    return repaired.settings;
  }

  private tryWrite(settings: SavedSettings): boolean {
    try {
      this.store.store = structuredClone(settings);
      this.toldUnsaved = false;
      return true;
    } catch (error) {
      if (!(error instanceof SettingsWriteRefused)) console.error('[settings] could not save settings:', error);
      if (!this.toldUnsaved)
        this.tellUnsaved(error instanceof SettingsWriteRefused ? error.reason : writeFailureReason(error));
      return false;
    }
  }

  private tellUnsaved(reason: string): void {
    this.toldUnsaved = true;
    this.raise({
      level: 'warning',
      message: `Ticker cannot save changes to its settings: ${reason}. Changes you make now apply until Ticker quits; the file at ${this.store.path} is left as it is.`,
    });
  }
}

const SCHEMA_VIOLATION = 'Config schema violation: ';

/** `relay/origins/0` (the store's JSON pointer) → `relay.origins[0]`. */
function fieldName(pointer: string): string {
  return pointer
    .split('/')
    .map((part, index) => (/^\d+$/.test(part) ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join('');
}

/**
 * Why a write failed, in words that name the field and the reason when the store refused a value
 * ("relay.origins[0] must NOT have more than 200 characters"), else the file system's error code.
 */
export function writeFailureReason(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (!message.startsWith(SCHEMA_VIOLATION)) return `the file could not be written (${errorCode(error)})`;
  const fields = message
    .slice(SCHEMA_VIOLATION.length)
    .split('; ')
    .map((part) => {
      const match = /^`([^`]*)` (.*)$/.exec(part);
      return match ? `${fieldName(match[1] as string)} ${match[2] as string}` : part;
    });
  return `a value was refused: ${fields.join('; ')}`;
}
