/**
 * A page of the app in a scripted situation, made the way the app makes it: the fake Finnhub server
 * quotes the prices (and previous closes) the test names at the time it names, a REAL core (the
 * test's key, symbols, lists, alerts, lots and preferences, all set through its own handlers) loads
 * them, and the page runs the real preload over main's real IPC (RendererSession.openCorePage).
 * Trades stream through the fake server; what only the system could do (a status the feed reaches
 * after minutes, a notice, the tray's requests) is raised on the core's own events, which main
 * forwards to the windows as it always does.
 */
import type { Page } from 'playwright-core';
import type { AlertDraft } from '../../../src/shared/alert-rules';
import { systemClock } from '../../../src/shared/clock';
import type { LotDraft } from '../../../src/shared/portfolio/holdings';
import { EVENT_CHANNELS } from '../../../src/shared/ipc-contract';
import type { Preferences, SecondStrip, SnapshotBatch } from '../../../src/shared/types';
import type { TickerCore } from '../../../src/engine/core/ticker-core';
import type { BrowserBridge, BrowserDesk } from '../../support/browser-bridge';
import { createCoreFixture, fakeSafeStorage } from '../../support/core-fixture';
import { startFakeFinnhub, type FakeFinnhub } from '../../support/fake-finnhub';
import { quickLiveSource } from './app-fixture';
import type { CorePageOptions, RendererSession } from './renderer-session';
import { PRICES, SYMBOLS, type SamplePrices } from './sample-watchlist';

/** The saved Finnhub key (the fake server accepts it; pages see it masked as ••••a1b2). */
export const PAGE_KEY = 'test-key-a1b2';

export interface AppPageOptions {
  /** The shown list's symbols (default: the sample watch list). */
  symbols?: string[];
  /** The last price and previous close Finnhub quotes per symbol (default: the sample's); others have none. */
  prices?: SamplePrices;
  /** Symbols Finnhub has no quote for (e.g. a currency pair whose rate has not come yet). */
  unquoted?: string[];
  /** When those prices were traded (epoch ms, default a minute before `at`). */
  quotedAt?: number;
  preferences?: Partial<Preferences>;
  /** No key: the demo feed (its prices are its own). */
  demo?: boolean;
  /** More watch lists beside the shown one; the one marked `second` is on the second strip. */
  otherLists?: { name: string; symbols: string[]; second?: boolean }[];
  alerts?: AlertDraft[];
  lots?: LotDraft[];
  baseCurrency?: string;
  secondStrip?: Partial<SecondStrip>;
  /** The plan's cap on the symbols on screen (default the app's). */
  maxSymbols?: number;
  /** The system cannot encrypt the key (it is only obfuscated on disk). */
  noEncryption?: boolean;
  /** The core's clock starts at this instant (epoch ms) and runs on from there (default: now). */
  at?: number;
}

export interface AppPage {
  page: Page;
  errors: string[];
  bridge: BrowserBridge;
  desk: BrowserDesk;
  core: TickerCore;
  server: FakeFinnhub;
  /** The id of the list the first strip shows. */
  listId: string;
  /** The core's clock now (epoch ms). */
  now(): number;
  /** Stream one trade per update through Finnhub (time: the core's now by default); returns the trades delivered. */
  trade(updates: { symbol: string; price: number; time?: number }[]): number;
  /** Resolves once main has delivered the page a quote batch with `symbol` at `price`. */
  delivered(symbol: string, price: number): Promise<void>;
  /** Invocations of `name` by this page, their arguments in order. */
  argsOf(name: string): unknown[][];
  /** Close the page, the core and the server. */
  close(): Promise<void>;
}

type PageName = 'strip' | 'settings';

/**
 * Start the fake server and a core in the situation `options` describe, wait until the core holds
 * every quoted price, and open `name` on it.
 */
export async function openAppPage(
  session: RendererSession,
  name: PageName,
  options: AppPageOptions = {},
  pageOptions: CorePageOptions = {},
): Promise<AppPage> {
  const symbols = options.symbols ?? SYMBOLS;
  const prices = options.prices ?? PRICES;
  const server = await startFakeFinnhub({ tokens: [PAGE_KEY] });
  const offset = options.at === undefined ? 0 : options.at - Date.now();
  const now = () => Date.now() + offset;
  const quotedAt = options.quotedAt ?? now() - 60_000;
  // The feed carries the lists on screen: the shown one and the second strip's.
  const onScreen = [
    ...new Set([...symbols, ...(options.otherLists ?? []).flatMap((list) => (list.second ? list.symbols : []))]),
  ];
  const quoted = onScreen.filter((symbol) => prices[symbol]);
  for (const symbol of options.unquoted ?? [])
    server.setQuote(symbol, { c: 0, d: null, dp: null, h: 0, l: 0, o: 0, pc: 0, t: 0 });
  for (const symbol of quoted) {
    const { price, prevClose } = prices[symbol] as SamplePrices[string];
    server.setQuote(symbol, {
      c: price,
      d: price - prevClose,
      dp: ((price - prevClose) / prevClose) * 100,
      h: price,
      l: price,
      o: prevClose,
      pc: prevClose,
      t: Math.floor(quotedAt / 1000),
    });
  }
  const clock = offset === 0 ? undefined : { ...systemClock, now };
  const { core } = createCoreFixture(server, {
    symbols,
    ...(options.maxSymbols !== undefined ? { maxSymbols: options.maxSymbols } : {}),
    ...(options.noEncryption ? { safeStorage: { ...fakeSafeStorage, isEncryptionAvailable: () => false } } : {}),
    ...(options.demo ? {} : { key: PAGE_KEY }),
    ...(clock ? { clock } : {}),
    createLiveSource: quickLiveSource(server, clock),
  });
  const closeCore = async () => {
    await core.stop();
    await server.close();
  };
  try {
    await arrange(core, options);
    core.start();
    await quotesLoaded(core, quoted);
    if (options.preferences?.relayEnabled) await relaySettled(core);
    // A paused feed does not connect; the demo has nothing to connect to.
    if (!options.demo && !options.preferences?.paused && onScreen.length > 0) {
      const client = await server.waitForConnection(1);
      await server.waitForSubscriptions(onScreen.length, client);
    }
  } catch (error) {
    await closeCore();
    throw error;
  }
  const { page, errors, bridge } = await session.openCorePage(name, core, pageOptions);
  return {
    page,
    errors,
    bridge,
    desk: session.desk(core),
    core,
    server,
    listId: core.shownListId(),
    now,
    trade: (updates) =>
      server.sendTrades(updates.map(({ symbol, price, time }) => ({ symbol, price, volume: 1, time: time ?? now() }))),
    delivered: (symbol, price) => deliveredQuote(bridge, symbol, price),
    argsOf: (invoke) => bridge.invocations.filter((call) => call.name === invoke).map((call) => call.args),
    async close() {
      await page.close();
      await closeCore();
    },
  };
}

/** Set up lists, alerts, lots and preferences through the core's own handlers (validated as from a page). */
async function arrange(core: TickerCore, options: AppPageOptions): Promise<void> {
  const { handlers } = core;
  for (const list of options.otherLists ?? []) {
    const created = await handlers.createList(list.name);
    for (const symbol of list.symbols) await handlers.addToList(created.id, symbol);
    if (list.second) await handlers.setSecondStrip({ enabled: true, listId: created.id });
  }
  for (const alert of options.alerts ?? []) await handlers.addAlert(alert);
  if (options.baseCurrency) await handlers.setBaseCurrency(options.baseCurrency);
  for (const lot of options.lots ?? []) await handlers.addLot(lot);
  if (options.secondStrip) await handlers.setSecondStrip(options.secondStrip);
  // As in the app, the relay's token exists before the relay is turned on (the settings window
  // shows it first). Turned on from the saved settings before any token was made, the core makes
  // the token inside its first start and starts again over it: the relay can stay "starting".
  if (options.preferences?.relayEnabled) await handlers.getRelay();
  // The strip pages draw at the renderer's usual test rate unless the test says otherwise.
  await handlers.setPreferences({ updateRateHz: 4, ...options.preferences });
}

/** Resolves once every quoted symbol has its price in the core (checked on each published batch). */
function quotesLoaded(core: TickerCore, symbols: readonly string[]): Promise<void> {
  const done = async () => {
    const { snapshot } = await core.handlers.getPageStart();
    return symbols.every((symbol) => snapshot.some((quote) => quote.symbol === symbol && quote.price !== null));
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`the core did not load the quotes of ${symbols.join(', ')}`));
    }, 5_000);
    const check = () =>
      void done().then((complete) => {
        if (!complete) return;
        clearTimeout(timer);
        stop();
        resolve();
      }, reject);
    const stop = core.events.quotes.subscribe(check);
    check();
  });
}

/** Resolves once a quote batch delivered to the page holds `symbol` at `price`. */
function deliveredQuote(bridge: BrowserBridge, symbol: string, price: number): Promise<void> {
  return bridge.waitForDelivery(
    ({ channel, payload }) =>
      channel === EVENT_CHANNELS.quotes &&
      (payload as SnapshotBatch).quotes.some((quote) => quote.symbol === symbol && quote.price === price),
  );
}

/** Resolves once the relay listens or says why it cannot (it starts in the background). */
function relaySettled(core: TickerCore): Promise<void> {
  const settled = () => core.relay().listening || core.relay().error !== null;
  if (settled()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error('the relay neither started nor failed'));
    }, 5_000);
    const stop = core.events.relay.subscribe(() => {
      if (!settled()) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}
