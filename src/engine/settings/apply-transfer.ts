/**
 * Apply checked import data to saved settings, all or nothing: a list with the name of an existing
 * list (regardless of case) replaces that list's symbols, any other list is added, lists the file
 * does not name are kept, and the preferences the file holds are set. The result is refused, with
 * every reason, when it would break a limit (too many lists, a strip over the plan's cap).
 */
import { chartLinkHost } from '../../shared/chart-url';
import { SWITCH_ON_NEEDS_CONFIRMING, switchesOnUnconfirmed, type PreferenceKey } from '../../shared/preference-rules';
import { listsOnScreen } from '../../shared/second-strip';
import type { Preferences } from '../../shared/types';
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

export interface TransferPreview {
  /** Every change the import makes, old → new, one a line. */
  changes: string[];
  /** The chart link's site before and after, when the import changes it (shown in punycode). */
  chartHost: { from: string | null; to: string | null } | null;
  /**
   * What the import would switch on that opens a port or starts a program, in words; applied only
   * when the user confirmed it (`allowSwitchOn`), else left as it is.
   */
  switchOns: string[];
}

export type TransferApply =
  ({ ok: true; settings: SavedSettings; summary: string } & TransferPreview) | { ok: false; problems: string[] };

export interface ApplyTransferOptions {
  /** The user confirmed switching on what opens a port or starts a program (default: not). */
  allowSwitchOn?: boolean;
}

function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function symbolsText(symbols: readonly string[]): string {
  return symbols.length === 0 ? '(none)' : symbols.join(', ');
}

function names(lists: readonly { name: string }[]): string {
  return lists.map((list) => `"${list.name}"`).join(', ');
}

export function applyTransfer(
  current: SavedSettings,
  data: TransferData,
  maxSymbols: number,
  options: ApplyTransferOptions = {},
): TransferApply {
  const lists: WatchList[] = current.lists.map((list) => ({ ...list, symbols: [...list.symbols] }));
  const replaced: WatchList[] = [];
  const added: WatchList[] = [];
  const changes: string[] = [];
  for (const incoming of data.lists) {
    const existing = lists.find((list) => sameListName(list.name, incoming.name));
    if (existing) {
      if (existing.name !== incoming.name) changes.push(`list "${existing.name}" renamed → "${incoming.name}"`);
      if (existing.symbols.join() !== incoming.symbols.join())
        changes.push(`list "${incoming.name}": ${symbolsText(existing.symbols)} → ${symbolsText(incoming.symbols)}`);
      existing.name = incoming.name;
      existing.symbols = [...incoming.symbols];
      replaced.push(existing);
    } else {
      const list = { id: nextListId(lists), name: incoming.name, symbols: [...incoming.symbols] };
      lists.push(list);
      added.push(list);
      changes.push(`new list "${incoming.name}": ${symbolsText(incoming.symbols)}`);
    }
  }
  const problems: string[] = [];
  if (lists.length > MAX_WATCH_LISTS) {
    problems.push(
      `importing would make ${lists.length} watch lists (adding ${names(added)}); Ticker keeps at most ${MAX_WATCH_LISTS}: delete some lists first`,
    );
  }
  const shownList =
    data.shownList === null ? null : lists.find((list) => sameListName(list.name, data.shownList as string));
  const shownListId = shownList ? shownList.id : current.shownListId;
  const union = unionOfLists(lists, listsOnScreen(shownListId, current.secondStrip));
  if (union.length > maxSymbols) problems.push(unionOverCapMessage(union.length, maxSymbols));
  if (problems.length > 0) return { ok: false, problems };

  if (shownList && shownList.id !== current.shownListId) {
    const before = current.lists.find((list) => list.id === current.shownListId);
    changes.push(`shown list: "${before?.name ?? ''}" → "${shownList.name}"`);
  }
  // Preferences: every change, old → new; a switch-on that needs confirming only when confirmed.
  const preferences: Preferences = { ...current.preferences };
  const switchOns: string[] = [];
  let preferenceCount = 0;
  for (const [key, value] of Object.entries(data.preferences) as [PreferenceKey, unknown][]) {
    const before = current.preferences[key];
    if (before === value) continue;
    if (switchesOnUnconfirmed(key, before, value)) {
      switchOns.push(SWITCH_ON_NEEDS_CONFIRMING[key] as string);
      if (!options.allowSwitchOn) {
        changes.push(`${key}: ${shown(before)} → ${shown(value)} (only when you confirm it)`);
        continue;
      }
    }
    changes.push(`${key}: ${shown(before)} → ${shown(value)}`);
    (preferences as Record<PreferenceKey, unknown>)[key] = value;
    preferenceCount += 1;
  }
  // A changed chart-link site is called out first, in punycode, so a look-alike cannot hide.
  const fromHost = chartLinkHost(current.preferences.chartUrlTemplate);
  const toHost = chartLinkHost(preferences.chartUrlTemplate);
  const chartHost = fromHost !== toHost ? { from: fromHost, to: toHost } : null;
  if (chartHost)
    changes.unshift(`chart links now open another site: ${chartHost.from ?? '(none)'} → ${chartHost.to ?? '(none)'}`);

  const held = options.allowSwitchOn ? [] : switchOns;
  const parts = [
    replaced.length > 0 ? `replaced the symbols of ${names(replaced)}` : '',
    added.length > 0 ? `added ${names(added)}` : '',
    preferenceCount > 0 ? `set ${preferenceCount} preference${preferenceCount === 1 ? '' : 's'}` : '',
    shownList && shownList.id !== current.shownListId ? `now showing "${shownList.name}"` : '',
    chartHost ? `chart links now open ${chartHost.to ?? '(none)'} instead of ${chartHost.from ?? '(none)'}` : '',
    held.length > 0 ? `not switched on without your confirmation: ${held.join('; ')}` : '',
  ].filter((part) => part !== '');
  const summary = parts.length > 0 ? `Imported: ${parts.join('; ')}.` : 'Imported: nothing changed.';
  return {
    ok: true,
    settings: { ...current, lists, shownListId, preferences },
    summary,
    changes,
    chartHost,
    switchOns,
  };
}
