import { Signal } from '../../shared/signal';
import { MarketCalendar } from '../../shared/market-calendar/market-calendar';
import type { Market } from '../../shared/market-calendar/market-of';
import { uniqueValidSymbols } from '../../shared/symbols';
import type { QuoteUpdate, RestQuote, SymbolSnapshot, Trade } from '../../shared/types';
import {
  DEFAULT_MAX_FUTURE_SKEW_MS,
  DEFAULT_MAX_TRADE_AGE_MS,
  isPlausiblePrice,
  MAX_PRICE,
  MAX_TRADE_VOLUME,
  MIN_PRICE,
} from '../feed/plausibility';
import type { TradeSink, TradeSlot } from '../feed/trade-sink';
import { RingBuffer } from './ring-buffer';

export const DEFAULT_HISTORY_CAPACITY = 120;
export const DEFAULT_HISTORY_INTERVAL_MS = 5_000;
export interface TickStoreOptions {
  /** Points kept per symbol for sparklines (default 120). */
  historyCapacity?: number;
  /** At most one history point per this many ms; the newest point is updated in between (default 5 s). */
  historyIntervalMs?: number;
  /** Trades stamped later than now + this are dropped as 'bad-time' (default 5 min). */
  maxFutureSkewMs?: number;
  /** Trades stamped earlier than now − this are dropped as 'bad-time' (default 24 h). */
  maxTradeAgeMs?: number;
  /** Wall clock (epoch ms), used for history sampling and the trade-time window. */
  now?: () => number;
  calendar?: MarketCalendar;
}

/**
 * Told of every accepted trade of the observed symbols, after the store applied it (price alerts).
 * `prevClose` is null while the symbol's previous close is unknown.
 */
export type TradeObserver = (symbol: string, price: number, time: number, prevClose: number | null) => void;

export type TradeDropReason = 'unknown-symbol' | 'bad-price' | 'bad-volume' | 'bad-time' | 'stale-day';

export interface TickStoreStats {
  accepted: number;
  dropped: number;
  droppedByReason: Record<TradeDropReason, number>;
}

/** What changed since the previous `takeChanged()`. */
export interface ChangedQuotes {
  /** Fresh updates of the symbols that changed, in watch-list order (history only when it grew). */
  quotes: QuoteUpdate[];
  /** Symbols removed from the watch list (reported once). */
  removed: string[];
}

/**
 * Mutable per-symbol state; never leaves the store (snapshots are copies). The fields every trade
 * writes are plain numbers with NaN for "none yet" (see `orNull`), never null: V8 then keeps them as
 * doubles in place instead of boxing a new number on each write.
 */
interface SymbolEntry {
  readonly symbol: string;
  readonly market: Market;
  /** NaN: none yet. */
  price: number;
  /** The last price of a regular session of `dayKey` (the close, once that session ended); NaN: none. */
  regularPrice: number;
  /** Epoch ms of the trade or quote that set `price`; NaN: none yet. */
  time: number;
  prevClose: number | null;
  /** Day key for which prevClose is the official value (from REST); null while provisional/unknown. */
  prevCloseDay: string | null;
  dayKey: string | null;
  /** NaN: none yet today (also dayHigh, dayLow). */
  dayOpen: number;
  dayHigh: number;
  dayLow: number;
  volume: number;
  readonly history: RingBuffer;
  /** Wall-clock ms of the newest history point's slot start. */
  historySampledAt: number;
  /** A history point was added (or the history reset) since the last take. */
  historyGrew: boolean;
  changed: boolean;
  /** The trade observer wants this symbol's trades (it has alert rules): a flag, not a lookup per trade. */
  observed: boolean;
  /**
   * The market's session span around the last priced trade, as [sessionStart, sessionEnd) and
   * whether it is a regular session: trades inside it need not ask the calendar again.
   */
  sessionStart: number;
  sessionEnd: number;
  regularSession: boolean;
}

/**
 * Per-symbol market state for the watched list. Memory depends on the number of symbols only:
 * trades update fixed fields and a bounded history ring, nothing per trade is kept. `applyTrade`
 * allocates nothing on its common path.
 */
export class TickStore implements TradeSink {
  /** Emitted when the store goes from "nothing to publish" to "something changed" (once per take). */
  readonly changed = new Signal<void>();
  /**
   * Symbols that need an official previous close: newly watched symbols, and symbols whose trading
   * day rolled over. Feed these to the PrevCloseLoader.
   */
  readonly needsPrevClose = new Signal<readonly string[]>();

  private readonly entries = new Map<string, SymbolEntry>();
  /** Bumped whenever an entry is added or removed: sources' slots from before are stale. */
  private slotGeneration = 0;
  private order: string[] = [];
  private readonly removedSinceTake = new Set<string>();
  private pending = false;
  private readonly historyCapacity: number;
  private readonly historyIntervalMs: number;
  private readonly maxFutureSkewMs: number;
  private readonly maxTradeAgeMs: number;
  private readonly now: () => number;
  private readonly calendar: MarketCalendar;
  private accepted = 0;
  private observer: TradeObserver | null = null;
  private observedSymbols: ReadonlySet<string> = new Set();
  private readonly droppedByReason: Record<TradeDropReason, number> = {
    'unknown-symbol': 0,
    'bad-price': 0,
    'bad-volume': 0,
    'bad-time': 0,
    'stale-day': 0,
  };

  constructor(options: TickStoreOptions = {}) {
    this.historyCapacity = positiveInteger(options.historyCapacity, DEFAULT_HISTORY_CAPACITY);
    this.historyIntervalMs = nonNegative(options.historyIntervalMs, DEFAULT_HISTORY_INTERVAL_MS);
    this.maxFutureSkewMs = nonNegative(options.maxFutureSkewMs, DEFAULT_MAX_FUTURE_SKEW_MS);
    this.maxTradeAgeMs = nonNegative(options.maxTradeAgeMs, DEFAULT_MAX_TRADE_AGE_MS);
    this.now = options.now ?? Date.now;
    this.calendar = options.calendar ?? new MarketCalendar();
  }

  /**
   * Replace the watched list. Keeps the given order, ignores invalid and duplicate symbols, keeps
   * the state of symbols that stay, and remembers removed symbols for the next take.
   */
  setSymbols(symbols: readonly string[]): void {
    const next = uniqueValidSymbols(symbols);
    const seen = new Set(next);
    for (const symbol of this.order) {
      if (!seen.has(symbol)) {
        this.entries.delete(symbol);
        this.slotGeneration += 1;
        this.removedSinceTake.add(symbol);
        this.markPending();
      }
    }
    const added: string[] = [];
    for (const symbol of next) {
      if (this.entries.has(symbol)) continue;
      const entry = this.createEntry(symbol);
      this.entries.set(symbol, entry);
      this.slotGeneration += 1;
      this.removedSinceTake.delete(symbol);
      this.markChanged(entry);
      added.push(symbol);
    }
    this.order = next;
    if (added.length > 0) this.needsPrevClose.emit(added);
  }

  /**
   * Set (or clear, with null) the one observer of accepted trades, and the symbols it is told of.
   * Call it again whenever those symbols change (alert rules added or removed): trades of other
   * symbols skip the observer without a lookup.
   */
  setTradeObserver(observer: TradeObserver | null, symbols: Iterable<string>): void {
    this.observer = observer;
    this.observedSymbols = new Set(observer === null ? [] : symbols);
    for (const entry of this.entries.values()) entry.observed = this.observedSymbols.has(entry.symbol);
  }

  /** The watched symbols, in order. */
  symbols(): string[] {
    return [...this.order];
  }

  has(symbol: string): boolean {
    return this.entries.has(symbol);
  }

  get slotVersion(): number {
    return this.slotGeneration;
  }

  /** The watched symbol's entry as a source's slot (see TradeSink), or null when not watched. */
  slotFor(symbol: string): TradeSlot | null {
    return (this.entries.get(symbol) as unknown as TradeSlot | undefined) ?? null;
  }

  frameTime(): number {
    return this.now();
  }

  /** The hot path: a source's trade for a slot of this store's current `slotVersion`. */
  acceptTrade(slot: TradeSlot, price: number, volume: number, time: number, now: number): boolean {
    return this.applyToEntry(slot as unknown as SymbolEntry, price, volume, time, now);
  }

  /** Apply one trade object (tests, tools). Returns whether it was accepted; rejected trades are counted. */
  applyTrade(trade: Trade): boolean {
    return this.applyTradeAt(trade, this.now());
  }

  /** Apply a frame of trade objects; returns how many were accepted. Reads the clock once per frame. */
  applyTrades(trades: readonly Trade[]): number {
    const now = this.now();
    let accepted = 0;
    for (let i = 0; i < trades.length; i += 1) {
      const trade = trades[i];
      if (trade !== undefined && this.applyTradeAt(trade, now)) accepted += 1;
    }
    return accepted;
  }

  private applyTradeAt(trade: Trade, now: number): boolean {
    const entry = this.entries.get(trade.symbol);
    if (entry === undefined) return this.drop('unknown-symbol');
    return this.applyToEntry(entry, trade.price, trade.volume, trade.time, now);
  }

  private applyToEntry(entry: SymbolEntry, price: number, volume: number, time: number, now: number): boolean {
    // Plain comparisons (NaN and non-numbers fail them): this runs for every trade.
    if (typeof price !== 'number' || !(price >= MIN_PRICE && price <= MAX_PRICE)) return this.drop('bad-price');
    if (typeof volume !== 'number' || !(volume >= 0 && volume <= MAX_TRADE_VOLUME)) return this.drop('bad-volume');
    // Plausible times lie in [now − max age, now + skew]: a far-future stamp would roll the day
    // forward and freeze the symbol, an ancient one would become the price and the previous close.
    if (!(time >= now - this.maxTradeAgeMs && time <= now + this.maxFutureSkewMs)) return this.drop('bad-time');

    const day = this.calendar.tradingDay(entry.market, time);
    if (entry.dayKey !== day) {
      if (entry.dayKey !== null && day < entry.dayKey) return this.drop('stale-day');
      // Only the clock opens a new day: a stamp a little ahead of it, just before midnight, must
      // not roll the symbol into tomorrow (and every real trade after it into 'stale-day').
      if (time > now && day > this.calendar.tradingDay(entry.market, now)) return this.drop('bad-time');
      this.startDay(entry, day);
    }

    entry.volume += volume;
    // Comparisons with NaN ("none yet") are false, so the negated forms take the first price.
    if (!(price <= entry.dayHigh)) entry.dayHigh = price;
    if (!(price >= entry.dayLow)) entry.dayLow = price;
    if (Number.isNaN(entry.dayOpen)) entry.dayOpen = price;
    // An out-of-order trade counts towards the day, but the last price stays the newest one.
    if (!(time < entry.time)) this.setPrice(entry, price, time, now);
    this.markChanged(entry);
    this.accepted += 1;
    if (entry.observed && this.observer !== null) this.observer(entry.symbol, price, time, entry.prevClose);
    return true;
  }

  /**
   * Apply a REST quote: sets the official previous close, fills day high/low/open, and sets the
   * last price when it is newer than the last trade (so the strip shows a price while the market is
   * closed). Returns false for an unknown symbol or a quote without a usable price.
   */
  applyQuote(quote: RestQuote): boolean {
    const entry = this.entries.get(quote.symbol);
    if (entry === undefined || !isPlausiblePrice(quote.current)) return false;
    const now = this.now();
    // A quote's time may be old (the last trade before a weekend) but not ahead of the clock; an
    // unknown or future time counts as now, so it can never move the trading day past today.
    const time =
      Number.isFinite(quote.time) && quote.time > 0 && quote.time <= now + this.maxFutureSkewMs
        ? Math.min(quote.time, now)
        : now;
    const quoteDay = this.calendar.tradingDay(entry.market, time);

    if (entry.dayKey !== null && quoteDay < entry.dayKey) {
      // A quote of an earlier session (e.g. before today's regular session opens): its last price is
      // that session's close, which is today's previous close (unless REST already gave today's).
      if (entry.prevCloseDay === entry.dayKey) return false;
      entry.prevClose = quote.current;
      entry.prevCloseDay = entry.dayKey;
      this.markChanged(entry);
      return true;
    }

    if (entry.dayKey !== quoteDay) {
      // First sight of this day (no trade yet today): the quote's day fields are the day's.
      if (entry.dayKey !== null) entry.prevClose = lastClose(entry);
      entry.dayKey = quoteDay;
      entry.regularPrice = Number.NaN;
      entry.volume = 0;
      entry.dayOpen = isPositive(quote.open) ? quote.open : Number.NaN;
      entry.dayHigh = isPositive(quote.high) ? quote.high : Number.NaN;
      entry.dayLow = isPositive(quote.low) ? quote.low : Number.NaN;
    } else {
      // Same day: the quote saw trades this app may have missed (started mid-session).
      if (Number.isNaN(entry.dayOpen) && isPositive(quote.open)) entry.dayOpen = quote.open;
      if (isPositive(quote.high) && !(quote.high <= entry.dayHigh)) entry.dayHigh = quote.high;
      if (isPositive(quote.low) && !(quote.low >= entry.dayLow)) entry.dayLow = quote.low;
    }
    if (isPositive(quote.prevClose)) {
      entry.prevClose = quote.prevClose;
      entry.prevCloseDay = quoteDay;
    }
    if (!(time <= entry.time)) this.setPrice(entry, quote.current, time, now);
    this.markChanged(entry);
    return true;
  }

  /** A fresh snapshot of one watched symbol, or null when it is not watched. */
  snapshot(symbol: string): SymbolSnapshot | null {
    const entry = this.entries.get(symbol);
    return entry === undefined ? null : toSnapshot(entry);
  }

  /** Fresh snapshots of every watched symbol, in list order. */
  snapshots(): SymbolSnapshot[] {
    const out: SymbolSnapshot[] = [];
    for (const symbol of this.order) {
      const entry = this.entries.get(symbol);
      if (entry !== undefined) out.push(toSnapshot(entry));
    }
    return out;
  }

  /** Whether anything changed (or was removed) since the last take. */
  hasChanges(): boolean {
    return this.pending;
  }

  /** Snapshots of the symbols changed since the last take, and the removed symbols; resets both. */
  takeChanged(): ChangedQuotes {
    const quotes: QuoteUpdate[] = [];
    if (this.pending) {
      for (const symbol of this.order) {
        const entry = this.entries.get(symbol);
        if (entry === undefined || !entry.changed) continue;
        entry.changed = false;
        quotes.push(toUpdate(entry));
      }
    }
    const removed = [...this.removedSinceTake];
    this.removedSinceTake.clear();
    this.pending = false;
    return { quotes, removed };
  }

  /** Watched symbols whose previous close is not yet the official one for their current day. */
  symbolsNeedingPrevClose(): string[] {
    const out: string[] = [];
    for (const symbol of this.order) {
      const entry = this.entries.get(symbol);
      if (entry !== undefined && (entry.prevCloseDay === null || entry.prevCloseDay !== entry.dayKey)) out.push(symbol);
    }
    return out;
  }

  stats(): TickStoreStats {
    const droppedByReason = { ...this.droppedByReason };
    let dropped = 0;
    for (const count of Object.values(droppedByReason)) dropped += count;
    return { accepted: this.accepted, dropped, droppedByReason };
  }

  private createEntry(symbol: string): SymbolEntry {
    return {
      symbol,
      market: this.calendar.marketOf(symbol),
      price: Number.NaN,
      regularPrice: Number.NaN,
      time: Number.NaN,
      prevClose: null,
      prevCloseDay: null,
      dayKey: null,
      dayOpen: Number.NaN,
      dayHigh: Number.NaN,
      dayLow: Number.NaN,
      volume: 0,
      history: new RingBuffer(this.historyCapacity),
      historySampledAt: Number.NEGATIVE_INFINITY,
      historyGrew: false,
      changed: false,
      observed: this.observedSymbols.has(symbol),
      // No span yet (NaN fails every comparison): the first priced trade asks the calendar.
      sessionStart: Number.NaN,
      sessionEnd: Number.NaN,
      regularSession: false,
    };
  }

  /** A trade opened a new trading day for this symbol (rare: once per symbol per day). */
  private startDay(entry: SymbolEntry, day: string): void {
    const rolledOver = entry.dayKey !== null;
    entry.dayKey = day;
    entry.volume = 0;
    entry.dayOpen = Number.NaN;
    entry.dayHigh = Number.NaN;
    entry.dayLow = Number.NaN;
    // The last trading day's regular close (or, if none was seen, its last price) stands in for the
    // previous close until REST answers; after-hours prices are not a close.
    if (rolledOver) entry.prevClose = lastClose(entry);
    entry.regularPrice = Number.NaN;
    if (entry.prevCloseDay !== day) this.needsPrevClose.emit([entry.symbol]);
  }

  private setPrice(entry: SymbolEntry, price: number, time: number, now: number): void {
    entry.price = price;
    entry.time = time;
    if (!(time >= entry.sessionStart && time < entry.sessionEnd)) this.loadSession(entry, time);
    if (entry.regularSession) entry.regularPrice = price;
    if (entry.history.length === 0 || now - entry.historySampledAt >= this.historyIntervalMs) {
      entry.history.push(price);
      entry.historySampledAt = now;
      entry.historyGrew = true;
    } else {
      entry.history.setLast(price);
    }
  }

  /** Remember the session span around `time`, so the calendar is asked once per span rather than per trade. */
  private loadSession(entry: SymbolEntry, time: number): void {
    const span = this.calendar.span(entry.market, time);
    entry.sessionStart = span.start;
    entry.sessionEnd = span.end;
    entry.regularSession = span.session === 'regular';
  }

  private markChanged(entry: SymbolEntry): void {
    entry.changed = true;
    this.markPending();
  }

  private markPending(): void {
    if (this.pending) return;
    this.pending = true;
    this.changed.emit();
  }

  private drop(reason: TradeDropReason): false {
    this.droppedByReason[reason] += 1;
    return false;
  }
}

function toSnapshot(entry: SymbolEntry): SymbolSnapshot {
  const snapshot = quoteFields(entry) as SymbolSnapshot;
  snapshot.history = entry.history.toArray();
  return snapshot;
}

/** A batch entry: the full history only when a point was added since the last take. */
function toUpdate(entry: SymbolEntry): QuoteUpdate {
  const update = quoteFields(entry);
  if (entry.historyGrew) {
    entry.historyGrew = false;
    update.history = entry.history.toArray();
  }
  return update;
}

function quoteFields(entry: SymbolEntry): QuoteUpdate {
  const price = orNull(entry.price);
  const prevClose = entry.prevClose;
  const change = price !== null && prevClose !== null ? price - prevClose : null;
  return {
    symbol: entry.symbol,
    price,
    prevClose,
    change,
    changePct: change !== null && prevClose !== null ? (change / prevClose) * 100 : null,
    dayHigh: orNull(entry.dayHigh),
    dayLow: orNull(entry.dayLow),
    volume: entry.volume,
    time: orNull(entry.time),
  };
}

function lastClose(entry: SymbolEntry): number | null {
  return orNull(entry.regularPrice) ?? orNull(entry.price) ?? entry.prevClose;
}

/** An entry's number field as the outside sees it: NaN ("none yet") becomes null. */
function orNull(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

/** Day fields and previous closes from REST pass the same bounds as trade prices. */
const isPositive = isPlausiblePrice;

function positiveInteger(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}

function nonNegative(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
}
