/** Sample watch list with prices, previous closes and short histories (up and down moves). */
import type { FakeBridgeOptions } from '../../support/fake-bridge';

export const PRICES: NonNullable<FakeBridgeOptions['prices']> = {
  AAPL: { price: 189.41, prevClose: 187.2, history: [187.1, 187.9, 187.5, 188.6, 189.41] },
  MSFT: { price: 415.1, prevClose: 417.9, history: [418.2, 417.4, 416.1, 415.8, 415.1] },
  NVDA: { price: 131.2, prevClose: 128.05, history: [128, 129.4, 130.1, 131.2] },
  TSLA: { price: 251.44, prevClose: 255.1, history: [255, 253.2, 252.4, 251.44] },
  'BINANCE:BTCUSDT': { price: 97123.45, prevClose: 95500, history: [95500, 96210, 96800, 97123.45] },
  'BINANCE:ETHUSDT': { price: 3456.78, prevClose: 3501.2, history: [3501, 3480, 3470, 3456.78] },
  'OANDA:EUR_USD': { price: 1.08421, prevClose: 1.0831, history: [1.0831, 1.0836, 1.08421] },
  'OANDA:USD_JPY': { price: 151.234, prevClose: 151.52, history: [151.52, 151.3, 151.234] },
  'BINANCE:DOGEUSDT': { price: 0.08123, prevClose: 0.0801, history: [0.0801, 0.081, 0.08123] },
};
export const SYMBOLS = Object.keys(PRICES);
