/**
 * A local HTTP CONNECT proxy on 127.0.0.1, as a corporate network has one: it opens tunnels
 * (only; plain proxied GETs get 405) to the local port each target `host:port` is routed to, and
 * records every CONNECT it is asked for. It can demand credentials (407 without them) and refuse
 * everything (403). Names like `finnhub.invalid` resolve nowhere, so a connection that reaches
 * them went through here.
 *
 * Also here: a TLS front with the test certificate for finnhub.invalid, so wss:// and https://
 * can be tested end to end against the fake Finnhub server.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';

export interface ConnectRequest {
  /** `host:port` as asked. */
  target: string;
  /** The Proxy-Authorization header, if any. */
  authorization: string | null;
}

export interface ConnectProxy {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  readonly port: number;
  /** Every CONNECT asked for, in order (refused ones too). */
  readonly connects: ConnectRequest[];
  /** Route tunnels to `target` (`host:port`) to this local port. */
  route(target: string, localPort: number): void;
  /** Answer every CONNECT with this status instead of a tunnel (null: tunnel again). */
  refuseWith(status: number | null): void;
  /** Demand `Proxy-Authorization: Basic base64(user:password)`. */
  requireCredentials(user: string, password: string): void;
  close(): Promise<void>;
}

export async function startConnectProxy(): Promise<ConnectProxy> {
  const routes = new Map<string, number>();
  const connects: ConnectRequest[] = [];
  const sockets = new Set<Socket>();
  let refusal: number | null = null;
  let credentials: string | null = null;

  const server: Server = createServer((_request, response) => response.writeHead(405).end());
  server.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
    const target = request.url ?? '';
    const authorization = request.headers['proxy-authorization'] ?? null;
    connects.push({ target, authorization });
    sockets.add(client);
    client.on('error', () => client.destroy());
    client.on('close', () => sockets.delete(client));
    if (credentials !== null && authorization !== `Basic ${credentials}`) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n');
      return;
    }
    const localPort = routes.get(target.toLowerCase());
    if (refusal !== null || localPort === undefined) {
      client.end(`HTTP/1.1 ${refusal ?? 502} Refused\r\n\r\n`);
      return;
    }
    const upstream = connect(localPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    connects,
    route: (target, localPort) => routes.set(target.toLowerCase(), localPort),
    refuseWith: (status) => {
      refusal = status;
    },
    requireCredentials: (user, password) => {
      credentials = Buffer.from(`${user}:${password}`).toString('base64');
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The test certificate (self-signed, for finnhub.invalid, ws.finnhub.invalid, localhost and 127.0.0.1). */
export const TEST_CA_PATH = new URL('./tls/finnhub-invalid.crt', import.meta.url).pathname;
export const TEST_CA = readFileSync(TEST_CA_PATH, 'utf8');
const TEST_KEY = readFileSync(new URL('./tls/finnhub-invalid.key', import.meta.url), 'utf8');

export interface TlsFront {
  readonly port: number;
  /** Server names the clients sent (SNI). */
  readonly serverNames: (string | false | null)[];
  close(): Promise<void>;
}

/** TLS on 127.0.0.1 in front of a local plain port (the fake Finnhub server). */
export async function startTlsFront(backendPort: number): Promise<TlsFront> {
  const serverNames: (string | false | null)[] = [];
  const sockets = new Set<Socket>();
  const server = createTlsServer({ cert: TEST_CA, key: TEST_KEY }, (client: TLSSocket) => {
    serverNames.push(client.servername);
    const backend = connect(backendPort, '127.0.0.1');
    for (const socket of [client, backend]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => sockets.delete(socket));
    }
    client.on('close', () => backend.destroy());
    backend.on('close', () => client.destroy());
    client.pipe(backend).pipe(client);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    serverNames,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
