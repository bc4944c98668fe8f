/**
 * A simulated trade source for running without an API key: plausible prices that random-walk per
 * instrument kind, at varied rates per symbol. Randomness, clock and timers are injected.
 */
import { Signal } from '../../shared/signal';
import { instrumentKind, isValidSymbol, type InstrumentKind } from '../../shared/symbols';
import type { FeedStats, FeedStatus } from '../../shared/types';
import type { RawTrade } from './protocol';
import type { TradeSink } from './trade-sink';
import type { TradeSource } from './trade-source';
import { TradeRoutes } from './trade-routes';
import { systemClock, type Clock } from '../../shared/clock';

/** Rough recent prices, so the demo looks like the real thing for the usual symbols. */
export const DEMO_BASE_PRICES: Readonly<Record<string, number>> = {
  AAPL: 190,
  MSFT: 420,
  NVDA: 130,
  TSLA: 250,
  AMZN: 185,
  GOOGL: 170,
  GOOG: 172,
  META: 500,
  NFLX: 650,
  AMD: 160,
  INTC: 30,
  IBM: 200,
  SPY: 560,
  QQQ: 480,
  'BINANCE:BTCUSDT': 95_000,
  'BINANCE:ETHUSDT': 3_400,
  'BINANCE:SOLUSDT': 180,
  'BINANCE:BNBUSDT': 600,
  'BINANCE:XRPUSDT': 0.6,
  'BINANCE:DOGEUSDT': 0.15,
  'COINBASE:BTC-USD': 95_000,
  'COINBASE:ETH-USD': 3_400,
  'OANDA:EUR_USD': 1.08,
  'OANDA:GBP_USD': 1.27,
  'OANDA:USD_JPY': 150,
  'OANDA:AUD_USD': 0.66,
  'OANDA:USD_CHF': 0.88,
  'OANDA:USD_CAD': 1.36,
};

/** Per-update volatility (standard deviation of the relative move) and update interval range. */
const KIND_PROFILE: Record<InstrumentKind, { volatility: number; minIntervalMs: number; maxIntervalMs: number }> = {
  stock: { volatility: 0.0006, minIntervalMs: 400, maxIntervalMs: 2_500 },
  crypto: { volatility: 0.001, minIntervalMs: 150, maxIntervalMs: 900 },
  forex: { volatility: 0.00008, minIntervalMs: 800, maxIntervalMs: 3_000 },
};

/** How strongly prices are pulled back towards their base each update (keeps the walk bounded). */
const MEAN_REVERSION = 0.002;

export interface DemoSourceOptions {
  symbols?: readonly string[];
  /** Returns a number in [0, 1). Default Math.random. */
  random?: () => number;
  /** Default: the system clock (so vi.useFakeTimers drives it). */
  clock?: Clock;
}

interface SimulatedSymbol {
  symbol: string;
  kind: InstrumentKind;
  base: number;
  price: number;
  intervalMs: number;
  nextAt: number;
}

/** A 32-bit FNV-1a hash: the same symbol always gets the same guesses. */
function hashSymbol(symbol: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < symbol.length; i++) {
    hash ^= symbol.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A fraction in [0, 1) derived from the symbol and a salt. */
function symbolFraction(symbol: string, salt: string): number {
  return hashSymbol(`${salt}:${symbol}`) / 2 ** 32;
}

/** The starting price for a symbol: known, or a deterministic guess by instrument kind. */
export function demoBasePrice(symbol: string): number {
  const known = DEMO_BASE_PRICES[symbol];
  if (known !== undefined) return known;
  const f = symbolFraction(symbol, 'base');
  switch (instrumentKind(symbol)) {
    case 'forex':
      return symbol.toUpperCase().endsWith('JPY') ? roundTo(100 + f * 60, 3) : roundTo(0.5 + f * 1.5, 5);
    case 'crypto':
      return roundTo(10 ** (-1 + f * 4), 6); // 0.1 .. 1000, spread evenly on a log scale
    default:
      return roundTo(20 + f * 480, 2);
  }
}

/** A simulated previous close: within ±2.5 % of the base price, fixed per symbol. */
export function demoPreviousClose(symbol: string): number {
  const base = demoBasePrice(symbol);
  const offset = (symbolFraction(symbol, 'close') - 0.5) * 0.05;
  return roundPrice(base * (1 - offset), instrumentKind(symbol), base);
}

export class DemoSource implements TradeSource {
  readonly kind = 'demo' as const;
  readonly rawTrades = new Signal<readonly RawTrade[]>();
  readonly status = new Signal<FeedStatus>();

  private readonly random: () => number;
  private readonly clock: Clock;
  private readonly simulated = new Map<string, SimulatedSymbol>();
  /** The simulated symbols with their slots in the sink, as a connection keeps its subscriptions. */
  private readonly routes = new TradeRoutes();
  private running = false;
  private paused = false;
  private stopped = false;
  private timer: unknown = null;
  private tradeCount = 0;
  private lastTradeAt: number | null = null;
  private current: FeedStatus;

  constructor(options: DemoSourceOptions = {}) {
    this.random = options.random ?? Math.random;
    this.clock = options.clock ?? systemClock;
    this.current = { state: 'stopped', since: this.clock.now() };
    this.applySymbols(options.symbols ?? []);
  }

  /** The simulated previous close for a symbol (to show change %): fixed per symbol, always > 0. */
  previousClose(symbol: string): number {
    return demoPreviousClose(symbol);
  }

  currentStatus(): FeedStatus {
    return { ...this.current };
  }

  stats(): FeedStats {
    return {
      connections: 0,
      reconnects: 0,
      trades: this.tradeCount,
      dropped: 0,
      droppedByReason: {},
      lastMessageAt: this.lastTradeAt,
      lastServerError: null,
      serverErrors: 0,
    };
  }

  setSink(sink: TradeSink | null): void {
    this.routes.setSink(sink);
  }

  start(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    if (this.paused) return;
    this.setStatus('demo');
    this.schedule();
  }

  setSymbols(symbols: readonly string[]): void {
    this.applySymbols(symbols);
    if (this.running && !this.paused) this.schedule();
  }

  pause(): void {
    if (this.stopped || this.paused) return;
    this.paused = true;
    this.cancel();
    this.setStatus('paused');
  }

  resume(): void {
    if (this.stopped || !this.paused) return;
    this.paused = false;
    if (!this.running) return;
    const now = this.clock.now();
    for (const entry of this.simulated.values()) entry.nextAt = now + this.firstDelay(entry);
    this.setStatus('demo');
    this.schedule();
  }

  /** Nothing to reconnect to. */
  reconnectNow(): void {}

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.running = false;
    this.cancel();
    this.setStatus('stopped');
  }

  private applySymbols(symbols: readonly string[]): void {
    const wanted = new Set<string>();
    for (const symbol of symbols) if (isValidSymbol(symbol)) wanted.add(symbol);
    for (const symbol of [...this.simulated.keys()]) {
      if (wanted.has(symbol)) continue;
      this.simulated.delete(symbol);
      this.routes.delete(symbol);
    }
    const now = this.clock.now();
    for (const symbol of wanted) {
      if (this.simulated.has(symbol)) continue;
      const kind = instrumentKind(symbol);
      const profile = KIND_PROFILE[kind];
      const base = demoBasePrice(symbol);
      const entry: SimulatedSymbol = {
        symbol,
        kind,
        base,
        price: base,
        intervalMs: Math.round(
          profile.minIntervalMs + symbolFraction(symbol, 'rate') * (profile.maxIntervalMs - profile.minIntervalMs),
        ),
        nextAt: 0,
      };
      entry.nextAt = now + this.firstDelay(entry);
      this.simulated.set(symbol, entry);
      this.routes.add(symbol);
    }
  }

  /** Stagger the first updates so symbols do not all tick together. */
  private firstDelay(entry: SimulatedSymbol): number {
    return Math.round(this.random() * entry.intervalMs);
  }

  private schedule(): void {
    this.cancel();
    if (this.simulated.size === 0) return;
    let next = Infinity;
    for (const entry of this.simulated.values()) if (entry.nextAt < next) next = entry.nextAt;
    const delay = Math.max(0, next - this.clock.now());
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.tick();
    }, delay);
  }

  private cancel(): void {
    if (this.timer === null) return;
    this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private tick(): void {
    if (!this.running || this.paused) return;
    const now = this.clock.now();
    // One frame: every due symbol's trade, delivered like a connection's (no object per trade
    // unless someone listens for them in Finnhub's shape).
    const slots = this.routes.forFrame();
    const sink = this.routes.currentSink();
    const frameTime = sink?.frameTime() ?? now;
    const raw: RawTrade[] | undefined = this.rawTrades.size > 0 ? [] : undefined;
    let count = 0;
    for (const entry of this.simulated.values()) {
      if (entry.nextAt > now) continue;
      const price = this.step(entry);
      const volume = this.volume(entry.kind);
      count++;
      const slot = slots.get(entry.symbol);
      if (slot != null && sink !== null) sink.acceptTrade(slot, price, volume, now, frameTime);
      if (raw !== undefined) raw.push({ s: entry.symbol, p: price, t: now, v: volume });
      // Jitter each interval by ±30 % so updates look irregular.
      entry.nextAt = now + Math.max(50, Math.round(entry.intervalMs * (0.7 + 0.6 * this.random())));
    }
    if (count > 0) {
      this.tradeCount += count;
      this.lastTradeAt = now;
      if (raw !== undefined) this.rawTrades.emit(raw);
    }
    this.schedule();
  }

  /** The symbol's next price, a step of its random walk. */
  private step(entry: SimulatedSymbol): number {
    const profile = KIND_PROFILE[entry.kind];
    const pull = -MEAN_REVERSION * Math.log(entry.price / entry.base);
    const move = profile.volatility * this.gaussian() + pull;
    const price = roundPrice(entry.price * Math.exp(move), entry.kind, entry.base);
    entry.price = price;
    return price;
  }

  private volume(kind: InstrumentKind): number {
    if (kind === 'forex') return 0;
    if (kind === 'crypto') return roundTo(0.0001 + this.random() ** 3 * 2, 4);
    const r = this.random();
    return r < 0.6 ? 100 * (1 + Math.floor(this.random() * 5)) : 1 + Math.floor(this.random() * 99);
  }

  /** A standard normal draw (Box–Muller) from the injected uniform source. */
  private gaussian(): number {
    const u = Math.max(this.random(), 1e-12);
    const v = this.random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  private setStatus(state: FeedStatus['state']): void {
    this.current = { state, since: this.clock.now() };
    this.status.emit({ ...this.current });
  }
}

/** Round to a tick size that suits the instrument, never to zero. */
function roundPrice(price: number, kind: InstrumentKind, base: number): number {
  let decimals: number;
  if (kind === 'forex') decimals = base >= 20 ? 3 : 5;
  else if (base >= 1) decimals = 2;
  else decimals = 6;
  const rounded = roundTo(price, decimals);
  return rounded > 0 ? rounded : 10 ** -decimals;
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
