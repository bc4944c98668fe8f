/**
 * What one strip window sees. The one connection carries the union of every list on screen; each
 * strip gets only its own list: its quotes, and settings in which `symbols` / `shownListId` are its
 * list's (and `strip` says which strip it is, its order and content), so the same strip page serves
 * both strips. When a strip's list gains symbols
 * the feed already carried (for the other strip), the strip is caught up with their last quotes.
 */
import type { EventContract, EventName } from '../../shared/ipc-contract';
import { stripList, type StripRole } from '../../shared/second-strip';
import type { SymbolDetails } from '../../shared/symbol-context';
import type { PublicSettings, SnapshotBatch, StripFace, SymbolSnapshot, WatchList } from '../../shared/types';
import type { TickerCore } from '../../engine/core/ticker-core';
import type { SendToWindow, WindowView } from './window-registry';

export type { StripRole } from '../../shared/second-strip';

export interface StripViewDeps {
  role: StripRole;
  core: Pick<TickerCore, 'lists' | 'shownListId' | 'secondStrip' | 'handlers'>;
  now(): number;
}

export class StripView implements WindowView {
  private symbolSet: Set<string>;

  constructor(private readonly deps: StripViewDeps) {
    this.symbolSet = new Set(this.list()?.symbols ?? []);
  }

  get role(): StripRole {
    return this.deps.role;
  }

  /** The list this strip shows now (null only while settings are inconsistent). */
  list(): WatchList | null {
    const { core } = this.deps;
    return stripList(this.deps.role, {
      shownListId: core.shownListId(),
      secondStrip: core.secondStrip(),
      lists: core.lists(),
    });
  }

  /** Settings as this strip's page sees them. */
  settingsFor(settings: PublicSettings): PublicSettings {
    const list = stripList(this.deps.role, settings);
    const first = this.deps.role === 'first';
    const strip: StripFace = {
      role: this.deps.role,
      sortOrder: first ? settings.preferences.sortOrder : settings.secondStrip.sortOrder,
      content: first ? 'quotes' : settings.secondStrip.content,
    };
    return list ? { ...settings, symbols: [...list.symbols], shownListId: list.id, strip } : { ...settings, strip };
  }

  /** Only this strip's symbols, in its list's order. */
  snapshotFor(snapshots: readonly SymbolSnapshot[]): SymbolSnapshot[] {
    const order = this.list()?.symbols ?? [];
    const bySymbol = new Map(snapshots.map((snapshot) => [snapshot.symbol, snapshot]));
    return order.flatMap((symbol) => bySymbol.get(symbol) ?? []);
  }

  /** Only this strip's symbols' details. */
  detailsFor(details: readonly SymbolDetails[]): SymbolDetails[] {
    return details.filter((entry) => this.symbolSet.has(entry.symbol));
  }

  deliver<K extends EventName>(event: K, payload: EventContract[K], send: SendToWindow): void {
    if (event === 'quotes') {
      const batch = this.batchFor(payload as SnapshotBatch);
      if (batch) send('quotes', batch);
      return;
    }
    if (event === 'details') {
      const details = this.detailsFor(payload as SymbolDetails[]);
      if (details.length > 0) send('details', details);
      return;
    }
    if (event !== 'settings') {
      send(event, payload);
      return;
    }
    const settings = this.settingsFor(payload as PublicSettings);
    const gained = settings.symbols.filter((symbol) => !this.symbolSet.has(symbol));
    this.symbolSet = new Set(settings.symbols);
    send('settings', settings);
    if (gained.length > 0) this.catchUp(gained, send);
  }

  private batchFor(batch: SnapshotBatch): SnapshotBatch | null {
    const quotes = batch.quotes.filter((quote) => this.symbolSet.has(quote.symbol));
    if (quotes.length === 0 && batch.removed.length === 0) return null;
    return { ...batch, quotes };
  }

  private catchUp(symbols: string[], send: SendToWindow): void {
    const wanted = new Set(symbols);
    Promise.resolve()
      .then(() => this.deps.core.handlers.getSnapshot())
      .then((snapshots) => {
        const quotes = snapshots.filter(
          (snapshot) => wanted.has(snapshot.symbol) && this.symbolSet.has(snapshot.symbol),
        );
        if (quotes.length > 0) send('quotes', { seq: 0, at: this.deps.now(), quotes, removed: [] });
      })
      .catch((error: unknown) => console.error('[strip] could not catch a strip up:', error));
  }
}
