/**
 * The relay wired as the app wires it: fake Finnhub → one FinnhubConnection → FeedSession (with
 * the subscription union) → RelayServer on 127.0.0.1 (random port), with the REST quotes from the
 * fake server. Keep-alive timers are manual so tests fire them.
 */
import { FeedSession } from '../../src/engine/session/feed-session';
import { FinnhubConnection } from '../../src/engine/feed/finnhub-connection';
import { FinnhubRest } from '../../src/engine/market/finnhub-rest';
import { RateLimiter } from '../../src/engine/market/rate-limiter';
import { sessionRelayFeed } from '../../src/engine/relay/relay-feed';
import type { Clock } from '../../src/shared/clock';
import { RelayServer, type RelayServerOptions } from '../../src/engine/relay/relay-server';
import { waitOn } from './relay-clients';
import { startFakeFinnhub, type FakeFinnhub, type FakeFinnhubOptions } from './fake-finnhub';

export const RELAY_TOKEN = 'relay-token-0123456789abcdef';
export const FINNHUB_KEY = 'test-key';

/** The system's time, with keep-alive intervals that run only when a test fires them. */
export interface ManualTimers extends Pick<Clock, 'now' | 'setInterval' | 'clearInterval'> {
  /** Run every interval callback registered with this period. */
  fire(ms: number): void;
}

export function manualTimers(): ManualTimers {
  const intervals = new Map<number, { ms: number; callback: () => void }>();
  let next = 1;
  return {
    now: () => Date.now(),
    setInterval(callback, ms) {
      const id = next++;
      intervals.set(id, { ms, callback });
      return id;
    },
    clearInterval(handle) {
      intervals.delete(handle as number);
    },
    fire(ms) {
      for (const interval of [...intervals.values()]) if (interval.ms === ms) interval.callback();
    },
  };
}

export interface RelayRig {
  server: FakeFinnhub;
  session: FeedSession;
  connection: FinnhubConnection;
  relay: RelayServer;
  /** The REST limiter shared by previous closes and relay lookups. */
  limiter: RateLimiter;
  rest: FinnhubRest;
  port: number;
  timers: ManualTimers;
  wsUrl(token?: string | null): string;
  sseUrl(symbols: string, token?: string | null): string;
  /** Re-checked on every relay, store, upstream-trade and fake-server event. */
  waitFor<T>(check: () => T | undefined | false, description?: string): Promise<T>;
  close(): Promise<void>;
}

export interface RelayRigOptions {
  own?: string[];
  maxSymbols?: number;
  fake?: FakeFinnhubOptions;
  relay?: Partial<Omit<RelayServerOptions, 'feed' | 'port' | 'token' | 'clock'>>;
  /** The REST side's clock (the limiter's windows and the REST timeouts); default the system's. */
  restClock?: Clock;
  /** The feed session's clock (its publisher and the pacing of clients' changes upstream). */
  sessionClock?: Clock;
}

export async function startRelayRig(options: RelayRigOptions = {}): Promise<RelayRig> {
  const server = await startFakeFinnhub(options.fake);
  const maxSymbols = options.maxSymbols ?? 50;
  const session = new FeedSession({
    symbols: options.own ?? ['AAPL'],
    rateHz: 10,
    maxSymbols,
    ...(options.sessionClock ? { clock: options.sessionClock } : {}),
  });
  const connection = new FinnhubConnection({
    token: FINNHUB_KEY,
    wsUrl: server.wsUrl,
    heartbeatTimeoutMs: 60_000,
    backoffBaseMs: 10,
    backoffCapMs: 50,
    closeGraceMs: 500,
  });
  const restClock = options.restClock ? { clock: options.restClock } : {};
  const limiter = new RateLimiter(restClock);
  const rest = new FinnhubRest({ token: FINNHUB_KEY, baseUrl: server.restUrl, limiter, ...restClock });
  await session.attach(connection, rest);
  const timers = manualTimers();
  const relay = new RelayServer({
    feed: sessionRelayFeed(session, { maxSymbols }),
    port: 0,
    token: RELAY_TOKEN,
    clock: timers,
    ...options.relay,
  });
  const port = await relay.listen();
  const withToken = (base: string, token: string | null | undefined, sep: string): string =>
    token === null ? base : `${base}${sep}token=${encodeURIComponent(token ?? RELAY_TOKEN)}`;
  return {
    server,
    session,
    connection,
    relay,
    limiter,
    rest,
    port,
    timers,
    wsUrl: (token) => withToken(`ws://127.0.0.1:${port}/`, token, '?'),
    sseUrl: (symbols, token) =>
      withToken(`http://127.0.0.1:${port}/sse?symbols=${encodeURIComponent(symbols)}`, token, '&'),
    waitFor(check, description = 'a condition') {
      const signals = [
        relay.clientsChanged,
        session.store.changed,
        session.batches,
        connection.rawTrades,
        server.events.message,
        server.events.connection,
        server.events.close,
      ];
      return waitOn(signals, check, description);
    },
    async close() {
      await relay.close();
      await session.close();
      limiter.dispose();
      await server.close();
    },
  };
}
