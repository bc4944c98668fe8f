/**
 * The demo feed's stand-in for Finnhub's REST `/quote`: a simulated previous close per symbol, so
 * the demo shows change and change % exactly like the live feed does.
 */
import { TickerError } from '../../shared/ipc-contract';
import type { RestQuote } from '../../shared/types';
import type { QuoteFetcher } from '../market/prev-close-loader';

export interface PreviousCloseSource {
  previousClose(symbol: string): number | null;
}

export function demoQuotes(demo: PreviousCloseSource, now: () => number = Date.now): QuoteFetcher {
  return {
    async quote(symbol: string): Promise<RestQuote> {
      const prevClose = demo.previousClose(symbol);
      if (prevClose === null) throw new TickerError('not-found', `No demo price for ${symbol}`);
      return {
        symbol,
        current: prevClose,
        change: 0,
        changePct: 0,
        high: prevClose,
        low: prevClose,
        open: prevClose,
        prevClose,
        time: now(),
      };
    },
  };
}
