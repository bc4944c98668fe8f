/**
 * What the one upstream connection subscribes: Ticker's own symbols plus every other owner's
 * (relay clients), reference-counted, within the plan's cap. Ticker's own symbols always come
 * first: when they grow, the most recently added shared symbols make room. Pure: no I/O.
 */

/** One owner's interest in one symbol. */
export interface Interest {
  owner: string;
  symbol: string;
}

/**
 * - `new`: the symbol joins the upstream set (a subscribe is due).
 * - `joined`: someone (Ticker or another owner) already has it upstream; only the count grew.
 * - `over-cap`: the union is full; nothing changed.
 */
export type AddOutcome = 'new' | 'joined' | 'over-cap';

export class SubscriptionUnion {
  private own: string[] = [];
  private ownSet = new Set<string>();
  /** Shared symbol → its owners; Map order is the order symbols were first asked for. */
  private readonly shared = new Map<string, Set<string>>();
  private readonly byOwner = new Map<string, Set<string>>();

  constructor(private readonly cap: number) {}

  /** Replace Ticker's own list. Returns the shared interests evicted to stay within the cap. */
  setOwn(symbols: readonly string[]): Interest[] {
    this.own = [...new Set(symbols)];
    this.ownSet = new Set(this.own);
    const evicted: Interest[] = [];
    const sharedOnly = [...this.shared.keys()].filter((symbol) => !this.ownSet.has(symbol));
    let size = this.own.length + sharedOnly.length;
    for (let i = sharedOnly.length - 1; i >= 0 && size > this.cap; i -= 1) {
      const symbol = sharedOnly[i] as string;
      for (const owner of this.shared.get(symbol) ?? []) {
        evicted.push({ owner, symbol });
        this.byOwner.get(owner)?.delete(symbol);
      }
      this.shared.delete(symbol);
      size -= 1;
    }
    return evicted;
  }

  add(owner: string, symbol: string): AddOutcome {
    const owners = this.shared.get(symbol);
    if (owners !== undefined || this.ownSet.has(symbol)) {
      this.link(owner, symbol);
      return 'joined';
    }
    if (this.size() >= this.cap) return 'over-cap';
    this.link(owner, symbol);
    return 'new';
  }

  /** Returns true when the symbol leaves the upstream set (an unsubscribe is due). */
  remove(owner: string, symbol: string): boolean {
    const owners = this.shared.get(symbol);
    if (owners === undefined || !owners.delete(owner)) return false;
    const mine = this.byOwner.get(owner);
    mine?.delete(symbol);
    if (mine?.size === 0) this.byOwner.delete(owner);
    if (owners.size > 0) return false;
    this.shared.delete(symbol);
    return !this.ownSet.has(symbol);
  }

  /** Drop every interest of an owner (a client left). Returns true when the upstream set shrank. */
  removeOwner(owner: string): boolean {
    let shrank = false;
    for (const symbol of [...(this.byOwner.get(owner) ?? [])]) {
      if (this.remove(owner, symbol)) shrank = true;
    }
    this.byOwner.delete(owner);
    return shrank;
  }

  /** The upstream set: Ticker's own symbols first, then shared ones in the order first asked. */
  symbols(): string[] {
    const result = [...this.own];
    for (const symbol of this.shared.keys()) if (!this.ownSet.has(symbol)) result.push(symbol);
    return result;
  }

  symbolsOf(owner: string): string[] {
    return [...(this.byOwner.get(owner) ?? [])];
  }

  has(owner: string, symbol: string): boolean {
    return this.byOwner.get(owner)?.has(symbol) ?? false;
  }

  /** How many owners (besides Ticker) need a symbol. */
  refCount(symbol: string): number {
    return this.shared.get(symbol)?.size ?? 0;
  }

  size(): number {
    let size = this.own.length;
    for (const symbol of this.shared.keys()) if (!this.ownSet.has(symbol)) size += 1;
    return size;
  }

  private link(owner: string, symbol: string): void {
    let owners = this.shared.get(symbol);
    if (owners === undefined) {
      owners = new Set();
      this.shared.set(symbol, owners);
    }
    owners.add(owner);
    let mine = this.byOwner.get(owner);
    if (mine === undefined) {
      mine = new Set();
      this.byOwner.set(owner, mine);
    }
    mine.add(symbol);
  }
}
