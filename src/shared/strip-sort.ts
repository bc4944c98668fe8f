/**
 * The order of a strip's items: the list's own, by % change (biggest gain or biggest loss first) or
 * by name. Pure, for the strip and its tests. An order holds between re-sorts so items do not jump
 * on every tick: a re-sort happens at most every 10 seconds and never while the pointer is over the
 * strip; ties keep the order the items already had.
 */
import type { SortOrder } from './types';

export type { SortOrder } from './types';

/** The least time between two re-sorts. */
export const RESORT_INTERVAL_MS = 10_000;

export interface SortFacts {
  /** % change against the previous close; null while unknown (sorted last). */
  changePct: number | null;
  /** What the item is called for the name order (company name, else the symbol as shown). */
  name: string;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * `symbols` (the list's order) sorted by `order`. Ties, and unknown changes, keep their place in
 * `previous` (then in the list), so an unchanged field re-sorts to itself.
 */
export function sortSymbols(
  symbols: readonly string[],
  facts: (symbol: string) => SortFacts | undefined,
  order: SortOrder,
  previous: readonly string[] = symbols,
): string[] {
  if (order === 'list') return [...symbols];
  const listRank = new Map(symbols.map((symbol, index) => [symbol, index]));
  const before = new Map(previous.map((symbol, index) => [symbol, index]));
  const rank = (symbol: string): number => before.get(symbol) ?? previous.length + (listRank.get(symbol) ?? 0);
  const keyed = symbols.map((symbol) => ({ symbol, facts: facts(symbol), rank: rank(symbol) }));
  keyed.sort((a, b) => {
    if (order === 'name') {
      const byName = collator.compare(a.facts?.name ?? a.symbol, b.facts?.name ?? b.symbol);
      return byName !== 0 ? byName : a.rank - b.rank;
    }
    const x = a.facts?.changePct ?? null;
    const y = b.facts?.changePct ?? null;
    if (x === null || y === null || !Number.isFinite(x) || !Number.isFinite(y)) {
      const known = Number(y !== null && Number.isFinite(y)) - Number(x !== null && Number.isFinite(x));
      return known !== 0 ? known : a.rank - b.rank;
    }
    const diff = order === 'change-up' ? y - x : x - y;
    return diff !== 0 ? diff : a.rank - b.rank;
  });
  return keyed.map((k) => k.symbol);
}

/**
 * A strip's current order over time. `update` is called with each batch; it re-sorts when the
 * interval has passed and the pointer is not over the strip, else keeps the order (new symbols join
 * at the end, removed ones leave). A change of sort order or of the list applies at once unless the
 * pointer is over the strip.
 */
export class StripOrder {
  private current: string[] = [];
  private lastSortAt = Number.NEGATIVE_INFINITY;
  private order: SortOrder | null = null;
  private listKey = '';

  update(
    symbols: readonly string[],
    facts: (symbol: string) => SortFacts | undefined,
    order: SortOrder,
    now: number,
    pointerOver: boolean,
  ): readonly string[] {
    const listKey = symbols.join('\u0000');
    const changed = order !== this.order || listKey !== this.listKey;
    const due = now - this.lastSortAt >= RESORT_INTERVAL_MS;
    if (!pointerOver && (changed || due)) {
      const next = sortSymbols(symbols, facts, order, changed && order !== this.order ? symbols : this.current);
      this.order = order;
      this.listKey = listKey;
      this.lastSortAt = now;
      if (!sameOrder(next, this.current)) this.current = next;
      return this.current;
    }
    // Hold the order: drop symbols that left, add new ones at the end.
    if (listKey !== this.listKey) {
      const wanted = new Set(symbols);
      const kept = this.current.filter((symbol) => wanted.has(symbol));
      const known = new Set(kept);
      this.current = [...kept, ...symbols.filter((symbol) => !known.has(symbol))];
      this.listKey = listKey;
    }
    return this.current;
  }
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((symbol, index) => symbol === b[index]);
}
