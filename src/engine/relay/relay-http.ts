/**
 * The relay server's plain HTTP pieces: reading a request's URL, plain-text and CORS answers, a
 * refused websocket upgrade, and why listening failed, in words for the user.
 */
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { normalizeRelayOrigin } from '../../shared/relay-rules';

/** Why the relay could not start, in words for the user. */
export class RelayListenError extends Error {
  constructor(
    readonly code: 'in-use' | 'denied' | 'other',
    message: string,
  ) {
    super(message);
    this.name = 'RelayListenError';
  }
}

export function normalizeOrigins(origins: readonly string[]): Set<string> {
  const result = new Set<string>();
  for (const origin of origins) {
    const normalized = normalizeRelayOrigin(origin);
    if (normalized !== null) result.add(normalized);
  }
  return result;
}

export function requestUrl(request: IncomingMessage): URL | null {
  try {
    return new URL(request.url ?? '/', 'http://relay.invalid');
  } catch {
    return null;
  }
}

export function corsHeaders(origin: string): Record<string, string> {
  return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
}

export function plain(
  response: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  response.end(`${message}\n`);
}

/** Answer a refused upgrade with a plain HTTP response and close the socket. */
export function refuseSocket(socket: Duplex, status: number, message: string): void {
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
      'Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

export function listenError(error: NodeJS.ErrnoException, port: number): RelayListenError {
  if (error.code === 'EADDRINUSE')
    return new RelayListenError('in-use', `Port ${port} is already in use: pick another relay port`);
  if (error.code === 'EACCES') return new RelayListenError('denied', `Not allowed to listen on port ${port}`);
  return new RelayListenError('other', `The relay could not listen on port ${port}: ${error.message}`);
}
