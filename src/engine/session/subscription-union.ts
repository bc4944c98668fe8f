/**
 * What the one upstream connection subscribes: Ticker's own symbols plus every other owner's
 * (Ticker's own helpers such as the portfolio, and relay clients), reference-counted, within the
 * plan's cap. Ticker's own symbols always come first: when they grow, the most recently added
 * shared symbols make room, a helper's last. Helpers' symbols are never given up for a relay
 * client, and relay clients share what is left fairly: a client asking for a slot when none is
 * free takes one from the client holding the most, if that one holds at least two more. Pure: no I/O.
 */

/** One owner's interest in one symbol. */
export interface Interest {
  owner: string;
  symbol: string;
}

/** Why an interest was cut: Ticker's own symbols needed the room, or another client its fair share. */
export type EvictionReason = 'own' | 'share';

export interface Eviction extends Interest {
  reason: EvictionReason;
}

/** `ticker`: one of Ticker's own helpers (the portfolio); `shared`: another program (a relay client). */
export type OwnerKind = 'ticker' | 'shared';

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
  private readonly tickerOwners = new Set<string>();
  private evictions: Eviction[] = [];

  constructor(private readonly cap: number) {}

  /** Replace Ticker's own list. Returns the shared interests evicted to stay within the cap. */
  setOwn(symbols: readonly string[]): Eviction[] {
    this.own = [...new Set(symbols)];
    this.ownSet = new Set(this.own);
    const evicted: Eviction[] = [];
    const sharedOnly = [...this.shared.keys()].filter((symbol) => !this.ownSet.has(symbol));
    // Newest first, but a helper's symbols (the portfolio's) only once no client's is left.
    const order = [
      ...sharedOnly.filter((symbol) => !this.heldByTicker(symbol)).reverse(),
      ...sharedOnly.filter((symbol) => this.heldByTicker(symbol)).reverse(),
    ];
    let size = this.own.length + sharedOnly.length;
    for (const symbol of order) {
      if (size <= this.cap) break;
      evicted.push(...this.cut(symbol, 'own'));
      size -= 1;
    }
    return evicted;
  }

  /**
   * `kind` says whose the owner is; a `ticker` owner may take a relay client's slot when the union
   * is full, a `shared` owner only from a client holding at least two more than itself. What was
   * taken is handed out by takeEvictions().
   */
  add(owner: string, symbol: string, kind: OwnerKind = 'shared'): AddOutcome {
    if (kind === 'ticker') this.tickerOwners.add(owner);
    const owners = this.shared.get(symbol);
    if (owners !== undefined || this.ownSet.has(symbol)) {
      this.link(owner, symbol);
      return 'joined';
    }
    if (this.size() >= this.cap) {
      const room = this.roomFor(owner, kind);
      if (room === null) return 'over-cap';
      this.evictions.push(...this.cut(room, 'share'));
    }
    this.link(owner, symbol);
    return 'new';
  }

  /** Whether the owner is one of Ticker's helpers (it added with kind `ticker`). */
  isTickerOwner(owner: string): boolean {
    return this.tickerOwners.has(owner);
  }

  /** The interests cut by add() since the last call, to tell their owners. */
  takeEvictions(): Eviction[] {
    const taken = this.evictions;
    this.evictions = [];
    return taken;
  }

  /** How many upstream slots a client holds alone (symbols nobody else, Ticker included, needs). */
  slotsOf(owner: string): number {
    let count = 0;
    for (const symbol of this.byOwner.get(owner) ?? []) if (this.alone(owner, symbol)) count += 1;
    return count;
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
    this.tickerOwners.delete(owner);
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

  /** The symbol to give up so `owner` gets a slot, or null when it must not have one. */
  private roomFor(owner: string, kind: OwnerKind): string | null {
    const mine = kind === 'ticker' ? -1 : this.slotsOf(owner);
    let victim: string | null = null;
    let most = mine + 1;
    for (const other of this.byOwner.keys()) {
      if (other === owner || this.tickerOwners.has(other)) continue;
      const held = this.slotsOf(other);
      if (held > most) {
        most = held;
        victim = other;
      }
    }
    if (victim === null) return null;
    // The victim's most recently added slot.
    const symbols = [...(this.byOwner.get(victim) as Set<string>)];
    for (let i = symbols.length - 1; i >= 0; i -= 1) {
      const symbol = symbols[i] as string;
      if (this.alone(victim, symbol)) return symbol;
    }
    return null;
  }

  private alone(owner: string, symbol: string): boolean {
    if (this.ownSet.has(symbol) || this.tickerOwners.has(owner)) return false;
    const owners = this.shared.get(symbol);
    return owners !== undefined && owners.size === 1 && owners.has(owner);
  }

  private heldByTicker(symbol: string): boolean {
    for (const owner of this.shared.get(symbol) ?? []) if (this.tickerOwners.has(owner)) return true;
    return false;
  }

  /** Take a shared symbol from every owner. */
  private cut(symbol: string, reason: EvictionReason): Eviction[] {
    const evicted: Eviction[] = [];
    for (const owner of this.shared.get(symbol) ?? []) {
      evicted.push({ owner, symbol, reason });
      const mine = this.byOwner.get(owner);
      mine?.delete(symbol);
      if (mine?.size === 0) this.byOwner.delete(owner);
    }
    this.shared.delete(symbol);
    return evicted;
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
