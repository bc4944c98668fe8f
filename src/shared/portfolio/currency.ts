/**
 * Which currency a symbol is quoted in, and which live Finnhub symbols convert it to the base
 * currency. Finnhub's trade feed does not say a symbol's currency, so the rule is the symbol's own
 * shape:
 * - a venue pair (`OANDA:EUR_USD`, `BINANCE:BTCUSDT`, `COINBASE:ETH-EUR`) is quoted in its quote side;
 *   the stablecoins USDT, USDC, BUSD, FDUSD and TUSD count as USD;
 * - a venue pair whose quote side cannot be told has no known currency (reported, never guessed);
 * - a plain symbol (`AAPL`, what Finnhub's free websocket carries) is quoted in USD.
 * Conversions use OANDA's forex pairs in market order (EUR_USD, not USD_EUR), and a crypto quote
 * currency goes through its USDT pair on Binance first (BTC → BINANCE:BTCUSDT → USD → base).
 */
import { pairOf } from '../symbols';

/** Stablecoins treated as the dollar they track. */
const USD_STABLECOINS: ReadonlySet<string> = new Set(['USDT', 'USDC', 'BUSD', 'FDUSD', 'TUSD']);

/** OANDA quotes a pair with the earlier currency of this list first; the rest follow in code order. */
const MARKET_ORDER = ['EUR', 'GBP', 'AUD', 'NZD', 'USD', 'CAD', 'CHF'];

export const DEFAULT_BASE_CURRENCY = 'USD';

let isoCodes: ReadonlySet<string> | null = null;

/** An ISO 4217 code the runtime's Intl knows (`USD`, `EUR`, `JPY`…). */
function isFiatCurrency(code: unknown): code is string {
  if (typeof code !== 'string' || !/^[A-Z]{3}$/.test(code)) return false;
  isoCodes ??= new Set(Intl.supportedValuesOf('currency'));
  return isoCodes.has(code);
}

/** Why `code` cannot be the base currency, or null when it can. */
export function baseCurrencyProblem(code: unknown): string | null {
  return isFiatCurrency(code)
    ? null
    : `the base currency must be a currency code like USD, EUR or GBP, got "${String(code).slice(0, 20)}"`;
}

/** The currency a symbol's prices are in, or null when its shape does not tell. */
export function quoteCurrencyOf(symbol: string): string | null {
  if (!symbol.includes(':')) return DEFAULT_BASE_CURRENCY;
  const pair = pairOf(symbol);
  if (pair === null) return null;
  const quote = pair.quote.toUpperCase();
  if (USD_STABLECOINS.has(quote)) return DEFAULT_BASE_CURRENCY;
  return /^[A-Z0-9]{2,10}$/.test(quote) ? quote : null;
}

/** One step of a conversion: multiply by the symbol's price, or divide by it when `invert`. */
export interface RateLeg {
  symbol: string;
  invert: boolean;
}

/**
 * The live symbols that turn an amount in `from` into one in `to` (a fiat code), in order; an
 * empty list when they are the same currency.
 */
export function rateLegs(from: string, to: string): RateLeg[] {
  if (from === to) return [];
  if (!isFiatCurrency(from))
    return [{ symbol: `BINANCE:${from}USDT`, invert: false }, ...rateLegs(DEFAULT_BASE_CURRENCY, to)];
  return [fiatLeg(from, to)];
}

function fiatLeg(from: string, to: string): RateLeg {
  return comesFirst(from, to)
    ? { symbol: `OANDA:${from}_${to}`, invert: false }
    : { symbol: `OANDA:${to}_${from}`, invert: true };
}

function comesFirst(a: string, b: string): boolean {
  const rankA = rank(a);
  const rankB = rank(b);
  return rankA !== rankB ? rankA < rankB : a < b;
}

/** The majors in market order, then other codes, then JPY (always the quote side: USD_JPY, EUR_JPY). */
function rank(code: string): number {
  const index = MARKET_ORDER.indexOf(code);
  if (index >= 0) return index;
  return code === 'JPY' ? MARKET_ORDER.length + 1 : MARKET_ORDER.length;
}
/** Every rate symbol needed to value these symbols in `base` (what to subscribe). */
export function rateSymbolsFor(symbols: Iterable<string>, base: string): string[] {
  const needed = new Set<string>();
  for (const symbol of symbols) {
    const currency = quoteCurrencyOf(symbol);
    if (currency === null) continue;
    for (const leg of rateLegs(currency, base)) needed.add(leg.symbol);
  }
  return [...needed];
}
