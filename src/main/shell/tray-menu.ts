/**
 * Pure: the tray's menu template, its icon and its tooltip for a state. Clicks call injected actions.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { statusInWords } from '../../shared/connection-words';
import { relayState, relaySummary } from '../../shared/relay-words';
import { displayName } from '../../shared/symbols';
import type { RelayOverview } from '../../shared/types';
import type { UpdateStatus } from '../../shared/update-status';
import type {
  ConnectionState,
  DisplayInfo,
  FeedStatus,
  Position,
  Preferences,
  SecondStrip,
  WatchList,
} from '../../shared/types';

/** One tray icon per group of states. */
export type TrayIconState = 'live' | 'warning' | 'error' | 'demo' | 'paused';

const ICON_BY_STATE: Record<ConnectionState, TrayIconState> = {
  live: 'live',
  connecting: 'warning',
  reconnecting: 'warning',
  'rate-limited': 'warning',
  unauthorized: 'error',
  offline: 'error',
  paused: 'paused',
  stopped: 'paused',
  demo: 'demo',
};

export function trayIconFor(state: ConnectionState): TrayIconState {
  return ICON_BY_STATE[state] ?? 'warning';
}

/** "Ticker: Live", short enough for every OS's tooltip. */
export function trayTooltip(status: FeedStatus): string {
  return `Ticker: ${statusInWords(status)}`.slice(0, 120);
}

interface TrayDisplay {
  id: number;
  label: string;
}

export interface TrayMenuState {
  status: FeedStatus;
  /** The shown list's symbols. */
  symbols: readonly string[];
  /** Every watch list (the tray switches the one the strip shows). */
  lists: readonly Pick<WatchList, 'id' | 'name' | 'symbols'>[];
  shownListId: string;
  preferences: Preferences;
  displays: readonly TrayDisplay[];
  primaryDisplayId: number;
  maxSymbols: number;
  /** "US market opens Monday 09:30 ET (in 2 d 14 h)": one line per watched market with hours. */
  marketHours?: readonly string[];
  /** Every watched market is closed (with whenMarketsClosed 'hide', the strip has stepped aside). */
  marketsClosed?: boolean;
  /** Alerts fired in the last hour (the item is left out when not given). */
  recentAlerts?: number;
  /** The second strip (the submenu is left out when not given). */
  secondStrip?: SecondStrip;
  /** The local relay (the item is left out while it is off). */
  relay?: Pick<RelayOverview, 'enabled' | 'listening' | 'port' | 'error' | 'clients'>;
  /** Updates: what the item says and does (the item is left out when not given). */
  update?: TrayUpdateItem;
  /** A strip stopped after crashing again and again: the menu offers to reload it. */
  stripStopped?: boolean;
}

/** The tray's update item: "Check for updates…", "Checking for updates…" or "Restart to update (1.2.0)". */
export interface TrayUpdateItem {
  label: string;
  enabled: boolean;
}

/** What the update item says and whether it can be clicked, for a status. */
export function trayUpdateItem(status: UpdateStatus): TrayUpdateItem {
  switch (status.state) {
    case 'checking':
      return { label: 'Checking for updates…', enabled: false };
    case 'downloading':
      return { label: `Downloading Ticker ${status.version}…`, enabled: false };
    case 'ready':
      return { label: `Restart to update (${status.version})`, enabled: true };
    default:
      return { label: 'Check for updates…', enabled: true };
  }
}

/**
 * Show or hide the strip. While it has stepped aside for closed markets, "Hide strip" would do
 * nothing visible and keep it hidden after the open; the item offers to show it anyway instead
 * (dimmed, as the other choice for closed markets).
 */
function stripVisibilityItem(state: TrayMenuState, actions: TrayMenuActions): MenuItemConstructorOptions {
  const { preferences } = state;
  if (preferences.hidden)
    return { id: 'strip-visibility', label: 'Show strip', click: () => actions.setStripHidden(false) };
  if (state.marketsClosed && preferences.whenMarketsClosed === 'hide') {
    return {
      id: 'strip-visibility',
      label: 'Show strip while markets are closed',
      click: () => actions.setWhenMarketsClosed('dim'),
    };
  }
  return { id: 'strip-visibility', label: 'Hide strip', click: () => actions.setStripHidden(true) };
}

export interface TrayMenuActions {
  removeSymbol(symbol: string): void;
  /** Show another watch list on the strip. */
  showList(listId: string): void;
  /** Open settings with the "add symbol" field focused. */
  addSymbol(): void;
  setPaused(paused: boolean): void;
  setAlwaysOnTop(onTop: boolean): void;
  setClickThrough(clickThrough: boolean): void;
  setStripHidden(hidden: boolean): void;
  /** What the strip does while every watched market is closed. */
  setWhenMarketsClosed(choice: Preferences['whenMarketsClosed']): void;
  setPosition(position: Position): void;
  setDisplay(displayId: number): void;
  setLaunchAtLogin(launch: boolean): void;
  /** The privacy switch: hide every wealth amount (strip, settings, tooltip). */
  setPrivacy(privacy: boolean): void;
  openSettings(): void;
  /** Open settings at the Alerts section. */
  openAlerts?(): void;
  /** Show or hide the second strip. */
  setSecondStripShown?(shown: boolean): void;
  /** Show another watch list on the second strip. */
  showListOnSecondStrip?(listId: string): void;
  /** The update item was clicked (check now, or restart into a downloaded update). */
  updateItem?(): void;
  /** Open About in the settings window. */
  openAbout?(): void;
  /** Open the Relay category of the settings window. */
  openRelay?(): void;
  /** Open the folder holding the log files. */
  openLogFolder?(): void;
  /** Load a stopped strip again. */
  reloadStrip?(): void;
  quit(): void;
}

/** Menu labels treat `&` as a mnemonic marker on Windows and Linux: show it literally. */
function literal(text: string): string {
  return text.replace(/&/g, '&&');
}

/** "Alerts…", or "Alerts: 3 in the last hour…" once some fired. */
function alertsLabel(recent: number): string {
  if (recent <= 0) return 'Alerts…';
  return `Alerts: ${recent} in the last hour…`;
}

/** The relay in the status line's words ("Relay on port 8765, 2 clients connected"), null while off. */
function relayLabel(relay: NonNullable<TrayMenuState['relay']>): string | null {
  return relaySummary(relayState(relay.enabled, relay), relay, relay.port);
}

/** How many symbols are listed inline before the rest go into a "More" submenu. */
export const MAX_INLINE_SYMBOLS = 20;

function symbolItem(symbol: string, actions: TrayMenuActions): MenuItemConstructorOptions {
  const name = displayName(symbol);
  return {
    label: literal(name === symbol ? symbol : `${name}  (${symbol})`),
    submenu: [{ label: 'Remove', click: () => actions.removeSymbol(symbol) }],
  };
}

function relayItems(state: TrayMenuState, actions: TrayMenuActions): MenuItemConstructorOptions[] {
  const label = state.relay ? relayLabel(state.relay) : null;
  return label === null ? [] : [{ id: 'relay', label, click: () => (actions.openRelay ?? actions.openSettings)() }];
}

/** The shown list's symbols, each with a Remove item; past MAX_INLINE_SYMBOLS they go into "More". */
function symbolItems(state: TrayMenuState, actions: TrayMenuActions): MenuItemConstructorOptions[] {
  const symbols: MenuItemConstructorOptions[] =
    state.symbols.length === 0
      ? [{ label: 'No symbols yet', enabled: false }]
      : state.symbols.slice(0, MAX_INLINE_SYMBOLS).map((symbol) => symbolItem(symbol, actions));
  if (state.symbols.length > MAX_INLINE_SYMBOLS) {
    symbols.push({
      label: `More (${state.symbols.length - MAX_INLINE_SYMBOLS})`,
      submenu: state.symbols.slice(MAX_INLINE_SYMBOLS).map((symbol) => symbolItem(symbol, actions)),
    });
  }
  return symbols;
}

/** The watch-list switch; with one list there is nothing to switch, and the menu stays short. */
function listSwitchItems(state: TrayMenuState, actions: TrayMenuActions): MenuItemConstructorOptions[] {
  if (state.lists.length <= 1) return [];
  return [
    {
      id: 'watch-list',
      label: literal(`Watch list: ${state.lists.find((list) => list.id === state.shownListId)?.name ?? ''}`),
      submenu: state.lists.map((list) => ({
        id: `watch-list-${list.id}`,
        label: literal(`${list.name} (${list.symbols.length})`),
        type: 'radio' as const,
        checked: list.id === state.shownListId,
        click: () => actions.showList(list.id),
      })),
    },
  ];
}

/** The second strip's submenu: show it, and which list it shows. */
function secondStripItems(state: TrayMenuState, actions: TrayMenuActions): MenuItemConstructorOptions[] {
  const second = state.secondStrip;
  if (!second || !actions.setSecondStripShown || !actions.showListOnSecondStrip) return [];
  return [
    {
      id: 'second-strip',
      label: literal(
        second.enabled
          ? `Second strip: ${state.lists.find((list) => list.id === second.listId)?.name ?? ''}`
          : 'Second strip',
      ),
      submenu: [
        {
          id: 'second-strip-shown',
          label: 'Show second strip',
          type: 'checkbox',
          checked: second.enabled,
          click: () => actions.setSecondStripShown?.(!second.enabled),
        },
        { type: 'separator' },
        ...state.lists.map((list) => ({
          id: `second-strip-list-${list.id}`,
          label: literal(`${list.name} (${list.symbols.length})`),
          type: 'radio' as const,
          checked: list.id === second.listId,
          click: () => actions.showListOnSecondStrip?.(list.id),
        })),
      ],
    },
  ];
}

/** The update, About and log-folder items, each only when its action is given. */
function helpItems(state: TrayMenuState, actions: TrayMenuActions): MenuItemConstructorOptions[] {
  return [
    ...(state.update && actions.updateItem
      ? [
          {
            id: 'update',
            label: literal(state.update.label),
            enabled: state.update.enabled,
            click: () => actions.updateItem?.(),
          },
        ]
      : []),
    ...(actions.openAbout ? [{ id: 'about', label: 'About Ticker', click: () => actions.openAbout?.() }] : []),
    ...(actions.openLogFolder
      ? [{ id: 'log-folder', label: 'Open log folder', click: () => actions.openLogFolder?.() }]
      : []),
  ];
}

/** The status line, a reload offer for a stopped strip, market hours and the relay. */
function statusItems(state: TrayMenuState, actions: TrayMenuActions): MenuItemConstructorOptions[] {
  return [
    { id: 'status', label: literal(statusInWords(state.status)), enabled: false },
    ...(state.stripStopped && actions.reloadStrip
      ? [{ id: 'reload-strip', label: 'Reload strip', click: () => actions.reloadStrip?.() }]
      : []),
    ...(state.marketHours ?? []).map((line, index): MenuItemConstructorOptions => ({
      id: `market-hours-${index}`,
      label: literal(line),
      enabled: false,
    })),
    ...relayItems(state, actions),
  ];
}

/** The Alerts item, left out when no count is given or nothing opens alerts. */
function alertsItems(state: TrayMenuState, actions: TrayMenuActions): MenuItemConstructorOptions[] {
  if (state.recentAlerts === undefined || !actions.openAlerts) return [];
  return [{ id: 'alerts', label: alertsLabel(state.recentAlerts), click: () => actions.openAlerts?.() }];
}

/** Top or bottom, and which display (the primary one when the saved display is gone). */
function positionItem(state: TrayMenuState, actions: TrayMenuActions): MenuItemConstructorOptions {
  const { preferences } = state;
  const effectiveDisplay = state.displays.some((display) => display.id === preferences.displayId)
    ? preferences.displayId
    : state.primaryDisplayId;
  return {
    id: 'position',
    label: 'Position',
    submenu: [
      {
        id: 'position-top',
        label: 'Top',
        type: 'radio',
        checked: preferences.position === 'top',
        click: () => actions.setPosition('top'),
      },
      {
        id: 'position-bottom',
        label: 'Bottom',
        type: 'radio',
        checked: preferences.position === 'bottom',
        click: () => actions.setPosition('bottom'),
      },
      { type: 'separator' },
      {
        id: 'display',
        label: 'Display',
        enabled: state.displays.length > 0,
        submenu: state.displays.map((display) => ({
          label: literal(display.id === state.primaryDisplayId ? `${display.label} (primary)` : display.label),
          type: 'radio' as const,
          checked: display.id === effectiveDisplay,
          click: () => actions.setDisplay(display.id),
        })),
      },
    ],
  };
}

/** Pause, the window switches, visibility, position and launch at login. */
function stripItems(state: TrayMenuState, actions: TrayMenuActions): MenuItemConstructorOptions[] {
  const { preferences, status } = state;
  const paused = preferences.paused || status.state === 'paused';
  return [
    { id: 'pause', label: paused ? 'Resume' : 'Pause', click: () => actions.setPaused(!paused) },
    {
      id: 'always-on-top',
      label: 'Always on top',
      type: 'checkbox',
      checked: preferences.alwaysOnTop,
      click: () => actions.setAlwaysOnTop(!preferences.alwaysOnTop),
    },
    {
      id: 'click-through',
      label: 'Click-through',
      type: 'checkbox',
      checked: preferences.clickThrough,
      click: () => actions.setClickThrough(!preferences.clickThrough),
    },
    {
      id: 'privacy',
      label: 'Hide amounts (privacy)',
      type: 'checkbox',
      checked: preferences.privacy,
      click: () => actions.setPrivacy(!preferences.privacy),
    },
    stripVisibilityItem(state, actions),
    positionItem(state, actions),
    {
      id: 'launch-at-login',
      label: 'Launch at login',
      type: 'checkbox',
      checked: preferences.launchAtLogin,
      click: () => actions.setLaunchAtLogin(!preferences.launchAtLogin),
    },
  ];
}

export function buildTrayMenu(state: TrayMenuState, actions: TrayMenuActions): MenuItemConstructorOptions[] {
  return [
    ...statusItems(state, actions),
    { type: 'separator' },
    ...listSwitchItems(state, actions),
    ...secondStripItems(state, actions),
    ...symbolItems(state, actions),
    {
      id: 'add-symbol',
      label: 'Add symbol…',
      enabled: state.symbols.length < state.maxSymbols,
      click: () => actions.addSymbol(),
    },
    ...alertsItems(state, actions),
    { type: 'separator' },
    ...stripItems(state, actions),
    { type: 'separator' },
    { id: 'settings', label: 'Settings…', click: () => actions.openSettings() },
    ...helpItems(state, actions),
    { type: 'separator' },
    { id: 'quit', label: 'Quit Ticker', click: () => actions.quit() },
  ];
}

/** "Display 1 (1920×1080)", or the OS's own name for it when there is one. */
/** The displays as the tray and the settings view name them. */
export function describeDisplays(
  displays: readonly { id: number; label?: string; size: { width: number; height: number } }[],
  primaryDisplayId: number,
): DisplayInfo[] {
  return displays.map((display, index) => ({
    id: display.id,
    label: displayLabel(display, index),
    primary: display.id === primaryDisplayId,
  }));
}

export function displayLabel(
  display: { label?: string; size: { width: number; height: number } },
  index: number,
): string {
  const name =
    typeof display.label === 'string' && display.label.trim() !== '' ? display.label.trim() : `Display ${index + 1}`;
  return `${name} (${display.size.width}×${display.size.height})`;
}
