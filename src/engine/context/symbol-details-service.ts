/**
 * Each watched symbol's details for the card and `feed --details`: the company profile (cached,
 * refreshed weekly), the day's open/high/low/previous close (refreshed every few minutes in the
 * background, sooner when the card opens), the 52-week range (daily) and the next earnings date
 * (from the earnings calendar). One call at a time, every one through the shared limiter at
 * `background` priority. Each piece fails on its own, with a note in its place.
 */
import { Signal } from '../../shared/signal';
import { systemClock, type Clock } from '../../shared/clock';
import { instrumentKind } from '../../shared/symbols';
import {
  CONTEXT_LIMITS,
  emptyDetails,
  type ContextPiece,
  type EarningsDate,
  type SymbolDetails,
} from '../../shared/symbol-context';
import type { ContextApi } from '../market/finnhub-context-api';
import type { ContextCache } from './context-cache';
import { pieceFailure } from './piece-failure';
import { SerialScheduler } from './serial-scheduler';

type FetchedPiece = Extract<ContextPiece, 'profile' | 'quote' | 'metric'>;

export interface SymbolDetailsOptions {
  api: ContextApi;
  cache: ContextCache;
  clock?: Clock;
  /** Background refresh of the day's figures (default 10 min). */
  quoteRefreshMs?: number;
}

/** A card opening asks for fresh figures only if the last are older than this. */
const CARD_QUOTE_FRESH_MS = 60_000;

interface SymbolState {
  details: SymbolDetails;
  /** Pieces tried at least once (or known from the cache). */
  settled: Set<FetchedPiece>;
  attempts: Map<FetchedPiece, number>;
  quoteFetchedAt: number;
  /** What was last emitted, to push only changes. */
  emitted: string | null;
}

function piecesOf(symbol: string): FetchedPiece[] {
  return instrumentKind(symbol) === 'stock' ? ['profile', 'quote', 'metric'] : ['quote'];
}

export class SymbolDetailsService {
  /** A symbol's details, once every piece has been tried, and again on each change. */
  readonly changed = new Signal<SymbolDetails>();

  private readonly api: ContextApi;
  private readonly cache: ContextCache;
  private readonly clock: Clock;
  private readonly quoteRefreshMs: number;
  private readonly symbols = new Map<string, SymbolState>();
  private readonly scheduler: SerialScheduler;
  private earnings = new Map<string, EarningsDate>();
  private earningsSettled = false;
  private earningsNote: string | null = null;

  constructor(options: SymbolDetailsOptions) {
    this.api = options.api;
    this.cache = options.cache;
    this.clock = options.clock ?? systemClock;
    this.quoteRefreshMs = options.quoteRefreshMs ?? CONTEXT_LIMITS.quoteRefreshMs;
    this.scheduler = new SerialScheduler(this.clock, (key) => this.runTask(key));
  }

  /** Watch exactly these symbols (the union of the lists on screen). */
  setSymbols(symbols: readonly string[]): void {
    const wanted = new Set(symbols);
    for (const symbol of [...this.symbols.keys()]) {
      if (wanted.has(symbol)) continue;
      this.symbols.delete(symbol);
      for (const piece of ['profile', 'quote', 'metric'] as const) this.scheduler.cancel(`${piece}:${symbol}`);
    }
    const now = this.clock.now();
    for (const symbol of wanted) {
      if (this.symbols.has(symbol)) continue;
      const state: SymbolState = {
        details: emptyDetails(symbol),
        settled: new Set(),
        attempts: new Map(),
        quoteFetchedAt: Number.NEGATIVE_INFINITY,
        emitted: null,
      };
      this.symbols.set(symbol, state);
      this.applyEarnings(symbol, state);
      const pieces = piecesOf(symbol);
      const profile = this.cache.profile(symbol);
      if (pieces.includes('profile')) {
        if (profile !== null) {
          this.applyProfile(state, profile.value);
          state.settled.add('profile');
        }
        const due = profile === null ? now : profile.fetchedAt + CONTEXT_LIMITS.profileMaxAgeMs;
        this.scheduler.schedule(`profile:${symbol}`, due);
      }
      const range = this.cache.range(symbol);
      if (pieces.includes('metric')) {
        if (range !== null) {
          state.details.week52High = range.value.week52High;
          state.details.week52Low = range.value.week52Low;
          state.settled.add('metric');
        }
        const due = range === null ? now : range.fetchedAt + CONTEXT_LIMITS.metricMaxAgeMs;
        this.scheduler.schedule(`metric:${symbol}`, due);
      }
      this.scheduler.schedule(`quote:${symbol}`, now);
    }
  }

  /** The earnings calendar's latest view: next report per symbol; `note` when it could not be had. */
  setEarnings(next: ReadonlyMap<string, EarningsDate>, note: string | null = null): void {
    this.earnings = new Map(next);
    this.earningsSettled = true;
    this.earningsNote = note;
    for (const [symbol, state] of this.symbols) {
      this.applyEarnings(symbol, state);
      this.maybeEmit(state);
    }
  }

  details(symbol: string): SymbolDetails | null {
    const state = this.symbols.get(symbol);
    return state === undefined ? null : structuredClone(state.details);
  }

  /** The card for `symbol` opened: fetch the day's figures now unless they are fresh. */
  cardOpened(symbol: string): void {
    const state = this.symbols.get(symbol);
    if (state === undefined) return;
    const now = this.clock.now();
    if (now - state.quoteFetchedAt >= CARD_QUOTE_FRESH_MS) this.scheduler.scheduleBy(`quote:${symbol}`, now);
  }

  stop(): void {
    this.scheduler.stop();
    this.symbols.clear();
  }

  private async runTask(key: string): Promise<void> {
    const colon = key.indexOf(':');
    const piece = key.slice(0, colon) as FetchedPiece;
    const symbol = key.slice(colon + 1);
    if (!this.symbols.has(symbol)) return;
    let nextInMs: number;
    let note: string | null = null;
    try {
      if (piece === 'profile') {
        const profile = await this.api.profile(symbol);
        this.cache.setProfile(symbol, profile);
        const state = this.symbols.get(symbol);
        if (state) this.applyProfile(state, profile);
        nextInMs = CONTEXT_LIMITS.profileMaxAgeMs;
      } else if (piece === 'metric') {
        const range = await this.api.weekRange(symbol);
        this.cache.setRange(symbol, range);
        const state = this.symbols.get(symbol);
        if (state) {
          state.details.week52High = range.week52High;
          state.details.week52Low = range.week52Low;
        }
        nextInMs = CONTEXT_LIMITS.metricMaxAgeMs;
      } else {
        const quote = await this.api.dayQuote(symbol);
        const state = this.symbols.get(symbol);
        if (state) {
          const d = state.details;
          d.open = quote.open;
          d.high = quote.high;
          d.low = quote.low;
          d.prevClose = quote.prevClose;
          d.quoteTime = quote.time;
          state.quoteFetchedAt = this.clock.now();
        }
        nextInMs = this.quoteRefreshMs;
      }
      this.symbols.get(symbol)?.attempts.delete(piece);
    } catch (error) {
      const state = this.symbols.get(symbol);
      const attempt = (state?.attempts.get(piece) ?? 0) + 1;
      state?.attempts.set(piece, attempt);
      const failure = pieceFailure(error, attempt);
      note = failure.note;
      nextInMs = failure.retryInMs;
    }
    const state = this.symbols.get(symbol);
    if (state === undefined) return;
    if (note === null) delete state.details.notes[piece];
    else state.details.notes[piece] = note;
    state.settled.add(piece);
    this.scheduler.schedule(key, this.clock.now() + nextInMs);
    this.maybeEmit(state);
  }

  private applyProfile(
    state: SymbolState,
    profile: { name: string | null; exchange: string | null; currency: string | null },
  ): void {
    const d = state.details;
    if (instrumentKind(d.symbol) === 'stock') d.name = profile.name;
    d.exchange = profile.exchange;
    d.currency = profile.currency;
  }

  private applyEarnings(symbol: string, state: SymbolState): void {
    state.details.earnings = this.earnings.get(symbol) ?? null;
    if (this.earningsNote !== null && instrumentKind(symbol) === 'stock')
      state.details.notes.earnings = this.earningsNote;
    else delete state.details.notes.earnings;
  }

  private maybeEmit(state: SymbolState): void {
    const ready =
      piecesOf(state.details.symbol).every((piece) => state.settled.has(piece)) &&
      (this.earningsSettled || instrumentKind(state.details.symbol) !== 'stock');
    if (!ready) return;
    const text = JSON.stringify(state.details);
    if (text === state.emitted) return;
    state.emitted = text;
    this.changed.emit(structuredClone(state.details));
  }
}
