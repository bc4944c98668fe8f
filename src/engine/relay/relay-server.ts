/**
 * The local relay: one HTTP server on 127.0.0.1 that lets other programs share Ticker's single
 * Finnhub connection, as a websocket speaking Finnhub's own protocol (`/`) and as server-sent
 * events (`/sse`). Every request passes the Host, Origin and token checks and the client limit
 * before anything else happens. Trades are filtered per client as they arrive; a client that
 * stops reading is dropped, never waited for.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { systemClock, type Clock, type TimerHandle } from '../../shared/clock';
import { Signal } from '../../shared/signal';
import {
  DEFAULT_RELAY_MAX_CLIENTS,
  RELAY_CHURN_LIMIT,
  RELAY_CHURN_WINDOW_MS,
  RELAY_MAX_BUFFERED_BYTES,
  RELAY_PING_INTERVAL_MS,
  RELAY_SSE_COMMENT_INTERVAL_MS,
} from '../../shared/relay-rules';
import { isValidSymbol } from '../../shared/symbols';
import type { RelayClientInfo, RelayStats } from '../../shared/types';
import type { RawTrade } from '../feed/protocol';
import type { Eviction } from '../session/subscription-union';
import { checkRelayAccess, relayHostAllowed, relayOriginAllowed, type RelayAccessRules } from './relay-access';
import { previewValue, type RelayClient, type RelayClientHost } from './relay-client';
import type { RelayFeed } from './relay-feed';
import { corsHeaders, listenError, normalizeOrigins, plain, refuseSocket, requestUrl } from './relay-http';
import { RelaySseClient } from './relay-sse-client';
import { RelayWsClient } from './relay-ws-client';

export interface RelayServerOptions {
  feed: RelayFeed;
  /** 0 picks a free port (tests). */
  port: number;
  token: string;
  allowedOrigins?: readonly string[];
  maxClients?: number;
  maxBufferedBytes?: number;
  pingIntervalMs?: number;
  sseCommentIntervalMs?: number;
  /** Messages a websocket client may send per second before it is closed. Default 200. */
  maxMessagesPerSecond?: number;
  /** Time and the keep-alive intervals (default: the system clock). */
  clock?: Pick<Clock, 'now' | 'setInterval' | 'clearInterval'>;
}

/** Far above any subscribe message; a bigger one closes the client (1009). */
const MAX_CLIENT_MESSAGE_BYTES = 4096;
const MAX_SSE_SYMBOLS_TEXT = 4096;

export class RelayServer {
  /** The connected clients changed (joined, left, subscribed, unsubscribed). */
  readonly clientsChanged = new Signal<RelayClientInfo[]>();

  private readonly feed: RelayFeed;
  private readonly requestedPort: number;
  private token: string;
  private allowedOrigins: Set<string>;
  private readonly maxClients: number;
  private readonly maxBufferedBytes: number;
  private readonly pingIntervalMs: number;
  private readonly sseCommentIntervalMs: number;
  private readonly maxMessagesPerSecond: number;
  private readonly clock: Pick<Clock, 'now' | 'setInterval' | 'clearInterval'>;
  private readonly now: () => number;

  private server: Server | null = null;
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_CLIENT_MESSAGE_BYTES,
    perMessageDeflate: false,
    clientTracking: false,
  });
  private boundPort = 0;
  private readonly clients = new Map<string, RelayClient & { terminate(): void }>();
  /** Per client: when its churn window began and the subscription changes in it. */
  private readonly churn = new Map<string, { since: number; changes: number }>();
  /** Symbol → clients receiving it: the per-trade filter. */
  private readonly wanted = new Map<string, Set<RelayClient>>();
  private nextId = 1;
  private pingTimer: TimerHandle | null = null;
  private commentTimer: TimerHandle | null = null;
  private stopTrades: (() => void) | null = null;
  private stopEvictions: (() => void) | null = null;
  private readonly host: RelayClientHost;
  private readonly counters = {
    forwardedTrades: 0,
    badMessages: 0,
    slowDropped: 0,
    churnClosed: 0,
    refused: { host: 0, origin: 0, token: 0, full: 0, other: 0 },
  };

  constructor(options: RelayServerOptions) {
    this.feed = options.feed;
    this.requestedPort = options.port;
    this.token = options.token;
    this.allowedOrigins = normalizeOrigins(options.allowedOrigins ?? []);
    this.maxClients = options.maxClients ?? DEFAULT_RELAY_MAX_CLIENTS;
    this.maxBufferedBytes = options.maxBufferedBytes ?? RELAY_MAX_BUFFERED_BYTES;
    this.pingIntervalMs = options.pingIntervalMs ?? RELAY_PING_INTERVAL_MS;
    this.sseCommentIntervalMs = options.sseCommentIntervalMs ?? RELAY_SSE_COMMENT_INTERVAL_MS;
    this.maxMessagesPerSecond = options.maxMessagesPerSecond ?? 200;
    this.clock = options.clock ?? systemClock;
    this.now = () => this.clock.now();
    this.host = {
      subscribe: (client, symbol) => this.subscribe(client, symbol),
      unsubscribe: (client, symbol) => this.unsubscribe(client, symbol),
      quote: (symbol, signal) => this.feed.quote(symbol, signal),
      sessionOf: (symbol) => this.feed.sessionOf(symbol),
      gone: (client) => this.remove(client),
      badInput: () => {
        this.counters.badMessages += 1;
      },
      slow: () => {
        this.counters.slowDropped += 1;
      },
    };
  }

  /** Start listening on 127.0.0.1. Rejects with a RelayListenError (port in use, not allowed). */
  async listen(): Promise<number> {
    if (this.server !== null) return this.boundPort;
    const server = createServer((request, response) => this.onRequest(request, response));
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) =>
      this.onUpgrade(request, socket, head),
    );
    server.on('clientError', (_error, socket: Duplex) => socket.destroy());
    await new Promise<void>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException): void => {
        server.off('listening', onListening);
        reject(listenError(error, this.requestedPort));
      };
      const onListening = (): void => {
        server.off('error', onError);
        resolve();
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(this.requestedPort, '127.0.0.1');
    });
    server.on('error', () => {});
    this.server = server;
    this.boundPort = (server.address() as AddressInfo).port;
    this.pingTimer = this.clock.setInterval(() => this.keepAlive('websocket'), this.pingIntervalMs);
    this.commentTimer = this.clock.setInterval(() => this.keepAlive('sse'), this.sseCommentIntervalMs);
    this.stopEvictions = this.feed.onEvicted((interests) => this.evict(interests));
    return this.boundPort;
  }

  port(): number {
    return this.boundPort;
  }

  /**
   * A new token: the clients that came in with the old one are closed (a user replaces a token to
   * revoke it), and only the new one opens connections from now on.
   */
  setToken(token: string): void {
    if (token === this.token) return;
    this.token = token;
    for (const client of [...this.clients.values()]) {
      client.close('token-changed');
      this.remove(client);
    }
  }

  /**
   * A new list of allowed browser origins: the streams of a page whose origin is no longer on it
   * are closed at once (a user removes an origin to revoke it).
   */
  setAllowedOrigins(origins: readonly string[]): void {
    this.allowedOrigins = normalizeOrigins(origins);
    const rules = this.rules();
    for (const client of [...this.clients.values()]) {
      if (client.origin === null || relayOriginAllowed(client.origin, rules)) continue;
      client.close('origin-revoked');
      this.remove(client);
    }
  }

  clientList(): RelayClientInfo[] {
    return [...this.clients.values()].map((client) => ({
      id: client.id,
      kind: client.kind,
      origin: client.origin,
      connectedAt: client.connectedAt,
      symbols: [...client.symbols],
    }));
  }

  stats(): RelayStats {
    return {
      clients: this.clients.size,
      forwardedTrades: this.counters.forwardedTrades,
      badMessages: this.counters.badMessages,
      slowDropped: this.counters.slowDropped,
      churnClosed: this.counters.churnClosed,
      refused: { ...this.counters.refused },
    };
  }

  /** Close every client and stop listening. Upstream interests are released. */
  async close(): Promise<void> {
    const server = this.server;
    if (server === null) return;
    this.server = null;
    this.clock.clearInterval(this.pingTimer);
    this.clock.clearInterval(this.commentTimer);
    this.stopEvictions?.();
    this.stopEvictions = null;
    for (const client of [...this.clients.values()]) {
      client.close();
      this.remove(client);
    }
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  // ------------------------------------------------------------------ admission

  private rules(): RelayAccessRules {
    return { port: this.boundPort, token: this.token, allowedOrigins: this.allowedOrigins };
  }

  /** The first reason to turn a request away, or null. */
  private admit(request: IncomingMessage, url: URL): { status: number; message: string } | null {
    const refusal = checkRelayAccess(
      { host: request.headers.host, origin: request.headers.origin, token: url.searchParams.get('token') },
      this.rules(),
    );
    if (refusal !== null) {
      this.counters.refused[refusal.reason] += 1;
      return refusal;
    }
    if (this.clients.size >= this.maxClients) {
      this.counters.refused.full += 1;
      return { status: 503, message: `The relay serves at most ${this.maxClients} clients` };
    }
    return null;
  }

  private onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const url = requestUrl(request);
    if (url === null || url.pathname !== '/') {
      this.counters.refused.other += 1;
      refuseSocket(socket, 404, 'The relay websocket is at /');
      return;
    }
    const refusal = this.admit(request, url);
    if (refusal !== null) {
      refuseSocket(socket, refusal.status, refusal.message);
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws: WebSocket) => {
      if (this.server === null || this.clients.size >= this.maxClients) {
        ws.close(1013, 'Relay unavailable');
        return;
      }
      const client = new RelayWsClient({
        id: `ws-${this.nextId++}`,
        ws,
        host: this.host,
        origin: request.headers.origin ?? null,
        maxBufferedBytes: this.maxBufferedBytes,
        maxMessagesPerSecond: this.maxMessagesPerSecond,
        now: this.now,
      });
      this.add(client);
    });
  }

  private onRequest(request: IncomingMessage, response: ServerResponse): void {
    response.on('error', () => {});
    const url = requestUrl(request);
    const origin = request.headers.origin;
    if (url === null) return plain(response, 400, 'Bad request');
    if (url.pathname === '/sse' && request.method === 'OPTIONS') return this.preflight(request, response);
    if (url.pathname !== '/sse') {
      if (!relayHostAllowed(request.headers.host, this.boundPort)) return plain(response, 403, 'Host not allowed');
      if (url.pathname === '/')
        return plain(response, 426, 'This is the relay websocket: connect with a websocket client, or use /sse');
      return plain(response, 404, 'Not found: the relay serves / (websocket) and /sse (server-sent events)');
    }
    if (request.method !== 'GET') return plain(response, 405, 'Use GET for /sse', { Allow: 'GET, OPTIONS' });
    const refusal = this.admit(request, url);
    const cors = origin !== undefined && relayOriginAllowed(origin, this.rules()) ? corsHeaders(origin) : {};
    if (refusal !== null) return plain(response, refusal.status, refusal.message, cors);

    const raw = url.searchParams.get('symbols') ?? '';
    const symbols = [
      ...new Set(
        raw
          .split(',')
          .map((part) => part.trim())
          .filter((part) => part !== ''),
      ),
    ];
    const invalid = symbols.find((symbol) => !isValidSymbol(symbol));
    if (raw.length > MAX_SSE_SYMBOLS_TEXT || symbols.length === 0 || invalid !== undefined) {
      this.counters.badMessages += 1;
      const reason =
        invalid !== undefined ? `Invalid symbol: ${previewValue(invalid)}` : 'Give the symbols as ?symbols=AAPL,MSFT';
      return plain(response, 400, reason, cors);
    }
    if (symbols.length > this.feed.maxSymbols) {
      this.counters.badMessages += 1;
      return plain(response, 400, `Subscribing to too many symbols: at most ${this.feed.maxSymbols}`, cors);
    }

    request.socket.setNoDelay(true);
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
      ...cors,
    });
    const client = new RelaySseClient({
      id: `sse-${this.nextId++}`,
      response,
      host: this.host,
      origin: origin ?? null,
      maxBufferedBytes: this.maxBufferedBytes,
      now: this.now,
    });
    this.add(client);
    client.begin(symbols);
  }

  /** EventSource sends no preflight, but fetch() with custom headers does. */
  private preflight(request: IncomingMessage, response: ServerResponse): void {
    const origin = request.headers.origin;
    if (!relayHostAllowed(request.headers.host, this.boundPort)) return plain(response, 403, 'Host not allowed');
    if (origin === undefined || !relayOriginAllowed(origin, this.rules()))
      return plain(response, 403, 'Origin not allowed');
    response.writeHead(204, {
      ...corsHeaders(origin),
      'Access-Control-Allow-Methods': 'GET',
      'Access-Control-Allow-Headers': 'Last-Event-ID',
      'Access-Control-Max-Age': '600',
    });
    response.end();
  }

  // ------------------------------------------------------------------ clients and trades

  private add(client: RelayClient & { terminate(): void }): void {
    this.clients.set(client.id, client);
    if (this.stopTrades === null) this.stopTrades = this.feed.onTrades((trades) => this.dispatch(trades));
    this.changed();
  }

  private remove(client: RelayClient): void {
    if (this.clients.get(client.id) !== client) return;
    this.clients.delete(client.id);
    this.churn.delete(client.id);
    for (const symbol of client.symbols) this.unlink(client, symbol);
    this.feed.dropOwner(client.id);
    if (this.clients.size === 0 && this.stopTrades !== null) {
      // Without clients the feed need not build Finnhub-shaped trades at all.
      this.stopTrades();
      this.stopTrades = null;
    }
    this.changed();
  }

  /**
   * Count one subscription change of a client; past RELAY_CHURN_LIMIT in RELAY_CHURN_WINDOW_MS it
   * is closed (and false returned), so no client can keep the upstream connection busy.
   */
  private allowChange(client: RelayClient): boolean {
    const now = this.now();
    let window = this.churn.get(client.id);
    if (window === undefined || now - window.since >= RELAY_CHURN_WINDOW_MS) {
      window = { since: now, changes: 0 };
      this.churn.set(client.id, window);
    }
    window.changes += 1;
    if (window.changes <= RELAY_CHURN_LIMIT) return true;
    this.counters.churnClosed += 1;
    client.close('churn');
    this.remove(client);
    return false;
  }

  private subscribe(client: RelayClient, symbol: string): string | null {
    if (!this.clients.has(client.id)) return null;
    if (!this.allowChange(client)) return null;
    const error = this.feed.want(client.id, symbol);
    if (error !== null) return error;
    client.track(symbol, true);
    let owners = this.wanted.get(symbol);
    if (owners === undefined) {
      owners = new Set();
      this.wanted.set(symbol, owners);
    }
    owners.add(client);
    this.changed();
    return null;
  }

  private unsubscribe(client: RelayClient, symbol: string): void {
    if (!this.clients.has(client.id) || !this.allowChange(client)) return;
    client.track(symbol, false);
    this.unlink(client, symbol);
    this.feed.drop(client.id, symbol);
    this.changed();
  }

  private unlink(client: RelayClient, symbol: string): void {
    const owners = this.wanted.get(symbol);
    if (owners === undefined) return;
    owners.delete(client);
    if (owners.size === 0) this.wanted.delete(symbol);
  }

  private evict(interests: readonly Eviction[]): void {
    for (const { owner, symbol, reason } of interests) {
      const client = this.clients.get(owner);
      if (client === undefined) continue;
      this.unlink(client, symbol);
      const why =
        reason === 'share'
          ? 'to give another client its fair share of the relay'
          : "to make room for Ticker's own symbols";
      client.lose(
        symbol,
        `Subscribing to too many symbols: ${symbol} was unsubscribed ${why} (the plan allows ${this.feed.maxSymbols})`,
      );
    }
    if (interests.length > 0) this.changed();
  }

  /** Per frame: serialise each wanted trade once, hand every client its own in frame order. */
  private dispatch(trades: readonly RawTrade[]): void {
    let perClient: Map<RelayClient, number[]> | null = null;
    const json: string[] = [];
    for (let i = 0; i < trades.length; i += 1) {
      const owners = this.wanted.get((trades[i] as RawTrade).s);
      if (owners === undefined) continue;
      json[i] = JSON.stringify(trades[i]);
      perClient ??= new Map();
      for (const client of owners) {
        const list = perClient.get(client);
        if (list === undefined) perClient.set(client, [i]);
        else list.push(i);
      }
    }
    if (perClient === null) return;
    for (const [client, indexes] of perClient) {
      this.counters.forwardedTrades += indexes.length;
      client.deliver(
        indexes.map((i) => trades[i] as RawTrade),
        indexes.map((i) => json[i] as string),
      );
    }
  }

  private keepAlive(kind: 'websocket' | 'sse'): void {
    for (const client of [...this.clients.values()]) if (client.kind === kind) client.keepAlive();
  }

  private changed(): void {
    if (this.clientsChanged.size > 0) this.clientsChanged.emit(this.clientList());
  }
}
