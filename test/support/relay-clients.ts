/**
 * Test clients for the local relay: a websocket client that records every frame, a server-sent
 * events client that parses the stream into events, and a raw HTTP upgrade to read refusals. Each
 * has event-driven wait helpers, so tests never sleep.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import WebSocket from 'ws';
import { Signal } from '../../src/shared/signal';

const WAIT_MS = 5_000;

/** Resolves when `check()` gives a value other than undefined/false, re-checked whenever a signal fires. */
/** Anything to re-check on: a Signal of any payload. */
export interface Subscribable {
  subscribe(listener: () => void): () => void;
}

export function waitOn<T>(
  changed: Subscribable | readonly Subscribable[],
  check: () => T | undefined | false,
  description: string,
  timeoutMs = WAIT_MS,
): Promise<T> {
  const signals: readonly Subscribable[] = Array.isArray(changed) ? changed : [changed as Subscribable];
  return new Promise<T>((resolve, reject) => {
    const first = check();
    if (first !== undefined && first !== false) {
      resolve(first);
      return;
    }
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${description}`));
    }, timeoutMs);
    const offs = signals.map((signal) =>
      signal.subscribe(() => {
        const value = check();
        if (value === undefined || value === false) return;
        clearTimeout(timer);
        unsubscribe();
        resolve(value);
      }),
    );
    const unsubscribe = (): void => offs.forEach((off) => off());
  });
}

export interface RelayFrame {
  type: string;
  data?: Array<Record<string, unknown>>;
  msg?: string;
}

export class RelayWsTestClient {
  readonly frames: RelayFrame[] = [];
  private readonly received: Array<Record<string, unknown>> = [];
  readonly changed = new Signal<void>();
  closeCode: number | null = null;
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as RelayFrame;
      this.frames.push(frame);
      if (frame.type === 'trade') for (const item of frame.data ?? []) this.received.push(item);
      this.changed.emit();
    });
    ws.on('close', (code) => {
      this.closeCode = code;
      this.changed.emit();
    });
    ws.on('error', () => {});
  }

  static async connect(url: string, options: WebSocket.ClientOptions = {}): Promise<RelayWsTestClient> {
    const ws = new WebSocket(url, options);
    const client = new RelayWsTestClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_request, response: IncomingMessage) =>
        reject(new Error(`refused with HTTP ${response.statusCode}`)),
      );
      ws.once('error', reject);
    });
    return client;
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  subscribe(...symbols: string[]): void {
    for (const symbol of symbols) this.send({ type: 'subscribe', symbol });
  }

  unsubscribe(...symbols: string[]): void {
    for (const symbol of symbols) this.send({ type: 'unsubscribe', symbol });
  }

  /** Every trade object received, in order. */
  trades(): Array<Record<string, unknown>> {
    return this.received;
  }

  errors(): string[] {
    return this.frames.filter((frame) => frame.type === 'error').map((frame) => frame.msg ?? '');
  }

  waitFor<T>(check: () => T | undefined | false, description = 'a condition'): Promise<T> {
    return waitOn(this.changed, check, description);
  }

  waitForTrades(count: number): Promise<Array<Record<string, unknown>>> {
    return this.waitFor(() => this.received.length >= count && this.received, `${count} trades`);
  }

  waitForErrors(count: number): Promise<string[]> {
    return this.waitFor(() => this.errors().length >= count && this.errors(), `${count} errors`);
  }

  waitForClose(): Promise<number> {
    return this.waitFor(() => this.closeCode ?? undefined, 'close');
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    const closed = new Promise<void>((resolve) => this.ws.once('close', () => resolve()));
    // A paused client would never read the server's close frame.
    this.ws.resume();
    this.ws.close();
    await closed;
  }
}

export interface SseEvent {
  event: string;
  data: string;
}

export class SseTestClient {
  readonly events: SseEvent[] = [];
  private readonly received: Array<Record<string, unknown>> = [];
  readonly comments: string[] = [];
  readonly changed = new Signal<void>();
  ended = false;
  private buffer = '';
  private constructor(
    readonly response: IncomingMessage,
    private readonly destroy: () => void,
  ) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.onData(chunk));
    const end = (): void => {
      this.ended = true;
      this.changed.emit();
    };
    response.on('end', end);
    response.on('close', end);
    response.on('error', end);
  }

  /** Resolves with the open stream, or rejects with the HTTP status and body of a refusal. */
  static open(url: string, headers: Record<string, string> = {}): Promise<SseTestClient> {
    return new Promise((resolve, reject) => {
      const request = httpRequest(url, { headers: { Accept: 'text/event-stream', ...headers } }, (response) => {
        if (response.statusCode !== 200) {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () =>
            reject(
              Object.assign(new Error(`HTTP ${response.statusCode}: ${body.trim()}`), {
                status: response.statusCode,
                headers: response.headers,
              }),
            ),
          );
          return;
        }
        resolve(new SseTestClient(response, () => request.destroy()));
      });
      request.on('error', reject);
      request.end();
    });
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) this.comments.push(line);
        else if (line.startsWith('event: ')) event = line.slice(7);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
      }
      if (data.length === 0) continue;
      this.events.push({ event, data: data.join('\n') });
      if (event === 'trade')
        for (const item of JSON.parse(data.join('\n')) as Array<Record<string, unknown>>) this.received.push(item);
    }
    this.changed.emit();
  }

  named(event: string): unknown[] {
    return this.events.filter((e) => e.event === event).map((e) => JSON.parse(e.data) as unknown);
  }

  trades(): Array<Record<string, unknown>> {
    return this.received;
  }

  waitFor<T>(check: () => T | undefined | false, description = 'a condition'): Promise<T> {
    return waitOn(this.changed, check, description);
  }

  close(): void {
    this.destroy();
  }
}

/** Attempt a websocket handshake; resolves with the HTTP status of a refusal, or 101. */
export function handshakeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (_request, response: IncomingMessage) => {
      resolve(response.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', (error) => reject(error));
  });
}
