/**
 * A trade source for engine tests: it records every symbol list it is given and emits only what
 * the test tells it to (trades, and raw Finnhub trades when it plays a live connection).
 */
import type { RawTrade } from '../../src/engine/feed/protocol';
import type { TradeSource } from '../../src/engine/feed/trade-source';
import { Signal } from '../../src/shared/signal';
import type { FeedStatus, Trade } from '../../src/shared/types';

export function recordingSource(withRaw: boolean) {
  const lists: string[][] = [];
  const rawTrades = new Signal<readonly RawTrade[]>();
  const source: TradeSource = {
    kind: withRaw ? 'finnhub' : 'demo',
    trades: new Signal<readonly Trade[]>(),
    ...(withRaw ? { rawTrades } : {}),
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
    }),
    start: () => {},
    setSymbols: (symbols) => lists.push([...symbols]),
    pause: () => {},
    resume: () => {},
    reconnectNow: () => {},
    stop: async () => {},
  };
  return { source, lists, rawTrades };
}
