/**
 * Symbol search while no key is saved (the demo): a short built-in list of popular instruments,
 * so "add symbol" autocomplete still helps a new user.
 */
import type { SymbolMatch } from '../../shared/types';

const POPULAR: readonly SymbolMatch[] = [
  { symbol: 'AAPL', displaySymbol: 'AAPL', description: 'APPLE INC', type: 'Common Stock' },
  { symbol: 'MSFT', displaySymbol: 'MSFT', description: 'MICROSOFT CORP', type: 'Common Stock' },
  { symbol: 'NVDA', displaySymbol: 'NVDA', description: 'NVIDIA CORP', type: 'Common Stock' },
  { symbol: 'AMZN', displaySymbol: 'AMZN', description: 'AMAZON.COM INC', type: 'Common Stock' },
  { symbol: 'GOOGL', displaySymbol: 'GOOGL', description: 'ALPHABET INC-CL A', type: 'Common Stock' },
  { symbol: 'META', displaySymbol: 'META', description: 'META PLATFORMS INC-CLASS A', type: 'Common Stock' },
  { symbol: 'TSLA', displaySymbol: 'TSLA', description: 'TESLA INC', type: 'Common Stock' },
  { symbol: 'AMD', displaySymbol: 'AMD', description: 'ADVANCED MICRO DEVICES', type: 'Common Stock' },
  { symbol: 'NFLX', displaySymbol: 'NFLX', description: 'NETFLIX INC', type: 'Common Stock' },
  { symbol: 'JPM', displaySymbol: 'JPM', description: 'JPMORGAN CHASE & CO', type: 'Common Stock' },
  { symbol: 'SPY', displaySymbol: 'SPY', description: 'SPDR S&P 500 ETF TRUST', type: 'ETP' },
  { symbol: 'QQQ', displaySymbol: 'QQQ', description: 'INVESCO QQQ TRUST SERIES 1', type: 'ETP' },
  { symbol: 'BINANCE:BTCUSDT', displaySymbol: 'BTC/USDT', description: 'Binance BTCUSDT', type: 'Crypto' },
  { symbol: 'BINANCE:ETHUSDT', displaySymbol: 'ETH/USDT', description: 'Binance ETHUSDT', type: 'Crypto' },
  { symbol: 'BINANCE:SOLUSDT', displaySymbol: 'SOL/USDT', description: 'Binance SOLUSDT', type: 'Crypto' },
  { symbol: 'OANDA:EUR_USD', displaySymbol: 'EUR/USD', description: 'Oanda Euro vs US Dollar', type: 'Forex' },
  { symbol: 'OANDA:GBP_USD', displaySymbol: 'GBP/USD', description: 'Oanda British Pound vs US Dollar', type: 'Forex' },
  { symbol: 'OANDA:USD_JPY', displaySymbol: 'USD/JPY', description: 'Oanda US Dollar vs Japanese Yen', type: 'Forex' },
];

export function searchDemoSymbols(query: string, max = 20): SymbolMatch[] {
  const q = query.trim().toUpperCase();
  if (q === '') return [];
  return POPULAR.filter(
    (match) =>
      match.symbol.includes(q) || match.displaySymbol.includes(q) || match.description.toUpperCase().includes(q),
  ).slice(0, max);
}
