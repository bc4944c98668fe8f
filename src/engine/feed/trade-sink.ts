/**
 * Where a trade source delivers the trades it accepted: the tick store. The contract keeps the hot
 * path to one symbol lookup and no object per trade: a source resolves each symbol it carries to
 * the sink's slot when its symbols (or the sink's) change, looks the slot up once per trade in the
 * same map that is its subscription check, and hands the sink the slot and the trade's fields.
 */

declare const slotBrand: unique symbol;

/** The sink's handle for one symbol it keeps; opaque to sources. */
export interface TradeSlot {
  readonly [slotBrand]: true;
}

export interface TradeSink {
  /**
   * Changes whenever the symbols the sink keeps change: slots resolved under another version are
   * stale. A source compares it once per frame (a property read), not per trade.
   */
  readonly slotVersion: number;
  /**
   * The slot of a symbol the sink keeps, or null for one it does not (a source may still carry it
   * for others, e.g. a relay client's symbol, and forwards its trades raw).
   */
  slotFor(symbol: string): TradeSlot | null;
  /** The sink's clock, read once per frame and passed to every `acceptTrade` of that frame. */
  frameTime(): number;
  /**
   * One trade whose price, volume and time already passed the absolute bounds of ./plausibility.
   * The sink applies its own checks (the time window around `now`, the trading day) and counts
   * what it refuses. Returns whether the trade was applied.
   */
  acceptTrade(slot: TradeSlot, price: number, volume: number, time: number, now: number): boolean;
}
