/**
 * Live or demo, decided in one place for the app and the headless command: with a key, the one
 * Finnhub connection and its REST client (for previous closes); without one, the labelled demo feed
 * and its simulated previous closes.
 */
import { systemClock, type Clock } from '../../shared/clock';
import { FINNHUB_REST_URL, FINNHUB_WS_URL } from '../../shared/finnhub-urls';
import { DemoSource } from '../feed/demo-source';
import { FinnhubConnection } from '../feed/finnhub-connection';
import type { TradeSource } from '../feed/trade-source';
import { FinnhubRest } from '../market/finnhub-rest';
import type { FetchLike } from '../net/fetch-like';
import type { QuoteFetcher } from '../market/prev-close-loader';
import type { ProxyLookup } from '../net/proxy-lookup';
import type { RequestSlots } from '../market/rate-limiter';
import { demoQuotes, type PreviousCloseSource } from './demo-quotes';

/** How the feed's sources are made, where the app, the headless command or a test needs otherwise. */
export interface FeedSourceOverrides {
  wsUrl?: string;
  restUrl?: string;
  /** How REST goes out (default: Node's fetch; the app: Electron's net, with the system's proxy and certificates). */
  fetch?: FetchLike;
  /** The proxy the websocket goes through (default: none). */
  proxyFor?: ProxyLookup;
  heartbeatTimeoutMs?: number;
  /** Override how sources are made (tests). */
  createLiveSource?: (token: string, symbols: readonly string[]) => TradeSource;
  createDemoSource?: (symbols: readonly string[]) => TradeSource & PreviousCloseSource;
}

export interface FeedSourceConfig extends FeedSourceOverrides {
  /** The API key; null runs the demo. */
  key: string | null;
  symbols: readonly string[];
  /** Shared by every REST client of the process (Finnhub's limit is per key and per IP). */
  limiter: RequestSlots;
  /** Time and timers for the sources and REST (default: the system clock). */
  clock?: Clock;
}

export interface FeedSource {
  source: TradeSource;
  /** Where previous closes come from. */
  quotes: QuoteFetcher;
  /** The live REST client (search, key tests); null for the demo. */
  rest: FinnhubRest | null;
}

export function createFeedSource(config: FeedSourceConfig): FeedSource {
  const { key, symbols } = config;
  const clock = config.clock ?? systemClock;
  if (key === null) {
    const demo = config.createDemoSource ? config.createDemoSource(symbols) : new DemoSource({ symbols, clock });
    return { source: demo, quotes: demoQuotes(demo, () => clock.now()), rest: null };
  }
  const source = config.createLiveSource
    ? config.createLiveSource(key, symbols)
    : new FinnhubConnection({
        token: key,
        wsUrl: config.wsUrl ?? FINNHUB_WS_URL,
        symbols,
        clock,
        ...(config.proxyFor ? { proxyFor: config.proxyFor } : {}),
        ...(config.heartbeatTimeoutMs !== undefined ? { heartbeatTimeoutMs: config.heartbeatTimeoutMs } : {}),
      });
  const rest = createRestClient(config, key);
  return { source, quotes: rest, rest };
}

/** A REST client for `token` with the config's base URL, limiter, clock and fetch. */
export function createRestClient(config: Omit<FeedSourceConfig, 'key' | 'symbols'>, token: string): FinnhubRest {
  return new FinnhubRest({
    token,
    baseUrl: config.restUrl ?? FINNHUB_REST_URL,
    limiter: config.limiter,
    ...(config.clock ? { clock: config.clock } : {}),
    ...(config.fetch ? { fetch: config.fetch } : {}),
  });
}
