/**
 * The symbols a source carries, each with its slot in the sink (null when the sink does not keep
 * it): one map that is both the source's subscription check and the sink's lookup, so a trade
 * costs one `get`. Slots are re-resolved when the sink's symbols change (its `slotVersion`), which
 * the source checks once per frame.
 */
import type { TradeSink, TradeSlot } from './trade-sink';

export class TradeRoutes {
  private readonly slots = new Map<string, TradeSlot | null>();
  private sink: TradeSink | null;
  private version = Number.NaN;

  constructor(sink: TradeSink | null = null) {
    this.sink = sink;
  }

  /** Deliver to another sink (or none): every slot is resolved again before the next frame. */
  setSink(sink: TradeSink | null): void {
    this.sink = sink;
    this.version = Number.NaN;
    if (sink === null) for (const symbol of this.slots.keys()) this.slots.set(symbol, null);
  }

  currentSink(): TradeSink | null {
    return this.sink;
  }

  has(symbol: string): boolean {
    return this.slots.has(symbol);
  }

  add(symbol: string): void {
    if (this.slots.has(symbol)) return;
    this.slots.set(symbol, this.sink?.slotFor(symbol) ?? null);
  }

  delete(symbol: string): boolean {
    return this.slots.delete(symbol);
  }

  symbols(): string[] {
    return [...this.slots.keys()];
  }

  get size(): number {
    return this.slots.size;
  }

  /**
   * The map to look this frame's trades up in (absent: not carried; null: carried, not kept by the
   * sink), its slots current with the sink. Call once per frame.
   */
  forFrame(): ReadonlyMap<string, TradeSlot | null> {
    const sink = this.sink;
    if (sink !== null && sink.slotVersion !== this.version) {
      for (const symbol of this.slots.keys()) this.slots.set(symbol, sink.slotFor(symbol));
      this.version = sink.slotVersion;
    }
    return this.slots;
  }
}
