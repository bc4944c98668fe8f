/**
 * One server-sent-events client of the relay: a fixed list of symbols from the URL, a `quote`
 * event per symbol as soon as its quote is known and always before that symbol's first `trade`
 * event, then `trade` events (a JSON array of Finnhub trade objects), and a comment line now and
 * then so proxies keep the stream open. Trades that arrive before their symbol's quote wait (a
 * bounded number); if no quote can be had, the first trade itself provides it.
 */
import type { ServerResponse } from 'node:http';
import type { RawTrade } from '../feed/protocol';
import { quoteEvent, type QuoteEvent } from '../market/quote-event';
import { RelayClientBase, type RelayClient, type RelayClientOptions } from './relay-client';

export interface RelaySseClientOptions extends RelayClientOptions {
  response: ServerResponse;
  /** Trades held per symbol while its quote is on its way; older ones beyond this are dropped. */
  maxPendingTrades?: number;
}

interface PendingSymbol {
  trades: RawTrade[];
  json: string[];
  /** The quote could not be fetched: the next trade provides it. */
  failed: boolean;
}

const KEEP_ALIVE = ': keep-alive\n\n';

export class RelaySseClient extends RelayClientBase implements RelayClient {
  readonly kind = 'sse' as const;
  /** Trades dropped while waiting for a quote. */
  heldBackDropped = 0;

  private readonly response: ServerResponse;
  private readonly maxPendingTrades: number;
  private readonly pending = new Map<string, PendingSymbol>();
  private closed = false;
  /** Aborted when the client goes: its quote lookups are no longer wanted. */
  private readonly lifetime = new AbortController();

  constructor(options: RelaySseClientOptions) {
    super(options);
    this.response = options.response;
    this.maxPendingTrades = options.maxPendingTrades ?? 1000;
    const gone = (): void => {
      this.closed = true;
      this.lifetime.abort();
      this.host.gone(this);
    };
    this.response.on('close', gone);
    this.response.on('error', gone);
  }

  /** Subscribe the symbols and ask for their quotes; refusals become `symbol-error` events. */
  begin(symbols: readonly string[]): void {
    // Tells EventSource how soon to reconnect if the relay restarts.
    this.write('retry: 3000\n\n');
    for (const symbol of symbols) {
      const error = this.host.subscribe(this, symbol);
      if (error !== null) {
        this.write(`event: symbol-error\ndata: ${JSON.stringify({ symbol, msg: error })}\n\n`);
        continue;
      }
      this.pending.set(symbol, { trades: [], json: [], failed: false });
      void this.host.quote(symbol, this.lifetime.signal).then((quote) => this.quoted(symbol, quote));
    }
  }

  track(symbol: string, subscribed: boolean): void {
    if (subscribed) this.symbols.add(symbol);
    else {
      this.symbols.delete(symbol);
      this.pending.delete(symbol);
    }
  }

  deliver(trades: readonly RawTrade[], json: readonly string[]): void {
    if (this.pending.size === 0) {
      this.writeTrades(json);
      return;
    }
    const ready: string[] = [];
    for (let i = 0; i < trades.length; i += 1) {
      const trade = trades[i] as RawTrade;
      const text = json[i] as string;
      const waiting = this.pending.get(trade.s);
      if (waiting === undefined) {
        ready.push(text);
      } else if (waiting.failed) {
        const quote = this.quoteFromTrade(trade);
        this.pending.delete(trade.s);
        if (quote !== null) this.writeQuote(quote);
        ready.push(text);
      } else {
        if (waiting.trades.length >= this.maxPendingTrades) {
          waiting.trades.shift();
          waiting.json.shift();
          this.heldBackDropped += 1;
        }
        waiting.trades.push(trade);
        waiting.json.push(text);
      }
    }
    if (ready.length > 0) this.writeTrades(ready);
  }

  lose(symbol: string, message: string): void {
    this.track(symbol, false);
    this.write(`event: symbol-error\ndata: ${JSON.stringify({ symbol, msg: message })}\n\n`);
  }

  keepAlive(): void {
    this.write(KEEP_ALIVE);
  }

  close(): void {
    this.closed = true;
    this.lifetime.abort();
    this.response.end();
  }

  terminate(): void {
    this.closed = true;
    this.lifetime.abort();
    this.response.destroy();
  }

  private quoted(symbol: string, quote: QuoteEvent | null): void {
    const waiting = this.pending.get(symbol);
    if (this.closed || waiting === undefined) return;
    if (quote === null) {
      waiting.failed = true;
      const first = waiting.trades[0];
      if (first === undefined) return;
      quote = this.quoteFromTrade(first);
      if (quote === null) return;
    }
    this.pending.delete(symbol);
    this.writeQuote(quote);
    if (waiting.json.length > 0) this.writeTrades(waiting.json);
  }

  private quoteFromTrade(trade: RawTrade): QuoteEvent | null {
    const fields = {
      symbol: trade.s,
      price: numberOr(trade.p),
      change: null,
      changePct: null,
      volume: numberOr(trade.v) ?? 0,
      time: numberOr(trade.t),
    };
    return quoteEvent(fields, this.host.sessionOf(trade.s));
  }

  private writeQuote(quote: QuoteEvent): void {
    this.write(`event: quote\ndata: ${JSON.stringify(quote)}\n\n`);
  }

  private writeTrades(json: readonly string[]): void {
    this.write(`event: trade\ndata: [${json.join(',')}]\n\n`);
  }

  private write(chunk: string): void {
    if (this.closed || this.response.destroyed) return;
    this.response.write(chunk);
    if (this.response.writableLength > this.maxBufferedBytes) {
      this.host.slow(this);
      this.terminate();
      this.host.gone(this);
    }
  }
}

function numberOr(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
