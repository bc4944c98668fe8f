/**
 * Domain types shared by main, preload and renderer. Pure declarations: no runtime dependencies.
 */
import type { AlertRule } from './alert-rules';
import type { WatchList } from './watch-lists';
import type { Holdings } from './portfolio/holdings';

export type { WatchList } from './watch-lists';

/** Every state the feed can be in. `demo` means the simulated source is running (no API key). */
export type ConnectionState =
  'connecting' | 'live' | 'reconnecting' | 'rate-limited' | 'unauthorized' | 'offline' | 'paused' | 'stopped' | 'demo';

export const CONNECTION_STATES: readonly ConnectionState[] = [
  'connecting',
  'live',
  'reconnecting',
  'rate-limited',
  'unauthorized',
  'offline',
  'paused',
  'stopped',
  'demo',
];

/** A status change of the feed, as emitted by a trade source and pushed to every consumer. */
export interface FeedStatus {
  state: ConnectionState;
  /** Reconnect attempt number (1-based) while `reconnecting`/`offline`/`rate-limited`. */
  attempt?: number;
  /** Milliseconds until the next connection attempt, when one is scheduled. */
  retryInMs?: number;
  /** Human-readable detail: the server's error text, the HTTP status, the network error. */
  message?: string;
  /** Epoch ms when this status began. */
  since: number;
}

/** One validated trade. Prices are finite and > 0; time is epoch milliseconds. */
export interface Trade {
  symbol: string;
  price: number;
  volume: number;
  time: number;
}

/** The REST `/quote` answer, normalised (time in epoch ms). */
export interface RestQuote {
  symbol: string;
  current: number;
  change: number | null;
  changePct: number | null;
  high: number;
  low: number;
  open: number;
  prevClose: number;
  time: number;
}

export type Direction = 'up' | 'down' | 'flat';

/** What the renderer and the headless command see of one symbol. */
export interface SymbolSnapshot {
  symbol: string;
  /** Last price, or null while neither a trade nor a REST quote has arrived. */
  price: number | null;
  prevClose: number | null;
  change: number | null;
  changePct: number | null;
  dayHigh: number | null;
  dayLow: number | null;
  /** Volume traded today as seen by this app. */
  volume: number;
  /** Epoch ms of the last trade or quote; null if none yet. */
  time: number | null;
  /** Recent prices, oldest first, bounded in length (for sparklines). */
  history: number[];
}

/**
 * One symbol's change in a batch: a SymbolSnapshot whose `history` is sent only when a point was
 * added since the previous batch. Without it, the consumer keeps the history it has (a sparkline
 * then redraws once per sampling interval, not with every price). This keeps batches small: a full
 * history rides along about once per sampling interval, not with every trade.
 */
export type QuoteUpdate = Omit<SymbolSnapshot, 'history'> & { history?: number[] };

/** A coalesced update: only the symbols that changed since the previous batch. */
export interface SnapshotBatch {
  /** Monotonic sequence number of this batch. */
  seq: number;
  /** Epoch ms when the batch was published. */
  at: number;
  quotes: QuoteUpdate[];
  /** Symbols removed from the watch list since the previous batch. */
  removed: string[];
}

/** Counters a feed keeps over its lifetime. */
export interface FeedStats {
  /** Sockets opened successfully (handshake completed). */
  connections: number;
  /** Connection attempts made after the first one. */
  reconnects: number;
  /** Valid trades accepted. */
  trades: number;
  /** Frames or trades dropped as invalid, with reasons counted separately. */
  dropped: number;
  droppedByReason: Record<string, number>;
  /** Epoch ms of the last frame of any kind received from upstream; null if none yet. */
  lastMessageAt: number | null;
  /** The last `{"type":"error"}` message text from the server, if any. */
  lastServerError: string | null;
  /** Every `{"type":"error"}` frame received, including those a throttled status did not show. */
  serverErrors: number;
}

/** Symbol search result (REST `/search`). */
export interface SymbolMatch {
  symbol: string;
  displaySymbol: string;
  description: string;
  type: string;
}

// ---------------------------------------------------------------- settings

export type Position = 'top' | 'bottom';
/** 'system' follows the OS's light or dark setting. */
export type Theme = 'system' | 'dark' | 'light' | 'transparent';

export interface Preferences {
  position: Position;
  /** Electron display id the strip docks to; null means the primary display. */
  displayId: number | null;
  /** Strip height in CSS px. */
  height: number;
  /** Scroll speed in px per second. */
  speed: number;
  /** Window opacity, 0.3 .. 1. */
  opacity: number;
  theme: Theme;
  /** Font size in CSS px. */
  fontSize: number;
  clickThrough: boolean;
  alwaysOnTop: boolean;
  launchAtLogin: boolean;
  /** Maximum snapshot batches per second pushed to the strip. */
  updateRateHz: number;
  showSparklines: boolean;
  paused: boolean;
  /** The strip is hidden (tray "Hide"). */
  hidden: boolean;
  /** The local relay shares the Finnhub connection with other programs (off by default). */
  relayEnabled: boolean;
  relayPort: number;
  /** What the strip does while every watched market is closed: dim itself, hide until the next open, or nothing. */
  whenMarketsClosed: 'dim' | 'hide' | 'show';
  /** Alert notifications play the system's notification sound. */
  alertSound: boolean;
  /** The https link a clicked strip item opens, with {symbol} where the symbol goes. */
  chartUrlTemplate: string;
  /** Global shortcut (an Electron accelerator, '' for none) that shows or hides the strips. */
  shortcutToggleStrips: string;
  /** Global shortcut that pauses or resumes the prices. */
  shortcutPause: string;
  /** Global shortcut that turns the privacy switch (portfolio amounts hidden) on or off. */
  shortcutPrivacy: string;
  /** Full-screen apps: keep the strip above them, or let them cover it (as far as the platform allows). */
  fullScreenApps: 'stay-above' | 'step-aside';
  /** Hide every amount that reveals wealth (values, gains in money), keeping prices and percentages. */
  privacy: boolean;
  /** Strip items of held symbols also show the position's value and day change. */
  showPositionFigures: boolean;
  /** When the strip draws fewer pictures a second to save power: never, on battery power, or always. */
  economy: 'never' | 'on-battery' | 'always';
  /** How the strip moves on mains power: a smooth scroll, or a short glide every few seconds. */
  scrollStyle: 'scroll' | 'glide';
  /** How the strip moves while economy is in effect: a page at a time, or a short glide every few seconds. */
  economyStyle: 'pages' | 'glide';
  /** Company names on the strip's items: none, the short form ("Apple"), or the full name ("Apple Inc"). */
  companyNames: 'off' | 'short' | 'full';
  /** Where headlines of the watched US stocks go: nowhere (no news calls at all), or between the strip's items. */
  headlines: 'off' | 'strip';
  /** The first strip's order: the list's own, by % change (biggest gain or biggest loss first), or by name. */
  sortOrder: SortOrder;
  /** Check for updates at start and every day (off: no request for updates at all). */
  checkForUpdates: boolean;
}

/** How a strip orders its items. */
export type SortOrder = 'list' | 'change-up' | 'change-down' | 'name';

/** Where the strip was last seen, to restore it across restarts. */
export interface WindowState {
  displayId: number | null;
  /** True when docked to the top/bottom edge; false when dragged free. */
  docked: boolean;
  /** Free position (only meaningful when not docked). */
  x: number | null;
  y: number | null;
}

/** How the API key is protected at rest. */
type KeyProtection = 'encrypted' | 'obfuscated' | 'none';

/** What a renderer may know of the API key. The key itself never leaves main except towards Finnhub. */
export interface KeyInfo {
  hasKey: boolean;
  /** e.g. "••••a1b2" (last 4 characters), or null without a key. */
  masked: string | null;
  protection: KeyProtection;
}

/** Settings as a renderer sees them. */
export interface PublicSettings {
  /** The symbols the strip shows: those of the list `shownListId`, in strip order. */
  symbols: string[];
  /** Every named watch list, in the order the user keeps them. */
  lists: WatchList[];
  /** The list the strip shows. */
  shownListId: string;
  preferences: Preferences;
  key: KeyInfo;
  maxSymbols: number;
  /** Price alert rules, in the order the user added them. */
  alerts: AlertRule[];
  /** The portfolio's lots and base currency. */
  holdings: Holdings;
  /** The optional second strip (its own list, edge and display). */
  secondStrip: SecondStrip;
  /** Only in a strip's own page: which strip it is, its order and what it shows. */
  strip?: StripFace;
}

/** What one strip shows: the first strip's order is `sortOrder`, the second's its own. */
export interface StripFace {
  role: 'first' | 'second';
  sortOrder: SortOrder;
  content: SecondStrip['content'];
}

/** The optional second strip: its own watch list, edge and display (rules in second-strip.ts). */
export interface SecondStrip {
  enabled: boolean;
  /** The watch list it shows (always one of the saved lists). */
  listId: string;
  position: Position;
  /** Electron display id; null for the primary display. */
  displayId: number | null;
  /** Its own order, like the first strip's `sortOrder`. */
  sortOrder: SortOrder;
  /** What it shows: its list's prices, or only the headlines of the watched stocks. */
  content: 'quotes' | 'headlines';
}

/** A display the strip can dock to, as the settings view lists it. */
export interface DisplayInfo {
  id: number;
  /** e.g. "DELL U2720Q (2560×1440)". */
  label: string;
  primary: boolean;
}

/** A notice for the user (e.g. settings were recovered from a corrupt file). */
export interface Notice {
  level: 'info' | 'warning' | 'error';
  message: string;
  at: number;
}

/** Result of "Test key". */
export interface KeyTestResult {
  ok: boolean;
  /** Why it failed, in words, when !ok. */
  reason?: string;
}

/** Everything the status panel shows. */
export interface FeedOverview {
  status: FeedStatus;
  stats: FeedStats;
  demo: boolean;
}

// ---------------------------------------------------------------- relay

/** One program or page connected to the local relay, as the settings window lists it. */
export interface RelayClientInfo {
  id: string;
  kind: 'websocket' | 'sse';
  /** The page's origin for browser clients; null for programs. */
  origin: string | null;
  connectedAt: number;
  symbols: string[];
}

/** The relay as the tray and the settings window see it. */
export interface RelayOverview {
  enabled: boolean;
  port: number;
  /** True while it listens; false when off or when it could not start (see `error`). */
  listening: boolean;
  /** Why it is not listening although enabled (e.g. the port is taken). */
  error: string | null;
  clients: RelayClientInfo[];
}

/** What the settings window shows of the relay: the overview plus its token and allowed origins. */
export interface RelayView extends RelayOverview {
  token: string;
  origins: string[];
}

/** Counters the relay keeps while it runs. */
export interface RelayStats {
  clients: number;
  /** Trade objects sent to clients (one trade sent to three clients counts three). */
  forwardedTrades: number;
  /** Client messages that were not understood, plus floods. */
  badMessages: number;
  /** Clients dropped because they stopped reading. */
  slowDropped: number;
  /** Clients closed for changing their subscriptions too often (RELAY_CHURN_LIMIT). */
  churnClosed: number;
  /** Connections turned away, by reason. */
  refused: { host: number; origin: number; token: number; full: number; other: number };
}
