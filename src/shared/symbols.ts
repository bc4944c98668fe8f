/**
 * Symbol rules shared by every process: what a valid symbol looks like and how people read it.
 */

export const MAX_SYMBOL_LENGTH = 40;

/** What a symbol may hold besides ASCII letters and digits. */
const SYMBOL_PUNCTUATION = ['.', '-', '_', ':', '/', '^', '='] as const;

/** What a symbol may start with: never punctuation a spreadsheet reads as a formula (= + - @) or a path step (.). */
const SYMBOL_FIRST = 'A-Za-z0-9\\^';

/**
 * Letters, digits and SYMBOL_PUNCTUATION, 1 to MAX_SYMBOL_LENGTH characters, starting with a letter,
 * a digit or `^` (an index), with at least one letter or digit, and no `/`-separated part that is
 * `.` or `..` (a chart link must never step up a path). One regex, so the settings schema uses it too.
 */
export const SYMBOL_PATTERN = new RegExp(
  `^(?!.*/\\.{1,2}(?:/|$))(?=.*[A-Za-z0-9])[${SYMBOL_FIRST}][A-Za-z0-9${SYMBOL_PUNCTUATION.map(inCharacterClass).join('')}]{0,${MAX_SYMBOL_LENGTH - 1}}$`,
);

/** The rule in words, for messages. */
export const SYMBOL_RULE_TEXT = `letters, digits and ${SYMBOL_PUNCTUATION.join(' ')}, starting with a letter, a digit or ^ (up to ${MAX_SYMBOL_LENGTH} characters)`;

/** A character as a literal member of a regex character class (valid with and without the u flag). */
function inCharacterClass(character: string): string {
  return '-^]\\'.includes(character) ? `\\${character}` : character;
}

/** Finnhub's free plan caps a connection at about 50 subscribed symbols. */
export const DEFAULT_MAX_SYMBOLS = 50;

/**
 * Normalise user input: trim, check, then upper-case. Returns null when it is not a valid symbol.
 * Checking before upper-casing matters: Unicode case mapping turns `ıbm` into `IBM` and `straße`
 * into `STRASSE`, so a check after it would accept what the user never typed.
 */
export function normalizeSymbol(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > MAX_SYMBOL_LENGTH * 2) return null;
  const symbol = input.trim();
  return SYMBOL_PATTERN.test(symbol) ? symbol.toUpperCase() : null;
}

export function isValidSymbol(input: unknown): input is string {
  return typeof input === 'string' && SYMBOL_PATTERN.test(input);
}

/**
 * The valid symbols of a list, each once, in first-seen order: what every consumer of a watch list
 * (connection, store, search results) works with.
 */
export function uniqueValidSymbols(symbols: Iterable<unknown>): string[] {
  const seen = new Set<string>();
  for (const symbol of symbols) {
    if (isValidSymbol(symbol)) seen.add(symbol);
  }
  return [...seen];
}

export type InstrumentKind = 'stock' | 'crypto' | 'forex';

const FOREX_VENUES = new Set(['OANDA', 'FXCM', 'FOREX', 'FXPRO', 'IC MARKETS', 'ICMTRADER', 'OCTAFX', 'PEPPERSTONE']);
const QUOTE_CURRENCIES = [
  'USDT',
  'USDC',
  'BUSD',
  'FDUSD',
  'TUSD',
  'USD',
  'EUR',
  'GBP',
  'BTC',
  'ETH',
  'BNB',
  'JPY',
  'TRY',
  'BRL',
];

/** What kind of instrument a Finnhub symbol names, from its venue prefix. */
export function instrumentKind(symbol: string): InstrumentKind {
  const colon = symbol.indexOf(':');
  if (colon < 0) return 'stock';
  const venue = symbol.slice(0, colon).toUpperCase();
  return FOREX_VENUES.has(venue) ? 'forex' : 'crypto';
}

/**
 * The name people read: `BINANCE:BTCUSDT` → `BTC/USDT`, `OANDA:EUR_USD` → `EUR/USD`, `AAPL` → `AAPL`.
 */
export function displayName(symbol: string): string {
  const pair = pairOf(symbol);
  if (pair !== null) return `${pair.base}/${pair.quote}`;
  const colon = symbol.indexOf(':');
  return colon < 0 ? symbol : symbol.slice(colon + 1);
}

/**
 * The two sides of a venue-prefixed pair (`OANDA:EUR_USD` → EUR and USD, `BINANCE:BTCUSDT` → BTC
 * and USDT), or null for a plain symbol or a pair whose quote side is not recognised.
 */
export function pairOf(symbol: string): { base: string; quote: string } | null {
  const colon = symbol.indexOf(':');
  if (colon < 0) return null;
  const pair = symbol.slice(colon + 1);
  for (const separator of ['_', '-', '/']) {
    const at = pair.indexOf(separator);
    if (at > 0 && at < pair.length - 1) return { base: pair.slice(0, at), quote: pair.slice(at + 1) };
  }
  for (const quote of QUOTE_CURRENCIES) {
    if (pair.length > quote.length && pair.endsWith(quote))
      return { base: pair.slice(0, pair.length - quote.length), quote };
  }
  return null;
}
