/**
 * One websocket client of the relay, speaking Finnhub's protocol: it subscribes and unsubscribes
 * one symbol per message and receives `trade` frames holding only its own symbols, `ping`s, and
 * `error`s for what cannot be served. Bad input is answered and counted, a flood closes it, and a
 * client that stops reading is dropped once its unsent output passes the limit.
 */
import type WebSocket from 'ws';
import { RELAY_CHURN_LIMIT, RELAY_CHURN_WINDOW_MS } from '../../shared/relay-rules';
import { isValidSymbol } from '../../shared/symbols';
import type { RawTrade } from '../feed/protocol';
import {
  previewValue,
  RelayClientBase,
  type RelayClient,
  type RelayClientOptions,
  type RelayCloseReason,
} from './relay-client';

export interface RelayWsClientOptions extends RelayClientOptions {
  ws: WebSocket;
  maxMessagesPerSecond: number;
}

const OPEN = 1;
const PING_FRAME = '{"type":"ping"}';
const POLICY_VIOLATION = 1008;
const GOING_AWAY = 1001;

export class RelayWsClient extends RelayClientBase implements RelayClient {
  readonly kind = 'websocket' as const;
  badMessages = 0;

  private readonly ws: WebSocket;
  private readonly maxMessagesPerSecond: number;
  private windowStartedAt = 0;
  private messagesInWindow = 0;

  constructor(options: RelayWsClientOptions) {
    super(options);
    this.ws = options.ws;
    this.maxMessagesPerSecond = options.maxMessagesPerSecond;
    this.ws.on('error', () => this.host.gone(this));
    this.ws.on('close', () => this.host.gone(this));
    this.ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
  }

  deliver(_trades: readonly RawTrade[], json: readonly string[]): void {
    this.send(`{"type":"trade","data":[${json.join(',')}]}`);
  }

  lose(symbol: string, message: string): void {
    this.symbols.delete(symbol);
    this.sendError(message);
  }

  keepAlive(): void {
    this.send(PING_FRAME);
  }

  close(reason: RelayCloseReason = 'stopped'): void {
    if (this.ws.readyState !== OPEN) this.ws.terminate();
    else if (reason === 'token-changed') this.ws.close(POLICY_VIOLATION, 'Relay token changed');
    else if (reason === 'origin-revoked') this.ws.close(POLICY_VIOLATION, 'Origin no longer allowed');
    else if (reason === 'churn') {
      this.sendError(
        `Too many subscription changes: at most ${RELAY_CHURN_LIMIT} every ${RELAY_CHURN_WINDOW_MS / 1000} s`,
      );
      this.ws.close(POLICY_VIOLATION, 'Too many subscription changes');
    } else this.ws.close(GOING_AWAY, 'Relay stopped');
  }

  /** Drop at once (no close handshake: a client that does not read would never complete it). */
  terminate(): void {
    this.ws.terminate();
  }

  private onMessage(data: WebSocket.RawData, isBinary: boolean): void {
    const now = this.now();
    if (now - this.windowStartedAt >= 1000) {
      this.windowStartedAt = now;
      this.messagesInWindow = 0;
    }
    this.messagesInWindow += 1;
    if (this.messagesInWindow > this.maxMessagesPerSecond) {
      this.host.badInput(this);
      this.sendError(`Too many messages: at most ${this.maxMessagesPerSecond} per second`);
      this.ws.close(POLICY_VIOLATION, 'Too many messages');
      return;
    }
    if (isBinary) return this.reject('Binary messages are not supported; send JSON text');
    let message: unknown;
    try {
      message = JSON.parse(data.toString());
    } catch {
      return this.reject('Messages must be JSON, e.g. {"type":"subscribe","symbol":"AAPL"}');
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message))
      return this.reject('Messages must be JSON objects');
    const { type, symbol } = message as { type?: unknown; symbol?: unknown };
    switch (type) {
      case 'subscribe':
      case 'unsubscribe':
        if (!isValidSymbol(symbol)) return this.reject(`Invalid symbol: ${previewValue(symbol)}`);
        if (type === 'subscribe') this.subscribe(symbol);
        else if (this.symbols.has(symbol)) this.host.unsubscribe(this, symbol);
        return;
      case 'ping':
      case 'pong':
        // Some clients answer Finnhub's pings; nothing to do.
        return;
      default:
        return this.reject(`Unknown message type: ${previewValue(type)}`);
    }
  }

  private subscribe(symbol: string): void {
    if (this.symbols.has(symbol)) return;
    const error = this.host.subscribe(this, symbol);
    if (error !== null) this.sendError(error);
  }

  /** Called by the host once a subscription is granted or withdrawn. */
  track(symbol: string, subscribed: boolean): void {
    if (subscribed) this.symbols.add(symbol);
    else this.symbols.delete(symbol);
  }

  private reject(message: string): void {
    this.badMessages += 1;
    this.host.badInput(this);
    this.sendError(message);
  }

  private sendError(message: string): void {
    this.send(JSON.stringify({ type: 'error', msg: message }));
  }

  private send(text: string): void {
    if (this.ws.readyState !== OPEN) return;
    this.ws.send(text);
    if (this.ws.bufferedAmount > this.maxBufferedBytes) {
      this.host.slow(this);
      this.ws.terminate();
    }
  }
}
