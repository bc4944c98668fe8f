/**
 * Which market's hours a Finnhub symbol follows, from its venue prefix (`BINANCE:`, `OANDA:`) or,
 * for a bare ticker, its exchange suffix (`VOD.L`, `SAP.DE`: not a US market).
 */
import { instrumentKind } from '../symbols';

export type Market = 'us-equity' | 'crypto' | 'forex' | 'unknown';

/** Finnhub's crypto venues (its /crypto/exchange list). */
const CRYPTO_VENUES: ReadonlySet<string> = new Set([
  'BINANCE',
  'BINANCEUS',
  'BITFINEX',
  'BITMEX',
  'BITSTAMP',
  'BITTREX',
  'BYBIT',
  'COINBASE',
  'GATEIO',
  'GEMINI',
  'HITBTC',
  'HUOBI',
  'KRAKEN',
  'KUCOIN',
  'OKEX',
  'POLONIEX',
]);

/**
 * Finnhub's suffixes for exchanges outside the US (`.L` London, `.DE` Xetra, `.TO` Toronto …).
 * Share classes of US stocks (`BRK.B`, `BF.A`) use single letters that are not in this list.
 */
const FOREIGN_EXCHANGE_SUFFIXES: ReadonlySet<string> = new Set([
  'AS',
  'AX',
  'BE',
  'BO',
  'BR',
  'CN',
  'CO',
  'DE',
  'DU',
  'F',
  'HE',
  'HK',
  'IR',
  'JK',
  'JO',
  'KL',
  'KS',
  'KQ',
  'L',
  'LS',
  'MC',
  'ME',
  'MI',
  'MU',
  'MX',
  'NE',
  'NS',
  'NZ',
  'OL',
  'PA',
  'SA',
  'SG',
  'SI',
  'SN',
  'SR',
  'SS',
  'ST',
  'SW',
  'SZ',
  'T',
  'TA',
  'TO',
  'TW',
  'TWO',
  'V',
  'VI',
  'WA',
]);

/** The market whose hours `symbol` trades in; `unknown` when its venue has no known schedule. */
export function marketOf(symbol: string): Market {
  const colon = symbol.indexOf(':');
  if (colon >= 0) {
    if (instrumentKind(symbol) === 'forex') return 'forex';
    return CRYPTO_VENUES.has(symbol.slice(0, colon).toUpperCase()) ? 'crypto' : 'unknown';
  }
  const dot = symbol.lastIndexOf('.');
  if (dot > 0 && FOREIGN_EXCHANGE_SUFFIXES.has(symbol.slice(dot + 1).toUpperCase())) return 'unknown';
  return 'us-equity';
}
