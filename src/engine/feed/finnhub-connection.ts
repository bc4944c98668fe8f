/**
 * The one upstream Finnhub websocket for one API key: connect, subscribe, watch the heartbeat,
 * and reconnect with jittered backoff, never holding more than one socket at a time.
 *
 * Every way a socket can end (error, close, refused handshake, connect timeout, silent watchdog)
 * funnels into `endSocket`, which discards the socket and schedules at most one reconnect.
 */
import { Signal } from '../../shared/signal';
import { FINNHUB_WS_URL } from '../../shared/finnhub-urls';
import { uniqueValidSymbols } from '../../shared/symbols';
import type { FeedStats, FeedStatus } from '../../shared/types';
import {
  DEFAULT_BACKOFF_BASE_MS,
  DEFAULT_BACKOFF_CAP_MS,
  DEFAULT_RATE_LIMIT_MIN_MS,
  backoffDelay,
  rateLimitedDelay,
} from './backoff';
import { errorMessage, type SocketEnd } from './finnhub-socket-end';
import {
  OPEN,
  armWatchdog,
  buildFinnhubUrl,
  closeSocketCleanly,
  defaultCreateSocket,
  openSocket,
  terminateSocket,
  type CreateSocket,
  type LiveSocket,
  type SocketEvents,
  type Watchdog,
} from './finnhub-socket';
import { subscribeAll, syncSubscriptions } from './finnhub-subscriptions';
import {
  DEFAULT_MAX_FRAME_BYTES,
  createDropCounts,
  parseFrame,
  type DropCounts,
  type RawFrame,
  type RawTrade,
} from './protocol';
import { ServerErrorThrottle } from './server-error-throttle';
import type { TradeSource } from './trade-source';
import type { TradeSink } from './trade-sink';
import { systemClock, type Clock, type TimerHandle } from '../../shared/clock';
import type { ProxyLookup } from '../net/proxy-lookup';
import { TunnelAgent } from '../net/tunnel-agent';

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
  private readonly serverErrorStatus: ServerErrorThrottle;
  private readonly socketEvents: SocketEvents = {
    open: (socket) => this.onOpen(socket),
    message: (socket, data, isBinary) => this.onMessage(socket, data, isBinary),
    end: (socket, end) => this.endSocket(socket, end),
  };
  private readonly watchdog: Watchdog;

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
    this.serverErrorStatus = new ServerErrorThrottle(this.clock, (message) => this.applyServerError(message));
    this.watchdog = {
      clock: this.clock,
      timeoutMs: this.heartbeatTimeoutMs,
      isCurrent: (socket) => socket === this.socket,
      silent: (socket, silentFor) =>
        this.endSocket(socket, {
          kind: 'reconnecting',
          message: `No data from Finnhub for ${Math.round(silentFor / 1000)} s`,
        }),
    };
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
    syncSubscriptions(socket.ws, socket.subscribed, this.symbols);
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

    try {
      this.socket = openSocket(
        {
          url: buildFinnhubUrl(this.wsUrl, this.token),
          connectTimeoutMs: this.connectTimeoutMs,
          agent: this.agentFor(this.wsUrl),
          sink: this.sink,
          clock: this.clock,
          createSocket: this.createSocket,
        },
        this.socketEvents,
      );
    } catch (error) {
      // A malformed URL or similar: no socket exists, so back off from here.
      this.scheduleRetry({ kind: 'offline', message: `Cannot connect: ${errorMessage(error)}` });
    }
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
    subscribeAll(socket.ws, socket.subscribed, this.symbols);
    armWatchdog(socket, this.watchdog);
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
      this.serverErrorStatus.show(frame.message);
    }
  }

  /** A server error text becomes the status message; false when the status already says it. */
  private applyServerError(message: string): boolean {
    if (this.current.message === message) return false;
    this.current = { ...this.current, message };
    this.status.emit({ ...this.current });
    return true;
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
    terminateSocket(socket, this.clock);
  }

  /** Close the current socket with 1000 and track it until it is gone (terminate after a grace). */
  private closeSocketCleanly(): void {
    const socket = this.socket;
    if (socket === null) return;
    this.socket = null;
    closeSocketCleanly(socket, this.clock, this.closeGraceMs, this.closing);
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
    this.serverErrorStatus.drop();
    this.current = { ...status, since: this.clock.now() };
    this.status.emit({ ...this.current });
  }
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}
