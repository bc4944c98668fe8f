/**
 * Rules for named watch lists, shared by every process: how many, what a name and an id may be,
 * and the ordered union of the lists the strips show (what the one connection subscribes).
 * Pure: no runtime dependencies.
 */

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

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F]/;

/** Why `name` cannot name a list (after trimming), or null when it can. */
export function listNameProblem(name: unknown): string | null {
  if (typeof name !== 'string') return 'A list name must be text';
  const trimmed = name.trim();
  if (trimmed === '') return 'A list needs a name';
  if (trimmed.length > MAX_LIST_NAME_LENGTH) return `A list name must be at most ${MAX_LIST_NAME_LENGTH} characters`;
  if (CONTROL_CHARACTERS.test(trimmed)) return 'A list name must not contain control characters';
  return null;
}

export function isListId(value: unknown): value is string {
  return typeof value === 'string' && LIST_ID_PATTERN.test(value);
}

/** Names compare without case or surrounding spaces: "Tech" and " tech " are the same list name. */
export function sameListName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('en') === b.trim().toLocaleLowerCase('en');
}

/** A fresh id not used by any of `lists`: `l<n>` with n one above the highest in use. */
export function nextListId(lists: readonly Pick<WatchList, 'id'>[]): string {
  let highest = 0;
  for (const { id } of lists) {
    const match = /^l(\d{1,9})$/.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `l${highest + 1}`;
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
