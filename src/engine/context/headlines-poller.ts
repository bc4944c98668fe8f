/**
 * Recent headlines for the watched US stocks: each symbol's company news asked for at most every
 * 15 minutes (one call at a time, `background` priority), the newest 3 of the last 24 hours kept
 * per symbol. An article shared by several symbols (the same id) or the same headline from two
 * symbols is shown once; links that are not https are dropped and counted; older headlines age
 * out on their own. Only changes are pushed.
 */
import { Signal } from '../../shared/signal';
import { systemClock, type Clock } from '../../shared/clock';
import { marketOf } from '../../shared/market-calendar/market-of';
import { dayKeyOf, NewYorkClock } from '../../shared/market-calendar/new-york-clock';
import { CONTEXT_LIMITS, type Headline } from '../../shared/symbol-context';
import { instrumentKind } from '../../shared/symbols';
import type { ContextApi } from '../market/finnhub-context-api';
import type { ContextCache } from './context-cache';
import { pieceFailure } from './piece-failure';
import { SerialScheduler } from './serial-scheduler';

/** Remembered keys of headlines already pushed (so each is announced once), bounded. */
const MAX_SEEN_KEYS = 5_000;

export interface HeadlinesOptions {
  api: ContextApi;
  cache: ContextCache;
  clock?: Clock;
  pollMs?: number;
}

/** Headlines only exist for North American companies. */
function hasCompanyNews(symbol: string): boolean {
  return instrumentKind(symbol) === 'stock' && marketOf(symbol) === 'us-equity';
}

/** The same headline from two symbols: compared without case, spacing and trailing punctuation. */
function headlineKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.!?…]+$/, '')
    .trim();
}

function isHttpsUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'https:' && parsed.hostname.length > 0 && parsed.username === '' && parsed.password === ''
    );
  } catch {
    return false;
  }
}

/** Newest first; ties by symbol then id, so the order never depends on arrival. */
function newestFirst(a: Headline, b: Headline): number {
  return (
    b.time - a.time ||
    (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0) ||
    String(a.id).localeCompare(String(b.id))
  );
}

export class HeadlinesPoller {
  /** The headlines to show (deduplicated, newest first), on every change. */
  readonly changed = new Signal<Headline[]>();
  /** Headlines not pushed before, newest first: the first round all at once, then as they come. */
  readonly added = new Signal<Headline[]>();
  /** Items dropped because their link was not https (each article counted once). */
  droppedInsecure = 0;
  /** Polls that failed. */
  failures = 0;
  /** The last failure's note, or null once a poll succeeds. */
  note: string | null = null;

  private readonly api: ContextApi;
  private readonly cache: ContextCache;
  private readonly clock: Clock;
  private readonly pollMs: number;
  private readonly nyClock = new NewYorkClock();
  private readonly scheduler: SerialScheduler;
  private readonly perSymbol = new Map<string, Headline[]>();
  private readonly attempts = new Map<string, number>();
  private readonly insecureIds = new Set<string>();
  private readonly seen = new Set<string>();
  private firstRound = new Set<string>();
  private shown: Headline[] = [];
  private shownKey = '';

  constructor(options: HeadlinesOptions) {
    this.api = options.api;
    this.cache = options.cache;
    this.clock = options.clock ?? systemClock;
    this.pollMs = Math.max(CONTEXT_LIMITS.newsPollMs, options.pollMs ?? CONTEXT_LIMITS.newsPollMs);
    this.scheduler = new SerialScheduler(this.clock, (key) => (key === 'age' ? this.age() : this.poll(key)));
  }

  setSymbols(symbols: readonly string[]): void {
    const wanted = new Set(symbols.filter(hasCompanyNews));
    for (const symbol of [...this.perSymbol.keys()]) {
      if (wanted.has(symbol)) continue;
      this.perSymbol.delete(symbol);
      this.attempts.delete(symbol);
      this.firstRound.delete(symbol);
      this.scheduler.cancel(symbol);
    }
    const now = this.clock.now();
    const starting = this.shown.length === 0 && this.seen.size === 0;
    for (const symbol of wanted) {
      if (this.perSymbol.has(symbol)) continue;
      const cached = this.cache.headlines(symbol);
      this.perSymbol.set(symbol, cached?.value.filter((h) => h.symbol === symbol) ?? []);
      if (starting) this.firstRound.add(symbol);
      const due = cached === null || cached.fetchedAt > now ? now : cached.fetchedAt + this.pollMs;
      this.scheduler.schedule(symbol, due);
    }
    this.update();
  }

  /** What is shown now (deduplicated, newest first). */
  current(): Headline[] {
    return this.shown.map((h) => ({ ...h }));
  }

  stop(): void {
    this.scheduler.stop();
  }

  private async poll(symbol: string): Promise<void> {
    if (!this.perSymbol.has(symbol)) return;
    const now = this.clock.now();
    const from = dayKeyOf(this.nyClock.dayAt(now - CONTEXT_LIMITS.headlineMaxAgeMs));
    const to = dayKeyOf(this.nyClock.dayAt(now));
    let nextInMs = this.pollMs;
    try {
      const items = await this.api.companyNews(symbol, from, to);
      const fresh: Headline[] = [];
      for (const item of items) {
        if (!isHttpsUrl(item.url)) {
          const key = `${symbol}:${String(item.id)}`;
          if (!this.insecureIds.has(key)) {
            if (this.insecureIds.size >= MAX_SEEN_KEYS) this.insecureIds.clear();
            this.insecureIds.add(key);
            this.droppedInsecure += 1;
          }
          continue;
        }
        fresh.push({
          id: item.id,
          symbol,
          headline: item.headline,
          source: item.source,
          url: item.url,
          time: item.time,
        });
      }
      const kept = this.recent(fresh, this.clock.now());
      if (this.perSymbol.has(symbol)) {
        this.perSymbol.set(symbol, kept);
        this.cache.setHeadlines(symbol, kept);
      }
      this.attempts.delete(symbol);
      this.note = null;
    } catch (error) {
      const attempt = (this.attempts.get(symbol) ?? 0) + 1;
      this.attempts.set(symbol, attempt);
      this.failures += 1;
      const failure = pieceFailure(error, attempt);
      this.note = failure.note;
      // Never sooner than the poll interval: a failing symbol costs no more than a working one.
      nextInMs = Math.max(this.pollMs, failure.retryInMs);
    }
    this.firstRound.delete(symbol);
    if (this.perSymbol.has(symbol)) this.scheduler.schedule(symbol, this.clock.now() + nextInMs);
    this.update();
  }

  private async age(): Promise<void> {
    this.update();
  }

  /** The newest few of the last 24 hours, each id once. */
  private recent(items: readonly Headline[], now: number): Headline[] {
    const ids = new Set<string>();
    const out: Headline[] = [];
    for (const item of [...items].sort(newestFirst)) {
      if (now - item.time > CONTEXT_LIMITS.headlineMaxAgeMs || item.time - now > 3600_000) continue;
      if (ids.has(String(item.id))) continue;
      ids.add(String(item.id));
      out.push(item);
      if (out.length >= CONTEXT_LIMITS.headlinesPerSymbol) break;
    }
    return out;
  }

  /** Recompute what is shown; push the change and any new headlines; set the ageing wake-up. */
  private update(): void {
    const now = this.clock.now();
    const ids = new Set<string>();
    const texts = new Set<string>();
    const shown: Headline[] = [];
    const all = [...this.perSymbol.values()].flat().sort(newestFirst);
    let oldest = Number.POSITIVE_INFINITY;
    for (const item of all) {
      if (now - item.time > CONTEXT_LIMITS.headlineMaxAgeMs) continue;
      const id = String(item.id);
      const text = headlineKey(item.headline);
      if (ids.has(id) || texts.has(text)) continue;
      ids.add(id);
      texts.add(text);
      shown.push(item);
      oldest = Math.min(oldest, item.time);
    }
    // The first round is announced once it is complete, so it comes newest first as a whole.
    if (this.firstRound.size === 0) {
      const added: Headline[] = [];
      for (const item of shown) {
        const key = `id:${String(item.id)}`;
        const textKey = `text:${headlineKey(item.headline)}`;
        if (this.seen.has(key) || this.seen.has(textKey)) continue;
        if (this.seen.size >= MAX_SEEN_KEYS) this.seen.clear();
        this.seen.add(key);
        this.seen.add(textKey);
        added.push({ ...item });
      }
      if (added.length > 0) this.added.emit(added);
    }
    const key = shown.map((h) => `${h.symbol}\u0000${String(h.id)}`).join('\u0001');
    this.shown = shown;
    if (key !== this.shownKey) {
      this.shownKey = key;
      this.changed.emit(this.current());
    }
    if (oldest !== Number.POSITIVE_INFINITY)
      this.scheduler.schedule('age', oldest + CONTEXT_LIMITS.headlineMaxAgeMs + 1);
    else this.scheduler.cancel('age');
  }
}
