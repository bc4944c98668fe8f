/**
 * The whole app minus Electron for browser tests: a fake Finnhub server seeded with previous
 * closes, and a REAL TickerCore (settings, one FinnhubConnection with fast backoff, tick store,
 * publisher, REST loader) connected to it and subscribed. Pages get `window.ticker` through
 * `RendererSession.openCorePage(name, app.core)`.
 */
import type { Page } from 'playwright-core';
import type { TickerCore } from '../../../src/engine/core/ticker-core';
import { FinnhubConnection } from '../../../src/engine/feed/finnhub-connection';
import type { Settings } from '../../../src/engine/settings/settings';
import type { Preferences } from '../../../src/shared/types';
import { systemClock, type Clock } from '../../../src/shared/clock';
import { createCoreFixture } from '../../support/core-fixture';
import { startFakeFinnhub, type FakeClient, type FakeFinnhub } from '../../support/fake-finnhub';

export const APP_KEY = 'test-key';

/** Previous closes (served by the fake /quote) and a first trade above or below each. */
export const LIVE_WATCHLIST: Readonly<Record<string, { prevClose: number; price: number }>> = {
  AAPL: { prevClose: 187.2, price: 189.41 },
  MSFT: { prevClose: 417.9, price: 415.1 },
  NVDA: { prevClose: 128.05, price: 131.2 },
  TSLA: { prevClose: 255.1, price: 251.44 },
  'BINANCE:BTCUSDT': { prevClose: 95500, price: 97123.45 },
  'BINANCE:ETHUSDT': { prevClose: 3501.2, price: 3456.78 },
  'OANDA:EUR_USD': { prevClose: 1.0831, price: 1.08421 },
  'OANDA:USD_JPY': { prevClose: 151.52, price: 151.234 },
};
export const LIVE_SYMBOLS = Object.keys(LIVE_WATCHLIST);

export interface StartAppOptions {
  symbols?: readonly string[];
  preferences?: Partial<Preferences>;
  /** Reconnect backoff of the one connection (default base 50 ms, cap 200 ms). */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** The core's clock (default Date.now); e.g. run it ahead to fill the 5 s history slots. */
  now?: () => number;
  /** Seed the fake server before the core starts (e.g. its earnings calendar and news). */
  seed?: (server: FakeFinnhub) => void;
}

export interface RunningApp {
  readonly server: FakeFinnhub;
  readonly core: TickerCore;
  readonly settings: Settings;
  /** The first upstream connection, subscribed to every symbol. */
  readonly client: FakeClient;
  /** Send one trade per symbol at `prices`, timestamped now; returns the trades delivered. */
  trade(prices: Readonly<Record<string, number>>): number;
  /** Stop the core (clean close), then the server. */
  close(): Promise<void>;
}

/**
 * The one Finnhub connection a browser test's core makes to the fake server: it reconnects within
 * a fraction of a second (backoff base 50 ms, cap 200 ms unless given) so a test never waits.
 */
export function quickLiveSource(
  server: FakeFinnhub,
  clock: Clock | undefined,
  backoff: Pick<StartAppOptions, 'backoffBaseMs' | 'backoffCapMs'> = {},
) {
  return (token: string, initial: readonly string[]) =>
    new FinnhubConnection({
      token,
      wsUrl: server.wsUrl,
      symbols: initial,
      backoffBaseMs: backoff.backoffBaseMs ?? 50,
      backoffCapMs: backoff.backoffCapMs ?? 200,
      closeGraceMs: 200,
      ...(clock ? { clock } : {}),
    });
}

/**
 * Start the fake server (previous closes seeded a minute in the past, so a quote never overrides a
 * newer streamed trade), then the core with the key and symbols, and wait until it subscribed.
 */
export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  const symbols = options.symbols ?? LIVE_SYMBOLS;
  const server = await startFakeFinnhub({ tokens: [APP_KEY] });
  const minuteAgo = Math.floor(Date.now() / 1000) - 60;
  for (const symbol of symbols) {
    const seed = LIVE_WATCHLIST[symbol];
    if (!seed) continue;
    const { prevClose } = seed;
    server.setQuote(symbol, {
      c: prevClose,
      d: 0,
      dp: 0,
      h: prevClose,
      l: prevClose,
      o: prevClose,
      pc: prevClose,
      t: minuteAgo,
    });
  }
  options.seed?.(server);
  // The core and its connection share one clock: the system's timers, read at `options.now`.
  const clock: Clock | undefined = options.now ? { ...systemClock, now: options.now } : undefined;
  const { core, settings } = createCoreFixture(server, {
    symbols: [...symbols],
    key: APP_KEY,
    ...(clock ? { clock } : {}),
    createLiveSource: quickLiveSource(server, clock, options),
  });
  if (options.preferences) settings.preferences.set(options.preferences);
  let stopped = false;
  const close = async () => {
    if (stopped) return;
    stopped = true;
    await core.stop();
    await server.close();
  };
  try {
    core.start();
    const client = await server.waitForConnection(1);
    await server.waitForSubscriptions(symbols.length, client);
    return {
      server,
      core,
      settings,
      client,
      trade: (prices) =>
        server.sendTrades(
          Object.entries(prices).map(([symbol, price]) => ({ symbol, price, volume: 1, time: Date.now() })),
        ),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The first-trade price of every watched symbol. */
export function openingPrices(symbols: readonly string[] = LIVE_SYMBOLS): Record<string, number> {
  return Object.fromEntries(
    symbols.flatMap((symbol) => (LIVE_WATCHLIST[symbol] ? [[symbol, LIVE_WATCHLIST[symbol].price]] : [])),
  );
}

/** The symbols of the strip's first lane (one copy of the content), in display order. */
export function stripSymbols(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.lane:first-child .item, .page .item')].map(
      (item) => item.dataset.symbol ?? '',
    ),
  );
}

/** Resolves once the strip shows `text` as the price of `symbol` (checked every frame). */
export async function waitForPrice(page: Page, symbol: string, text: string): Promise<void> {
  await page.waitForFunction(
    ([s, t]) =>
      [...document.querySelectorAll<HTMLElement>('.item')].some(
        (item) => item.dataset.symbol === s && item.querySelector('.price')?.textContent === t,
      ),
    [symbol, text] as const,
    { polling: 'raf' },
  );
}

/** Resolves once the strip's first-lane symbols are exactly `symbols`, in order. */
export async function waitForStripSymbols(page: Page, symbols: readonly string[]): Promise<void> {
  await page.waitForFunction(
    (expected) =>
      [...document.querySelectorAll<HTMLElement>('.lane:first-child .item, .page .item')]
        .map((item) => item.dataset.symbol)
        .join(',') === expected.join(','),
    [...symbols],
    { polling: 'raf' },
  );
}
