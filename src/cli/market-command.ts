/**
 * `npm run market -- --symbols AAPL,BINANCE:BTCUSDT [--at ISO-TIME]`: each symbol's market, its
 * session and the next session change, one JSON line per symbol. Pure: parsing and answering are
 * separate from the process, so tests run them in-process as well as as a child process.
 */
import { MarketCalendar } from '../shared/market-calendar/market-calendar';
import type { Market } from '../shared/market-calendar/market-of';
import type { Session } from '../shared/market-calendar/market-calendar';
import { normalizeSymbol } from '../shared/symbols';

export const MARKET_USAGE = `Usage: npm run market -- --symbols AAPL,BINANCE:BTCUSDT,OANDA:EUR_USD [--at 2026-11-27T18:30:00Z]
Prints one JSON line per symbol: its market (us-equity, crypto, forex, unknown), its session
(pre, regular, post, closed) and the next session change ("next": null for markets that never close).
--at is an ISO 8601 time with a zone (Z or ±hh:mm); it defaults to now. Exit codes: 0 done, 2 bad arguments.`;

export interface MarketArgs {
  symbols: string[];
  /** Epoch ms, or null for now. */
  at: number | null;
  help: boolean;
}

export type MarketArgsResult = { ok: true; args: MarketArgs } | { ok: false; reason: string };

/** A full date and time with seconds optional and an explicit zone, so the instant is never a guess. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Epoch ms of an ISO 8601 instant, or null when it is malformed or not a real date. */
export function parseInstant(raw: string): number | null {
  if (!ISO_INSTANT.test(raw)) return null;
  const time = Date.parse(raw);
  if (!Number.isFinite(time)) return null;
  // Date.parse rolls 2026-02-30 over to March; a date that does not exist is a typo.
  const [year, month, day] = raw.slice(0, 10).split('-').map(Number) as [number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? time : null;
}

export function parseMarketArgs(argv: readonly string[]): MarketArgsResult {
  const values = new Map<string, string>();
  let help = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name !== '--symbols' && name !== '--at') return { ok: false, reason: `unknown argument "${arg}" (see --help)` };
    const value = eq > 0 ? arg.slice(eq + 1) : argv[(i += 1)];
    if (value === undefined || (eq < 0 && value.startsWith('--')))
      return { ok: false, reason: `${name} needs a value` };
    if (values.has(name)) return { ok: false, reason: `${name} given twice` };
    values.set(name, value);
  }
  if (help) return { ok: true, args: { symbols: [], at: null, help } };

  const rawSymbols = values.get('--symbols');
  if (rawSymbols === undefined)
    return { ok: false, reason: '--symbols is required, e.g. --symbols AAPL,BINANCE:BTCUSDT' };
  const symbols: string[] = [];
  for (const part of rawSymbols.split(',')) {
    if (part.trim() === '') continue;
    const symbol = normalizeSymbol(part);
    if (!symbol) return { ok: false, reason: `invalid symbol "${part.trim().slice(0, 80)}" in --symbols` };
    if (!symbols.includes(symbol)) symbols.push(symbol);
  }
  if (symbols.length === 0) return { ok: false, reason: '--symbols is empty' };

  let at: number | null = null;
  const rawAt = values.get('--at');
  if (rawAt !== undefined) {
    at = parseInstant(rawAt);
    if (at === null)
      return {
        ok: false,
        reason: `--at must be an ISO 8601 time with a zone, e.g. 2026-11-27T18:30:00Z; got "${rawAt.slice(0, 80)}"`,
      };
  }
  return { ok: true, args: { symbols, at, help } };
}

export interface MarketLine {
  symbol: string;
  market: Market;
  session: Session;
  next: { session: Session; at: string } | null;
}

/** The answer for each symbol at `at` (epoch ms), in the order given. */
export function marketLines(symbols: readonly string[], at: number, calendar = new MarketCalendar()): MarketLine[] {
  return symbols.map((symbol) => {
    const span = calendar.sessionAt(symbol, at);
    return {
      symbol,
      market: span.market,
      session: span.session,
      next: span.next === null ? null : { session: span.next.session, at: new Date(span.next.at).toISOString() },
    };
  });
}
