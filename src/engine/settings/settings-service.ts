/**
 * The saved settings, checked on the way in and on the way out. Main-process only: it is the one
 * place that sees the plain API key, and nothing it emits ever contains it.
 */
import { randomUUID } from 'node:crypto';
import {
  ALERT_LIMITS,
  checkAlertDraft,
  copyAlertRule,
  formatAlertCondition,
  sameCondition,
  type AlertDraft,
  type AlertRule,
} from '../../shared/alert-rules';
import { TickerError } from '../../shared/ipc-contract';
import { Signal } from '../../shared/signal';
import { MAX_RELAY_ORIGINS, checkRelayOrigin } from '../../shared/relay-rules';
import { DEFAULT_MAX_SYMBOLS, MAX_SYMBOL_LENGTH, normalizeSymbol, SYMBOL_RULE_TEXT } from '../../shared/symbols';
import type { KeyInfo, Notice, Preferences, PublicSettings, SecondStrip, WindowState } from '../../shared/types';
import { checkSecondStripPatch, listsOnScreen } from '../../shared/second-strip';
import { generateRelayToken } from '../relay/relay-token';
import { apiKeyProblem } from '../../shared/api-key-rule';
import { maskKey, protectKey, revealKey, type SafeStorageLike } from './key-protection';
import { SettingsWriteRefused, type KeyValueStore } from './key-value-store';
import { checkPreferencePatch, isPlainDataObject } from '../../shared/preference-rules';
import { isWindowKey, repairSettings, windowFieldProblem } from './repair-settings';
import { applyTransfer, type ApplyTransferOptions, type TransferPreview } from './apply-transfer';
import { defaultSettings, type SavedSettings } from './schema';
import type { TransferData, TransferSource } from './settings-transfer';
import { baseCurrencyProblem } from '../../shared/portfolio/currency';
import { checkLotDraft, HOLDING_LIMITS, type Holdings, type LotDraft } from '../../shared/portfolio/holdings';
import {
  cleanListName,
  listNameProblem,
  MAX_WATCH_LISTS,
  nextListId,
  sameListName,
  unionOfLists,
  unionOverCapMessage,
  type WatchList,
} from '../../shared/watch-lists';

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
  /** Makes a relay token (default: 32 random bytes, base64url). */
  newRelayToken?: () => string;
}

const MAX_NOTICES = 20;

/** Show at most this much of rejected user input in an error message. */
function preview(input: unknown): string {
  if (typeof input !== 'string') return `(${typeof input})`;
  const text = input;
  return text.length > MAX_SYMBOL_LENGTH ? `${text.slice(0, MAX_SYMBOL_LENGTH)}…` : text;
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown error';
}

/** The lists on screen: the first strip's, and the second strip's while it is on. */
function shownListIdsOf(settings: SavedSettings): string[] {
  return listsOnScreen(settings.shownListId, settings.secondStrip);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class SettingsService {
  /** Emitted after every change that a renderer can see (symbols, preferences, key info). */
  readonly changed = new Signal<PublicSettings>();
  /** The relay token or allowed origins changed (kept out of `changed`: the strip never sees the token). */
  readonly relayChanged = new Signal<void>();
  /** Emitted for problems found after loading (e.g. the saved key can no longer be decrypted). */
  readonly noticeRaised = new Signal<Notice>();

  readonly maxSymbols: number;
  private readonly store: KeyValueStore;
  private readonly safeStorage: SafeStorageLike;
  private readonly platform: NodeJS.Platform;
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly newRelayToken: () => string;
  private current: SavedSettings;
  private readonly raisedNotices: Notice[] = [];
  /** The decrypted key for the saved blob `data` (null when it could not be decrypted). */
  private keyCache: { data: string; key: string | null } | null = null;
  /** The user was told that changes are not being saved (told once, until a save works again). */
  private toldUnsaved = false;

  constructor(deps: SettingsServiceDeps) {
    this.store = deps.store;
    this.safeStorage = deps.safeStorage;
    this.platform = deps.platform;
    this.now = deps.now ?? Date.now;
    this.newId = deps.newId ?? randomUUID;
    this.newRelayToken = deps.newRelayToken ?? generateRelayToken;
    this.maxSymbols = deps.maxSymbols ?? DEFAULT_MAX_SYMBOLS;
    // A store known to refuse writes (read-only file, file from a newer Ticker) is announced now,
    // before the user makes a change that would be lost.
    const refusal = this.store.writeRefusal?.() ?? null;
    if (refusal !== null) this.tellUnsaved(refusal);
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

  /** The symbols the strip shows (its list's, in order). */
  symbols(): string[] {
    return [...this.shownList().symbols];
  }

  /** Every watch list, in the user's order (copies). */
  lists(): WatchList[] {
    return this.current.lists.map((list) => ({ ...list, symbols: [...list.symbols] }));
  }

  shownListId(): string {
    return this.current.shownListId;
  }

  /** The ids of the lists on screen (their union is what the one connection subscribes). */
  shownListIds(): string[] {
    return shownListIdsOf(this.current);
  }

  secondStrip(): SecondStrip {
    return { ...this.current.secondStrip };
  }

  /** Every symbol of every list on screen, each once: what the one connection must carry. */
  shownSymbols(): string[] {
    return unionOfLists(this.current.lists, this.shownListIds());
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
    return {
      symbols: this.symbols(),
      lists: this.lists(),
      shownListId: this.current.shownListId,
      preferences: this.preferences(),
      key: this.keyInfo(),
      maxSymbols: this.maxSymbols,
      alerts: this.alerts(),
      holdings: this.holdings(),
      secondStrip: this.secondStrip(),
    };
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
        message:
          'Your saved Finnhub key could not be read on this computer (the system keychain may have changed). Please paste your key again in Settings.',
      });
    }
    return key;
  }

  // ------------------------------------------------------------------ symbols (of the shown list, or of `listId`)

  /** Add a symbol at the end of a list (the shown one by default). */
  addSymbol(input: string, listId?: string): string[] {
    const symbol = this.requireSymbol(input);
    const list = this.requireList(listId);
    if (list.symbols.includes(symbol))
      throw new TickerError('duplicate', `${symbol} is already in ${this.listWords(list)}.`);
    if (list.symbols.length >= this.maxSymbols) {
      throw new TickerError(
        'limit',
        `A list holds at most ${this.maxSymbols} symbols. Remove one from ${this.listWords(list)} first.`,
      );
    }
    return this.replaceSymbols(list, [...list.symbols, symbol]);
  }

  removeSymbol(input: string, listId?: string): string[] {
    const list = this.requireList(listId);
    const symbol = this.requireListed(input, list);
    return this.replaceSymbols(
      list,
      list.symbols.filter((s) => s !== symbol),
    );
  }

  /** Move `symbol` to `toIndex` (clamped to the list). */
  moveSymbol(input: string, toIndex: number, listId?: string): string[] {
    const list = this.requireList(listId);
    const symbol = this.requireListed(input, list);
    if (typeof toIndex !== 'number' || !Number.isFinite(toIndex)) {
      throw new TickerError('invalid-payload', 'The new position must be a finite number.');
    }
    const rest = list.symbols.filter((s) => s !== symbol);
    const index = Math.min(Math.max(Math.trunc(toIndex), 0), rest.length);
    rest.splice(index, 0, symbol);
    return this.replaceSymbols(list, rest);
  }

  /** Replace a whole list's symbols (all-or-nothing: invalid, duplicate or too many → nothing changes). */
  setSymbols(input: readonly string[], listId?: string): string[] {
    if (!Array.isArray(input)) throw new TickerError('invalid-payload', 'Symbols must be a list.');
    const list = this.requireList(listId);
    if (input.length > this.maxSymbols) {
      throw new TickerError('limit', `You can watch at most ${this.maxSymbols} symbols.`);
    }
    const next: string[] = [];
    for (const item of input) {
      const symbol = this.requireSymbol(item);
      if (next.includes(symbol)) throw new TickerError('duplicate', `${symbol} appears twice.`);
      next.push(symbol);
    }
    return this.replaceSymbols(list, next);
  }

  // ------------------------------------------------------------------ watch lists

  /** A new, empty list at the end. */
  createList(name: string): WatchList {
    const trimmed = this.requireListName(name);
    if (this.current.lists.length >= MAX_WATCH_LISTS) {
      throw new TickerError('limit', `You can keep at most ${MAX_WATCH_LISTS} watch lists. Delete one first.`);
    }
    const list: WatchList = { id: nextListId(this.current.lists), name: trimmed, symbols: [] };
    this.commit({ ...this.current, lists: [...this.current.lists, list] });
    return { ...list, symbols: [] };
  }

  renameList(listId: string, name: string): WatchList {
    const list = this.requireList(listId);
    const trimmed = this.requireListName(name, list.id);
    const renamed = { ...list, name: trimmed };
    this.commit({ ...this.current, lists: this.current.lists.map((l) => (l.id === list.id ? renamed : l)) });
    return { ...renamed, symbols: [...renamed.symbols] };
  }

  /** Delete a list (never the last one). A strip showing it switches to the first remaining list. */
  deleteList(listId: string): void {
    const list = this.requireList(listId);
    if (this.current.lists.length === 1)
      throw new TickerError('limit', 'Ticker needs at least one watch list: create another before deleting this one.');
    const lists = this.current.lists.filter((l) => l.id !== list.id);
    const first = (lists[0] as WatchList).id;
    const shownListId = this.current.shownListId === list.id ? first : this.current.shownListId;
    const { secondStrip } = this.current;
    this.commitShown({
      ...this.current,
      lists,
      shownListId,
      secondStrip: secondStrip.listId === list.id ? { ...secondStrip, listId: first } : secondStrip,
    });
  }

  /** Show a list on the strip. Refused when the lists on screen together would exceed the plan's cap. */
  showList(listId: string): void {
    const list = this.requireList(listId);
    this.commitShown({ ...this.current, shownListId: list.id });
  }

  /**
   * Change the second strip (on/off, its list, edge, display); every field is checked first. Turning
   * it on or switching its list is refused when the lists on screen together would exceed the cap.
   */
  setSecondStrip(patch: Partial<SecondStrip>): SecondStrip {
    const checked = checkSecondStripPatch(
      patch,
      this.current.lists.map((list) => list.id),
    );
    if (!checked.ok)
      throw new TickerError(checked.field === 'listId' ? 'not-found' : 'invalid-payload', `${checked.message}.`);
    this.commitShown({ ...this.current, secondStrip: { ...this.current.secondStrip, ...checked.value } });
    return this.secondStrip();
  }

  // ------------------------------------------------------------------ relay

  /** The relay's token, made (and saved) on first use. A secret, but not the Finnhub key. */
  relayToken(): string {
    const saved = this.current.relay.token;
    if (saved !== null) return saved;
    const token = this.newRelayToken();
    this.commit({ ...this.current, relay: { ...this.current.relay, token } });
    return token;
  }

  /** The saved token, without making one. */
  relayTokenIfMade(): string | null {
    return this.current.relay.token;
  }

  /** A new token: clients still using the old one are refused from their next connection. */
  regenerateRelayToken(): string {
    const token = this.newRelayToken();
    this.commit({ ...this.current, relay: { ...this.current.relay, token } });
    return token;
  }

  relayOrigins(): string[] {
    return [...this.current.relay.origins];
  }

  /** Replace the allowed browser origins; each must be an origin like https://example.com. */
  setRelayOrigins(input: readonly unknown[]): string[] {
    if (!Array.isArray(input)) throw new TickerError('invalid-payload', 'Origins must be a list');
    if (input.length > MAX_RELAY_ORIGINS) throw new TickerError('limit', `At most ${MAX_RELAY_ORIGINS} origins.`);
    const origins: string[] = [];
    for (const item of input) {
      const checked = checkRelayOrigin(item);
      if (!checked.ok) throw new TickerError('invalid-payload', `${checked.message}.`);
      if (!origins.includes(checked.origin)) origins.push(checked.origin);
    }
    this.commit({ ...this.current, relay: { ...this.current.relay, origins } });
    return this.relayOrigins();
  }

  // ------------------------------------------------------------------ holdings

  holdings(): Holdings {
    return {
      baseCurrency: this.current.holdings.baseCurrency,
      lots: this.current.holdings.lots.map((lot) => ({ ...lot })),
    };
  }

  /** Add a lot at the end. */
  addLot(input: LotDraft): Holdings {
    const draft = requireLot(input);
    const lots = this.current.holdings.lots;
    if (lots.length >= HOLDING_LIMITS.maxLots)
      throw new TickerError('limit', `You can keep at most ${HOLDING_LIMITS.maxLots} lots. Remove one first.`);
    this.commit({
      ...this.current,
      holdings: { ...this.current.holdings, lots: [...lots, { id: this.newId(), ...draft }] },
    });
    return this.holdings();
  }

  updateLot(id: string, input: LotDraft): Holdings {
    const index = this.requireLot(id);
    const draft = requireLot(input);
    const lots = [...this.current.holdings.lots];
    lots[index] = { id, ...draft };
    this.commit({ ...this.current, holdings: { ...this.current.holdings, lots } });
    return this.holdings();
  }

  removeLot(id: string): Holdings {
    this.requireLot(id);
    this.commit({
      ...this.current,
      holdings: { ...this.current.holdings, lots: this.current.holdings.lots.filter((lot) => lot.id !== id) },
    });
    return this.holdings();
  }

  /** Replace every lot at once (a CSV import): all valid, or nothing changes. */
  replaceLots(input: readonly LotDraft[]): Holdings {
    if (!Array.isArray(input)) throw new TickerError('invalid-payload', 'Lots must be a list');
    if (input.length > HOLDING_LIMITS.maxLots)
      throw new TickerError('limit', `At most ${HOLDING_LIMITS.maxLots} lots.`);
    const lots = input.map((item, index) => {
      const checked = checkLotDraft(item);
      if (!checked.ok)
        throw new TickerError('invalid-payload', `Lot ${index + 1}: ${Object.values(checked.problems).join('; ')}`);
      return { id: this.newId(), ...checked.value };
    });
    this.commit({ ...this.current, holdings: { ...this.current.holdings, lots } });
    return this.holdings();
  }

  setBaseCurrency(code: string): Holdings {
    const problem = baseCurrencyProblem(code);
    if (problem !== null) throw new TickerError('invalid-payload', problem);
    this.commit({ ...this.current, holdings: { ...this.current.holdings, baseCurrency: code } });
    return this.holdings();
  }

  private requireLot(id: unknown): number {
    const index = typeof id === 'string' ? this.current.holdings.lots.findIndex((lot) => lot.id === id) : -1;
    if (index < 0) throw new TickerError('not-found', 'That lot no longer exists.');
    return index;
  }

  // ------------------------------------------------------------------ alerts

  alerts(): AlertRule[] {
    return this.current.alerts.map(copyAlertRule);
  }

  /** Add a rule (armed). Refuses an invalid draft, a rule identical to one saved, and more than the limit. */
  addAlert(input: AlertDraft): AlertRule[] {
    const draft = this.requireDraft(input);
    const alerts = this.current.alerts;
    if (alerts.length >= ALERT_LIMITS.maxRules)
      throw new TickerError('limit', `You can keep at most ${ALERT_LIMITS.maxRules} alerts. Remove one first.`);
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
    const problem = apiKeyProblem(key);
    if (problem !== null) throw new TickerError('invalid-payload', problem);
    const saved = protectKey(key, this.safeStorage, this.platform);
    // Cache before committing so the `changed` payload's key info is computed without decrypting.
    this.keyCache = { data: saved.data, key };
    this.commit({ ...this.current, apiKey: saved });
    return this.keyInfo();
  }

  // ------------------------------------------------------------------ import and export

  /** What an export holds (lists and preferences; never the key or the relay token). */
  transferSource(): TransferSource {
    return { lists: this.lists(), shownListId: this.current.shownListId, preferences: this.preferences() };
  }

  /** What importing `data` would change (nothing is applied): every change, old → new. */
  previewTransfer(data: TransferData): ({ ok: true } & TransferPreview) | { ok: false; problems: string[] } {
    const applied = applyTransfer(this.current, data, this.maxSymbols);
    return applied.ok
      ? { ok: true, changes: applied.changes, chartHost: applied.chartHost, switchOns: applied.switchOns }
      : applied;
  }

  /** Apply checked import data, all or nothing: the problems when it would break a limit. */
  importTransfer(
    data: TransferData,
    options: ApplyTransferOptions = {},
  ): { ok: true; summary: string; changes: string[] } | { ok: false; problems: string[] } {
    const applied = applyTransfer(this.current, data, this.maxSymbols, options);
    if (!applied.ok) return applied;
    const saved = this.commit(applied.settings);
    return {
      ok: true,
      changes: applied.changes,
      summary: saved
        ? applied.summary
        : `${applied.summary} It applies until Ticker quits: your settings cannot be saved now (see the notice).`,
    };
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

  /**
   * Save `settings`. A refused or failed save never loses the change for this session and never
   * becomes an error per change: the user is told once that changes are not being saved.
   */
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

  /** Save then adopt `next`; emit `changed` when a renderer-visible part differs. False when not saved. */
  private commit(next: SavedSettings): boolean {
    const before = this.current;
    if (sameJson(before, next)) return true;
    const saved = this.tryWrite(next);
    this.current = next;
    const visibleChange =
      !sameJson(before.lists, next.lists) ||
      before.shownListId !== next.shownListId ||
      !sameJson(before.preferences, next.preferences) ||
      !sameJson(before.apiKey, next.apiKey) ||
      !sameJson(before.alerts, next.alerts) ||
      !sameJson(before.holdings, next.holdings) ||
      !sameJson(before.secondStrip, next.secondStrip);
    if (visibleChange) this.changed.emit(this.publicSettings());
    if (!sameJson(before.relay, next.relay)) this.relayChanged.emit();
    return saved;
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
      throw new TickerError('invalid-payload', `"${preview(input)}" is not a valid symbol. Use ${SYMBOL_RULE_TEXT}.`);
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

  private requireListed(input: unknown, list: WatchList): string {
    const symbol = this.requireSymbol(input);
    if (!list.symbols.includes(symbol))
      throw new TickerError('not-found', `${symbol} is not in ${this.listWords(list)}.`);
    return symbol;
  }

  private shownList(): WatchList {
    return this.requireList(this.current.shownListId);
  }

  /** The list `listId` names (the shown list when omitted). */
  private requireList(listId?: string): WatchList {
    const id = listId ?? this.current.shownListId;
    const list = this.current.lists.find((l) => l.id === id);
    if (!list) throw new TickerError('not-found', 'That watch list no longer exists.');
    return list;
  }

  /** A usable, unique list name (cleaned, see cleanListName); `ownId` may keep its own name. */
  private requireListName(name: unknown, ownId?: string): string {
    const problem = listNameProblem(name);
    if (problem) throw new TickerError('invalid-payload', `${problem}.`);
    const trimmed = cleanListName(name as string);
    const clash = this.current.lists.find((l) => l.id !== ownId && sameListName(l.name, trimmed));
    if (clash) throw new TickerError('duplicate', `There is already a list named “${clash.name}”.`);
    return trimmed;
  }

  /** "your list" while there is one list, else "“Tech”". */
  private listWords(list: WatchList): string {
    return this.current.lists.length === 1 ? 'your list' : `“${list.name}”`;
  }

  private replaceSymbols(list: WatchList, symbols: string[]): string[] {
    const lists = this.current.lists.map((l) => (l.id === list.id ? { ...l, symbols } : l));
    this.commitShown({ ...this.current, lists });
    return [...symbols];
  }

  /** Commit a change that may change what is on screen, refusing one whose union would exceed the cap. */
  private commitShown(next: SavedSettings): void {
    const union = unionOfLists(next.lists, shownListIdsOf(next));
    const before = this.shownSymbols();
    // A union already over the cap (a file edited by hand) may still shrink.
    if (union.length > this.maxSymbols && union.length > before.length) {
      throw new TickerError('limit', unionOverCapMessage(union.length, this.maxSymbols));
    }
    this.commit(next);
  }
}

function requireLot(input: unknown): LotDraft {
  const checked = checkLotDraft(input);
  if (!checked.ok) throw new TickerError('invalid-payload', Object.values(checked.problems).join('; '));
  return checked.value;
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
