import type { EventContract, EventName, InvokeHandlers } from '../../shared/ipc-contract';
import type {
  FeedStatus,
  Notice,
  Preferences,
  PublicSettings,
  RelayOverview,
  SymbolSnapshot,
  WatchList,
  WindowState,
  SecondStrip,
} from '../../shared/types';
import type { Signal } from '../../shared/signal';
import type { PortfolioFigures } from '../../shared/portfolio/compute-portfolio';
import type { Headline } from '../../shared/symbol-context';

/** What main asks of the core itself (strip views, the item menu, the tray): no window has a channel for these. */
interface MainOnlyHandlers {
  /** Settings as a renderer may see them (no key). */
  getSettings(): PublicSettings;
  /** Full current snapshot of every watched symbol, in list order. */
  getSnapshot(): SymbolSnapshot[];
  setPaused(paused: boolean): FeedStatus;
}

/**
 * The handlers the core implements (the UI ones, displays, windows, links, belong to the shell),
 * and the few main uses itself.
 */
export type CoreHandlers = MainOnlyHandlers &
  Omit<
    InvokeHandlers,
    | 'getDisplays'
    | 'openSettings'
    | 'rememberCategory'
    | 'openExternal'
    | 'openChart'
    | 'showItemMenu'
    | 'copyRelay'
    | 'getShortcuts'
    | 'exportSettings'
    | 'importSettings'
    | 'exportHoldings'
    | 'getAbout'
    | 'checkForUpdates'
    | 'restartToUpdate'
    | 'openLogFolder'
    | 'showCard'
    | 'hideCard'
    | 'openHeadline'
  >;

/**
 * The application without Electron: settings, the one trade source (Finnhub or demo), the tick
 * store, the previous-close loader and the publisher, wired together. The shell (Electron) and the
 * browser test bridge both drive it through `handlers` and listen to `events`.
 */
export interface TickerCore {
  readonly handlers: CoreHandlers;
  readonly events: { readonly [K in EventName]: Signal<EventContract[K]> };
  /** Connect (or start the demo) with the saved key and symbols, and start publishing. */
  start(): void;
  /** Clean close (code 1000), stop timers. Idempotent. */
  stop(): Promise<void>;
  /** Skip backoff and reconnect now (system resume, network back). */
  reconnectNow(): void;
  status(): FeedStatus;
  /** The relay now (for the tray: listening, clients). */
  relay(): RelayOverview;
  /** The symbols the strip shows (its list's). */
  symbols(): string[];
  lists(): WatchList[];
  /** The list the strip shows. */
  shownListId(): string;
  /** The optional second strip: on/off, its list, edge and display. */
  secondStrip(): SecondStrip;
  preferences(): Preferences;
  windowState(): WindowState;
  setWindowState(state: Partial<WindowState>): void;
  /** Notices raised before any window could show them (e.g. settings recovered from a corrupt file). */
  pendingNotices(): Notice[];
  /** The portfolio's figures now; null without lots. */
  portfolio(): PortfolioFigures | null;
  notify(notice: Omit<Notice, 'at'>): void;
  /**
   * Draw or stay quiet (nobody can see the strips): while quiet, quote batches are held (the feed
   * keeps the store current) and the strips are told to stop animating; back to drawing, what
   * changed meanwhile goes out as one batch at once.
   */
  setDrawing(drawing: boolean): void;
  drawing(): boolean;
  /** A strip's details card opened on `symbol`: its day figures are refreshed unless fresh. */
  contextCardOpened(symbol: string): void;
  /** The headlines shown now: the only article links the app opens. */
  currentHeadlines(): readonly Headline[];
}
