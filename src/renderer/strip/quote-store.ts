/**
 * The strip's state, kept outside React: quotes by symbol, the display order, and per-symbol
 * subscriptions, so a price change re-renders only that symbol's item (useSyncExternalStore).
 * Pure: no DOM, no bridge; malformed input is dropped and counted.
 */
import type { Direction, QuoteUpdate, SnapshotBatch, SymbolSnapshot } from '../../shared/types';

/** What one item renders: the snapshot plus a counter of price moves (restarts the flash animation). */
export interface QuoteEntry {
  readonly snapshot: SymbolSnapshot;
  /** How many price changes this store has seen for the symbol (0 = none yet: no flash). */
  readonly moves: number;
  /** Direction of the last price change seen by this store. */
  readonly lastMove: Direction;
}

type Listener = () => void;

function isNullableFinite(value: unknown): value is number | null {
  return value === null || (typeof value === 'number' && Number.isFinite(value));
}

/** A snapshot with the fields the strip relies on, or null when it is malformed. */
function sanitizeSnapshot(input: unknown): SymbolSnapshot | null {
  if (typeof input !== 'object' || input === null) return null;
  const quote = input as Partial<SymbolSnapshot>;
  if (typeof quote.symbol !== 'string' || quote.symbol.length === 0) return null;
  if (!isNullableFinite(quote.price ?? null) || (quote.price != null && quote.price <= 0)) return null;
  const history = Array.isArray(quote.history)
    ? quote.history.filter((v) => typeof v === 'number' && Number.isFinite(v))
    : [];
  return {
    symbol: quote.symbol,
    price: quote.price ?? null,
    prevClose: isNullableFinite(quote.prevClose ?? null) ? (quote.prevClose ?? null) : null,
    change: isNullableFinite(quote.change ?? null) ? (quote.change ?? null) : null,
    changePct: isNullableFinite(quote.changePct ?? null) ? (quote.changePct ?? null) : null,
    dayHigh: isNullableFinite(quote.dayHigh ?? null) ? (quote.dayHigh ?? null) : null,
    dayLow: isNullableFinite(quote.dayLow ?? null) ? (quote.dayLow ?? null) : null,
    volume: typeof quote.volume === 'number' && Number.isFinite(quote.volume) ? quote.volume : 0,
    time: isNullableFinite(quote.time ?? null) ? (quote.time ?? null) : null,
    history,
  };
}

export class QuoteStore {
  private readonly entries = new Map<string, QuoteEntry>();
  private readonly symbolListeners = new Map<string, Set<Listener>>();
  private readonly orderListeners = new Set<Listener>();
  private readonly changeListeners = new Set<Listener>();
  /** Symbols in display order: the settings' list once known, else the snapshot's order. */
  private order: readonly string[] = [];
  private orderFromSettings = false;
  private droppedCount = 0;

  /** Malformed quotes dropped so far. */
  get dropped(): number {
    return this.droppedCount;
  }

  get(symbol: string): QuoteEntry | undefined {
    return this.entries.get(symbol);
  }

  /** The display order; the same array until the order changes (safe as a getSnapshot result). */
  getOrder(): readonly string[] {
    return this.order;
  }

  /** Replace everything with a full snapshot (on load). */
  setSnapshot(quotes: readonly unknown[]): void {
    const seen = new Set<string>();
    for (const raw of Array.isArray(quotes) ? quotes : []) {
      const quote = sanitizeSnapshot(raw);
      if (!quote) {
        this.droppedCount += 1;
        continue;
      }
      seen.add(quote.symbol);
      this.put(quote);
    }
    for (const symbol of [...this.entries.keys()]) {
      if (!seen.has(symbol)) this.delete(symbol);
    }
    if (!this.orderFromSettings) this.replaceOrder([...seen]);
  }

  /** Merge a coalesced batch: upsert its quotes by symbol, delete the removed ones. */
  applyBatch(batch: SnapshotBatch): void {
    if (typeof batch !== 'object' || batch === null) {
      this.droppedCount += 1;
      return;
    }
    const added: string[] = [];
    for (const raw of Array.isArray(batch.quotes) ? batch.quotes : []) {
      const quote = sanitizeSnapshot(raw);
      if (!quote) {
        this.droppedCount += 1;
        continue;
      }
      const known = this.entries.get(quote.symbol);
      if (!known) added.push(quote.symbol);
      // A batch carries the history only when it grew; otherwise keep ours (same array, so the
      // sparkline does not redraw).
      else if (!Array.isArray((raw as QuoteUpdate).history)) quote.history = known.snapshot.history;
      this.put(quote);
    }
    const removed = Array.isArray(batch.removed) ? batch.removed.filter((s): s is string => typeof s === 'string') : [];
    for (const symbol of removed) this.delete(symbol);
    if (!this.orderFromSettings && (added.length > 0 || removed.length > 0)) {
      const gone = new Set(removed);
      this.replaceOrder([
        ...this.order.filter((s) => !gone.has(s)),
        ...added.filter((s) => !gone.has(s) && !this.order.includes(s)),
      ]);
    }
  }

  /** The watch list from settings decides the order (and which symbols show). */
  setOrder(symbols: readonly string[]): void {
    this.orderFromSettings = true;
    const unique = [...new Set(symbols.filter((s) => typeof s === 'string' && s.length > 0))];
    this.replaceOrder(unique);
  }

  subscribeSymbol(symbol: string, listener: Listener): () => void {
    let listeners = this.symbolListeners.get(symbol);
    if (!listeners) {
      listeners = new Set();
      this.symbolListeners.set(symbol, listeners);
    }
    listeners.add(listener);
    return () => {
      const current = this.symbolListeners.get(symbol);
      current?.delete(listener);
      if (current?.size === 0) this.symbolListeners.delete(symbol);
    };
  }

  subscribeOrder(listener: Listener): () => void {
    this.orderListeners.add(listener);
    return () => {
      this.orderListeners.delete(listener);
    };
  }

  /** Told of every change: any symbol's quote, a removal, the order. */
  subscribeChanges(listener: Listener): () => void {
    this.changeListeners.add(listener);
    return () => {
      this.changeListeners.delete(listener);
    };
  }

  private put(quote: SymbolSnapshot): void {
    const previous = this.entries.get(quote.symbol);
    let moves = previous?.moves ?? 0;
    let lastMove: Direction = previous?.lastMove ?? 'flat';
    const oldPrice = previous?.snapshot.price ?? null;
    if (previous && quote.price != null && oldPrice != null && quote.price !== oldPrice) {
      moves += 1;
      lastMove = quote.price > oldPrice ? 'up' : 'down';
    }
    this.entries.set(quote.symbol, { snapshot: quote, moves, lastMove });
    this.notifySymbol(quote.symbol);
  }

  private delete(symbol: string): void {
    if (this.entries.delete(symbol)) this.notifySymbol(symbol);
  }

  private replaceOrder(next: readonly string[]): void {
    if (next.length === this.order.length && next.every((s, i) => s === this.order[i])) return;
    this.order = next;
    for (const listener of [...this.orderListeners]) listener();
    this.notifyChange();
  }

  private notifyChange(): void {
    for (const listener of [...this.changeListeners]) listener();
  }

  private notifySymbol(symbol: string): void {
    this.notifyChange();
    const listeners = this.symbolListeners.get(symbol);
    if (!listeners) return;
    for (const listener of [...listeners]) listener();
  }
}
