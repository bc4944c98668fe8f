/**
 * The one upstream Finnhub websocket for one API key: connect, subscribe, watch the heartbeat,
 * and reconnect with jittered backoff, never holding more than one socket at a time.
 *
 * Every way a socket can end (error, close, refused handshake, connect timeout, silent watchdog)
 * funnels into `endSocket`, which discards the socket and schedules at most one reconnect.
 */
import WebSocket from 'ws';
import { Signal } from '../../shared/signal';
import { FINNHUB_WS_URL } from '../../shared/finnhub-urls';
import { uniqueValidSymbols } from '../../shared/symbols';
import type { FeedStats, FeedStatus } from '../../shared/types';
import {
  DEFAULT_BACKOFF_BASE_MS,
  DEFAULT_BACKOFF_CAP_MS,
  DEFAULT_RATE_LIMIT_MIN_MS,
  backoffDelay,
  parseRetryAfter,
  rateLimitedDelay,
} from './backoff';
import { classifyFinnhubStatus, refusedKeyMessage } from './finnhub-refusal';
import { cleanServerText } from '../../shared/server-text';
import {
  DEFAULT_MAX_FRAME_BYTES,
  createDropCounts,
  parseFrame,
  type DropCounts,
  type RawFrame,
  type RawTrade,
} from './protocol';
import type { TradeSource } from './trade-source';
import type { TradeSink } from './trade-sink';
import { TradeRoutes } from './trade-routes';
import { systemClock, type Clock, type TimerHandle } from '../../shared/clock';
import type { ProxyLookup } from '../net/proxy-lookup';
import { TunnelAgent } from '../net/tunnel-agent';

/** Options ws gets for each socket. */
type SocketOptions = WebSocket.ClientOptions;
export type CreateSocket = (url: string, options: SocketOptions) => WebSocket;

export interface FinnhubConnectionOptions {
  token: string;
  /** Default `wss://ws.finnhub.io`; the token is appended as `token=` (existing query kept). */
  wsUrl?: string;
  symbols?: readonly string[];
  /** Reconnect when no frame of any kind arrived for this long. Default 150 000 (two pings and a bit). */
  heartbeatTimeoutMs?: number;
  /** Give up on a handshake after this long. Default 15 000. */
  connectTimeoutMs?: number;
  /** Reset the backoff attempt counter only after a connection stayed live this long. Default 30 000. */
  healthyAfterMs?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** Minimum wait after a 429 without a Retry-After. Default 30 000. */
  rateLimitMinMs?: number;
  /** Longest Retry-After honoured (a server asking for a day is capped). Default 15 minutes. */
  maxRetryAfterMs?: number;
  /** How long stop()/pause() wait for the close handshake before terminating. Default 2 000. */
  closeGraceMs?: number;
  /** Frames above this size are dropped unread. Default 1 MiB. */
  maxFrameBytes?: number;
  random?: () => number;
  clock?: Clock;
  createSocket?: CreateSocket;
  /** Which proxy each connection goes through (HTTP CONNECT); default: none, always direct. */
  proxyFor?: ProxyLookup;
}

type Phase = 'idle' | 'running' | 'paused' | 'unauthorized' | 'stopped';

/** How a socket ended, decided where the evidence is (HTTP status, error code, close code). */
type SocketEnd =
  | { kind: 'unauthorized'; message: string }
  | { kind: 'rate-limited'; message: string; retryAfterMs: number | null }
  | { kind: 'offline'; message: string }
  | { kind: 'reconnecting'; message: string };

/** Socket-level state; everything here dies with the socket. */
interface LiveSocket {
  ws: WebSocket;
  opened: boolean;
  /** Symbols subscribed on this socket, each with its slot in the sink. */
  subscribed: TradeRoutes;
  lastSeenAt: number;
  connectTimer: TimerHandle | null;
  heartbeatTimer: TimerHandle | null;
  healthyTimer: TimerHandle | null;
  detach: () => void;
}

/** Server error texts change the status at most this often (four a second), whatever they say. */
export const SERVER_ERROR_STATUS_INTERVAL_MS = 250;

const OPEN = 1;
const CLOSED = 3;
const NORMAL_CLOSURE = 1000;
/** Far above any sane frame; a bigger one is a protocol fault (ws closes with 1009, we reconnect). */
const SOCKET_MAX_PAYLOAD = 8 * 1024 * 1024;

const ignoreError = (): void => {};

const defaultCreateSocket: CreateSocket = (url, options) => new WebSocket(url, options);

/** `wss://host/path?x=1` + token → `wss://host/path?x=1&token=<encoded>`. */
export function buildFinnhubUrl(wsUrl: string, token: string): string {
  const url = new URL(wsUrl);
  url.searchParams.set('token', token);
  return url.toString();
}

export class FinnhubConnection implements TradeSource {
  readonly kind = 'finnhub' as const;
  readonly rawTrades = new Signal<readonly RawTrade[]>();
  readonly status = new Signal<FeedStatus>();

  private token: string;
  private readonly wsUrl: string;
  private readonly heartbeatTimeoutMs: number;
  private readonly connectTimeoutMs: number;
  private readonly healthyAfterMs: number;
  private readonly backoffBaseMs: number;
  private readonly backoffCapMs: number;
  private readonly rateLimitMinMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly closeGraceMs: number;
  private readonly maxFrameBytes: number;
  private readonly random: () => number;
  private readonly clock: Clock;
  private readonly createSocket: CreateSocket;
  private readonly proxyFor: ProxyLookup | null;
  /** The agent that asks proxyFor where to connect (made at the first connect; it keeps no sockets). */
  private agent: TunnelAgent | null = null;

  private sink: TradeSink | null = null;
  private phase: Phase = 'idle';
  private symbols: string[] = [];
  private socket: LiveSocket | null = null;
  private retryTimer: TimerHandle | null = null;
  /** Consecutive failed attempts since the last healthy connection (1-based once failing). */
  private attempt = 0;
  private current: FeedStatus;
  /** Sockets closing cleanly (pause/stop); a new socket waits for them to be gone. */
  private readonly closing = new Set<Promise<void>>();
  private waitingForClose = false;

  private connectionsOpened = 0;
  private connectAttempts = 0;
  private tradesAccepted = 0;
  private readonly drops: DropCounts = createDropCounts();
  private lastMessageAt: number | null = null;
  private lastServerError: string | null = null;
  private serverErrors = 0;
  /** Server error texts reach the status at most every SERVER_ERROR_STATUS_INTERVAL_MS; the latest wins. */
  private lastErrorShownAt = Number.NEGATIVE_INFINITY;
  private pendingError: string | null = null;
  private errorTimer: TimerHandle | null = null;

  constructor(options: FinnhubConnectionOptions) {
    this.token = options.token;
    this.wsUrl = options.wsUrl ?? FINNHUB_WS_URL;
    this.heartbeatTimeoutMs = positive(options.heartbeatTimeoutMs, 150_000);
    this.connectTimeoutMs = positive(options.connectTimeoutMs, 15_000);
    this.healthyAfterMs = positive(options.healthyAfterMs, 30_000);
    this.backoffBaseMs = positive(options.backoffBaseMs, DEFAULT_BACKOFF_BASE_MS);
    this.backoffCapMs = positive(options.backoffCapMs, DEFAULT_BACKOFF_CAP_MS);
    this.rateLimitMinMs = positive(options.rateLimitMinMs, DEFAULT_RATE_LIMIT_MIN_MS);
    this.maxRetryAfterMs = positive(options.maxRetryAfterMs, 15 * 60_000);
    this.closeGraceMs = positive(options.closeGraceMs, 2_000);
    this.maxFrameBytes = positive(options.maxFrameBytes, DEFAULT_MAX_FRAME_BYTES);
    this.random = options.random ?? Math.random;
    this.clock = options.clock ?? systemClock;
    this.createSocket = options.createSocket ?? defaultCreateSocket;
    this.proxyFor = options.proxyFor ?? null;
    this.symbols = uniqueValidSymbols(options.symbols ?? []);
    this.current = { state: 'stopped', since: this.clock.now() };
  }

  currentStatus(): FeedStatus {
    return { ...this.current };
  }

  stats(): FeedStats {
    let dropped = 0;
    const droppedByReason: Record<string, number> = {};
    for (const [reason, count] of Object.entries(this.drops)) {
      droppedByReason[reason] = count;
      dropped += count;
    }
    return {
      connections: this.connectionsOpened,
      reconnects: Math.max(0, this.connectAttempts - 1),
      trades: this.tradesAccepted,
      dropped,
      droppedByReason,
      lastMessageAt: this.lastMessageAt,
      lastServerError: this.lastServerError,
      serverErrors: this.serverErrors,
    };
  }

  /** The symbols this connection wants (cleaned: valid, deduplicated, in order). */
  watchedSymbols(): string[] {
    return [...this.symbols];
  }

  setSink(sink: TradeSink | null): void {
    this.sink = sink;
    this.socket?.subscribed.setSink(sink);
  }

  start(): void {
    if (this.phase !== 'idle') return;
    this.phase = 'running';
    this.connect();
  }

  setSymbols(symbols: readonly string[]): void {
    this.symbols = uniqueValidSymbols(symbols);
    const socket = this.socket;
    if (socket === null || !socket.opened || socket.ws.readyState !== OPEN) return; // applied on next open
    const wanted = new Set(this.symbols);
    for (const symbol of socket.subscribed.symbols()) {
      if (wanted.has(symbol)) continue;
      socket.subscribed.delete(symbol);
      socket.ws.send(JSON.stringify({ type: 'unsubscribe', symbol }));
    }
    for (const symbol of this.symbols) {
      if (socket.subscribed.has(symbol)) continue;
      socket.subscribed.add(symbol);
      socket.ws.send(JSON.stringify({ type: 'subscribe', symbol }));
    }
  }

  /** Use a new API key: reconnects once (also out of `unauthorized`). Ignored once stopped. */
  setToken(token: string): void {
    if (this.phase === 'stopped') return;
    const changed = token !== this.token;
    this.token = token;
    if (this.phase === 'unauthorized') {
      this.phase = 'running';
      this.attempt = 0;
      this.connect();
      return;
    }
    if (this.phase !== 'running' || !changed) return;
    this.attempt = 0;
    this.discardSocket();
    this.clearRetryTimer();
    this.connect();
  }

  pause(): void {
    if (this.phase === 'stopped' || this.phase === 'paused') return;
    this.phase = 'paused';
    this.clearRetryTimer();
    this.closeSocketCleanly();
    this.setStatus({ state: 'paused' });
  }

  resume(): void {
    if (this.phase !== 'paused') return;
    this.phase = 'running';
    this.attempt = 0;
    this.connect();
  }

  reconnectNow(): void {
    if (this.phase !== 'running' || this.retryTimer === null) return;
    this.clearRetryTimer();
    this.connect();
  }

  async stop(): Promise<void> {
    if (this.phase !== 'stopped') {
      this.phase = 'stopped';
      this.clearRetryTimer();
      this.closeSocketCleanly();
      this.setStatus({ state: 'stopped' });
    }
    await Promise.all([...this.closing]);
  }

  // ------------------------------------------------------------------ socket lifecycle

  private connect(): void {
    if (this.phase !== 'running' || this.socket !== null) return;
    if (this.closing.size > 0) {
      // At most one socket at a time: a pause/resume in quick succession waits for the old close.
      if (!this.waitingForClose) {
        this.waitingForClose = true;
        void Promise.all([...this.closing]).then(() => {
          this.waitingForClose = false;
          this.connect();
        });
      }
      return;
    }
    if (this.token.trim().length === 0) {
      this.phase = 'unauthorized';
      this.setStatus({ state: 'unauthorized', message: 'No API key set' });
      return;
    }
    this.connectAttempts++;
    this.setStatus(this.attempt > 0 ? { state: 'connecting', attempt: this.attempt } : { state: 'connecting' });

    let ws: WebSocket;
    try {
      const agent = this.agentFor(this.wsUrl);
      ws = this.createSocket(buildFinnhubUrl(this.wsUrl, this.token), {
        handshakeTimeout: this.connectTimeoutMs,
        perMessageDeflate: false,
        maxPayload: SOCKET_MAX_PAYLOAD,
        ...(agent ? { agent } : {}),
      });
    } catch (error) {
      // A malformed URL or similar: no socket exists, so back off from here.
      this.scheduleRetry({ kind: 'offline', message: `Cannot connect: ${errorMessage(error)}` });
      return;
    }
    ws.on('error', ignoreError); // first, so no error is ever unhandled, even after we let go

    const socket: LiveSocket = {
      ws,
      opened: false,
      subscribed: new TradeRoutes(this.sink),
      lastSeenAt: this.clock.now(),
      connectTimer: null,
      heartbeatTimer: null,
      healthyTimer: null,
      detach: () => {},
    };

    const onError = (error: Error): void => {
      this.endSocket(
        socket,
        socket.opened
          ? { kind: 'reconnecting', message: `Connection error: ${errorMessage(error)}` }
          : { kind: 'offline', message: `Cannot reach Finnhub: ${errorMessage(error)}` },
      );
    };
    const onClose = (code: number, reason: Buffer): void => {
      const cleaned = reason.length > 0 ? cleanServerText(reason.toString('utf8')) : '';
      const text = cleaned.length > 0 ? `: ${cleaned}` : '';
      this.endSocket(
        socket,
        socket.opened
          ? { kind: 'reconnecting', message: `Connection closed (${code}${text})` }
          : { kind: 'offline', message: `Connection closed before it opened (${code}${text})` },
      );
    };
    const onUnexpectedResponse = (
      _request: unknown,
      response: { statusCode?: number; headers: Record<string, string | string[] | undefined> },
    ): void => {
      const status = response.statusCode ?? 0;
      const retryAfterMs = parseRetryAfter(response.headers['retry-after'], this.clock.now());
      // endSocket terminates the socket, which aborts the request and frees its connection.
      this.endSocket(socket, classifyRefusal(status, retryAfterMs));
    };
    const onOpen = (): void => this.onOpen(socket);
    const onMessage = (data: RawFrame, isBinary: boolean): void => this.onMessage(socket, data, isBinary);
    const onSignOfLife = (): void => {
      socket.lastSeenAt = this.clock.now();
    };

    ws.on('error', onError);
    ws.on('close', onClose);
    ws.on('unexpected-response', onUnexpectedResponse);
    ws.on('open', onOpen);
    ws.on('message', onMessage);
    ws.on('ping', onSignOfLife);
    ws.on('pong', onSignOfLife);
    socket.detach = () => {
      ws.off('error', onError);
      ws.off('close', onClose);
      ws.off('unexpected-response', onUnexpectedResponse);
      ws.off('open', onOpen);
      ws.off('message', onMessage);
      ws.off('ping', onSignOfLife);
      ws.off('pong', onSignOfLife);
    };
    socket.connectTimer = this.clock.setTimeout(() => {
      socket.connectTimer = null;
      this.endSocket(socket, { kind: 'offline', message: `Connection timed out after ${this.connectTimeoutMs} ms` });
    }, this.connectTimeoutMs);
    this.socket = socket;
  }

  private agentFor(wsUrl: string): TunnelAgent | null {
    if (this.proxyFor === null) return null;
    this.agent ??= new TunnelAgent({ protocol: new URL(wsUrl).protocol, proxyFor: this.proxyFor });
    return this.agent;
  }

  private onOpen(socket: LiveSocket): void {
    if (socket !== this.socket) return;
    socket.opened = true;
    this.clearTimer(socket.connectTimer);
    socket.connectTimer = null;
    this.connectionsOpened++;
    socket.lastSeenAt = this.clock.now();
    this.setStatus({ state: 'live' });
    for (const symbol of this.symbols) {
      socket.subscribed.add(symbol);
      socket.ws.send(JSON.stringify({ type: 'subscribe', symbol }));
    }
    this.armWatchdog(socket, this.heartbeatTimeoutMs);
    socket.healthyTimer = this.clock.setTimeout(() => {
      socket.healthyTimer = null;
      if (socket === this.socket) this.attempt = 0;
    }, this.healthyAfterMs);
  }

  private onMessage(socket: LiveSocket, data: RawFrame, isBinary: boolean): void {
    if (socket !== this.socket) return;
    const at = this.clock.now();
    socket.lastSeenAt = at;
    this.lastMessageAt = at;
    const raw: RawTrade[] | undefined = this.rawTrades.size > 0 ? [] : undefined;
    const frame = parseFrame(data, isBinary, {
      subscribed: socket.subscribed.forFrame(),
      sink: socket.subscribed.currentSink(),
      drops: this.drops,
      maxFrameBytes: this.maxFrameBytes,
      raw,
    });
    if (frame.kind === 'trades') {
      if (frame.accepted === 0) return;
      this.tradesAccepted += frame.accepted;
      if (raw !== undefined) this.rawTrades.emit(raw);
    } else if (frame.kind === 'error') {
      this.lastServerError = frame.message;
      this.serverErrors += 1;
      this.showServerError(frame.message);
    }
  }

  /**
   * A server error text becomes the status message, but a flood of them (whatever their text)
   * gives at most one status every SERVER_ERROR_STATUS_INTERVAL_MS: the latest text wins, and
   * `serverErrors` keeps the count. A server repeating itself is not news at all.
   */
  private showServerError(message: string): void {
    if (this.errorTimer !== null) {
      this.pendingError = message;
      return;
    }
    const now = this.clock.now();
    const wait = this.lastErrorShownAt + SERVER_ERROR_STATUS_INTERVAL_MS - now;
    if (wait <= 0) {
      this.applyServerError(message, now);
      return;
    }
    this.pendingError = message;
    this.errorTimer = this.clock.setTimeout(() => {
      this.errorTimer = null;
      const pending = this.pendingError;
      this.pendingError = null;
      if (pending !== null) this.applyServerError(pending, this.clock.now());
    }, wait);
  }

  private applyServerError(message: string, now: number): void {
    if (this.current.message === message) return;
    this.lastErrorShownAt = now;
    this.current = { ...this.current, message };
    this.status.emit({ ...this.current });
  }

  private dropPendingError(): void {
    this.pendingError = null;
    this.clearTimer(this.errorTimer);
    this.errorTimer = null;
  }

  /** Check for silence without touching a timer per frame: re-arm for the time still left. */
  private armWatchdog(socket: LiveSocket, delayMs: number): void {
    socket.heartbeatTimer = this.clock.setTimeout(() => {
      socket.heartbeatTimer = null;
      if (socket !== this.socket) return;
      const silentFor = this.clock.now() - socket.lastSeenAt;
      if (silentFor >= this.heartbeatTimeoutMs) {
        this.endSocket(socket, {
          kind: 'reconnecting',
          message: `No data from Finnhub for ${Math.round(silentFor / 1000)} s`,
        });
      } else {
        this.armWatchdog(socket, this.heartbeatTimeoutMs - silentFor);
      }
    }, delayMs);
  }

  /** The single place a socket's end is handled; later events from the same socket are ignored. */
  private endSocket(socket: LiveSocket, end: SocketEnd): void {
    if (socket !== this.socket) return;
    this.discardSocket();
    this.scheduleRetry(end);
  }

  /** The single place a reconnect is scheduled. */
  private scheduleRetry(end: SocketEnd): void {
    if (this.phase !== 'running') return;
    this.clearRetryTimer();
    if (end.kind === 'unauthorized') {
      this.phase = 'unauthorized';
      this.setStatus({ state: 'unauthorized', message: end.message });
      return;
    }
    this.attempt++;
    const backoff = { baseMs: this.backoffBaseMs, capMs: this.backoffCapMs, random: this.random };
    const retryInMs =
      end.kind === 'rate-limited'
        ? rateLimitedDelay(this.attempt, end.retryAfterMs, {
            ...backoff,
            rateLimitMinMs: this.rateLimitMinMs,
            maxRetryAfterMs: this.maxRetryAfterMs,
          })
        : backoffDelay(this.attempt, backoff);
    this.setStatus({ state: end.kind, attempt: this.attempt, retryInMs, message: end.message });
    this.retryTimer = this.clock.setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, retryInMs);
  }

  /** Drop the current socket at once: listeners off, timers cleared, terminated. */
  private discardSocket(): void {
    const socket = this.socket;
    if (socket === null) return;
    this.socket = null;
    this.releaseSocket(socket);
    if (socket.ws.readyState !== CLOSED) socket.ws.terminate();
  }

  /** Close the current socket with 1000 and track it until it is gone (terminate after a grace). */
  private closeSocketCleanly(): void {
    const socket = this.socket;
    if (socket === null) return;
    this.socket = null;
    this.releaseSocket(socket);
    const ws = socket.ws;
    if (ws.readyState === CLOSED) return;
    if (ws.readyState !== OPEN) {
      ws.terminate(); // still handshaking: nothing to close cleanly
      return;
    }
    const closed = new Promise<void>((resolve) => {
      const finish = (): void => {
        this.clock.clearTimeout(grace);
        ws.off('close', finish);
        this.closing.delete(closed);
        resolve();
      };
      const grace = this.clock.setTimeout(() => {
        ws.terminate();
        finish();
      }, this.closeGraceMs);
      ws.on('close', finish);
    });
    this.closing.add(closed);
    ws.close(NORMAL_CLOSURE, 'client closing');
  }

  private releaseSocket(socket: LiveSocket): void {
    socket.detach();
    this.clearTimer(socket.connectTimer);
    this.clearTimer(socket.heartbeatTimer);
    this.clearTimer(socket.healthyTimer);
    socket.connectTimer = socket.heartbeatTimer = socket.healthyTimer = null;
  }

  private clearRetryTimer(): void {
    this.clearTimer(this.retryTimer);
    this.retryTimer = null;
  }

  private clearTimer(timer: TimerHandle | null): void {
    if (timer !== null) this.clock.clearTimeout(timer);
  }

  private setStatus(status: Omit<FeedStatus, 'since'>): void {
    // A new state supersedes a server text still waiting to be shown.
    this.dropPendingError();
    this.current = { ...status, since: this.clock.now() };
    this.status.emit({ ...this.current });
  }
}

function classifyRefusal(status: number, retryAfterMs: number | null): SocketEnd {
  switch (classifyFinnhubStatus(status)) {
    case 'unauthorized':
      return { kind: 'unauthorized', message: refusedKeyMessage(status) };
    case 'rate-limited':
      return { kind: 'rate-limited', message: 'Finnhub is rate limiting connections (HTTP 429)', retryAfterMs };
    default:
      return { kind: 'reconnecting', message: `Finnhub refused the connection (HTTP ${status})` };
  }
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
