/**
 * The one typed IPC contract. Main registers a handler for every invoke channel here (sender-checked
 * and payload-validated), preload builds `window.ticker` from it, and the renderer's type of
 * `window.ticker` is derived from it. Adding a channel means touching this module and its handler.
 */
import type { AboutInfo } from './about';
import type { AlertCondition, AlertDraft, AlertFiring, AlertRule } from './alert-rules';
import type { CardRequest, CardShown } from './card-content';
import type { EconomyState } from './economy';
import type { PortfolioFigures } from './portfolio/compute-portfolio';
import type { Holdings, LotDraft } from './portfolio/holdings';
import type { RelayCopyItem } from './relay-urls';
import type { SettingsCategory, SettingsTarget } from './settings-categories';
import type { ShortcutStatus } from './shortcuts';
import type { ContextState, Headline, SymbolDetails } from './symbol-context';
import type { ExportOutcome, ImportOutcome, TransferFormat } from './settings-transfer';
import type { UpdateStatus } from './update-status';
import type {
  DisplayInfo,
  FeedOverview,
  FeedStatus,
  KeyInfo,
  KeyTestResult,
  Notice,
  Preferences,
  PublicSettings,
  RelayView,
  SecondStrip,
  SnapshotBatch,
  SymbolMatch,
  SymbolSnapshot,
  WatchList,
} from './types';

export type ErrorCode =
  | 'invalid-payload'
  | 'forbidden-sender'
  | 'duplicate'
  | 'limit'
  | 'not-found'
  | 'network'
  | 'unauthorized'
  | 'rate-limited'
  | 'internal';

export interface IpcError {
  code: ErrorCode;
  message: string;
}

/** Typed result across the bridge: errors are values, never exceptions. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/**
 * What a page draws first, read in main at one instant and sent in one round trip: the settings,
 * every watched symbol's quote, the connection and the portfolio (a strip sees its own list's).
 */
export interface PageStart {
  settings: PublicSettings;
  snapshot: SymbolSnapshot[];
  overview: FeedOverview;
  portfolio: PortfolioFigures | null;
  /**
   * Whether the strip draws in economy, when known (main follows the power source; the engine alone
   * cannot know it), so a strip opened on battery pages from its first frame.
   */
  economy: EconomyState | null;
}

/** Request (argument tuple) and response of every invoke channel. */
export interface InvokeContract {
  /** Everything a page starts with, in one call (a strip paints its first prices from it). */
  getPageStart: { args: []; result: PageStart };
  /** Change some preferences; applied live. */
  setPreferences: { args: [patch: Partial<Preferences>]; result: PublicSettings };
  /** Add a symbol at the end of a watch list (by id), shown or not; the result is that list's symbols. */
  addToList: { args: [listId: string, symbol: string]; result: string[] };
  removeFromList: { args: [listId: string, symbol: string]; result: string[] };
  moveInList: { args: [listId: string, symbol: string, toIndex: number]; result: string[] };
  /** A new, empty watch list at the end. */
  createList: { args: [name: string]; result: WatchList };
  renameList: { args: [listId: string, name: string]; result: WatchList };
  /** Delete a list (not the last one); a strip showing it switches to the first remaining list. */
  deleteList: { args: [listId: string]; result: PublicSettings };
  /** Show a list on the strip (refused with 'limit' when the lists on screen would exceed the plan's cap). */
  showList: { args: [listId: string]; result: PublicSettings };
  /** Save a new API key (empty string clears it). Reconnects once with the new key. */
  setApiKey: { args: [key: string]; result: KeyInfo };
  /** Test a key from main with a REST quote: the given key, or the saved one when omitted. */
  testApiKey: { args: [key?: string]; result: KeyTestResult };
  /** Symbol autocomplete through Finnhub's /search (from main). */
  searchSymbols: { args: [query: string]; result: SymbolMatch[] };
  /** Connection status and counters. */
  getOverview: { args: []; result: FeedOverview };
  /** Add a price alert (armed); the saved rules come back. */
  addAlert: { args: [draft: AlertDraft]; result: AlertRule[] };
  /** Change an alert's condition or options (it is armed again). */
  updateAlert: { args: [id: string, draft: AlertDraft]; result: AlertRule[] };
  removeAlert: { args: [id: string]; result: AlertRule[] };
  /** Arm a triggered alert again. */
  rearmAlert: { args: [id: string]; result: AlertRule[] };
  /** The last firings (at most 100), oldest first. */
  getAlertHistory: { args: []; result: AlertFiring[] };
  /** Add a lot to the portfolio; the saved holdings come back. */
  addLot: { args: [draft: LotDraft]; result: Holdings };
  updateLot: { args: [id: string, draft: LotDraft]; result: Holdings };
  removeLot: { args: [id: string]; result: Holdings };
  /** Replace every lot (a CSV import, checked whole: all or nothing). */
  replaceLots: { args: [lots: LotDraft[]]; result: Holdings };
  setBaseCurrency: { args: [code: string]; result: Holdings };
  /** The portfolio's figures now; null without lots. */
  getPortfolio: { args: []; result: PortfolioFigures | null };
  /** The relay: on/off, port, token, allowed origins and the clients connected now. */
  getRelay: { args: []; result: RelayView };
  /** A new relay token: the clients connected with the old one are closed, and it is refused from now on. */
  regenerateRelayToken: { args: []; result: RelayView };
  /** Replace the browser origins allowed to use the relay. */
  setRelayOrigins: { args: [origins: string[]]; result: RelayView };
  /** Put the relay token or one of its URLs (token included) on the clipboard; main builds the text. */
  copyRelay: { args: [item: RelayCopyItem]; result: null };
  /** Right-click on a strip item: main pops up its native menu (chart, copy, "Alert when …", move, remove). */
  showItemMenu: { args: [symbol: string]; result: null };
  /** The displays the strip can dock to (from the shell). */
  getDisplays: { args: []; result: DisplayInfo[] };
  /** Open the settings window (from the strip), at a category and field when given. */
  openSettings: { args: [target?: SettingsTarget]; result: null };
  /** The settings window shows this category now: main opens it there next time. */
  rememberCategory: { args: [category: SettingsCategory]; result: null };
  /** Open the chart of a symbol on the strip in the browser; main builds the link from the chart template. */
  openChart: { args: [symbol: string]; result: null };
  /** Open an https link we show in the UI in the default browser. */
  openExternal: { args: [url: string]; result: null };
  /** The global shortcuts and whether the system gave them to Ticker (from the shell). */
  getShortcuts: { args: []; result: ShortcutStatus[] };
  /** Export lists and preferences (json) or symbols (csv) to a file the user picks in main's save dialog. */
  exportSettings: { args: [format: TransferFormat]; result: ExportOutcome };
  /** Import a file the user picks in main's open dialog: all or nothing, every problem listed. */
  importSettings: { args: []; result: ImportOutcome };
  /** Export the portfolio's lots as CSV to a file the user picks in main's save dialog. */
  exportHoldings: { args: []; result: ExportOutcome };
  /** Turn the second strip on or off, or change its list, edge or display ('limit' when the lists on screen would exceed the cap). */
  setSecondStrip: { args: [patch: Partial<SecondStrip>]; result: PublicSettings };
  /** Version, runtime, licences and where updating stands (About). */
  getAbout: { args: []; result: AboutInfo };
  /** Check for updates now (nothing is asked while the preference is off); the status comes back. */
  checkForUpdates: { args: []; result: UpdateStatus };
  /** Quit and install the downloaded update, then start it (refused with 'not-found' when none is ready). */
  restartToUpdate: { args: []; result: null };
  /** Open the folder holding the log files in the file manager. */
  openLogFolder: { args: []; result: null };
  /** Company details of the watched symbols known now, and the headlines shown (a strip: its own list's). */
  getContext: { args: []; result: ContextState };
  /** A strip item's details card: main places the card's window towards the screen and shows it without focus. */
  showCard: { args: [card: CardRequest]; result: null };
  /** Close the details card (the pointer left, Esc, the item went). */
  hideCard: { args: []; result: null };
  /** Open a headline's article in the browser: only the https links of the headlines Ticker holds. */
  openHeadline: { args: [url: string]; result: null };
}

export type InvokeName = keyof InvokeContract;

export const INVOKE_CHANNELS = {
  getPageStart: 'app:page-start',
  setPreferences: 'settings:set-preferences',
  addToList: 'lists:add-symbol',
  removeFromList: 'lists:remove-symbol',
  moveInList: 'lists:move-symbol',
  createList: 'lists:create',
  renameList: 'lists:rename',
  deleteList: 'lists:delete',
  showList: 'lists:show',
  setApiKey: 'key:set',
  testApiKey: 'key:test',
  searchSymbols: 'symbols:search',
  getOverview: 'feed:get-overview',
  addAlert: 'alerts:add',
  updateAlert: 'alerts:update',
  removeAlert: 'alerts:remove',
  rearmAlert: 'alerts:rearm',
  getAlertHistory: 'alerts:history',
  addLot: 'portfolio:add-lot',
  updateLot: 'portfolio:update-lot',
  removeLot: 'portfolio:remove-lot',
  replaceLots: 'portfolio:replace-lots',
  setBaseCurrency: 'portfolio:set-base-currency',
  getPortfolio: 'portfolio:get',
  getRelay: 'relay:get',
  regenerateRelayToken: 'relay:regenerate-token',
  setRelayOrigins: 'relay:set-origins',
  copyRelay: 'relay:copy',
  showItemMenu: 'app:show-item-menu',
  getDisplays: 'app:get-displays',
  openSettings: 'app:open-settings',
  rememberCategory: 'settings:remember-category',
  openExternal: 'app:open-external',
  openChart: 'app:open-chart',
  getShortcuts: 'app:get-shortcuts',
  exportSettings: 'settings:export',
  importSettings: 'settings:import',
  exportHoldings: 'holdings:export',
  setSecondStrip: 'strips:set-second',
  getAbout: 'app:get-about',
  checkForUpdates: 'updates:check',
  restartToUpdate: 'updates:restart',
  openLogFolder: 'app:open-log-folder',
  getContext: 'context:get',
  showCard: 'card:show',
  hideCard: 'card:hide',
  openHeadline: 'app:open-headline',
} as const satisfies Record<InvokeName, string>;

/**
 * The kinds of window (the strips, the settings window and the strip's details card), each with its own page and its own bridge. The kind is fixed by main when
 * it creates the window (never by the page).
 */
export type WindowKind = 'strip' | 'settings' | 'card';

export interface WindowChannels {
  /** The invoke channels the window's bridge offers, and the only ones main answers from it. */
  invoke: readonly InvokeName[];
  /** The events the window's bridge can listen to, and the only ones main pushes to it. */
  events: readonly EventName[];
}

/**
 * Which channels each kind of window uses: the preload builds a window's bridge from its list and
 * main refuses every other channel from that window, however it is sent. A strip draws prices and
 * opens what it is asked to open; it never sees or changes the key, the relay, the chart link, the
 * lists, alerts, holdings or import/export. The settings window has every other channel but the
 * strip's item menu.
 */
export const WINDOW_CHANNELS = {
  strip: {
    invoke: [
      'getPageStart',
      'getOverview',
      'openSettings',
      'openChart',
      'showItemMenu',
      'getContext',
      'showCard',
      'hideCard',
      'openHeadline',
    ],
    events: ['quotes', 'status', 'settings', 'portfolio', 'alert', 'drawing', 'economy', 'details', 'headlines'],
  },
  /** The details card only draws what it is given: no calls at all. */
  card: {
    invoke: [],
    events: ['card'],
  },
  settings: {
    invoke: [
      'getPageStart',
      'getOverview',
      'setPreferences',
      'addToList',
      'removeFromList',
      'moveInList',
      'createList',
      'renameList',
      'deleteList',
      'showList',
      'setApiKey',
      'testApiKey',
      'searchSymbols',
      'addAlert',
      'updateAlert',
      'removeAlert',
      'rearmAlert',
      'getAlertHistory',
      'addLot',
      'updateLot',
      'removeLot',
      'replaceLots',
      'setBaseCurrency',
      'getPortfolio',
      'getRelay',
      'regenerateRelayToken',
      'setRelayOrigins',
      'copyRelay',
      'getDisplays',
      'openExternal',
      'getShortcuts',
      'exportSettings',
      'importSettings',
      'exportHoldings',
      'setSecondStrip',
      'getAbout',
      'checkForUpdates',
      'restartToUpdate',
      'openLogFolder',
      'getContext',
      'rememberCategory',
    ],
    events: [
      'quotes',
      'status',
      'settings',
      'notice',
      'focusAddSymbol',
      'alert',
      'focusAlert',
      'relay',
      'prefillAlert',
      'portfolio',
      'economy',
      'update',
      'showAbout',
      'details',
      'showSettings',
    ],
  },
} as const satisfies Record<WindowKind, WindowChannels>;

export const WINDOW_KINDS = Object.keys(WINDOW_CHANNELS) as WindowKind[];

function isWindowKind(value: unknown): value is WindowKind {
  return typeof value === 'string' && Object.hasOwn(WINDOW_CHANNELS, value);
}

/** Whether a window of `kind` may call invoke channel `name`. */
export function windowMayInvoke(kind: WindowKind, name: InvokeName): boolean {
  return (WINDOW_CHANNELS[kind].invoke as readonly InvokeName[]).includes(name);
}

/** Whether a window of `kind` may listen to `event`. */
export function windowMayListen(kind: WindowKind, event: EventName): boolean {
  return (WINDOW_CHANNELS[kind].events as readonly EventName[]).includes(event);
}

/** The invoke channels some window may call: the ones main registers. */
export function windowInvokeNames(): InvokeName[] {
  return [...new Set(WINDOW_KINDS.flatMap((kind) => WINDOW_CHANNELS[kind].invoke))];
}

/**
 * How main tells a window's preload its kind: one argument appended to the renderer's process.argv
 * (webPreferences.additionalArguments). A sandboxed preload must be a single script, so one bundle
 * serves every kind and builds only the bridge of the kind main named.
 */
export const WINDOW_KIND_ARGUMENT = '--ticker-window=';

/** The kind main gave this renderer, or null (then the preload exposes nothing). */
export function windowKindFromArgv(argv: readonly unknown[]): WindowKind | null {
  const found = argv.filter((arg) => typeof arg === 'string' && arg.startsWith(WINDOW_KIND_ARGUMENT));
  if (found.length !== 1) return null;
  const kind = (found[0] as string).slice(WINDOW_KIND_ARGUMENT.length);
  return isWindowKind(kind) ? kind : null;
}

/** Events main pushes to renderers. */
export interface EventContract {
  /** Coalesced quote changes (at most `updateRateHz` per second, nothing when nothing changed). */
  quotes: SnapshotBatch;
  status: FeedStatus;
  settings: PublicSettings;
  notice: Notice;
  /** Ask the settings view to focus the "add symbol" field. */
  focusAddSymbol: null;
  /** A price alert fired (on the trade that crossed). */
  alert: AlertFiring;
  /** Ask the settings view to show this alert rule (a notification was clicked), or '' for the Alerts section. */
  focusAlert: string;
  /** The relay started, stopped, failed, or its clients, token or origins changed. */
  relay: RelayView;
  /** Ask the settings view to start a new alert with this condition ("Alert when …" on a strip item). */
  prefillAlert: AlertCondition;
  /** The portfolio's figures changed (recomputed after a batch); null when the last lot went. */
  portfolio: PortfolioFigures | null;
  /**
   * Whether the strips should draw: false while nobody can see them (screen locked, system asleep,
   * every strip hidden). Quote batches are held meanwhile; on true the catch-up batch follows.
   */
  drawing: boolean;
  /** Whether the strips draw in economy now (the preference and the power source), sent when it changes. */
  economy: EconomyState;
  /** Where updating stands (checking, downloading, ready to install…), sent when it changes. */
  update: UpdateStatus;
  /** Ask the settings view to show About (the tray's "About Ticker"). */
  showAbout: null;
  /** Symbols whose company details changed (a strip: its own list's), each as it now is. */
  details: SymbolDetails[];
  /** The headlines to show changed: all of them, newest first. */
  headlines: Headline[];
  /** The details card's content (null: hide it); only the card window gets it. */
  card: CardShown | null;
  /** Ask the settings view to show a category, and focus one of its fields when named. */
  showSettings: SettingsTarget;
}

export type EventName = keyof EventContract;

export const EVENT_CHANNELS = {
  quotes: 'event:quotes',
  status: 'event:status',
  settings: 'event:settings',
  notice: 'event:notice',
  focusAddSymbol: 'event:focus-add-symbol',
  alert: 'event:alert',
  focusAlert: 'event:focus-alert',
  relay: 'event:relay',
  prefillAlert: 'event:prefill-alert',
  drawing: 'event:drawing',
  portfolio: 'event:portfolio',
  economy: 'event:economy',
  update: 'event:update',
  showAbout: 'event:show-about',
  details: 'event:details',
  headlines: 'event:headlines',
  card: 'event:card',
  showSettings: 'event:show-settings',
} as const satisfies Record<EventName, string>;

/**
 * Renderer → main, `(event: EventName, subscribed: boolean)`: the preload says which events its page
 * listens to (on the first listener, and when the last one goes), and main pushes each event only to
 * the windows listening to it.
 */
export const SUBSCRIPTION_CHANNEL = 'events:subscription';

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(EVENT_CHANNELS, value);
}

export type Unsubscribe = () => void;

type ListenerName<K extends string> = `on${Capitalize<K>}`;

/** Name of the listener function for an event: `quotes` → `onQuotes`. */
export function listenerName<K extends EventName>(event: K): ListenerName<K> {
  return `on${event.charAt(0).toUpperCase()}${event.slice(1)}` as ListenerName<K>;
}

/** The API a renderer sees as `window.ticker`. */
export type TickerApi = {
  [K in InvokeName]: (...args: InvokeContract[K]['args']) => Promise<Result<InvokeContract[K]['result']>>;
} & {
  [K in EventName as ListenerName<K>]: (listener: (payload: EventContract[K]) => void) => Unsubscribe;
};

/** The bridge a window of kind K sees: only its own invoke channels and event listeners. */
export type WindowApi<K extends WindowKind> = Pick<
  TickerApi,
  (typeof WINDOW_CHANNELS)[K]['invoke'][number] | ListenerName<(typeof WINDOW_CHANNELS)[K]['events'][number]>
>;

export type StripApi = WindowApi<'strip'>;
export type SettingsApi = WindowApi<'settings'>;
export type CardApi = WindowApi<'card'>;

/** What main implements for every invoke channel: plain async functions, validated arguments in. */
export type InvokeHandlers = {
  [K in InvokeName]: (
    ...args: InvokeContract[K]['args']
  ) => Promise<InvokeContract[K]['result']> | InvokeContract[K]['result'];
};

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string): { ok: false; error: IpcError } {
  return { ok: false, error: { code, message } };
}

/** An error carrying an ErrorCode, thrown by handlers and turned into a Result by the IPC layer. */
export class TickerError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TickerError';
  }
}
