/**
 * Rules for named watch lists, shared by every process: how many, what a name and an id may be,
 * and the ordered union of the lists the strips show (what the one connection subscribes).
 * Pure: no runtime dependencies.
 */
import { cleanServerText } from './server-text';

/** One named list of symbols. A symbol may be in several lists. */
export interface WatchList {
  id: string;
  name: string;
  symbols: string[];
}

export const MAX_WATCH_LISTS = 20;
export const MAX_LIST_NAME_LENGTH = 40;

/** Ids are made by Ticker (`l1`, `l2`…); an imported or hand-edited file may use any of these. */
export const LIST_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

/** The name a single list gets when an older settings file (one list) is migrated. */
export const FIRST_LIST_NAME = 'Watch list';

/**
 * A list name as it is kept and compared: cleaned as server text is (terminal escapes, control
 * characters, bidi overrides and zero-width characters removed, whitespace runs made one space,
 * trimmed), so "Te\u200Bch" is "Tech" and an override cannot make a name read backwards.
 */
export function cleanListName(name: string): string {
  // Long enough that the length check below sees a name that is too long as too long.
  return cleanServerText(name, MAX_LIST_NAME_LENGTH * 4);
}

/** Why `name` cannot name a list (once cleaned), or null when it can. */
export function listNameProblem(name: unknown): string | null {
  if (typeof name !== 'string') return 'A list name must be text';
  const cleaned = cleanListName(name);
  if (cleaned === '') return 'A list needs a name';
  if (cleaned.length > MAX_LIST_NAME_LENGTH) return `A list name must be at most ${MAX_LIST_NAME_LENGTH} characters`;
  return null;
}

export function isListId(value: unknown): value is string {
  return typeof value === 'string' && LIST_ID_PATTERN.test(value);
}

/** Names compare cleaned and without case: "Tech", " tech " and "Te\u200Bch" are the same list name. */
export function sameListName(a: string, b: string): boolean {
  return cleanListName(a).toLocaleLowerCase('en') === cleanListName(b).toLocaleLowerCase('en');
}

/**
 * A fresh id not used by any of `lists`, whatever ids the file holds: `l<n>` with n one above the
 * highest in use, stepping on past any id that is taken (`l<n>` ids too long to count among them).
 */
export function nextListId(lists: readonly Pick<WatchList, 'id'>[]): string {
  const used = new Set(lists.map((list) => list.id));
  let highest = 0;
  for (const id of used) {
    const match = /^l(\d{1,15})$/.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  let n = highest + 1;
  while (used.has(`l${n}`)) n += 1;
  return `l${n}`;
}

/** Every symbol of the lists named by `ids`, each once, in the order the lists and their symbols come. */
export function unionOfLists(lists: readonly WatchList[], ids: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const id of ids) {
    const list = lists.find((candidate) => candidate.id === id);
    for (const symbol of list?.symbols ?? []) seen.add(symbol);
  }
  return [...seen];
}

/** The message when the lists shown together would need more symbols than the plan allows. */
export function unionOverCapMessage(size: number, maxSymbols: number): string {
  return `The lists on screen would need ${size} symbols, but your plan allows ${maxSymbols} on its one connection. Remove ${size - maxSymbols} from the lists on screen, or show a smaller list.`;
}
