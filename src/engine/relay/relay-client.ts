/**
 * What the relay server needs of a connected client, websocket or server-sent events alike, and
 * what a client may ask of the server.
 */
import type { Session } from '../../shared/market-calendar/market-calendar';
import type { RawTrade } from '../feed/protocol';
import type { QuoteEvent } from '../market/quote-event';

type RelayClientKind = 'websocket' | 'sse';

/**
 * Why the server closes a client: the relay stops, its token was replaced, its origin was removed,
 * or it changed its subscriptions more often than RELAY_CHURN_LIMIT allows.
 */
export type RelayCloseReason = 'stopped' | 'token-changed' | 'origin-revoked' | 'churn';

export interface RelayClient {
  readonly id: string;
  readonly kind: RelayClientKind;
  readonly connectedAt: number;
  /** The page's origin for browser clients; null for programs that send none. */
  readonly origin: string | null;
  /** Symbols this client receives. */
  readonly symbols: ReadonlySet<string>;
  /** This frame's trades for this client: the original objects and their JSON, in frame order. */
  deliver(trades: readonly RawTrade[], json: readonly string[]): void;
  /** Called by the server once a subscription is granted or withdrawn. */
  track(symbol: string, subscribed: boolean): void;
  /** A symbol was taken away (Ticker's own symbols needed the room under the cap). */
  lose(symbol: string, message: string): void;
  /** The periodic ping (websocket) or comment line (SSE). */
  keepAlive(): void;
  /** Close from the server side: the relay is stopping, or the token or origin the client used was revoked. */
  close(reason?: RelayCloseReason): void;
}

/** The server's side of the conversation, called by clients. */
export interface RelayClientHost {
  /** Null when the symbol is now this client's, else the error text for the client. */
  subscribe(client: RelayClient, symbol: string): string | null;
  unsubscribe(client: RelayClient, symbol: string): void;
  /** The symbol's quote (see RelayFeed.quote); `signal` aborts when the client no longer wants it. */
  quote(symbol: string, signal?: AbortSignal): Promise<QuoteEvent | null>;
  sessionOf(symbol: string): Session;
  /** The client is gone (closed, dropped or failed); safe to call more than once. */
  gone(client: RelayClient): void;
  /** Counted: bad input (not JSON, unknown type, bad symbol, flood). */
  badInput(client: RelayClient): void;
  /** The client stopped reading and is being dropped. */
  slow(client: RelayClient): void;
}

/** Quote a client-supplied value in an error message without echoing anything long. */
export function previewValue(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 48 ? `${text.slice(0, 48)}…` : text;
}

/** What every kind of client is made with. */
export interface RelayClientOptions {
  id: string;
  host: RelayClientHost;
  origin: string | null;
  maxBufferedBytes: number;
  now: () => number;
}

/** The fields every kind of client keeps, set once from its options. */
export abstract class RelayClientBase {
  readonly id: string;
  readonly origin: string | null;
  readonly connectedAt: number;
  readonly symbols = new Set<string>();
  protected readonly host: RelayClientHost;
  protected readonly maxBufferedBytes: number;
  protected readonly now: () => number;

  protected constructor(options: RelayClientOptions) {
    this.id = options.id;
    this.host = options.host;
    this.origin = options.origin;
    this.maxBufferedBytes = options.maxBufferedBytes;
    this.now = options.now;
    this.connectedAt = options.now();
  }
}
