/**
 * The benchmark's watch list (50 symbols: US stocks, crypto, forex) and a seeded generator of
 * realistic Finnhub trade items and frames.
 */
import { instrumentKind, type InstrumentKind } from '../../src/shared/symbols';
import type { TradeSink } from '../../src/engine/feed/trade-sink';
import { TradeRoutes } from '../../src/engine/feed/trade-routes';
import { randomInt, type Random } from './prng';

export interface BenchSymbol {
  readonly symbol: string;
  readonly kind: InstrumentKind;
  /** A plausible starting price. */
  readonly base: number;
  /** Smallest price step, equal to what the strip shows for this symbol and price range. */
  readonly tick: number;
  /** Decimals of `tick`. */
  readonly digits: number;
}

const STOCKS: Record<string, number> = {
  AAPL: 189.41,
  MSFT: 415.1,
  NVDA: 131.2,
  AMZN: 186.5,
  GOOGL: 171.3,
  META: 563.2,
  TSLA: 251.44,
  AVGO: 168.9,
  JPM: 242.1,
  V: 311.7,
  UNH: 598.2,
  XOM: 120.4,
  JNJ: 154.8,
  WMT: 88.9,
  MA: 521.3,
  PG: 171.2,
  HD: 412.5,
  COST: 921.4,
  ORCL: 190.2,
  MRK: 99.7,
  ABBV: 171.9,
  CVX: 160.3,
  KO: 64.1,
  PEP: 158.2,
  ADBE: 512.6,
  CRM: 331.4,
  BAC: 46.8,
  NFLX: 897.3,
  AMD: 137.6,
  TMO: 521.8,
  LIN: 463.9,
  MCD: 296.1,
  CSCO: 59.3,
  ACN: 362.4,
  ABT: 117.5,
  INTC: 24.3,
};
const CRYPTO: Record<string, number> = {
  'BINANCE:BTCUSDT': 97123.45,
  'BINANCE:ETHUSDT': 3456.78,
  'BINANCE:SOLUSDT': 241.5,
  'BINANCE:BNBUSDT': 655.2,
  'BINANCE:LTCUSDT': 92.4,
  'BINANCE:AVAXUSDT': 43.1,
  'BINANCE:LINKUSDT': 17.9,
  'COINBASE:BTC-USD': 97110.1,
};
const FOREX: Record<string, number> = {
  'OANDA:EUR_USD': 1.08421,
  'OANDA:GBP_USD': 1.26012,
  'OANDA:USD_JPY': 151.234,
  'OANDA:AUD_USD': 0.65123,
  'OANDA:USD_CAD': 1.39871,
  'OANDA:USD_CHF': 0.88345,
};

function benchSymbol(symbol: string, base: number): BenchSymbol {
  const kind = instrumentKind(symbol);
  const digits = kind === 'forex' ? (symbol.includes('JPY') ? 3 : 5) : 2;
  return { symbol, kind, base, tick: 10 ** -digits, digits };
}

/** The 50 watched symbols (36 stocks, 8 crypto pairs, 6 forex pairs). */
export const BENCH_SYMBOLS: readonly BenchSymbol[] = [
  ...Object.entries(STOCKS),
  ...Object.entries(CRYPTO),
  ...Object.entries(FOREX),
].map(([symbol, base]) => benchSymbol(symbol, base));

export const BENCH_SYMBOL_NAMES: readonly string[] = BENCH_SYMBOLS.map((entry) => entry.symbol);

/** The bench symbols as a connection subscribed to them keeps them: routed to the sink's slots. */
export function benchRoutes(sink: TradeSink): ReturnType<TradeRoutes['forFrame']> {
  const routes = new TradeRoutes(sink);
  for (const symbol of BENCH_SYMBOL_NAMES) routes.add(symbol);
  return routes.forFrame();
}

/** One trade as Finnhub sends it. */
export interface FinnhubTradeItem {
  p: number;
  s: string;
  t: number;
  v: number;
  c?: string[] | null;
}

const CONDITION_SETS: readonly (string[] | null | undefined)[] = [
  ['1', '12'],
  ['12'],
  ['1'],
  ['1', '8', '24'],
  ['37'],
  null,
  undefined,
];

/** Seeded random-walk trades over the bench symbols. */
export class TradeItemGenerator {
  private readonly prices: number[];

  constructor(
    private readonly random: Random,
    private readonly symbols: readonly BenchSymbol[] = BENCH_SYMBOLS,
  ) {
    this.prices = symbols.map((entry) => entry.base);
  }

  /** One trade of a random symbol at `time` (epoch ms). */
  next(time: number): FinnhubTradeItem {
    const random = this.random;
    const index = Math.floor(random() * this.symbols.length);
    const entry = this.symbols[index] as BenchSymbol;
    const previous = this.prices[index] as number;
    const moved = previous * (1 + (random() - 0.5) * 0.0008);
    const price = Math.max(entry.tick, Number(moved.toFixed(entry.digits)));
    this.prices[index] = price;
    const item: FinnhubTradeItem = { p: price, s: entry.symbol, t: time, v: this.volume(entry.kind) };
    const conditions = CONDITION_SETS[Math.floor(random() * CONDITION_SETS.length)];
    if (entry.kind === 'stock' && conditions !== undefined) item.c = conditions;
    return item;
  }

  private volume(kind: InstrumentKind): number {
    const random = this.random;
    if (kind === 'forex') return 0;
    if (kind === 'crypto') return random() < 0.2 ? 0 : Number((random() * 0.5).toFixed(5));
    return random() < 0.1 ? Number((random() * 0.9 + 0.01).toFixed(4)) : randomInt(random, 1, 500);
  }
}

/** A Finnhub trade frame's text. */
export function tradeFrameText(items: readonly FinnhubTradeItem[]): string {
  return JSON.stringify({ type: 'trade', data: items });
}

export interface FrameCorpus {
  readonly frames: readonly string[];
  /** Trades across all frames. */
  readonly trades: number;
  readonly bytes: number;
}

/**
 * A deterministic corpus of frames: 1 to 50 trades each, times increasing from `startTime`, with
 * an occasional ping as Finnhub sends them.
 */
export function buildFrameCorpus(random: Random, frameCount: number, startTime: number): FrameCorpus {
  const generator = new TradeItemGenerator(random);
  const frames: string[] = [];
  let trades = 0;
  let bytes = 0;
  let time = startTime;
  for (let i = 0; i < frameCount; i += 1) {
    let text: string;
    if (random() < 0.005) {
      text = '{"type":"ping"}';
    } else {
      const count = randomInt(random, 1, 50);
      const items: FinnhubTradeItem[] = [];
      for (let j = 0; j < count; j += 1) {
        time += random() < 0.7 ? 0 : randomInt(random, 1, 3);
        items.push(generator.next(time));
      }
      trades += count;
      text = tradeFrameText(items);
    }
    frames.push(text);
    bytes += text.length;
  }
  return { frames, trades, bytes };
}
