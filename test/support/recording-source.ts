/**
 * A trade source for engine tests: it records every symbol list it is given and the sink it is
 * handed, and emits only what the test tells it to (raw Finnhub-shaped trades; trades into the
 * sink through `deliver`).
 */
import type { RawTrade } from '../../src/engine/feed/protocol';
import type { TradeSink } from '../../src/engine/feed/trade-sink';
import type { TradeSource } from '../../src/engine/feed/trade-source';
import { Signal } from '../../src/shared/signal';
import type { FeedStatus, Trade } from '../../src/shared/types';

export function recordingSource(live: boolean) {
  const lists: string[][] = [];
  const rawTrades = new Signal<readonly RawTrade[]>();
  let sink: TradeSink | null = null;
  const source: TradeSource = {
    kind: live ? 'finnhub' : 'demo',
    setSink: (next) => {
      sink = next;
    },
    rawTrades,
    status: new Signal<FeedStatus>(),
    currentStatus: () => ({ state: 'live', since: 0 }),
    stats: () => ({
      connections: 1,
      reconnects: 0,
      trades: 0,
      dropped: 0,
      droppedByReason: {},
      lastMessageAt: null,
      lastServerError: null,
      serverErrors: 0,
    }),
    start: () => {},
    setSymbols: (symbols) => lists.push([...symbols]),
    pause: () => {},
    resume: () => {},
    reconnectNow: () => {},
    stop: async () => {},
  };
  /** One frame of trades, as a source delivers it: into the sink (symbols it keeps), then raw. */
  const deliver = (trades: readonly Trade[]): void => {
    const now = sink?.frameTime() ?? 0;
    for (const trade of trades) {
      const slot = sink?.slotFor(trade.symbol) ?? null;
      if (slot !== null) sink?.acceptTrade(slot, trade.price, trade.volume, trade.time, now);
    }
    if (rawTrades.size > 0) rawTrades.emit(trades.map((t) => ({ s: t.symbol, p: t.price, t: t.time, v: t.volume })));
  };
  return { source, lists, rawTrades, deliver, sink: () => sink };
}
