/**
 * Sends trades from the fake Finnhub server at a steady rate in real time. Each symbol's price
 * steps up by one displayed tick per trade, so a price shown in the strip names exactly which
 * trade it came from (its index), and every send time is kept.
 */
import { performance } from 'node:perf_hooks';
import type { FakeFinnhub, FakeTrade } from '../../test/support/fake-finnhub';
import type { BenchSymbol } from '../lib/market';
import type { Random } from '../lib/prng';

/** Epoch milliseconds with sub-millisecond resolution (same basis as the page's clock). */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Largest number of trades put in one frame (Finnhub sends up to about 50). */
const MAX_TRADES_PER_FRAME = 50;
const TICK_MS = 5;

export class TradePump {
  /** sendTimes[symbolIndex][k]: when trade k of that symbol was sent (epoch ms). */
  readonly sendTimes: number[][];
  private readonly bySymbol = new Map<string, number>();
  sentTrades = 0;

  constructor(
    private readonly server: FakeFinnhub,
    readonly symbols: readonly BenchSymbol[],
    private readonly random: Random,
  ) {
    this.sendTimes = symbols.map(() => []);
    symbols.forEach((entry, index) => this.bySymbol.set(entry.symbol, index));
  }

  /** Price of trade `k` of a symbol: the base plus k displayed ticks. */
  priceOf(symbolIndex: number, k: number): number {
    const entry = this.symbols[symbolIndex] as BenchSymbol;
    return Number((entry.base + k * entry.tick).toFixed(entry.digits));
  }

  /** Which trade a shown price text is (en-US grouping), or null if it is none of ours. */
  indexOfShown(symbol: string, text: string): number | null {
    const symbolIndex = this.bySymbol.get(symbol);
    if (symbolIndex === undefined) return null;
    const value = Number(text.replace(/,/g, ''));
    if (!Number.isFinite(value)) return null;
    const entry = this.symbols[symbolIndex] as BenchSymbol;
    const k = Math.round((value - entry.base) / entry.tick);
    return k >= 0 && this.priceOf(symbolIndex, k) === value ? k : null;
  }

  symbolIndex(symbol: string): number | undefined {
    return this.bySymbol.get(symbol);
  }

  /** The index of the newest trade sent for a symbol (-1 before any). */
  lastIndex(symbolIndex: number): number {
    return (this.sendTimes[symbolIndex]?.length ?? 0) - 1;
  }

  /** One trade for every symbol, in one frame. */
  sendRound(): void {
    this.send(this.symbols.map((_, index) => index));
  }

  /** Send `tradesPerSecond` trades across random symbols for `durationMs`, in real time. */
  run(tradesPerSecond: number, durationMs: number): Promise<void> {
    return new Promise((resolve) => {
      const start = performance.now();
      let sent = 0;
      const tick = (): void => {
        const elapsed = Math.min(durationMs, performance.now() - start);
        const due = Math.floor((elapsed * tradesPerSecond) / 1000) - sent;
        for (let left = due; left > 0; left -= MAX_TRADES_PER_FRAME) {
          const picks: number[] = [];
          for (let i = 0; i < Math.min(left, MAX_TRADES_PER_FRAME); i += 1)
            picks.push(Math.floor(this.random() * this.symbols.length));
          this.send(picks);
        }
        sent += Math.max(0, due);
        if (elapsed >= durationMs) {
          clearInterval(timer);
          resolve();
        }
      };
      const timer = setInterval(tick, TICK_MS);
    });
  }

  private send(symbolIndexes: readonly number[]): void {
    const trades: FakeTrade[] = [];
    const indexes: [symbolIndex: number, k: number][] = [];
    const tradeTime = Date.now();
    for (const symbolIndex of symbolIndexes) {
      const times = this.sendTimes[symbolIndex] as number[];
      const k = times.length;
      times.push(Number.NaN);
      indexes.push([symbolIndex, k]);
      trades.push({
        symbol: (this.symbols[symbolIndex] as BenchSymbol).symbol,
        price: this.priceOf(symbolIndex, k),
        volume: 1,
        time: tradeTime,
        conditions: ['1'],
      });
    }
    const sentAt = preciseNow();
    this.server.sendTrades(trades);
    for (const [symbolIndex, k] of indexes) (this.sendTimes[symbolIndex] as number[])[k] = sentAt;
    this.sentTrades += trades.length;
  }
}
