/**
 * The saved settings, checked on the way in and on the way out. Main-process only: it is the one
 * place that sees the plain API key, and nothing it emits ever contains it.
 */
import { randomUUID } from 'node:crypto';
import { ALERT_LIMITS, checkAlertDraft, copyAlertRule, formatAlertCondition, sameCondition, type AlertDraft, type AlertRule } from '../../shared/alert-rules';
import { TickerError } from '../../shared/ipc-contract';
import { Signal } from '../../shared/signal';
import { DEFAULT_MAX_SYMBOLS, MAX_SYMBOL_LENGTH, normalizeSymbol } from '../../shared/symbols';
import type { KeyInfo, Notice, Preferences, PublicSettings, WindowState } from '../../shared/types';
import { API_KEY_PATTERN, maskKey, protectKey, revealKey, type SafeStorageLike } from './key-protection';
import type { KeyValueStore } from './key-value-store';
import { checkPreferencePatch, isPlainDataObject } from '../../shared/preference-rules';
import { isWindowKey, repairSettings, windowFieldProblem } from './repair-settings';
import { defaultSettings, type SavedSettings } from './schema';

export type { KeyValueStore } from './key-value-store';
export type { SafeStorageLike } from './key-protection';

export interface SettingsServiceDeps {
  store: KeyValueStore;
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  maxSymbols?: number;
  /** Clock for notice times (default Date.now). */
  now?: () => number;
  /** Makes a new alert rule's id (default: a random UUID). */
  newId?: () => string;
}

const MAX_NOTICES = 20;

/** Show at most this much of rejected user input in an error message. */
function preview(input: unknown): string {
  if (typeof input !== 'string') return `(${typeof input})`;
  const text = input;
  return text.length > MAX_SYMBOL_LENGTH ? `${text.slice(0, MAX_SYMBOL_LENGTH)}…` : text;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class SettingsService {
  /** Emitted after every change that a renderer can see (symbols, preferences, key info). */
  readonly changed = new Signal<PublicSettings>();
  /** Emitted for problems found after loading (e.g. the saved key can no longer be decrypted). */
  readonly noticeRaised = new Signal<Notice>();

  readonly maxSymbols: number;
  private readonly store: KeyValueStore;
  private readonly safeStorage: SafeStorageLike;
  private readonly platform: NodeJS.Platform;
  private readonly now: () => number;
  private readonly newId: () => string;
  private current: SavedSettings;
  private readonly raisedNotices: Notice[] = [];
  /** The decrypted key for the saved blob `data` (null when it could not be decrypted). */
  private keyCache: { data: string; key: string | null } | null = null;

  constructor(deps: SettingsServiceDeps) {
    this.store = deps.store;
    this.safeStorage = deps.safeStorage;
    this.platform = deps.platform;
    this.now = deps.now ?? Date.now;
    this.newId = deps.newId ?? randomUUID;
    this.maxSymbols = deps.maxSymbols ?? DEFAULT_MAX_SYMBOLS;
    this.current = this.load();
    // Find an undecryptable key now, so its notice is among the loading notices.
    this.apiKey();
  }

  // ------------------------------------------------------------------ reading

  /** Notices raised so far (loading problems first), oldest first. */
  notices(): Notice[] {
    return [...this.raisedNotices];
  }

  /** Where the settings live on disk. */
  get storePath(): string {
    return this.store.path;
  }

  symbols(): string[] {
    return [...this.current.symbols];
  }

  preferences(): Preferences {
    return { ...this.current.preferences };
  }

  windowState(): WindowState {
    return { ...this.current.window };
  }

  keyInfo(): KeyInfo {
    const key = this.apiKey();
    const saved = this.current.apiKey;
    if (key === null || saved === null) return { hasKey: false, masked: null, protection: 'none' };
    return { hasKey: true, masked: maskKey(key), protection: saved.protection };
  }

  publicSettings(): PublicSettings {
    return { symbols: this.symbols(), preferences: this.preferences(), key: this.keyInfo(), maxSymbols: this.maxSymbols, alerts: this.alerts() };
  }

  /** The plain API key, for main only (towards Finnhub). Null without a key or when it cannot be decrypted. */
  apiKey(): string | null {
    const saved = this.current.apiKey;
    if (saved === null) return null;
    if (this.keyCache?.data === saved.data) return this.keyCache.key;
    const key = revealKey(saved, this.safeStorage);
    this.keyCache = { data: saved.data, key };
    if (key === null) {
      this.raise({
        level: 'warning',
        message: 'Your saved Finnhub key could not be read on this computer (the system keychain may have changed). Please paste your key again in Settings.',
      });
    }
    return key;
  }

  // ------------------------------------------------------------------ symbols

  addSymbol(input: string): string[] {
    const symbol = this.requireSymbol(input);
    const symbols = this.current.symbols;
    if (symbols.includes(symbol)) throw new TickerError('duplicate', `${symbol} is already in your list.`);
    if (symbols.length >= this.maxSymbols) {
      throw new TickerError('limit', `You can watch at most ${this.maxSymbols} symbols. Remove one first.`);
    }
    this.commit({ ...this.current, symbols: [...symbols, symbol] });
    return this.symbols();
  }

  removeSymbol(input: string): string[] {
    const symbol = this.requireListed(input);
    this.commit({ ...this.current, symbols: this.current.symbols.filter((s) => s !== symbol) });
    return this.symbols();
  }

  /** Move `symbol` to `toIndex` (clamped to the list). */
  moveSymbol(input: string, toIndex: number): string[] {
    const symbol = this.requireListed(input);
    if (typeof toIndex !== 'number' || !Number.isFinite(toIndex)) {
      throw new TickerError('invalid-payload', 'The new position must be a finite number.');
    }
    const rest = this.current.symbols.filter((s) => s !== symbol);
    const index = Math.min(Math.max(Math.trunc(toIndex), 0), rest.length);
    rest.splice(index, 0, symbol);
    this.commit({ ...this.current, symbols: rest });
    return this.symbols();
  }

  /** Replace the whole list (all-or-nothing: invalid, duplicate or too many → nothing changes). */
  setSymbols(list: readonly string[]): string[] {
    if (!Array.isArray(list)) throw new TickerError('invalid-payload', 'Symbols must be a list.');
    if (list.length > this.maxSymbols) {
      throw new TickerError('limit', `You can watch at most ${this.maxSymbols} symbols.`);
    }
    const next: string[] = [];
    for (const item of list) {
      const symbol = this.requireSymbol(item);
      if (next.includes(symbol)) throw new TickerError('duplicate', `${symbol} appears twice.`);
      next.push(symbol);
    }
    this.commit({ ...this.current, symbols: next });
    return this.symbols();
  }

  // ------------------------------------------------------------------ alerts

  alerts(): AlertRule[] {
    return this.current.alerts.map(copyAlertRule);
  }

  /** Add a rule (armed). Refuses an invalid draft, a rule identical to one saved, and more than the limit. */
  addAlert(input: AlertDraft): AlertRule[] {
    const draft = this.requireDraft(input);
    const alerts = this.current.alerts;
    if (alerts.length >= ALERT_LIMITS.maxRules) throw new TickerError('limit', `You can keep at most ${ALERT_LIMITS.maxRules} alerts. Remove one first.`);
    this.refuseDuplicate(draft, null);
    this.commit({ ...this.current, alerts: [...alerts, { ...draft, id: this.newId(), triggered: false }] });
    return this.alerts();
  }

  /** Replace a rule's condition and options; an edited rule is armed again. */
  updateAlert(id: string, input: AlertDraft): AlertRule[] {
    const index = this.requireAlert(id);
    const draft = this.requireDraft(input);
    this.refuseDuplicate(draft, id);
    const alerts = [...this.current.alerts];
    alerts[index] = { ...draft, id, triggered: false };
    this.commit({ ...this.current, alerts });
    return this.alerts();
  }

  removeAlert(id: string): AlertRule[] {
    this.requireAlert(id);
    this.commit({ ...this.current, alerts: this.current.alerts.filter((rule) => rule.id !== id) });
    return this.alerts();
  }

  /** Arm a triggered rule again (the user's "Re-arm"). */
  rearmAlert(id: string): AlertRule[] {
    this.requireAlert(id);
    this.setAlertTriggered(id, false);
    return this.alerts();
  }

  /** Save a rule's triggered state as the alert engine changed it; an unknown id (just removed) is ignored. */
  setAlertTriggered(id: string, triggered: boolean): void {
    const alerts = this.current.alerts.map((rule) => (rule.id === id ? { ...rule, triggered } : rule));
    this.commit({ ...this.current, alerts });
  }

  // ------------------------------------------------------------------ preferences and window

  /** Apply a patch; every field is checked first and nothing changes unless all are valid. */
  setPreferences(patch: Partial<Preferences>): Preferences {
    const checked = checkPreferencePatch(patch);
    if (!checked.ok) throw new TickerError('invalid-payload', checked.message);
    this.commit({ ...this.current, preferences: { ...this.current.preferences, ...checked.value } });
    return this.preferences();
  }

  /** Remember where the strip is. Not a renderer-visible change, so `changed` is not emitted. */
  setWindowState(partial: Partial<WindowState>): WindowState {
    if (!isPlainDataObject(partial)) throw new TickerError('invalid-payload', 'Window state must be a plain object.');
    const next: Record<string, unknown> = { ...this.current.window };
    for (const [key, value] of Object.entries(partial)) {
      if (!isWindowKey(key)) throw new TickerError('invalid-payload', `Unknown window state field "${preview(key)}".`);
      const problem = windowFieldProblem(key, value);
      if (problem) throw new TickerError('invalid-payload', problem);
      next[key] = value;
    }
    this.commit({ ...this.current, window: next as unknown as WindowState });
    return this.windowState();
  }

  // ------------------------------------------------------------------ key

  /** Save a new key (trimmed; empty clears it). */
  setApiKey(input: string): KeyInfo {
    if (typeof input !== 'string') throw new TickerError('invalid-payload', 'The key must be text.');
    const key = input.trim();
    if (key === '') {
      this.commit({ ...this.current, apiKey: null });
      return this.keyInfo();
    }
    if (!API_KEY_PATTERN.test(key)) {
      throw new TickerError('invalid-payload', 'A Finnhub key is 8 to 128 letters, digits or symbols, without spaces.');
    }
    const saved = protectKey(key, this.safeStorage, this.platform);
    // Cache before committing so the `changed` payload's key info is computed without decrypting.
    this.keyCache = { data: saved.data, key };
    this.commit({ ...this.current, apiKey: saved });
    return this.keyInfo();
  }

  // ------------------------------------------------------------------ internals

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
    if (repaired.problems.length > 0) {
      this.raise({
        level: 'warning',
        message: `Some saved settings were invalid and were reset to their defaults: ${repaired.problems.join(', ')}.`,
      });
      this.tryWrite(repaired.settings);
    }
    return repaired.settings;
  }

  private tryWrite(settings: SavedSettings): void {
    try {
      this.store.store = structuredClone(settings);
    } catch (error) {
      console.error('[settings] could not save repaired settings:', error);
    }
  }

  /** Save then adopt `next`; emit `changed` when a renderer-visible part differs. */
  private commit(next: SavedSettings): void {
    const before = this.current;
    if (sameJson(before, next)) return;
    try {
      this.store.store = structuredClone(next);
    } catch (error) {
      console.error('[settings] could not save settings:', error);
      throw new TickerError('internal', 'Ticker could not save your settings. Check that the settings folder is writable.');
    }
    this.current = next;
    const visibleChange =
      !sameJson(before.symbols, next.symbols) ||
      !sameJson(before.preferences, next.preferences) ||
      !sameJson(before.apiKey, next.apiKey) ||
      !sameJson(before.alerts, next.alerts);
    if (visibleChange) this.changed.emit(this.publicSettings());
  }

  private raise(notice: Omit<Notice, 'at'>): void {
    const full: Notice = { ...notice, at: this.now() };
    this.raisedNotices.push(full);
    if (this.raisedNotices.length > MAX_NOTICES) this.raisedNotices.shift();
    this.noticeRaised.emit(full);
  }

  private requireSymbol(input: unknown): string {
    const symbol = normalizeSymbol(input);
    if (symbol === null) {
      throw new TickerError(
        'invalid-payload',
        `"${preview(input)}" is not a valid symbol. Use letters, digits and . - _ : / ^ = (up to ${MAX_SYMBOL_LENGTH} characters).`,
      );
    }
    return symbol;
  }

  private requireDraft(input: unknown): AlertDraft {
    const checked = checkAlertDraft(input);
    if (!checked.ok) throw new TickerError('invalid-payload', checked.message);
    return checked.value;
  }

  private requireAlert(id: unknown): number {
    const index = typeof id === 'string' ? this.current.alerts.findIndex((rule) => rule.id === id) : -1;
    if (index < 0) throw new TickerError('not-found', 'That alert no longer exists.');
    return index;
  }

  private refuseDuplicate(draft: AlertDraft, exceptId: string | null): void {
    const same = this.current.alerts.find((rule) => rule.id !== exceptId && sameCondition(rule, draft));
    if (same) throw new TickerError('duplicate', `You already have the alert ${formatAlertCondition(same)}.`);
  }

  private requireListed(input: unknown): string {
    const symbol = this.requireSymbol(input);
    if (!this.current.symbols.includes(symbol)) throw new TickerError('not-found', `${symbol} is not in your list.`);
    return symbol;
  }
}
