import { describe, it, expect } from 'vitest';
import {
  DROP_REASONS,
  createDropCounts,
  parseFrame,
  type DropCounts,
  type DropReason,
  type RawTrade,
} from '../../../src/engine/feed/protocol';
import { TradeRoutes } from '../../../src/engine/feed/trade-routes';
import { CollectingSink } from '../../support/collecting-sink';

const T = Date.UTC(2025, 0, 15, 15, 30);
const SUBSCRIBED = ['AAPL', 'BINANCE:BTCUSDT', 'OANDA:EUR_USD'];

/** The subscriptions as a connection keeps them: each symbol with its slot in the sink. */
function routesTo(sink: CollectingSink, symbols: readonly string[] = SUBSCRIBED): ReturnType<TradeRoutes['forFrame']> {
  const routes = new TradeRoutes(sink);
  for (const symbol of symbols) routes.add(symbol);
  return routes.forFrame();
}

/** Parse into a sink that keeps every subscribed symbol; a trade frame reads as the trades the sink got. */
function parse(data: string | Buffer | ArrayBuffer | Buffer[], isBinary = false, maxFrameBytes?: number) {
  const drops = createDropCounts();
  const sink = new CollectingSink();
  const parsed = parseFrame(data, isBinary, { subscribed: routesTo(sink), sink, drops, maxFrameBytes });
  if (parsed.kind !== 'trades') return { frame: parsed, drops };
  expect(parsed.accepted).toBe(sink.trades.length);
  return { frame: { kind: 'trades' as const, trades: sink.trades }, drops };
}

function nonZero(drops: DropCounts): Partial<Record<DropReason, number>> {
  return Object.fromEntries(Object.entries(drops).filter(([, n]) => n > 0));
}

const tradeFrame = (data: unknown) => JSON.stringify({ type: 'trade', data });

describe('parseFrame', () => {
  it('returns validated trades from a Finnhub trade frame', () => {
    const { frame, drops } = parse(
      tradeFrame([
        { p: 189.41, s: 'AAPL', t: T, v: 100, c: ['1', '12'] },
        { p: 95000.5, s: 'BINANCE:BTCUSDT', t: T + 1, v: 0.0021 },
        { p: 1.0812, s: 'OANDA:EUR_USD', t: T + 2, v: 0, c: null },
      ]),
    );
    expect(frame).toEqual({
      kind: 'trades',
      trades: [
        { symbol: 'AAPL', price: 189.41, volume: 100, time: T },
        { symbol: 'BINANCE:BTCUSDT', price: 95000.5, volume: 0.0021, time: T + 1 },
        { symbol: 'OANDA:EUR_USD', price: 1.0812, volume: 0, time: T + 2 },
      ],
    });
    expect(nonZero(drops)).toEqual({});
  });

  it('keeps the original objects of exactly the accepted trades when asked to', () => {
    const raw: RawTrade[] = [];
    const kept = { p: 189.41, s: 'AAPL', t: T, v: 100, c: ['1', '12'], extra: 'as sent' };
    const sink = new CollectingSink();
    const frame = parseFrame(
      tradeFrame([kept, { p: -1, s: 'AAPL', t: T, v: 1 }, { p: 5, s: 'MSFT', t: T, v: 1 }]),
      false,
      { subscribed: routesTo(sink), sink, drops: createDropCounts(), raw },
    );
    expect(frame).toEqual({ kind: 'trades', accepted: 1 });
    expect(sink.trades).toMatchObject([{ symbol: 'AAPL' }]);
    expect(raw).toEqual([kept]);
  });

  it('forwards a carried symbol the sink does not keep raw only, and counts it as accepted', () => {
    const raw: RawTrade[] = [];
    const sink = new CollectingSink(['AAPL']);
    const relayed = { p: 5, s: 'OANDA:EUR_USD', t: T, v: 0 };
    const frame = parseFrame(tradeFrame([{ p: 2, s: 'AAPL', t: T, v: 1 }, relayed]), false, {
      subscribed: routesTo(sink),
      sink,
      drops: createDropCounts(),
      raw,
    });
    expect(frame).toEqual({ kind: 'trades', accepted: 2 });
    expect(sink.trades).toEqual([{ symbol: 'AAPL', price: 2, volume: 1, time: T }]);
    expect(raw).toEqual([{ p: 2, s: 'AAPL', t: T, v: 1 }, relayed]);
  });

  it('looks each trade up in the slots current with the sink (re-resolved once its symbols change)', () => {
    const sink = new CollectingSink(['AAPL']);
    const routes = new TradeRoutes(sink);
    routes.add('AAPL');
    routes.add('OANDA:EUR_USD');
    const frame = tradeFrame([
      { p: 2, s: 'AAPL', t: T, v: 1 },
      { p: 3, s: 'OANDA:EUR_USD', t: T, v: 1 },
    ]);
    parseFrame(frame, false, { subscribed: routes.forFrame(), sink, drops: createDropCounts() });
    sink.keep(['OANDA:EUR_USD']);
    parseFrame(frame, false, { subscribed: routes.forFrame(), sink, drops: createDropCounts() });
    expect(sink.trades.map((t) => t.symbol)).toEqual(['AAPL', 'OANDA:EUR_USD']);
  });

  it('accepts Buffer, ArrayBuffer and fragmented text frames', () => {
    const text = tradeFrame([{ p: 1, s: 'AAPL', t: T, v: 1 }]);
    const bytes = Buffer.from(text);
    const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
    for (const data of [bytes, arrayBuffer, [bytes.subarray(0, 10), bytes.subarray(10)]]) {
      const { frame } = parse(data);
      expect(frame).toEqual({ kind: 'trades', trades: [{ symbol: 'AAPL', price: 1, volume: 1, time: T }] });
    }
  });

  it('recognises ping and error frames', () => {
    expect(parse('{"type":"ping"}').frame).toEqual({ kind: 'ping' });
    expect(parse('{"type":"error","msg":"Subscribing to too many symbols"}').frame).toEqual({
      kind: 'error',
      message: 'Subscribing to too many symbols',
    });
    const { frame } = parse('{"type":"error","msg":42}');
    expect(frame.kind).toBe('error');
    expect(frame.kind === 'error' && frame.message.length).toBeGreaterThan(0);
  });

  it.each<[string, string | Buffer, boolean, DropReason]>([
    ['binary frames', Buffer.from('{"type":"ping"}'), true, 'binary'],
    ['non-JSON text', 'hello {', false, 'non-json'],
    ['JSON that is not an object', '[1,2]', false, 'not-object'],
    ['JSON null', 'null', false, 'not-object'],
    ['unknown types', '{"type":"news","data":[]}', false, 'unknown-type'],
    ['a missing type', '{"data":[]}', false, 'unknown-type'],
    ['data that is not an array', '{"type":"trade","data":{"p":1}}', false, 'data-not-array'],
    ['missing data', '{"type":"trade"}', false, 'data-not-array'],
  ])('drops and counts %s', (_name, data, isBinary, reason) => {
    const { frame, drops } = parse(data, isBinary);
    expect(frame).toEqual({ kind: 'dropped', reason });
    expect(nonZero(drops)).toEqual({ [reason]: 1 });
  });

  it('drops frames over the size limit unread', () => {
    const big = tradeFrame([{ p: 1, s: 'AAPL', t: T, v: 1, pad: 'x'.repeat(2_000) }]);
    expect(parse(big, false, 1_000).frame).toEqual({ kind: 'dropped', reason: 'too-large' });
    expect(parse(Buffer.from(big), false, 1_000).frame).toEqual({ kind: 'dropped', reason: 'too-large' });
    expect(parse(big, false, 10_000).frame.kind).toBe('trades');
  });

  it.each<[string, unknown, DropReason]>([
    ['a non-object trade', 42, 'trade-not-object'],
    ['a null trade', null, 'trade-not-object'],
    ['a missing symbol', { p: 1, t: T, v: 1 }, 'bad-symbol'],
    ['a numeric symbol', { p: 1, s: 7, t: T, v: 1 }, 'bad-symbol'],
    ['an empty symbol', { p: 1, s: '', t: T, v: 1 }, 'bad-symbol'],
    ['an unsubscribed symbol', { p: 1, s: 'TSLA', t: T, v: 1 }, 'unsubscribed'],
    ['a string price', { p: '189.4', s: 'AAPL', t: T, v: 1 }, 'bad-price'],
    ['a zero price', { p: 0, s: 'AAPL', t: T, v: 1 }, 'bad-price'],
    ['a negative price', { p: -1, s: 'AAPL', t: T, v: 1 }, 'bad-price'],
    ['a missing price', { s: 'AAPL', t: T, v: 1 }, 'bad-price'],
    ['a negative volume', { p: 1, s: 'AAPL', t: T, v: -5 }, 'bad-volume'],
    ['a string volume', { p: 1, s: 'AAPL', t: T, v: '5' }, 'bad-volume'],
    ['a missing volume', { p: 1, s: 'AAPL', t: T }, 'bad-volume'],
    ['a time in seconds', { p: 1, s: 'AAPL', t: Math.floor(T / 1000), v: 1 }, 'bad-time'],
    ['a string time', { p: 1, s: 'AAPL', t: String(T), v: 1 }, 'bad-time'],
    ['a missing time', { p: 1, s: 'AAPL', v: 1 }, 'bad-time'],
  ])('drops and counts %s, keeping the good trades of the same frame', (_name, bad, reason) => {
    const good = { p: 2, s: 'AAPL', t: T, v: 3 };
    const { frame, drops } = parse(tradeFrame([good, bad, good]));
    expect(frame).toEqual({
      kind: 'trades',
      trades: [
        { symbol: 'AAPL', price: 2, volume: 3, time: T },
        { symbol: 'AAPL', price: 2, volume: 3, time: T },
      ],
    });
    expect(nonZero(drops)).toEqual({ [reason]: 1 });
  });

  it('drops non-finite numbers, which JSON can only smuggle in as huge literals', () => {
    const { frame, drops } = parse(
      '{"type":"trade","data":[{"p":1e999,"s":"AAPL","t":1736955000000,"v":1},{"p":1,"s":"AAPL","t":1736955000000,"v":1e999},{"p":1,"s":"AAPL","t":1e999,"v":1}]}',
    );
    expect(frame).toEqual({ kind: 'trades', trades: [] });
    expect(nonZero(drops)).toEqual({ 'bad-price': 1, 'bad-volume': 1, 'bad-time': 1 });
  });

  it('accumulates counts across frames in the counters it is given', () => {
    const drops = createDropCounts();
    const sink = new CollectingSink();
    const subscribed = routesTo(sink);
    for (let i = 0; i < 3; i++) parseFrame('nope', false, { subscribed, sink, drops });
    parseFrame(tradeFrame([{ p: -1, s: 'AAPL', t: T, v: 1 }]), false, { subscribed, sink, drops });
    expect(nonZero(drops)).toEqual({ 'non-json': 3, 'bad-price': 1 });
  });

  it('names every reason in DROP_REASONS and starts every counter at zero', () => {
    const drops = createDropCounts();
    expect(Object.keys(drops).sort()).toEqual([...DROP_REASONS].sort());
    expect(Object.values(drops).every((n) => n === 0)).toBe(true);
  });
});
