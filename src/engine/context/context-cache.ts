/**
 * The company context Ticker has fetched, kept on disk so a restart costs no calls: profiles (with
 * the time they were fetched; refreshed after a week), 52-week ranges, the earnings calendar and
 * recent headlines. Reads are checked entry by entry (a corrupt entry is dropped and counted, the
 * rest kept); writes are batched so a burst of answers costs one write.
 */
import { systemClock, type Clock } from '../../shared/clock';
import { isValidSymbol } from '../../shared/symbols';
import { EARNINGS_HOURS, type Headline } from '../../shared/symbol-context';
import { parseDayKey } from '../../shared/earnings-marker';
import type { CompanyProfile, EarningsEntry, WeekRange } from '../market/finnhub-context-api';

/** Where the cache lives: the whole object read once and written whole (a JSON file, a test map). */
export interface JsonStore {
  read(): unknown;
  write(value: unknown): void;
}

export interface Fetched<T> {
  value: T;
  /** Epoch ms the value was fetched. */
  fetchedAt: number;
}

export interface CachedEarnings {
  from: string;
  to: string;
  entries: EarningsEntry[];
}

const CONTEXT_CACHE_VERSION = 1;
/** Bounds against a cache grown by hostile or runaway input. */
const MAX_CACHED_CONTEXT_SYMBOLS = 1000;
const DEFAULT_WRITE_DELAY_MS = 2_000;

interface CacheOptions {
  store: JsonStore;
  clock?: Clock;
  writeDelayMs?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const nullableString = (v: unknown): v is string | null => v === null || typeof v === 'string';
const nullableNumber = (v: unknown): v is number | null =>
  v === null || (typeof v === 'number' && Number.isFinite(v) && v > 0);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

function readProfile(v: unknown): CompanyProfile | null {
  if (!isRecord(v)) return null;
  const { name, exchange, currency, industry } = v;
  if (![name, exchange, currency, industry].every(nullableString)) return null;
  return { name, exchange, currency, industry } as CompanyProfile;
}

function readRange(v: unknown): WeekRange | null {
  if (!isRecord(v) || !nullableNumber(v.week52High) || !nullableNumber(v.week52Low)) return null;
  return { week52High: v.week52High, week52Low: v.week52Low };
}

function readEarningsEntry(v: unknown): EarningsEntry | null {
  if (!isRecord(v) || !isValidSymbol(v.symbol) || typeof v.date !== 'string' || parseDayKey(v.date) === null)
    return null;
  const hour = v.hour === null ? null : (EARNINGS_HOURS.find((h) => h === v.hour) ?? undefined);
  if (hour === undefined) return null;
  return { symbol: v.symbol, date: v.date, hour };
}

function readHeadline(v: unknown): Headline | null {
  if (!isRecord(v)) return null;
  const { id, symbol, headline, source, url, time } = v;
  if (typeof id !== 'number' && typeof id !== 'string') return null;
  if (!isValidSymbol(symbol) || typeof headline !== 'string' || typeof source !== 'string') return null;
  if (typeof url !== 'string' || !url.startsWith('https://') || !isTime(time)) return null;
  return { id, symbol, headline, source, url, time };
}

export class ContextCache {
  /** Entries dropped on load because they were malformed. */
  dropped = 0;

  private readonly store: JsonStore;
  private readonly clock: Clock;
  private readonly writeDelayMs: number;
  private readonly profiles = new Map<string, Fetched<CompanyProfile>>();
  private readonly ranges = new Map<string, Fetched<WeekRange>>();
  private readonly news = new Map<string, Fetched<Headline[]>>();
  private earningsEntry: Fetched<CachedEarnings> | null = null;
  private writeTimer: unknown = null;

  constructor(options: CacheOptions) {
    this.store = options.store;
    this.clock = options.clock ?? systemClock;
    this.writeDelayMs = options.writeDelayMs ?? DEFAULT_WRITE_DELAY_MS;
    this.load();
  }

  profile(symbol: string): Fetched<CompanyProfile> | null {
    return this.profiles.get(symbol) ?? null;
  }

  setProfile(symbol: string, value: CompanyProfile, fetchedAt = this.clock.now()): void {
    this.put(this.profiles, symbol, { value, fetchedAt });
  }

  range(symbol: string): Fetched<WeekRange> | null {
    return this.ranges.get(symbol) ?? null;
  }

  setRange(symbol: string, value: WeekRange, fetchedAt = this.clock.now()): void {
    this.put(this.ranges, symbol, { value, fetchedAt });
  }

  headlines(symbol: string): Fetched<Headline[]> | null {
    return this.news.get(symbol) ?? null;
  }

  setHeadlines(symbol: string, value: Headline[], fetchedAt = this.clock.now()): void {
    this.put(this.news, symbol, { value, fetchedAt });
  }

  earnings(): Fetched<CachedEarnings> | null {
    return this.earningsEntry;
  }

  setEarnings(value: CachedEarnings, fetchedAt = this.clock.now()): void {
    this.earningsEntry = { value, fetchedAt };
    this.scheduleWrite();
  }

  /** Write now what is pending (on shutdown). */
  flush(): void {
    if (this.writeTimer === null) return;
    this.clock.clearTimeout(this.writeTimer);
    this.writeTimer = null;
    this.write();
  }

  private put<T>(map: Map<string, Fetched<T>>, symbol: string, entry: Fetched<T>): void {
    map.delete(symbol);
    map.set(symbol, entry);
    // Oldest-written first out.
    while (map.size > MAX_CACHED_CONTEXT_SYMBOLS) map.delete(map.keys().next().value as string);
    this.scheduleWrite();
  }

  private scheduleWrite(): void {
    if (this.writeTimer !== null) return;
    this.writeTimer = this.clock.setTimeout(() => {
      this.writeTimer = null;
      this.write();
    }, this.writeDelayMs);
  }

  private write(): void {
    const section = <T>(map: Map<string, Fetched<T>>) => Object.fromEntries(map);
    try {
      this.store.write({
        version: CONTEXT_CACHE_VERSION,
        profiles: section(this.profiles),
        ranges: section(this.ranges),
        headlines: section(this.news),
        earnings: this.earningsEntry,
      });
    } catch (error) {
      // A cache that cannot be written costs calls after a restart, nothing more.
      console.warn('[context-cache] not saved:', error instanceof Error ? error.message : String(error));
    }
  }

  private load(): void {
    let raw: unknown;
    try {
      raw = this.store.read();
    } catch {
      this.dropped += 1;
      return;
    }
    if (raw === undefined || raw === null) return;
    if (!isRecord(raw) || raw.version !== CONTEXT_CACHE_VERSION) {
      this.dropped += 1;
      return;
    }
    this.loadSection(raw.profiles, this.profiles, readProfile);
    this.loadSection(raw.ranges, this.ranges, readRange);
    this.loadSection(raw.headlines, this.news, (v) => {
      if (!Array.isArray(v)) return null;
      const items = v.map(readHeadline);
      return items.every((h) => h !== null) ? (items as Headline[]) : null;
    });
    const earnings = raw.earnings;
    if (isRecord(earnings) && isTime(earnings.fetchedAt) && isRecord(earnings.value)) {
      const { from, to, entries } = earnings.value;
      if (typeof from === 'string' && typeof to === 'string' && Array.isArray(entries)) {
        const parsed = entries.map(readEarningsEntry).filter((e): e is EarningsEntry => e !== null);
        this.dropped += entries.length - parsed.length;
        this.earningsEntry = { value: { from, to, entries: parsed }, fetchedAt: earnings.fetchedAt };
      } else this.dropped += 1;
    } else if (earnings !== undefined && earnings !== null) this.dropped += 1;
  }

  private loadSection<T>(raw: unknown, into: Map<string, Fetched<T>>, read: (v: unknown) => T | null): void {
    if (!isRecord(raw)) {
      if (raw !== undefined) this.dropped += 1;
      return;
    }
    for (const [symbol, entry] of Object.entries(raw)) {
      if (into.size >= MAX_CACHED_CONTEXT_SYMBOLS) break;
      const value = isRecord(entry) && isTime(entry.fetchedAt) && isValidSymbol(symbol) ? read(entry.value) : null;
      if (value === null) {
        this.dropped += 1;
        continue;
      }
      into.set(symbol, { value, fetchedAt: (entry as { fetchedAt: number }).fetchedAt });
    }
  }
}

/** A store that lives in memory (tests, or when no file can be had). */
export function memoryJsonStore(initial?: unknown): JsonStore & { value: unknown } {
  const store = {
    value: initial === undefined ? undefined : structuredClone(initial),
    read: () => (store.value === undefined ? undefined : structuredClone(store.value)),
    write: (value: unknown) => {
      store.value = structuredClone(value);
    },
  };
  return store;
}
