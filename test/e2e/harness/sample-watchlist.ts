/** Sample watch list: last prices and previous closes (up and down moves), as Finnhub quotes them. */
export type SamplePrices = Record<string, { price: number; prevClose: number }>;

export const PRICES: SamplePrices = {
  AAPL: { price: 189.41, prevClose: 187.2 },
  MSFT: { price: 415.1, prevClose: 417.9 },
  NVDA: { price: 131.2, prevClose: 128.05 },
  TSLA: { price: 251.44, prevClose: 255.1 },
  'BINANCE:BTCUSDT': { price: 97123.45, prevClose: 95500 },
  'BINANCE:ETHUSDT': { price: 3456.78, prevClose: 3501.2 },
  'OANDA:EUR_USD': { price: 1.08421, prevClose: 1.0831 },
  'OANDA:USD_JPY': { price: 151.234, prevClose: 151.52 },
  'BINANCE:DOGEUSDT': { price: 0.08123, prevClose: 0.0801 },
};
export const SYMBOLS = Object.keys(PRICES);
