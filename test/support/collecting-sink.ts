/**
 * A trade sink for source tests: keeps the symbols it is given (every symbol without a list) and
 * records what a source delivers, as trades and as frames (one per `frameTime()` call).
 */
import type { TradeSink, TradeSlot } from '../../src/engine/feed/trade-sink';
import { Signal } from '../../src/shared/signal';
import type { Trade } from '../../src/shared/types';

export class CollectingSink implements TradeSink {
  readonly trades: Trade[] = [];
  /** The trades of each frame that delivered any, in order. */
  readonly frames: Trade[][] = [];
  /** Emitted after every delivered trade. */
  readonly arrived = new Signal<Trade>();
  slotVersion = 0;
  private kept: ReadonlySet<string> | null;
  private frame: Trade[] = [];

  constructor(symbols?: Iterable<string>) {
    this.kept = symbols === undefined ? null : new Set(symbols);
  }

  /** Keep another list of symbols (null: every symbol); sources re-resolve their slots. */
  keep(symbols: Iterable<string> | null): void {
    this.kept = symbols === null ? null : new Set(symbols);
    this.slotVersion += 1;
  }

  slotFor(symbol: string): TradeSlot | null {
    if (this.kept !== null && !this.kept.has(symbol)) return null;
    return { symbol } as unknown as TradeSlot;
  }

  frameTime(): number {
    this.frame = [];
    return Date.now();
  }

  acceptTrade(slot: TradeSlot, price: number, volume: number, time: number): boolean {
    const trade: Trade = { symbol: (slot as unknown as { symbol: string }).symbol, price, volume, time };
    if (this.frame.length === 0) this.frames.push(this.frame);
    this.frame.push(trade);
    this.trades.push(trade);
    this.arrived.emit(trade);
    return true;
  }
}
