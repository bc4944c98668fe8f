/**
 * TEST DOUBLE: a scripted, in-page implementation of `window.ticker` (TickerApi) with no network,
 * for driving the built renderer pages in Chromium.
 *
 *   await page.addInitScript({ content: fakeBridgeInitScript(fakeBridgeScript({ symbols: ['AAPL', 'BINANCE:BTCUSDT'] })) });
 *   await page.goto(url);
 *   await page.evaluate(() => window.__fakeTicker.pushPrices([{ symbol: 'AAPL', price: 191 }]));
 *
 * `installFakeBridge` is serialised into the page as source text, so it must stay self-contained:
 * no imports, no references to anything outside its own body (types are fine).
 * In the page, `window.__fakeTicker` (FakeTickerControl) drives it and records every call.
 */
import { defaultSecondStrip } from '../../src/shared/second-strip';
import { DEFAULT_PREFERENCES } from '../../src/shared/preference-rules';
import type { TickerApi } from '../../src/shared/ipc-contract';
import type { AlertRule } from '../../src/shared/alert-rules';
import type { ExportOutcome, ImportOutcome } from '../../src/shared/settings-transfer';
import type { PortfolioFigures } from '../../src/shared/portfolio/compute-portfolio';
import type { Holdings, LotDraft } from '../../src/shared/portfolio/holdings';
import type {
  FeedOverview,
  FeedStatus,
  KeyProtection,
  KeyTestResult,
  Notice,
  Preferences,
  PublicSettings,
  RelayClientInfo,
  RelayView,
  SecondStrip,
  SnapshotBatch,
  SymbolMatch,
  SymbolSnapshot,
} from '../../src/shared/types';

/** Everything the fake starts from. Plain data (it crosses into the page as JSON). */
export interface FakeBridgeScript {
  settings: PublicSettings;
  snapshot: SymbolSnapshot[];
  overview: FeedOverview;
  /** Entries `searchSymbols` filters (case-insensitive, on symbol and description). */
  searchCatalog: SymbolMatch[];
  /** What "Test key" answers; by default ok for keys of 8+ characters. */
  keyTest: KeyTestResult | null;
  /** How a newly saved key is protected. */
  keyProtection: KeyProtection;
  /** Milliseconds every invoke waits before answering (0 = next microtask). */
  latencyMs: number;
  /** Accelerators "another program holds": getShortcuts reports them as taken. */
  shortcutsTaken: string[];
  /** The relay as main would describe it (follows relayEnabled/relayPort); ports in busyPorts fail to listen. */
  relay: RelayView;
  relayBusyPorts: number[];
  /** What Export… and Import… answer (the user picking a file in main's dialogs, or cancelling). */
  transfer: { export: ExportOutcome; import: ImportOutcome; holdings: ExportOutcome };
  /** What getPortfolio answers until the test pushes other figures. */
  portfolio: PortfolioFigures | null;
  /** Whether the system runs on battery power (main's economy state follows it and the preference). */
  onBattery: boolean;
}

export interface PriceUpdate {
  symbol: string;
  price: number;
  /** Trade time (epoch ms); now by default. */
  time?: number;
}

/** The in-page controller, as `window.__fakeTicker`. */
export interface FakeTickerControl {
  /** Every invoke made, in order: name and arguments. */
  readonly calls: { name: string; args: unknown[] }[];
  /** The fake's current state (settings, quotes by symbol, status, relay). */
  readonly state: {
    settings: PublicSettings;
    quotes: Record<string, SymbolSnapshot>;
    overview: FeedOverview;
    relay: RelayView;
  };
  /** Apply trades and push one coalesced batch like the core's publisher would. */
  pushPrices(updates: PriceUpdate[]): SnapshotBatch;
  /** Push any raw batch (also malformed ones, to test robustness). */
  pushBatch(batch: unknown): void;
  setStatus(status: FeedStatus): void;
  notice(notice: Notice): void;
  focusAddSymbol(): void;
  /** Replace the relay's connected clients and push a `relay` event. */
  setRelayClients(clients: RelayClientInfo[]): void;
  /** Push the portfolio's figures as the core would after a batch. */
  pushPortfolio(figures: PortfolioFigures | null): void;
  /** The system switches to battery (true) or mains power: main's economy state follows. */
  setOnBattery(onBattery: boolean): void;
}

/** What the fake starts with: the app's defaults, at the renderer's usual test rate. */
const FAKE_PREFERENCES: Preferences = { ...DEFAULT_PREFERENCES, updateRateHz: 4 };

export interface FakeBridgeOptions {
  symbols?: string[];
  /** Prices (and previous closes) per symbol; symbols without one start with no price. */
  prices?: Record<string, { price: number; prevClose?: number; history?: number[] }>;
  preferences?: Partial<Preferences>;
  status?: FeedStatus;
  demo?: boolean;
  key?: PublicSettings['key'];
  maxSymbols?: number;
  alerts?: AlertRule[];
  searchCatalog?: SymbolMatch[];
  keyTest?: KeyTestResult | null;
  keyProtection?: KeyProtection;
  latencyMs?: number;
  now?: number;
  /** More watch lists beside the shown one (which holds `symbols`, id 'l1'). */
  otherLists?: { id: string; name: string; symbols: string[] }[];
  shortcutsTaken?: string[];
  relay?: { token?: string; origins?: string[]; clients?: RelayClientInfo[]; busyPorts?: number[] };
  /** What Export… and Import… answer (default: the user cancels the dialog). */
  transfer?: { export?: ExportOutcome; import?: ImportOutcome; holdings?: ExportOutcome };
  holdings?: Holdings;
  portfolio?: PortfolioFigures | null;
  /** The system runs on battery power at the start (default: mains). */
  onBattery?: boolean;
  secondStrip?: Partial<SecondStrip>;
}

/** Build a script from a few options (runs in Node, not in the page). */
export function fakeBridgeScript(options: FakeBridgeOptions = {}): FakeBridgeScript {
  const now = options.now ?? Date.now();
  const symbols = options.symbols ?? ['AAPL', 'MSFT', 'BINANCE:BTCUSDT', 'OANDA:EUR_USD'];
  const snapshot = symbols.map((symbol): SymbolSnapshot => {
    const seed = options.prices?.[symbol];
    const price = seed?.price ?? null;
    const prevClose = seed?.prevClose ?? null;
    const change = price != null && prevClose != null ? price - prevClose : null;
    return {
      symbol,
      price,
      prevClose,
      change,
      changePct: change != null && prevClose ? (change / prevClose) * 100 : null,
      dayHigh: price,
      dayLow: price,
      volume: 0,
      time: price != null ? now : null,
      history: seed?.history ?? (price != null ? [price] : []),
    };
  });
  const demo = options.demo ?? false;
  const preferences = { ...FAKE_PREFERENCES, ...options.preferences };
  const relayBusyPorts = options.relay?.busyPorts ?? [];
  const relayListening = preferences.relayEnabled && !relayBusyPorts.includes(preferences.relayPort);
  return {
    settings: {
      symbols,
      lists: [{ id: 'l1', name: 'Watch list', symbols: [...symbols] }, ...(options.otherLists ?? [])],
      shownListId: 'l1',
      preferences,
      key: options.key ?? { hasKey: !demo, masked: demo ? null : '••••a1b2', protection: demo ? 'none' : 'encrypted' },
      maxSymbols: options.maxSymbols ?? 50,
      alerts: options.alerts ?? [],
      holdings: options.holdings ?? { baseCurrency: 'USD', lots: [] },
      secondStrip: { ...defaultSecondStrip('l1'), ...options.secondStrip },
    },
    snapshot,
    overview: {
      status: options.status ?? { state: demo ? 'demo' : 'live', since: now },
      stats: {
        connections: 1,
        reconnects: 0,
        trades: 0,
        dropped: 0,
        droppedByReason: {},
        lastMessageAt: now,
        lastServerError: null,
        serverErrors: 0,
      },
      demo,
    },
    searchCatalog: options.searchCatalog ?? [
      { symbol: 'AAPL', displaySymbol: 'AAPL', description: 'APPLE INC', type: 'Common Stock' },
      { symbol: 'AMZN', displaySymbol: 'AMZN', description: 'AMAZON.COM INC', type: 'Common Stock' },
      { symbol: 'AMD', displaySymbol: 'AMD', description: 'ADVANCED MICRO DEVICES', type: 'Common Stock' },
      { symbol: 'NVDA', displaySymbol: 'NVDA', description: 'NVIDIA CORP', type: 'Common Stock' },
      { symbol: 'BINANCE:ETHUSDT', displaySymbol: 'ETH/USDT', description: 'Binance ETHUSDT', type: 'Crypto' },
    ],
    keyTest: options.keyTest ?? null,
    keyProtection: options.keyProtection ?? 'encrypted',
    latencyMs: options.latencyMs ?? 0,
    shortcutsTaken: options.shortcutsTaken ?? [],
    relay: {
      enabled: preferences.relayEnabled,
      port: preferences.relayPort,
      listening: relayListening,
      error:
        preferences.relayEnabled && !relayListening
          ? `Port ${preferences.relayPort} is already in use: pick another relay port`
          : null,
      clients: relayListening ? (options.relay?.clients ?? []) : [],
      token: options.relay?.token ?? 'relay-token-Xq3vN8pL2mK7wR4tY9bC1dF6',
      origins: options.relay?.origins ?? [],
    },
    relayBusyPorts,
    transfer: {
      export: options.transfer?.export ?? { status: 'cancelled' },
      import: options.transfer?.import ?? { status: 'cancelled' },
      holdings: options.transfer?.holdings ?? { status: 'cancelled' },
    },
    portfolio: options.portfolio ?? null,
    onBattery: options.onBattery ?? false,
  };
}

/**
 * Install the fake as `window.ticker` and its controller as `window.__fakeTicker`. Runs in the
 * page (pass it to `page.addInitScript` with a script); keep it self-contained.
 */
export function installFakeBridge(script: FakeBridgeScript): void {
  type Listener = (payload: unknown) => void;
  const page = globalThis as unknown as { ticker?: TickerApi; __fakeTicker?: FakeTickerControl };
  const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  const listeners: Record<string, Set<Listener>> = {
    quotes: new Set(),
    status: new Set(),
    settings: new Set(),
    notice: new Set(),
    focusAddSymbol: new Set(),
    focusAlert: new Set(),
    alert: new Set(),
    relay: new Set(),
    prefillAlert: new Set(),
    drawing: new Set(),
    portfolio: new Set(),
    economy: new Set(),
    update: new Set(),
    showAbout: new Set(),
  };
  let portfolio = clone(script.portfolio);
  let lotSeq = 0;
  const settings = clone(script.settings);
  const overview = clone(script.overview);
  const relay = clone(script.relay);
  let tokens = 0;
  const quotes: Record<string, SymbolSnapshot> = {};
  for (const quote of clone(script.snapshot)) quotes[quote.symbol] = quote;
  const calls: { name: string; args: unknown[] }[] = [];
  let seq = 0;

  const emit = (event: string, payload: unknown) => {
    for (const listener of [...(listeners[event] ?? [])]) listener(clone(payload));
  };
  const answer = <T>(value: T) =>
    new Promise<{ ok: true; value: T }>((resolve) => {
      const result = { ok: true as const, value: clone(value) };
      if (script.latencyMs > 0) setTimeout(() => resolve(result), script.latencyMs);
      else queueMicrotask(() => resolve(result));
    });
  const refuse = (code: string, message: string) =>
    new Promise<never>((resolve) => {
      const result = { ok: false, error: { code, message } };
      if (script.latencyMs > 0) setTimeout(() => resolve(result as never), script.latencyMs);
      else queueMicrotask(() => resolve(result as never));
    });
  const record = (name: string, args: unknown[]) => calls.push({ name, args: clone(args) });
  const emptyQuote = (symbol: string): SymbolSnapshot => ({
    symbol,
    price: null,
    prevClose: null,
    change: null,
    changePct: null,
    dayHigh: null,
    dayLow: null,
    volume: 0,
    time: null,
    history: [],
  });
  const publish = (changed: SymbolSnapshot[], removed: string[]): SnapshotBatch => {
    seq += 1;
    const batch: SnapshotBatch = { seq, at: Date.now(), quotes: changed, removed };
    emit('quotes', batch);
    return batch;
  };
  const shown = () => settings.lists.find((list) => list.id === settings.shownListId) ?? settings.lists[0]!;
  /** Keep the shown list and `symbols` the same, as the core does. */
  // Main's economy state: pushed to a page that starts listening and whenever it changes.
  // The rule of shared/economy.ts written out: this function runs in the page as text, without imports.
  let onBattery = script.onBattery;
  const economy = () => {
    const mode = settings.preferences.economy;
    return { active: mode === 'always' || (mode === 'on-battery' && onBattery), mode, onBattery };
  };
  let economySent = JSON.stringify(economy());
  const economyChanged = () => {
    const next = JSON.stringify(economy());
    if (next === economySent) return;
    economySent = next;
    emit('economy', economy());
  };
  const settingsChanged = () => {
    settings.symbols = [...shown().symbols];
    emit('settings', settings);
    economyChanged();
  };
  const setShownSymbols = (symbols: string[]) => {
    shown().symbols = symbols;
    settings.symbols = [...symbols];
  };
  const symbolPattern = /^[A-Za-z0-9.\-_:/^=]{1,40}$/;
  /** As the core's relay controller: (re)started or stopped by the preferences, clients dropped on stop. */
  const applyRelay = () => {
    const { relayEnabled, relayPort } = settings.preferences;
    const busy = script.relayBusyPorts.includes(relayPort);
    relay.enabled = relayEnabled;
    relay.port = relayPort;
    relay.listening = relayEnabled && !busy;
    relay.error = relayEnabled && busy ? `Port ${relayPort} is already in use: pick another relay port` : null;
    if (!relay.listening) relay.clients = [];
    emit('relay', relay);
  };

  const snapshot = () => settings.symbols.map((s) => quotes[s] ?? emptyQuote(s));
  const api = {
    getPageStart: () => (
      record('getPageStart', []),
      answer({ settings, snapshot: snapshot(), overview, portfolio, economy: economy() })
    ),
    getSettings: () => (record('getSettings', []), answer(settings)),
    setPreferences: (patch: Partial<Preferences>) => {
      record('setPreferences', [patch]);
      if (typeof patch !== 'object' || patch === null)
        return refuse('invalid-payload', 'Preferences must be an object.');
      for (const [name, value] of Object.entries(patch)) {
        if (!(name in settings.preferences)) return refuse('invalid-payload', `Unknown preference "${name}".`);
        if (name === 'speed' && (typeof value !== 'number' || value < 0 || value > 1000)) {
          return refuse('invalid-payload', 'Speed must be between 0 and 1000 px/s.');
        }
      }
      const relayBefore = `${settings.preferences.relayEnabled}:${settings.preferences.relayPort}`;
      settings.preferences = { ...settings.preferences, ...patch };
      settingsChanged();
      if (`${settings.preferences.relayEnabled}:${settings.preferences.relayPort}` !== relayBefore) applyRelay();
      return answer(settings);
    },
    addSymbol: (input: string) => {
      record('addSymbol', [input]);
      const symbol = typeof input === 'string' ? input.trim().toUpperCase() : '';
      if (!symbolPattern.test(symbol)) return refuse('invalid-payload', `"${String(input)}" is not a valid symbol.`);
      if (settings.symbols.includes(symbol)) return refuse('duplicate', `${symbol} is already in your list.`);
      if (settings.symbols.length >= settings.maxSymbols)
        return refuse('limit', `The plan allows at most ${settings.maxSymbols} symbols.`);
      setShownSymbols([...settings.symbols, symbol]);
      quotes[symbol] = emptyQuote(symbol);
      settingsChanged();
      publish([quotes[symbol] as SymbolSnapshot], []);
      return answer(settings.symbols);
    },
    removeSymbol: (symbol: string) => {
      record('removeSymbol', [symbol]);
      if (!settings.symbols.includes(symbol)) return refuse('not-found', `${symbol} is not in the list.`);
      setShownSymbols(settings.symbols.filter((s) => s !== symbol));
      delete quotes[symbol];
      settingsChanged();
      publish([], [symbol]);
      return answer(settings.symbols);
    },
    moveSymbol: (symbol: string, toIndex: number) => {
      record('moveSymbol', [symbol, toIndex]);
      const from = settings.symbols.indexOf(symbol);
      if (from < 0) return refuse('not-found', `${symbol} is not in the list.`);
      if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= settings.symbols.length) {
        return refuse('invalid-payload', 'Index out of range.');
      }
      const list = [...settings.symbols];
      list.splice(from, 1);
      list.splice(toIndex, 0, symbol);
      setShownSymbols(list);
      settingsChanged();
      return answer(settings.symbols);
    },
    addToList: (listId: string, input: string) => {
      record('addToList', [listId, input]);
      const list = settings.lists.find((l) => l.id === listId);
      if (!list) return refuse('not-found', 'That watch list no longer exists.');
      const symbol = typeof input === 'string' ? input.trim().toUpperCase() : '';
      if (!symbolPattern.test(symbol)) return refuse('invalid-payload', `"${String(input)}" is not a valid symbol.`);
      if (list.symbols.includes(symbol))
        return refuse(
          'duplicate',
          `${symbol} is already in ${settings.lists.length === 1 ? 'your list' : `“${list.name}”`}.`,
        );
      list.symbols = [...list.symbols, symbol];
      settingsChanged();
      return answer(list.symbols);
    },
    removeFromList: (listId: string, symbol: string) => {
      record('removeFromList', [listId, symbol]);
      const list = settings.lists.find((l) => l.id === listId);
      if (!list || !list.symbols.includes(symbol)) return refuse('not-found', `${symbol} is not in the list.`);
      list.symbols = list.symbols.filter((s) => s !== symbol);
      settingsChanged();
      return answer(list.symbols);
    },
    moveInList: (listId: string, symbol: string, toIndex: number) => {
      record('moveInList', [listId, symbol, toIndex]);
      const list = settings.lists.find((l) => l.id === listId);
      const from = list ? list.symbols.indexOf(symbol) : -1;
      if (!list || from < 0) return refuse('not-found', `${symbol} is not in the list.`);
      const next = [...list.symbols];
      next.splice(from, 1);
      next.splice(Math.min(Math.max(toIndex, 0), next.length), 0, symbol);
      list.symbols = next;
      settingsChanged();
      return answer(list.symbols);
    },
    createList: (name: string) => {
      record('createList', [name]);
      const trimmed = typeof name === 'string' ? name.trim() : '';
      if (!trimmed) return refuse('invalid-payload', 'A list needs a name.');
      if (settings.lists.some((l) => l.name.toLowerCase() === trimmed.toLowerCase()))
        return refuse('duplicate', `There is already a list named “${trimmed}”.`);
      const id = `l${settings.lists.length + 1}`;
      const list = { id, name: trimmed, symbols: [] as string[] };
      settings.lists.push(list);
      settingsChanged();
      return answer(list);
    },
    renameList: (listId: string, name: string) => {
      record('renameList', [listId, name]);
      const list = settings.lists.find((l) => l.id === listId);
      const trimmed = typeof name === 'string' ? name.trim() : '';
      if (!list) return refuse('not-found', 'That watch list no longer exists.');
      if (!trimmed) return refuse('invalid-payload', 'A list needs a name.');
      if (settings.lists.some((l) => l.id !== listId && l.name.toLowerCase() === trimmed.toLowerCase()))
        return refuse('duplicate', `There is already a list named “${trimmed}”.`);
      list.name = trimmed;
      settingsChanged();
      return answer(list);
    },
    deleteList: (listId: string) => {
      record('deleteList', [listId]);
      if (settings.lists.length === 1) return refuse('limit', 'Ticker needs at least one watch list.');
      settings.lists = settings.lists.filter((l) => l.id !== listId);
      if (settings.shownListId === listId) settings.shownListId = settings.lists[0]!.id;
      settingsChanged();
      return answer(settings);
    },
    showList: (listId: string) => {
      record('showList', [listId]);
      if (!settings.lists.some((l) => l.id === listId)) return refuse('not-found', 'That watch list no longer exists.');
      settings.shownListId = listId;
      settingsChanged();
      return answer(settings);
    },
    setApiKey: (key: string) => {
      record('setApiKey', ['<redacted>']);
      const trimmed = typeof key === 'string' ? key.trim() : '';
      settings.key = trimmed
        ? { hasKey: true, masked: `••••••••${trimmed.slice(-4)}`, protection: script.keyProtection }
        : { hasKey: false, masked: null, protection: 'none' };
      settingsChanged();
      return answer(settings.key);
    },
    testApiKey: (key?: string) => {
      record('testApiKey', [key === undefined ? undefined : '<redacted>']);
      if (script.keyTest) return answer(script.keyTest);
      const candidate = key ?? (settings.key.hasKey ? 'saved-key' : '');
      return answer(
        candidate.length >= 8
          ? { ok: true }
          : { ok: false, reason: candidate ? 'Finnhub refused this key (HTTP 401).' : 'No key to test.' },
      );
    },
    searchSymbols: (query: string) => {
      record('searchSymbols', [query]);
      const needle = String(query).trim().toUpperCase();
      return answer(
        needle
          ? script.searchCatalog.filter(
              (m) => m.symbol.toUpperCase().includes(needle) || m.description.toUpperCase().includes(needle),
            )
          : [],
      );
    },
    getSnapshot: () => (record('getSnapshot', []), answer(snapshot())),
    getOverview: () => (record('getOverview', []), answer(overview)),
    setPaused: (paused: boolean) => {
      record('setPaused', [paused]);
      overview.status = { state: paused ? 'paused' : 'live', since: Date.now() };
      settings.preferences = { ...settings.preferences, paused };
      emit('status', overview.status);
      settingsChanged();
      return answer(overview.status);
    },
    getDisplays: () => (
      record('getDisplays', []),
      answer([{ id: 1, label: 'Built-in display (1920×1080)', primary: true }])
    ),
    openSettings: () => (record('openSettings', []), answer(null)),
    openExternal: (url: string) => (record('openExternal', [url]), answer(null)),
    openChart: (symbol: string) => (record('openChart', [symbol]), answer(null)),
    showItemMenu: (symbol: string) => (record('showItemMenu', [symbol]), answer(null)),
    setSecondStrip: (patch: Partial<SecondStrip>) => {
      record('setSecondStrip', [patch]);
      if (patch.listId !== undefined && !settings.lists.some((list) => list.id === patch.listId))
        return refuse('not-found', 'That watch list no longer exists.');
      const next = { ...settings.secondStrip, ...patch };
      // Like the core: the lists on screen together must fit the plan's cap.
      const onScreen = new Set(settings.symbols);
      if (next.enabled)
        for (const symbol of settings.lists.find((list) => list.id === next.listId)?.symbols ?? [])
          onScreen.add(symbol);
      if (onScreen.size > settings.maxSymbols) {
        return refuse(
          'limit',
          `The lists on screen would need ${onScreen.size} symbols, but your plan allows ${settings.maxSymbols} on its one connection.`,
        );
      }
      settings.secondStrip = next;
      settingsChanged();
      return answer(settings);
    },
    getShortcuts: () => {
      record('getShortcuts', []);
      const { shortcutToggleStrips, shortcutPause, shortcutPrivacy } = settings.preferences;
      const state = (accelerator: string, other: string | null) =>
        accelerator === ''
          ? 'none'
          : script.shortcutsTaken.includes(accelerator)
            ? 'taken'
            : accelerator === other
              ? 'duplicate'
              : 'registered';
      return answer([
        {
          action: 'toggleStrips' as const,
          accelerator: shortcutToggleStrips,
          state: state(shortcutToggleStrips, null),
        },
        {
          action: 'togglePause' as const,
          accelerator: shortcutPause,
          state: state(shortcutPause, shortcutToggleStrips),
        },
        {
          action: 'togglePrivacy' as const,
          accelerator: shortcutPrivacy,
          state: state(
            shortcutPrivacy,
            [shortcutToggleStrips, shortcutPause].includes(shortcutPrivacy) ? shortcutPrivacy : null,
          ),
        },
      ]);
    },
    exportSettings: (format: string) => (record('exportSettings', [format]), answer(script.transfer.export)),
    importSettings: () => (record('importSettings', []), answer(script.transfer.import)),
    exportHoldings: () => (record('exportHoldings', []), answer(script.transfer.holdings)),
    // About: what a development run says (no licences file, no log folder, not a self-updating install).
    getAbout: () => {
      record('getAbout', []);
      return answer({
        name: 'Ticker',
        version: '0.1.0',
        electron: '45.5.0',
        chromium: '142.0.0.0',
        node: '22.20.0',
        license: 'MIT',
        homepage: 'https://example.com/ticker',
        copyright: 'Copyright © Ticker contributors',
        thirdParty: [{ name: 'ws', version: '8.0.0', license: 'MIT', text: 'The MIT License' }],
        logFolder: '/home/user/.config/Ticker/logs',
        update: settings.preferences.checkForUpdates ? { state: 'idle' } : { state: 'off' },
      });
    },
    checkForUpdates: () => {
      record('checkForUpdates', []);
      return answer(
        settings.preferences.checkForUpdates ? { state: 'up-to-date', checkedAt: Date.now() } : { state: 'off' },
      );
    },
    restartToUpdate: () => (record('restartToUpdate', []), refuse('not-found', 'No update has been downloaded yet.')),
    openLogFolder: () => (record('openLogFolder', []), answer(null)),
    onUpdate: (l: Listener) => subscribe('update', l),
    onShowAbout: (l: Listener) => subscribe('showAbout', l),
    onQuotes: (l: Listener) => subscribe('quotes', l),
    onStatus: (l: Listener) => subscribe('status', l),
    onSettings: (l: Listener) => subscribe('settings', l),
    onNotice: (l: Listener) => subscribe('notice', l),
    onFocusAddSymbol: (l: Listener) => subscribe('focusAddSymbol', l),
    onFocusAlert: (l: Listener) => subscribe('focusAlert', l),
    onAlert: (l: Listener) => subscribe('alert', l),
    onRelay: (l: Listener) => subscribe('relay', l),
    onPrefillAlert: (l: Listener) => subscribe('prefillAlert', l),
    onDrawing: (l: Listener) => subscribe('drawing', l),
    // Company context: nothing known (the real core's is tested in test/e2e/app-context.test.ts).
    getContext: () => (record('getContext', []), answer({ details: [], headlines: [] })),
    onDetails: (l: Listener) => subscribe('details', l),
    onHeadlines: (l: Listener) => subscribe('headlines', l),
    showCard: (card: unknown) => (record('showCard', [card]), answer(null)),
    hideCard: () => (record('hideCard', []), answer(null)),
    openHeadline: (url: string) => (record('openHeadline', [url]), answer(null)),
    onPortfolio: (l: Listener) => subscribe('portfolio', l),
    onEconomy: (l: Listener) => {
      const stop = subscribe('economy', l);
      queueMicrotask(() => l(economy()));
      return stop;
    },
    getPortfolio: () => (record('getPortfolio', []), answer(portfolio)),
    // Lots are checked by the page (shared rules) and by the real core (test/e2e/app-portfolio.test.ts); the double keeps them.
    addLot: (draft: LotDraft) => {
      record('addLot', [draft]);
      lotSeq += 1;
      settings.holdings.lots.push({ id: `fake-lot-${lotSeq}`, ...draft });
      settingsChanged();
      return answer(settings.holdings);
    },
    updateLot: (id: string, draft: LotDraft) => {
      record('updateLot', [id, draft]);
      const index = settings.holdings.lots.findIndex((lot) => lot.id === id);
      if (index < 0) return refuse('not-found', 'That lot no longer exists.');
      settings.holdings.lots[index] = { id, ...draft };
      settingsChanged();
      return answer(settings.holdings);
    },
    removeLot: (id: string) => {
      record('removeLot', [id]);
      settings.holdings.lots = settings.holdings.lots.filter((lot) => lot.id !== id);
      settingsChanged();
      return answer(settings.holdings);
    },
    replaceLots: (lots: LotDraft[]) => {
      record('replaceLots', [lots]);
      settings.holdings.lots = lots.map((lot) => ({ id: `fake-lot-${(lotSeq += 1)}`, ...lot }));
      settingsChanged();
      return answer(settings.holdings);
    },
    setBaseCurrency: (code: string) => {
      record('setBaseCurrency', [code]);
      settings.holdings.baseCurrency = code;
      settingsChanged();
      return answer(settings.holdings);
    },
    getAlertHistory: () => (record('getAlertHistory', []), answer([])),
    getRelay: () => (record('getRelay', []), answer(relay)),
    regenerateRelayToken: () => {
      record('regenerateRelayToken', []);
      tokens += 1;
      relay.token = `relay-token-regenerated-${String(tokens).padStart(4, '0')}`;
      // A new token revokes the old one: its clients are closed.
      relay.clients = [];
      emit('relay', relay);
      return answer(relay);
    },
    setRelayOrigins: (origins: string[]) => {
      record('setRelayOrigins', [origins]);
      if (!Array.isArray(origins) || origins.some((o) => typeof o !== 'string' || !/^https?:\/\/[^/]+$/.test(o))) {
        return refuse('invalid-payload', 'Not an origin.');
      }
      relay.origins = [...origins];
      emit('relay', relay);
      return answer(relay);
    },
    copyRelay: (item: string) => (record('copyRelay', [item]), answer(null)),
    // Alert edits are exercised against the real core (test/e2e/app-alerts.test.ts), not this double.
    addAlert: (draft: unknown) => (
      record('addAlert', [draft]),
      refuse('internal', 'Alerts are not scripted in the fake bridge.')
    ),
    updateAlert: (id: string, draft: unknown) => (
      record('updateAlert', [id, draft]),
      refuse('internal', 'Alerts are not scripted in the fake bridge.')
    ),
    removeAlert: (id: string) => (
      record('removeAlert', [id]),
      refuse('internal', 'Alerts are not scripted in the fake bridge.')
    ),
    rearmAlert: (id: string) => (
      record('rearmAlert', [id]),
      refuse('internal', 'Alerts are not scripted in the fake bridge.')
    ),
  };
  function subscribe(event: string, listener: Listener): () => void {
    listeners[event]?.add(listener);
    return () => {
      listeners[event]?.delete(listener);
    };
  }

  const control: FakeTickerControl = {
    calls,
    state: { settings, quotes, overview, relay },
    pushPrices(updates) {
      const changed: SymbolSnapshot[] = [];
      for (const { symbol, price, time } of updates) {
        const previous = quotes[symbol] ?? emptyQuote(symbol);
        const change = previous.prevClose != null ? price - previous.prevClose : null;
        const next: SymbolSnapshot = {
          ...previous,
          price,
          change,
          changePct: change != null && previous.prevClose ? (change / previous.prevClose) * 100 : null,
          dayHigh: Math.max(previous.dayHigh ?? price, price),
          dayLow: Math.min(previous.dayLow ?? price, price),
          volume: previous.volume + 1,
          time: time ?? Date.now(),
          history: [...previous.history, price].slice(-60),
        };
        quotes[symbol] = next;
        overview.stats.trades += 1;
        overview.stats.lastMessageAt = Date.now();
        changed.push(next);
      }
      return publish(changed, []);
    },
    pushBatch: (batch) => emit('quotes', batch),
    setStatus(status) {
      overview.status = status;
      emit('status', status);
    },
    notice: (notice) => emit('notice', notice),
    focusAddSymbol: () => emit('focusAddSymbol', null),
    setRelayClients(clients) {
      relay.clients = clone(clients);
      emit('relay', relay);
    },
    pushPortfolio(figures) {
      portfolio = clone(figures);
      emit('portfolio', figures);
    },
    setOnBattery(next) {
      onBattery = next;
      economyChanged();
    },
  };

  page.ticker = api as unknown as TickerApi;
  page.__fakeTicker = control;
}

/**
 * The page script that installs the fake with `script`, for `page.addInitScript({ content })`.
 * Transpilers may wrap functions in a `__name(...)` helper (esbuild keepNames); a no-op stands in.
 */
export function fakeBridgeInitScript(script: FakeBridgeScript): string {
  return `(() => { const __name = (target) => target; (${installFakeBridge.toString()})(${JSON.stringify(script)}); })();`;
}
