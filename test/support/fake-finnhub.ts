/**
 * A local stand-in for Finnhub: one http server on 127.0.0.1 (random port) serving the websocket
 * feed (`wsUrl`) and the REST endpoints /quote, /search, /stock/profile2, /stock/metric,
 * /calendar/earnings and /company-news (`restUrl`), with fault injection (for all REST or one path)
 * and event-driven wait helpers so tests never sleep.
 *
 *   const server = await startFakeFinnhub();
 *   // connect a client to server.wsUrl + '?token=test-key'
 *   const client = await server.waitForConnection();
 *   await server.waitForSubscriptions(2);
 *   server.sendTrades([{ symbol: 'AAPL', price: 190, volume: 10, time: Date.now() }]);
 *   await server.close();
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { Signal } from '../../src/shared/signal';

/** Finnhub's /quote JSON (t in UNIX seconds). */
export interface FinnhubQuote {
  c: number;
  d: number | null;
  dp: number | null;
  h: number;
  l: number;
  o: number;
  pc: number;
  t: number;
}

export interface FinnhubSearchEntry {
  description: string;
  displaySymbol: string;
  symbol: string;
  type: string;
}

/** Finnhub's /stock/profile2 JSON (the fields Ticker reads; `{}` for unknown symbols). */
export interface FinnhubProfile {
  name?: string;
  exchange?: string;
  currency?: string;
  finnhubIndustry?: string;
  ticker?: string;
  logo?: string;
  weburl?: string;
}

/** One /calendar/earnings entry. */
export interface FinnhubEarnings {
  symbol: string;
  date: string;
  hour: string;
  epsEstimate?: number | null;
  epsActual?: number | null;
  revenueEstimate?: number | null;
  quarter?: number;
  year?: number;
}

/** One /company-news item (datetime in UNIX seconds). */
export interface FinnhubNews {
  id: number;
  datetime: number;
  headline: string;
  source: string;
  url: string;
  related?: string;
  category?: string;
  summary?: string;
  image?: string;
}

/** A trade to send, in the app's shape; `conditions` maps to Finnhub's optional `c`. */
export interface FakeTrade {
  symbol: string;
  price: number;
  volume: number;
  /** Epoch ms. */
  time: number;
  conditions?: string[] | null;
}

/** A subscribe/unsubscribe message as received from a client. */
export interface SubscriptionMessage {
  type: 'subscribe' | 'unsubscribe';
  symbol: string;
}

/** One accepted websocket connection. */
export interface FakeClient {
  /** 1-based, in order of acceptance. */
  readonly id: number;
  readonly token: string;
  readonly socket: WebSocket;
  /** Every text message received, raw. */
  readonly messages: string[];
  /** Subscribe/unsubscribe messages in arrival order. */
  readonly subscriptionLog: SubscriptionMessage[];
  /** Symbols currently subscribed. */
  readonly subscriptions: Set<string>;
  open: boolean;
  /** Close code and reason as the server saw them (1006 for an abrupt end); null while not closed. */
  closeCode: number | null;
  closeReason: string;
}

export interface RestRequest {
  method: string;
  /** Path below the REST base, e.g. `/quote`. */
  path: string;
  query: Record<string, string>;
  token: string | null;
  status: number;
  at: number;
}

export interface FakeFinnhubOptions {
  /** Accepted API keys. Default `['test-key']`. */
  tokens?: readonly string[];
  /** Send `{"type":"ping"}` to every client at this interval; 0 (default) = off. */
  pingIntervalMs?: number;
  /** Close an older connection when a new one uses the same key (Finnhub does). Default true. */
  oneConnectionPerToken?: boolean;
  /** Extra quotes on top of the built-in ones. */
  quotes?: Record<string, Partial<FinnhubQuote>>;
  /** Default timeout of the wait helpers. Default 5 000 ms. */
  waitTimeoutMs?: number;
}

interface Fault {
  status: number;
  headers: Record<string, string>;
  /** How many more requests get it. */
  remaining: number;
  /** Instead of the JSON error: stream this many bytes of filler (an oversized answer). */
  bodyBytes?: number;
  /** Send a Content-Length for the streamed body (default: chunked, no length). */
  declareLength?: boolean;
}

/** An oversized REST answer: `bytes` of filler streamed with backpressure, stopping when the client hangs up. */
export interface HugeBodyOptions {
  bytes: number;
  status?: number;
  declareLength?: boolean;
  times?: number;
}

export interface FakeFinnhub {
  readonly port: number;
  /** `ws://127.0.0.1:PORT` (append `?token=`). */
  readonly wsUrl: string;
  /** `http://127.0.0.1:PORT/api/v1`. */
  readonly restUrl: string;

  /** Every connection ever accepted, in order. */
  readonly clients: readonly FakeClient[];
  openClients(): FakeClient[];
  readonly counters: {
    readonly connectionsAccepted: number;
    readonly handshakesRefused: number;
    /** Connections open now for a key. */
    openConnections(token?: string): number;
    /** The most connections ever open at once for a key. */
    maxOpenConnections(token?: string): number;
  };
  readonly events: {
    readonly connection: Signal<FakeClient>;
    readonly message: Signal<{ client: FakeClient; text: string }>;
    readonly close: Signal<FakeClient>;
    readonly refused: Signal<{ status: number }>;
    readonly request: Signal<RestRequest>;
  };

  setValidTokens(tokens: readonly string[]): void;
  /** Refuse the next `times` upgrades (default: all, until `acceptUpgrades()`) with this status. */
  respondToUpgradeWith(status: number, headers?: Record<string, string>, times?: number): void;
  acceptUpgrades(): void;

  /** Send trades to every open client, each getting only the symbols it subscribed. Returns trades delivered. */
  sendTrades(trades: readonly FakeTrade[]): number;
  /** Send a frame as-is to every open client (or one). */
  sendRaw(frame: string | Buffer, options?: { binary?: boolean; to?: FakeClient }): void;
  sendPing(): void;
  sendError(msg: string): void;
  /** End every connection abruptly (no close frame; clients see 1006). */
  dropAll(): void;
  /** Close every connection with a close frame. */
  closeAll(code?: number, reason?: string): void;
  /** While stalled nothing is sent: no trades, raw frames, errors or pings. */
  stall(stalled: boolean): void;
  setPingInterval(ms: number): void;

  setQuote(symbol: string, quote: Partial<FinnhubQuote>): void;
  /** /stock/profile2 answer for a symbol (null: answer `{}`). */
  setProfile(symbol: string, profile: FinnhubProfile | null): void;
  /** /stock/metric's 52-week high and low for a symbol (null: an empty metric object). */
  setWeekRange(symbol: string, range: { high: number; low: number } | null): void;
  /** The whole earnings calendar; answers filter it by `from`/`to` (and `symbol` when given). */
  setEarnings(entries: readonly FinnhubEarnings[]): void;
  /** A symbol's news; answers filter it by `from`/`to` (New York dates of `datetime`). */
  setNews(symbol: string, items: readonly FinnhubNews[]): void;
  /** Answer every request for this path (e.g. `/stock/metric`) with `status` until `clearPathFault(path)`. */
  failPathWith(path: string, status: number): void;
  clearPathFault(path: string): void;
  /** Answer the next `times` REST requests (default: all, until `clearRestFault()`) with this status. */
  failRestWith(status: number, headers?: Record<string, string>, times?: number): void;
  /** Answer the next REST requests with a huge body (see HugeBodyOptions). */
  answerRestWithHugeBody(options: HugeBodyOptions): void;
  /** Bytes of huge bodies actually written to sockets so far (what a client made us send). */
  readonly hugeBodyBytesSent: number;
  clearRestFault(): void;
  readonly requests: readonly RestRequest[];

  /** Resolves when `check()` returns a value other than undefined/false; re-checked on every event. */
  waitFor<T>(check: () => T | undefined | false, description?: string, timeoutMs?: number): Promise<T>;
  /** Without `count`: the newest open client (waits for one). With `count`: the count-th accepted client. */
  waitForConnection(count?: number): Promise<FakeClient>;
  /** Waits until `client` (default: newest open) has sent at least `count` subscribe messages; returns them in order. */
  waitForSubscriptions(count: number, client?: FakeClient): Promise<string[]>;
  /** Waits until `client` (default: newest) is closed and its close code known. */
  waitForClose(client?: FakeClient): Promise<FakeClient>;
  /** Waits until at least `count` handshakes were refused in total. */
  waitForRefusals(count: number): Promise<number>;

  close(): Promise<void>;
}

const BUILT_IN_QUOTES: Record<string, FinnhubQuote> = {
  AAPL: { c: 189.4, d: 1.2, dp: 0.6376, h: 190.1, l: 187.9, o: 188.0, pc: 188.2, t: 1732550400 },
  MSFT: { c: 421.5, d: -2.3, dp: -0.5427, h: 425.0, l: 419.8, o: 423.1, pc: 423.8, t: 1732550400 },
  NVDA: { c: 131.2, d: 2.1, dp: 1.6267, h: 132.0, l: 128.7, o: 129.0, pc: 129.1, t: 1732550400 },
  'BINANCE:BTCUSDT': { c: 95123.5, d: 850.1, dp: 0.9018, h: 96000, l: 93800, o: 94273.4, pc: 94273.4, t: 1732550400 },
  'OANDA:EUR_USD': { c: 1.0812, d: -0.0011, dp: -0.1016, h: 1.0841, l: 1.0799, o: 1.0823, pc: 1.0823, t: 1732550400 },
};

const BUILT_IN_PROFILES: Record<string, FinnhubProfile> = {
  AAPL: {
    name: 'Apple Inc',
    exchange: 'NASDAQ NMS - GLOBAL MARKET',
    currency: 'USD',
    finnhubIndustry: 'Technology',
    ticker: 'AAPL',
  },
  MSFT: {
    name: 'Microsoft Corp',
    exchange: 'NASDAQ NMS - GLOBAL MARKET',
    currency: 'USD',
    finnhubIndustry: 'Technology',
    ticker: 'MSFT',
  },
  NVDA: {
    name: 'NVIDIA Corp',
    exchange: 'NASDAQ NMS - GLOBAL MARKET',
    currency: 'USD',
    finnhubIndustry: 'Semiconductors',
    ticker: 'NVDA',
  },
};

const BUILT_IN_RANGES: Record<string, { high: number; low: number }> = {
  AAPL: { high: 237.49, low: 164.08 },
  MSFT: { high: 468.35, low: 366.5 },
  NVDA: { high: 152.89, low: 47.32 },
};

/** New York date (YYYY-MM-DD) of a UNIX-seconds time, as Finnhub's date filters read it. */
function newYorkDate(seconds: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date(seconds * 1000));
}

const UNKNOWN_QUOTE: FinnhubQuote = { c: 0, d: null, dp: null, h: 0, l: 0, o: 0, pc: 0, t: 0 };

const SEARCH_LIST: readonly FinnhubSearchEntry[] = [
  { description: 'APPLE INC', displaySymbol: 'AAPL', symbol: 'AAPL', type: 'Common Stock' },
  { description: 'MICROSOFT CORP', displaySymbol: 'MSFT', symbol: 'MSFT', type: 'Common Stock' },
  { description: 'NVIDIA CORP', displaySymbol: 'NVDA', symbol: 'NVDA', type: 'Common Stock' },
  { description: 'TESLA INC', displaySymbol: 'TSLA', symbol: 'TSLA', type: 'Common Stock' },
  { description: 'AMAZON.COM INC', displaySymbol: 'AMZN', symbol: 'AMZN', type: 'Common Stock' },
  { description: 'ALPHABET INC-CL A', displaySymbol: 'GOOGL', symbol: 'GOOGL', type: 'Common Stock' },
  { description: 'META PLATFORMS INC-CLASS A', displaySymbol: 'META', symbol: 'META', type: 'Common Stock' },
  { description: 'APPLIED MATERIALS INC', displaySymbol: 'AMAT', symbol: 'AMAT', type: 'Common Stock' },
  { description: 'SPDR S&P 500 ETF TRUST', displaySymbol: 'SPY', symbol: 'SPY', type: 'ETP' },
  { description: 'Binance BTCUSDT', displaySymbol: 'BTC/USDT', symbol: 'BINANCE:BTCUSDT', type: 'Crypto' },
  { description: 'Binance ETHUSDT', displaySymbol: 'ETH/USDT', symbol: 'BINANCE:ETHUSDT', type: 'Crypto' },
  { description: 'Oanda Euro Dollar', displaySymbol: 'EUR/USD', symbol: 'OANDA:EUR_USD', type: 'Forex' },
  { description: 'Oanda Pound Dollar', displaySymbol: 'GBP/USD', symbol: 'OANDA:GBP_USD', type: 'Forex' },
  { description: 'Oanda Dollar Yen', displaySymbol: 'USD/JPY', symbol: 'OANDA:USD_JPY', type: 'Forex' },
];

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export async function startFakeFinnhub(options: FakeFinnhubOptions = {}): Promise<FakeFinnhub> {
  const validTokens = new Set(options.tokens ?? ['test-key']);
  const oneConnectionPerToken = options.oneConnectionPerToken ?? true;
  const waitTimeoutMs = options.waitTimeoutMs ?? 5_000;
  const quotes = new Map<string, FinnhubQuote>(Object.entries(BUILT_IN_QUOTES));
  for (const [symbol, quote] of Object.entries(options.quotes ?? {}))
    quotes.set(symbol, { ...UNKNOWN_QUOTE, ...quote });

  const profiles = new Map<string, FinnhubProfile>(Object.entries(BUILT_IN_PROFILES));
  const ranges = new Map<string, { high: number; low: number }>(Object.entries(BUILT_IN_RANGES));
  let earnings: FinnhubEarnings[] = [];
  const news = new Map<string, FinnhubNews[]>();
  const pathFaults = new Map<string, number>();
  const clients: FakeClient[] = [];
  const requests: RestRequest[] = [];
  const maxOpen = new Map<string, number>();
  const rawSockets = new Set<Duplex>();
  let connectionsAccepted = 0;
  let handshakesRefused = 0;
  let upgradeFault: Fault | null = null;
  let restFault: Fault | null = null;
  let hugeBodyBytesSent = 0;
  let stalled = false;
  let pingTimer: ReturnType<typeof setInterval> | null = null;

  const events = {
    connection: new Signal<FakeClient>(),
    message: new Signal<{ client: FakeClient; text: string }>(),
    close: new Signal<FakeClient>(),
    refused: new Signal<{ status: number }>(),
    request: new Signal<RestRequest>(),
  };
  /** Fires after every event; the wait helpers re-check on it. */
  const changed = new Signal<void>();

  const openClients = (): FakeClient[] => clients.filter((client) => client.open);
  const openConnections = (token?: string): number =>
    clients.filter((client) => client.open && (token === undefined || client.token === token)).length;

  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });

  const server: Server = createServer((request, response) => handleRest(request, response));
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    rawSockets.add(socket);
    socket.once('close', () => rawSockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const token = new URL(request.url ?? '/', 'http://localhost').searchParams.get('token') ?? '';
    const fault = takeFault(upgradeFault);
    if (fault !== null) {
      if (upgradeFault !== null && upgradeFault.remaining <= 0) upgradeFault = null;
      refuse(socket, fault.status, fault.headers);
      return;
    }
    if (!validTokens.has(token)) {
      refuse(socket, 401, {});
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => accept(ws, token, socket));
  });

  function refuse(socket: Duplex, status: number, headers: Record<string, string>): void {
    handshakesRefused++;
    const body = JSON.stringify({ error: STATUS_TEXT[status] ?? 'Refused' });
    const lines = [
      `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}`,
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
    ];
    for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
    socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
    events.refused.emit({ status });
    changed.emit();
  }

  function accept(ws: WebSocket, token: string, raw: Duplex): void {
    connectionsAccepted++;
    const client: FakeClient = {
      id: connectionsAccepted,
      token,
      socket: ws,
      messages: [],
      subscriptionLog: [],
      subscriptions: new Set(),
      open: true,
      closeCode: null,
      closeReason: '',
    };
    if (oneConnectionPerToken) {
      for (const older of clients) {
        if (older.open && older.token === token) older.socket.close(1000, 'Token was used by another connection');
      }
    }
    clients.push(client);
    maxOpen.set(token, Math.max(maxOpen.get(token) ?? 0, openConnections(token)));

    // Count the connection as gone as soon as its TCP stream ends, before ws reports the close.
    const markGone = (): void => {
      if (!client.open) return;
      client.open = false;
      changed.emit();
    };
    raw.once('end', markGone);
    raw.once('close', markGone);
    ws.on('close', (code, reason) => {
      client.open = false;
      client.closeCode = code;
      client.closeReason = reason.toString('utf8');
      events.close.emit(client);
      changed.emit();
    });
    ws.on('error', () => {});
    ws.on('message', (data, isBinary) => {
      const text = isBinary ? '' : data.toString();
      client.messages.push(text);
      try {
        const message = JSON.parse(text) as { type?: unknown; symbol?: unknown };
        if ((message.type === 'subscribe' || message.type === 'unsubscribe') && typeof message.symbol === 'string') {
          client.subscriptionLog.push({ type: message.type, symbol: message.symbol });
          if (message.type === 'subscribe') client.subscriptions.add(message.symbol);
          else client.subscriptions.delete(message.symbol);
        }
      } catch {
        // Finnhub ignores garbage; so do we (it stays in `messages`).
      }
      events.message.emit({ client, text });
      changed.emit();
    });
    events.connection.emit(client);
    changed.emit();
  }

  function takeFault(fault: Fault | null): Fault | null {
    if (fault === null || fault.remaining <= 0) return null;
    fault.remaining--;
    return fault;
  }

  function sendTo(client: FakeClient, frame: string | Buffer, binary = false): void {
    if (stalled || !client.open || client.socket.readyState !== client.socket.OPEN) return;
    client.socket.send(frame, { binary });
  }

  // ---------------------------------------------------------------- REST

  function handleRest(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const query = Object.fromEntries(url.searchParams.entries());
    const header = request.headers['x-finnhub-token'];
    const token = query.token ?? (typeof header === 'string' ? header : null);
    const path = url.pathname.startsWith('/api/v1') ? url.pathname.slice('/api/v1'.length) || '/' : url.pathname;
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
      const logged: RestRequest = { method: request.method ?? 'GET', path, query, token, status, at: Date.now() };
      requests.push(logged);
      events.request.emit(logged);
      changed.emit();
    };

    const fault = takeFault(restFault);
    if (fault !== null && fault.bodyBytes !== undefined) {
      if (restFault !== null && restFault.remaining <= 0) restFault = null;
      streamFiller(response, fault);
      const logged: RestRequest = {
        method: request.method ?? 'GET',
        path,
        query,
        token,
        status: fault.status,
        at: Date.now(),
      };
      requests.push(logged);
      events.request.emit(logged);
      changed.emit();
      return;
    }
    if (fault !== null) {
      if (restFault !== null && restFault.remaining <= 0) restFault = null;
      answer(fault.status, { error: STATUS_TEXT[fault.status] ?? 'Error' }, fault.headers);
      return;
    }
    if (request.method !== 'GET' || !url.pathname.startsWith('/api/v1/')) {
      answer(404, { error: 'Not found' });
      return;
    }
    if (token === null || !validTokens.has(token)) {
      answer(401, { error: 'Invalid API key' });
      return;
    }
    const pathFault = pathFaults.get(path);
    if (pathFault !== undefined) {
      answer(pathFault, { error: pathFault === 403 ? "You don't have access to this resource." : 'Error' });
      return;
    }
    if (path === '/stock/profile2') {
      answer(200, profiles.get(query.symbol ?? '') ?? {});
      return;
    }
    if (path === '/stock/metric') {
      const symbol = query.symbol ?? '';
      const range = ranges.get(symbol);
      const metric = range ? { '52WeekHigh': range.high, '52WeekLow': range.low, beta: 1.2 } : {};
      answer(200, { metric, metricType: query.metric ?? 'all', series: {}, symbol });
      return;
    }
    if (path === '/calendar/earnings') {
      const from = query.from ?? '';
      const to = query.to ?? '\uffff';
      const earningsCalendar = earnings.filter(
        (entry) =>
          entry.date >= from && entry.date <= to && (query.symbol === undefined || entry.symbol === query.symbol),
      );
      answer(200, { earningsCalendar });
      return;
    }
    if (path === '/company-news') {
      const from = query.from;
      const to = query.to;
      if (from === undefined || to === undefined || query.symbol === undefined) {
        answer(422, { error: 'Wrong parameters' });
        return;
      }
      const items = (news.get(query.symbol) ?? []).filter((item) => {
        const day = newYorkDate(item.datetime);
        return day >= from && day <= to;
      });
      answer(200, items);
      return;
    }
    if (path === '/quote') {
      const symbol = query.symbol;
      if (symbol === undefined || symbol === '') {
        answer(422, { error: 'Symbol required' });
        return;
      }
      answer(200, quotes.get(symbol) ?? UNKNOWN_QUOTE);
      return;
    }
    if (path === '/search') {
      const q = (query.q ?? '').trim().toUpperCase();
      const result =
        q === ''
          ? []
          : SEARCH_LIST.filter(
              (entry) =>
                entry.symbol.toUpperCase().includes(q) ||
                entry.displaySymbol.toUpperCase().includes(q) ||
                entry.description.toUpperCase().includes(q),
            );
      answer(200, { count: result.length, result });
      return;
    }
    answer(404, { error: 'Not found' });
  }

  /** Stream `fault.bodyBytes` of a JSON-looking filler, writing only as fast as the client reads. */
  function streamFiller(response: ServerResponse, fault: Fault): void {
    const total = fault.bodyBytes ?? 0;
    const headers: Record<string, string | number> = { 'Content-Type': 'application/json', ...fault.headers };
    if (fault.declareLength) headers['Content-Length'] = total;
    response.writeHead(fault.status, headers);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    chunk.write('{"c":');
    let left = total;
    let ended = false;
    response.once('close', () => {
      ended = true;
      changed.emit();
    });
    const pump = (): void => {
      while (!ended && left > 0) {
        const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
        left -= part.length;
        hugeBodyBytesSent += part.length;
        if (!response.write(part)) {
          response.once('drain', pump);
          return;
        }
      }
      if (!ended && left === 0) response.end();
    };
    pump();
  }

  // ---------------------------------------------------------------- start

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  const setPingInterval = (ms: number): void => {
    if (pingTimer !== null) clearInterval(pingTimer);
    pingTimer = ms > 0 ? setInterval(() => fake.sendPing(), ms) : null;
  };
  setPingInterval(options.pingIntervalMs ?? 0);

  const fake: FakeFinnhub = {
    port,
    wsUrl: `ws://127.0.0.1:${port}`,
    restUrl: `http://127.0.0.1:${port}/api/v1`,
    clients,
    openClients,
    counters: {
      get connectionsAccepted() {
        return connectionsAccepted;
      },
      get handshakesRefused() {
        return handshakesRefused;
      },
      openConnections,
      maxOpenConnections: (token?: string) =>
        token === undefined ? Math.max(0, ...maxOpen.values()) : (maxOpen.get(token) ?? 0),
    },
    events,

    setValidTokens(tokens) {
      validTokens.clear();
      for (const token of tokens) validTokens.add(token);
    },
    respondToUpgradeWith(status, headers = {}, times = Infinity) {
      upgradeFault = { status, headers, remaining: times };
    },
    acceptUpgrades() {
      upgradeFault = null;
    },

    sendTrades(trades) {
      let delivered = 0;
      for (const client of openClients()) {
        const data = [];
        for (const trade of trades) {
          if (!client.subscriptions.has(trade.symbol)) continue;
          const item: Record<string, unknown> = { p: trade.price, s: trade.symbol, t: trade.time, v: trade.volume };
          if (trade.conditions !== undefined) item.c = trade.conditions;
          data.push(item);
        }
        if (data.length === 0 || stalled) continue;
        sendTo(client, JSON.stringify({ type: 'trade', data }));
        delivered += data.length;
      }
      return delivered;
    },
    sendRaw(frame, sendOptions = {}) {
      const targets = sendOptions.to !== undefined ? [sendOptions.to] : openClients();
      for (const client of targets) sendTo(client, frame, sendOptions.binary ?? false);
    },
    sendPing() {
      for (const client of openClients()) sendTo(client, '{"type":"ping"}');
    },
    sendError(msg) {
      const frame = JSON.stringify({ type: 'error', msg });
      for (const client of openClients()) sendTo(client, frame);
    },
    dropAll() {
      for (const client of openClients()) client.socket.terminate();
    },
    closeAll(code = 1000, reason = '') {
      for (const client of openClients()) client.socket.close(code, reason);
    },
    stall(value) {
      stalled = value;
    },
    setPingInterval,

    setQuote(symbol, quote) {
      quotes.set(symbol, { ...UNKNOWN_QUOTE, ...quote });
    },
    setProfile(symbol, profile) {
      if (profile === null) profiles.delete(symbol);
      else profiles.set(symbol, { ...profile });
    },
    setWeekRange(symbol, range) {
      if (range === null) ranges.delete(symbol);
      else ranges.set(symbol, { ...range });
    },
    setEarnings(entries) {
      earnings = entries.map((entry) => ({ ...entry }));
    },
    setNews(symbol, items) {
      news.set(
        symbol,
        items.map((item) => ({ ...item })),
      );
    },
    failPathWith(path, status) {
      pathFaults.set(path, status);
    },
    clearPathFault(path) {
      pathFaults.delete(path);
    },
    failRestWith(status, headers = {}, times = Infinity) {
      restFault = { status, headers, remaining: times };
    },
    answerRestWithHugeBody({ bytes, status = 200, declareLength = false, times = Infinity }) {
      restFault = { status, headers: {}, remaining: times, bodyBytes: bytes, declareLength };
    },
    get hugeBodyBytesSent() {
      return hugeBodyBytesSent;
    },
    clearRestFault() {
      restFault = null;
    },
    requests,

    waitFor<T>(check: () => T | undefined | false, description = 'condition', timeoutMs = waitTimeoutMs): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const first = check();
        if (first !== undefined && first !== false) {
          resolve(first);
          return;
        }
        const timer = setTimeout(() => {
          unsubscribe();
          reject(new Error(`fake Finnhub: timed out after ${timeoutMs} ms waiting for ${description}`));
        }, timeoutMs);
        const unsubscribe = changed.subscribe(() => {
          const value = check();
          if (value === undefined || value === false) return;
          clearTimeout(timer);
          unsubscribe();
          resolve(value);
        });
      });
    },
    waitForConnection(count) {
      if (count !== undefined) return fake.waitFor(() => clients[count - 1], `connection #${count}`);
      return fake.waitFor(() => openClients().at(-1), 'an open connection');
    },
    waitForSubscriptions(count, client) {
      return fake.waitFor(() => {
        const target = client ?? openClients().at(-1);
        if (target === undefined) return undefined;
        const subscribed = target.subscriptionLog.filter((m) => m.type === 'subscribe').map((m) => m.symbol);
        return subscribed.length >= count ? subscribed : undefined;
      }, `${count} subscriptions`);
    },
    waitForClose(client) {
      return fake.waitFor(() => {
        const target = client ?? clients.at(-1);
        return target !== undefined && target.closeCode !== null ? target : undefined;
      }, 'a connection to close');
    },
    waitForRefusals(count) {
      return fake.waitFor(
        () => (handshakesRefused >= count ? handshakesRefused : undefined),
        `${count} refused handshakes`,
      );
    },

    async close() {
      setPingInterval(0);
      for (const client of clients) {
        if (client.socket.readyState !== client.socket.CLOSED) client.socket.terminate();
      }
      for (const socket of rawSockets) socket.destroy();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const signal of Object.values(events)) signal.clear();
      changed.clear();
    },
  };
  return fake;
}
