/**
 * One Finnhub websocket's lifecycle: opening it (through the proxy agent when there is one), its
 * listeners and timers, the stall watchdog, and letting go of it (at once, or with a clean close).
 */
import WebSocket from 'ws';
import type { Clock, TimerHandle } from '../../shared/clock';
import { listenAll } from '../net/listen-all';
import type { RawFrame } from './protocol';
import { TradeRoutes } from './trade-routes';
import type { TradeSink } from './trade-sink';
import { parseRetryAfter } from './backoff';
import { classifyRefusal, closeEnd, errorEnd, type SocketEnd } from './finnhub-socket-end';

/** Options ws gets for each socket. */
type SocketOptions = WebSocket.ClientOptions;
export type CreateSocket = (url: string, options: SocketOptions) => WebSocket;

export const defaultCreateSocket: CreateSocket = (url, options) => new WebSocket(url, options);

export const OPEN = 1;
const CLOSED = 3;
const NORMAL_CLOSURE = 1000;
/** Far above any sane frame; a bigger one is a protocol fault (ws closes with 1009, we reconnect). */
const SOCKET_MAX_PAYLOAD = 8 * 1024 * 1024;

const ignoreError = (): void => {};

/** `wss://host/path?x=1` + token → `wss://host/path?x=1&token=<encoded>`. */
export function buildFinnhubUrl(wsUrl: string, token: string): string {
  const url = new URL(wsUrl);
  url.searchParams.set('token', token);
  return url.toString();
}

/** Socket-level state; everything here dies with the socket. */
export interface LiveSocket {
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

export interface OpenSocketOptions {
  url: string;
  connectTimeoutMs: number;
  agent: WebSocket.ClientOptions['agent'] | null;
  sink: TradeSink | null;
  clock: Clock;
  createSocket: CreateSocket;
}

/** What the connection hears from a socket; each call names the socket it came from. */
export interface SocketEvents {
  open(socket: LiveSocket): void;
  message(socket: LiveSocket, data: RawFrame, isBinary: boolean): void;
  /** The socket ended (error, close, refused handshake, connect timeout). */
  end(socket: LiveSocket, end: SocketEnd): void;
}

/** Open a socket with its listeners and connect timeout armed (throws when ws cannot start one). */
export function openSocket(options: OpenSocketOptions, events: SocketEvents): LiveSocket {
  const { clock, connectTimeoutMs } = options;
  const ws = options.createSocket(options.url, {
    handshakeTimeout: connectTimeoutMs,
    perMessageDeflate: false,
    maxPayload: SOCKET_MAX_PAYLOAD,
    ...(options.agent ? { agent: options.agent } : {}),
  });
  ws.on('error', ignoreError); // first, so no error is ever unhandled, even after we let go

  const socket: LiveSocket = {
    ws,
    opened: false,
    subscribed: new TradeRoutes(options.sink),
    lastSeenAt: clock.now(),
    connectTimer: null,
    heartbeatTimer: null,
    healthyTimer: null,
    detach: () => {},
  };
  const onSignOfLife = (): void => {
    socket.lastSeenAt = clock.now();
  };
  socket.detach = listenAll(ws, {
    error: (error: Error) => events.end(socket, errorEnd(socket.opened, error)),
    close: (code: number, reason: Buffer) => events.end(socket, closeEnd(socket.opened, code, reason)),
    // events.end terminates the socket, which aborts the request and frees its connection.
    'unexpected-response': (
      _request: unknown,
      response: { statusCode?: number; headers: Record<string, string | string[] | undefined> },
    ) => {
      const status = response.statusCode ?? 0;
      events.end(socket, classifyRefusal(status, parseRetryAfter(response.headers['retry-after'], clock.now())));
    },
    open: () => events.open(socket),
    message: (data: RawFrame, isBinary: boolean) => events.message(socket, data, isBinary),
    ping: onSignOfLife,
    pong: onSignOfLife,
  });
  socket.connectTimer = clock.setTimeout(() => {
    socket.connectTimer = null;
    events.end(socket, { kind: 'offline', message: `Connection timed out after ${connectTimeoutMs} ms` });
  }, connectTimeoutMs);
  return socket;
}

export interface Watchdog {
  clock: Clock;
  timeoutMs: number;
  /** False once the socket is no longer the connection's: the watchdog then stops. */
  isCurrent(socket: LiveSocket): boolean;
  /** Nothing arrived for `silentForMs` (at least timeoutMs). */
  silent(socket: LiveSocket, silentForMs: number): void;
}

/** Check for silence without touching a timer per frame: re-arm for the time still left. */
export function armWatchdog(socket: LiveSocket, watchdog: Watchdog, delayMs = watchdog.timeoutMs): void {
  socket.heartbeatTimer = watchdog.clock.setTimeout(() => {
    socket.heartbeatTimer = null;
    if (!watchdog.isCurrent(socket)) return;
    const silentFor = watchdog.clock.now() - socket.lastSeenAt;
    if (silentFor >= watchdog.timeoutMs) watchdog.silent(socket, silentFor);
    else armWatchdog(socket, watchdog, watchdog.timeoutMs - silentFor);
  }, delayMs);
}

/** Listeners off and timers cleared; the ws itself is left as it is. */
function releaseSocket(socket: LiveSocket, clock: Clock): void {
  socket.detach();
  for (const timer of [socket.connectTimer, socket.heartbeatTimer, socket.healthyTimer]) {
    if (timer !== null) clock.clearTimeout(timer);
  }
  socket.connectTimer = socket.heartbeatTimer = socket.healthyTimer = null;
}

/** Release a socket and terminate it at once. */
export function terminateSocket(socket: LiveSocket, clock: Clock): void {
  releaseSocket(socket, clock);
  if (socket.ws.readyState !== CLOSED) socket.ws.terminate();
}

/**
 * Release a socket and close it with 1000, tracked in `closing` until it is gone (terminated after
 * `graceMs`). A socket still handshaking has nothing to close cleanly: it is terminated.
 */
export function closeSocketCleanly(
  socket: LiveSocket,
  clock: Clock,
  graceMs: number,
  closing: Set<Promise<void>>,
): void {
  releaseSocket(socket, clock);
  const ws = socket.ws;
  if (ws.readyState === CLOSED) return;
  if (ws.readyState !== OPEN) {
    ws.terminate(); // still handshaking: nothing to close cleanly
    return;
  }
  const closed = new Promise<void>((resolve) => {
    const finish = (): void => {
      clock.clearTimeout(grace);
      ws.off('close', finish);
      closing.delete(closed);
      resolve();
    };
    const grace = clock.setTimeout(() => {
      ws.terminate();
      finish();
    }, graceMs);
    ws.on('close', finish);
  });
  closing.add(closed);
  ws.close(NORMAL_CLOSURE, 'client closing');
}
