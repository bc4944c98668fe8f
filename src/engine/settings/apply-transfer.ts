/**
 * Apply checked import data to saved settings, all or nothing: a list with the name of an existing
 * list (regardless of case) replaces that list's symbols, any other list is added, lists the file
 * does not name are kept, and the preferences the file holds are set. The result is refused, with
 * every reason, when it would break a limit (too many lists, a strip over the plan's cap).
 */
import { listsOnScreen } from '../../shared/second-strip';
import {
  nextListId,
  MAX_WATCH_LISTS,
  sameListName,
  unionOfLists,
  unionOverCapMessage,
  type WatchList,
} from '../../shared/watch-lists';
import type { SavedSettings } from './schema';
import type { TransferData } from './settings-transfer';

export type TransferApply = { ok: true; settings: SavedSettings; summary: string } | { ok: false; problems: string[] };

function names(lists: readonly { name: string }[]): string {
  return lists.map((list) => `"${list.name}"`).join(', ');
}

export function applyTransfer(current: SavedSettings, data: TransferData, maxSymbols: number): TransferApply {
  const lists: WatchList[] = current.lists.map((list) => ({ ...list, symbols: [...list.symbols] }));
  const replaced: WatchList[] = [];
  const added: WatchList[] = [];
  for (const incoming of data.lists) {
    const existing = lists.find((list) => sameListName(list.name, incoming.name));
    if (existing) {
      existing.name = incoming.name;
      existing.symbols = [...incoming.symbols];
      replaced.push(existing);
    } else {
      const list = { id: nextListId(lists), name: incoming.name, symbols: [...incoming.symbols] };
      lists.push(list);
      added.push(list);
    }
  }
  const problems: string[] = [];
  if (lists.length > MAX_WATCH_LISTS) {
    problems.push(
      `importing would make ${lists.length} watch lists (adding ${names(added)}); Ticker keeps at most ${MAX_WATCH_LISTS}: delete some lists first`,
    );
  }
  const shown =
    data.shownList === null ? null : lists.find((list) => sameListName(list.name, data.shownList as string));
  const shownListId = shown ? shown.id : current.shownListId;
  const union = unionOfLists(lists, listsOnScreen(shownListId, current.secondStrip));
  if (union.length > maxSymbols) problems.push(unionOverCapMessage(union.length, maxSymbols));
  if (problems.length > 0) return { ok: false, problems };

  const preferenceCount = Object.keys(data.preferences).length;
  const parts = [
    replaced.length > 0 ? `replaced the symbols of ${names(replaced)}` : '',
    added.length > 0 ? `added ${names(added)}` : '',
    preferenceCount > 0 ? `set ${preferenceCount} preference${preferenceCount === 1 ? '' : 's'}` : '',
    shown && shown.id !== current.shownListId ? `now showing "${shown.name}"` : '',
  ].filter((part) => part !== '');
  const summary = parts.length > 0 ? `Imported: ${parts.join('; ')}.` : 'Imported: nothing changed.';
  return {
    ok: true,
    settings: { ...current, lists, shownListId, preferences: { ...current.preferences, ...data.preferences } },
    summary,
  };
}
