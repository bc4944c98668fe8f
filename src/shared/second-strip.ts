/**
 * The optional second strip: its own watch list, edge and display, fed by the same one connection
 * as the first. One rule for the saved file's repair, the IPC check and the settings window; its
 * edge and display follow the same rules as the first strip's preferences.
 */
import { isPlainDataObject, preferenceProblem } from './preference-rules';
import type { Position, PublicSettings, SecondStrip, SortOrder, WatchList } from './types';

export type { SecondStrip } from './types';

/** Which strip: the first (the shown list) or the optional second one. */
export type StripRole = 'first' | 'second';

/**
 * The list a strip shows: the first strip the shown list, the second strip its own. Null only while
 * settings are inconsistent (a list id naming no list).
 */
export function stripList(
  role: StripRole,
  settings: Pick<PublicSettings, 'shownListId' | 'secondStrip' | 'lists'>,
): WatchList | null {
  const id = role === 'first' ? settings.shownListId : settings.secondStrip.listId;
  return settings.lists.find((list) => list.id === id) ?? null;
}

/** Off; when turned on, along the bottom of the primary display. */
export function defaultSecondStrip(firstListId: string): SecondStrip {
  return {
    enabled: false,
    listId: firstListId,
    position: 'bottom',
    displayId: null,
    sortOrder: 'list',
    content: 'quotes',
  };
}

/** The ids of the lists on screen: the first strip's, and the second strip's while it is on (each once). */
export function listsOnScreen(shownListId: string, secondStrip: Pick<SecondStrip, 'enabled' | 'listId'>): string[] {
  return secondStrip.enabled && secondStrip.listId !== shownListId ? [shownListId, secondStrip.listId] : [shownListId];
}

export const SECOND_STRIP_KEYS = [
  'enabled',
  'listId',
  'position',
  'displayId',
  'sortOrder',
  'content',
] as const satisfies readonly (keyof SecondStrip)[];

export type SecondStripCheck =
  { ok: true; value: Partial<SecondStrip> } | { ok: false; field: string; message: string };

/** What the second strip can show. */
export const SECOND_STRIP_CONTENTS: readonly SecondStrip['content'][] = ['quotes', 'headlines'];

/**
 * Check a change to the second strip: a plain object of known fields with valid values, and a
 * list id among `listIds`. Returns a fresh object holding just those fields.
 */
export function checkSecondStripPatch(raw: unknown, listIds: readonly string[]): SecondStripCheck {
  if (!isPlainDataObject(raw))
    return { ok: false, field: '', message: 'The second strip settings must be a plain object' };
  const out: Partial<SecondStrip> = {};
  for (const name of Object.getOwnPropertyNames(raw)) {
    const value = raw[name];
    switch (name) {
      case 'enabled':
        if (typeof value !== 'boolean') return { ok: false, field: name, message: '"enabled" must be true or false' };
        out.enabled = value;
        break;
      case 'listId':
        if (typeof value !== 'string' || !listIds.includes(value))
          return { ok: false, field: name, message: 'That watch list no longer exists' };
        out.listId = value;
        break;
      case 'position':
      case 'displayId':
      case 'sortOrder': {
        const problem = preferenceProblem(name, value);
        if (problem !== null) return { ok: false, field: name, message: problem };
        if (name === 'position') out.position = value as Position;
        else if (name === 'sortOrder') out.sortOrder = value as SortOrder;
        else out.displayId = value as number | null;
        break;
      }
      case 'content':
        if (!SECOND_STRIP_CONTENTS.includes(value as SecondStrip['content']))
          return { ok: false, field: name, message: `"content" must be one of ${SECOND_STRIP_CONTENTS.join(', ')}` };
        out.content = value as SecondStrip['content'];
        break;
      default:
        return { ok: false, field: name, message: `Unknown second strip field "${name.slice(0, 40)}"` };
    }
  }
  return { ok: true, value: out };
}
