/**
 * `npm run market -- --symbols AAPL,BINANCE:BTCUSDT [--at ISO-TIME]`: each symbol's market, its
 * session and the next session change, one JSON line per symbol. Pure: parsing and answering are
 * separate from the process, so tests run them in-process as well as as a child process.
 */
import { MarketCalendar } from '../shared/market-calendar/market-calendar';
import type { Market } from '../shared/market-calendar/market-of';
import type { Session } from '../shared/market-calendar/market-calendar';
import {
  OUTPUT_OPTIONS,
  parseSymbolsOption,
  parseOptionsOnly,
  type CommandParse,
  type OptionSpecs,
  type OptionValues,
} from './command-line';
import { localIsoTime } from './output';

export const MARKET_USAGE = `Usage: npm run -s market -- --symbols AAPL,BINANCE:BTCUSDT,OANDA:EUR_USD [--at 2026-11-27T18:30:00Z] [--json]
       npm run -s market -- --help | --version
Prints each symbol's market (us-equity, crypto, forex, unknown), its session (pre, regular, post, closed) and
the next session change (none for markets that never close): NDJSON when stdout is not a terminal or with --json,
aligned lines on a terminal. Times are ISO 8601 with a zone: UTC (Z) in JSON, local time with its offset on a
terminal. --at is an ISO 8601 time with a zone (Z or ±hh:mm); it defaults to now.
Exit codes: 0 done, 2 bad arguments.`;

export interface MarketArgs {
  symbols: string[];
  /** Epoch ms, or null for now. */
  at: number | null;
  /** `--json`: NDJSON even on a terminal. */
  json: boolean;
}

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

const MARKET_OPTIONS = {
  ...OUTPUT_OPTIONS,
  symbols: { type: 'string' },
  at: { type: 'string' },
} as const satisfies OptionSpecs;

export function parseMarketArgs(argv: readonly string[]): CommandParse<MarketArgs> {
  return parseOptionsOnly(argv, MARKET_OPTIONS, checkMarketArgs);
}

function checkMarketArgs(values: OptionValues<typeof MARKET_OPTIONS>): MarketArgs | string {
  const rawSymbols = values.symbols;
  if (rawSymbols === undefined) return '--symbols is required, e.g. --symbols AAPL,BINANCE:BTCUSDT';
  const symbols = parseSymbolsOption(rawSymbols, 80);
  if (typeof symbols === 'string') return symbols;

  let at: number | null = null;
  const rawAt = values.at;
  if (rawAt !== undefined) {
    at = parseInstant(rawAt);
    if (at === null)
      return `--at must be an ISO 8601 time with a zone, e.g. 2026-11-27T18:30:00Z; got "${rawAt.slice(0, 80)}"`;
  }
  return { symbols, at, json: values.json === true };
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

/** The lines for a person at a terminal: columns aligned, the next change in local time with its offset. */
export function marketTerminalLines(
  lines: readonly MarketLine[],
  offsetMinutes?: (epochMs: number) => number,
): string[] {
  const width = (pick: (line: MarketLine) => string): number => Math.max(0, ...lines.map((line) => pick(line).length));
  const symbolWidth = width((line) => line.symbol);
  const marketWidth = width((line) => line.market);
  const sessionWidth = width((line) => line.session);
  return lines.map((line) => {
    const at = line.next === null ? 0 : Date.parse(line.next.at);
    const next =
      line.next === null ? 'never closes' : `next: ${line.next.session} at ${localIsoTime(at, offsetMinutes?.(at))}`;
    return [
      line.symbol.padEnd(symbolWidth),
      line.market.padEnd(marketWidth),
      line.session.padEnd(sessionWidth),
      next,
    ].join('  ');
  });
}
