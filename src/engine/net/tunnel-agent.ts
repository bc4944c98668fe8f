/**
 * An http(s) Agent for the websocket that asks a ProxyLookup where each connection should go and,
 * when a proxy is named, opens an HTTP CONNECT tunnel through it (then TLS to the server inside
 * the tunnel for wss). With no proxy it connects directly, as Node's own agents do.
 *
 * Nothing is pooled: the websocket takes its socket over for good.
 */
import { Agent, type ClientRequestArgs } from 'node:http';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import type { ProxyLookup } from './proxy-lookup';
import { listenAll } from './listen-all';

/** The longest a proxy may take to open the tunnel when the request sets no timeout. */
const DEFAULT_TUNNEL_TIMEOUT_MS = 15_000;
/** A proxy's answer to CONNECT is a status line and a few headers; more is not an answer. */
const MAX_RESPONSE_HEAD_BYTES = 16 * 1024;

/** The TLS settings a request may carry that matter for the server's certificate. */
const TLS_KEYS = [
  'ca',
  'cert',
  'key',
  'pfx',
  'passphrase',
  'rejectUnauthorized',
  'checkServerIdentity',
  'minVersion',
  'maxVersion',
  'ciphers',
  'ALPNProtocols',
] as const;

type ConnectionRequest = ClientRequestArgs & ConnectionOptions & { servername?: string };
type Created = (error: Error | null, socket: Duplex) => void;

export interface TunnelAgentOptions {
  /** `wss:`/`https:` (TLS to the server) or `ws:`/`http:`. */
  protocol: string;
  proxyFor: ProxyLookup;
}

export class TunnelAgent extends Agent {
  private readonly secure: boolean;
  private readonly proxyFor: ProxyLookup;

  constructor(options: TunnelAgentOptions) {
    super({ keepAlive: false });
    this.secure = options.protocol === 'wss:' || options.protocol === 'https:';
    this.proxyFor = options.proxyFor;
    // Node checks a request's protocol against its agent's.
    Object.assign(this, { protocol: this.secure ? 'https:' : 'http:', defaultPort: this.secure ? 443 : 80 });
  }

  // Node's Agent accepts a socket through the callback when createConnection returns nothing.
  override createConnection(options: ClientRequestArgs, callback?: Created): undefined {
    const done = callback ?? (() => {});
    this.open(options as ConnectionRequest).then(
      (socket) => done(null, socket),
      // Node's own agents hand over no socket with an error either.
      (error: unknown) => done(error instanceof Error ? error : new Error(String(error)), undefined as never),
    );
    return undefined;
  }

  private async open(options: ConnectionRequest): Promise<Socket> {
    const host = String(options.host ?? options.hostname ?? 'localhost').replace(/^\[(.*)\]$/, '$1');
    const port = Number(options.port) || (this.secure ? 443 : 80);
    const target = `${this.secure ? 'https' : 'http'}://${isIP(host) === 6 ? `[${host}]` : host}:${port}/`;
    const proxy = await this.proxyFor(target);
    const timeoutMs = typeof options.timeout === 'number' && options.timeout > 0 ? options.timeout : undefined;
    if (proxy === null) return this.direct(options);
    const tunnel = await openTunnel(proxy, host, port, timeoutMs ?? DEFAULT_TUNNEL_TIMEOUT_MS);
    if (!this.secure) return tunnel;
    const tls: ConnectionOptions = { socket: tunnel, servername: serverName(options.servername, host) };
    for (const key of TLS_KEYS) if (options[key] !== undefined) Object.assign(tls, { [key]: options[key] });
    return tlsConnect(tls);
  }

  private direct(options: ConnectionRequest): Socket {
    if (!this.secure) return netConnect(options as Parameters<typeof netConnect>[0]);
    const host = String(options.host ?? 'localhost');
    return tlsConnect({ ...options, servername: serverName(options.servername, host) } as ConnectionOptions);
  }
}

/** SNI carries host names only, never an address. */
function serverName(given: string | undefined, host: string): string | undefined {
  if (given) return given;
  return isIP(host) === 0 ? host : undefined;
}

/**
 * Ask `proxy` (an http:// or https:// URL, credentials allowed) for a tunnel to host:port and
 * resolve with the socket once it answers 2xx. Anything else ends in an error that names the proxy.
 */
function openTunnel(proxy: string, host: string, port: number, timeoutMs: number): Promise<Socket> {
  const url = new URL(proxy);
  const proxyPort = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  const proxyName = `${url.hostname}:${proxyPort}`;
  const authority = `${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
  const lines = [`CONNECT ${authority} HTTP/1.1`, `Host: ${authority}`];
  if (url.username !== '' || url.password !== '') {
    const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    lines.push(`Proxy-Authorization: Basic ${Buffer.from(credentials).toString('base64')}`);
  }
  const request = `${lines.join('\r\n')}\r\n\r\n`;
  const proxyHost = url.hostname.replace(/^\[(.*)\]$/, '$1');

  return new Promise((resolve, reject) => {
    const socket: Socket =
      url.protocol === 'https:'
        ? tlsConnect({ host: proxyHost, port: proxyPort, servername: serverName(undefined, proxyHost) })
        : netConnect({ host: proxyHost, port: proxyPort });
    let head = Buffer.alloc(0);
    const fail = (message: string): void => {
      cleanup();
      socket.destroy();
      reject(new Error(message));
    };
    const onError = (error: Error): void => fail(`Cannot reach the proxy ${proxyName}: ${error.message}`);
    const onClose = (): void => fail(`The proxy ${proxyName} closed the connection before opening a tunnel`);
    const onTimeout = (): void =>
      fail(`The proxy ${proxyName} did not open a tunnel within ${Math.round(timeoutMs / 1000)} s`);
    const onData = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) {
        if (head.length > MAX_RESPONSE_HEAD_BYTES) fail(`The proxy ${proxyName} sent an answer that is not HTTP`);
        return;
      }
      const statusLine = head.subarray(0, head.indexOf('\r\n')).toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3})(?: (.*))?$/.exec(statusLine);
      if (status === null) {
        fail(`The proxy ${proxyName} sent an answer that is not HTTP`);
        return;
      }
      const code = Number(status[1]);
      if (code < 200 || code > 299) {
        const text = (status[2] ?? '').replace(/[^\x20-\x7e]/g, '').slice(0, 80);
        fail(`The proxy ${proxyName} refused the tunnel to ${authority} (HTTP ${code}${text ? ` ${text}` : ''})`);
        return;
      }
      cleanup();
      socket.setTimeout(0);
      socket.pause();
      const rest = head.subarray(end + 4);
      if (rest.length > 0) socket.unshift(rest);
      resolve(socket);
    };
    const cleanup = listenAll(socket, { error: onError, close: onClose, timeout: onTimeout, data: onData });
    socket.setTimeout(timeoutMs);
    socket.write(request);
  });
}
