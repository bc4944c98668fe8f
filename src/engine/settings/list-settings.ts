/**
 * The watch lists and their symbols, and which list the (first) strip shows. Every symbol is checked
 * against the shared symbol rule; the lists on screen together never need more symbols than the
 * plan's one connection carries.
 */
import { TickerError } from '../../shared/ipc-contract';
import { listsOnScreen } from '../../shared/second-strip';
import { Signal } from '../../shared/signal';
import { MAX_SYMBOL_LENGTH, normalizeSymbol, SYMBOL_RULE_TEXT } from '../../shared/symbols';
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
import type { SavedSettings } from './schema';
import type { SettingsState } from './settings-state';

export interface ListsChange {
  lists: WatchList[];
  shownListId: string;
}

/** Show at most this much of rejected user input in an error message. */
function preview(input: unknown): string {
  if (typeof input !== 'string') return `(${typeof input})`;
  return input.length > MAX_SYMBOL_LENGTH ? `${input.slice(0, MAX_SYMBOL_LENGTH)}…` : input;
}

function copyLists(lists: readonly WatchList[]): WatchList[] {
  return lists.map((list) => ({ ...list, symbols: [...list.symbols] }));
}

/** Every symbol of every list on screen (the first strip's, and the second strip's while it is on), each once. */
function symbolsOnScreen(settings: SavedSettings): string[] {
  return unionOfLists(settings.lists, listsOnScreen(settings.shownListId, settings.secondStrip));
}

/**
 * Save a change that may change what is on screen, refusing one whose lists on screen would need
 * more symbols than the cap (a union already over it, from a file edited by hand, may still shrink).
 */
export function writeOnScreen(state: SettingsState, next: SavedSettings): void {
  const union = symbolsOnScreen(next);
  if (union.length > state.maxSymbols && union.length > symbolsOnScreen(state.current).length) {
    throw new TickerError('limit', unionOverCapMessage(union.length, state.maxSymbols));
  }
  state.write(next);
}

export class ListSettings {
  /** A list was created, renamed, deleted or shown, or its symbols changed. */
  readonly changed = new Signal<ListsChange>();

  constructor(private readonly state: SettingsState) {
    state.follow(
      (settings): ListsChange => ({ lists: settings.lists, shownListId: settings.shownListId }),
      (change) => this.changed.emit({ lists: copyLists(change.lists), shownListId: change.shownListId }),
      true,
    );
  }

  /** Every watch list, in the user's order (copies). */
  all(): WatchList[] {
    return copyLists(this.state.current.lists);
  }

  /** The list the (first) strip shows. */
  shownListId(): string {
    return this.state.current.shownListId;
  }

  /** The symbols the (first) strip shows (its list's, in order). */
  symbols(): string[] {
    return [...this.requireList(this.state.current.shownListId).symbols];
  }

  /** The ids of the lists on screen (their union is what the one connection subscribes). */
  shownListIds(): string[] {
    const { current } = this.state;
    return listsOnScreen(current.shownListId, current.secondStrip);
  }

  /** Every symbol of every list on screen, each once: what the one connection must carry. */
  shownSymbols(): string[] {
    return symbolsOnScreen(this.state.current);
  }

  // ------------------------------------------------------------------ symbols (of the shown list, or of `listId`)

  /** Add a symbol at the end of a list (the shown one by default). */
  addSymbol(input: string, listId?: string): string[] {
    const symbol = requireSymbol(input);
    const list = this.requireList(listId);
    if (list.symbols.includes(symbol))
      throw new TickerError('duplicate', `${symbol} is already in ${this.listWords(list)}.`);
    if (list.symbols.length >= this.state.maxSymbols) {
      throw new TickerError(
        'limit',
        `A list holds at most ${this.state.maxSymbols} symbols. Remove one from ${this.listWords(list)} first.`,
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
    if (input.length > this.state.maxSymbols) {
      throw new TickerError('limit', `You can watch at most ${this.state.maxSymbols} symbols.`);
    }
    const next: string[] = [];
    for (const item of input) {
      const symbol = requireSymbol(item);
      if (next.includes(symbol)) throw new TickerError('duplicate', `${symbol} appears twice.`);
      next.push(symbol);
    }
    return this.replaceSymbols(list, next);
  }

  // ------------------------------------------------------------------ lists

  /** A new, empty list at the end. */
  create(name: string): WatchList {
    const trimmed = this.requireListName(name);
    const { current } = this.state;
    if (current.lists.length >= MAX_WATCH_LISTS) {
      throw new TickerError('limit', `You can keep at most ${MAX_WATCH_LISTS} watch lists. Delete one first.`);
    }
    const list: WatchList = { id: nextListId(current.lists), name: trimmed, symbols: [] };
    this.state.write({ ...current, lists: [...current.lists, list] });
    return { ...list, symbols: [] };
  }

  rename(listId: string, name: string): WatchList {
    const list = this.requireList(listId);
    const trimmed = this.requireListName(name, list.id);
    const renamed = { ...list, name: trimmed };
    const { current } = this.state;
    this.state.write({ ...current, lists: current.lists.map((l) => (l.id === list.id ? renamed : l)) });
    return { ...renamed, symbols: [...renamed.symbols] };
  }

  /** Delete a list (never the last one). A strip showing it switches to the first remaining list. */
  delete(listId: string): void {
    const list = this.requireList(listId);
    const { current } = this.state;
    if (current.lists.length === 1)
      throw new TickerError('limit', 'Ticker needs at least one watch list: create another before deleting this one.');
    const lists = current.lists.filter((l) => l.id !== list.id);
    const first = (lists[0] as WatchList).id;
    const { secondStrip } = current;
    writeOnScreen(this.state, {
      ...current,
      lists,
      shownListId: current.shownListId === list.id ? first : current.shownListId,
      secondStrip: secondStrip.listId === list.id ? { ...secondStrip, listId: first } : secondStrip,
    });
  }

  /** Show a list on the strip. Refused when the lists on screen together would exceed the plan's cap. */
  show(listId: string): void {
    const list = this.requireList(listId);
    writeOnScreen(this.state, { ...this.state.current, shownListId: list.id });
  }

  // ------------------------------------------------------------------ checks

  private requireListed(input: unknown, list: WatchList): string {
    const symbol = requireSymbol(input);
    if (!list.symbols.includes(symbol))
      throw new TickerError('not-found', `${symbol} is not in ${this.listWords(list)}.`);
    return symbol;
  }

  /** The list `listId` names (the shown list when omitted). */
  private requireList(listId?: string): WatchList {
    const id = listId ?? this.state.current.shownListId;
    const list = this.state.current.lists.find((l) => l.id === id);
    if (!list) throw new TickerError('not-found', 'That watch list no longer exists.');
    return list;
  }

  /** A usable, unique list name (cleaned, see cleanListName); `ownId` may keep its own name. */
  private requireListName(name: unknown, ownId?: string): string {
    const problem = listNameProblem(name);
    if (problem) throw new TickerError('invalid-payload', `${problem}.`);
    const trimmed = cleanListName(name as string);
    const clash = this.state.current.lists.find((l) => l.id !== ownId && sameListName(l.name, trimmed));
    if (clash) throw new TickerError('duplicate', `There is already a list named “${clash.name}”.`);
    return trimmed;
  }

  /** "your list" while there is one list, else "“Tech”". */
  private listWords(list: WatchList): string {
    return this.state.current.lists.length === 1 ? 'your list' : `“${list.name}”`;
  }

  private replaceSymbols(list: WatchList, symbols: string[]): string[] {
    const { current } = this.state;
    writeOnScreen(this.state, {
      ...current,
      lists: current.lists.map((l) => (l.id === list.id ? { ...l, symbols } : l)),
    });
    return [...symbols];
  }
}

function requireSymbol(input: unknown): string {
  const symbol = normalizeSymbol(input);
  if (symbol === null) {
    throw new TickerError('invalid-payload', `"${preview(input)}" is not a valid symbol. Use ${SYMBOL_RULE_TEXT}.`);
  }
  return symbol;
}
