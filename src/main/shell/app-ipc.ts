/**
 * The app's IPC surface: the core's handlers plus the few only the shell can answer (displays,
 * windows, the browser), registered behind the sender check, and the preload's event subscriptions.
 * Notices raised before any window could show them go to the first page that listens to notices.
 * A strip window's calls are answered for its own list (see strip-view.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Clipboard, Screen } from 'electron';
import type { EconomyState } from '../../shared/economy';
import type { InvokeHandlers } from '../../shared/ipc-contract';
import { relayCopyText } from '../../shared/relay-urls';
import type { ShortcutStatus } from '../../shared/shortcuts';
import type { TickerCore } from '../../engine/core/ticker-core';
import type { IpcMainLike, IpcMainMessagesLike } from '../ipc/ipc-main-like';
import { registerIpcHandlers } from '../ipc/register-handlers';
import { registerSubscriptions } from '../ipc/register-subscriptions';
import { createSenderCheck } from '../ipc/sender-check';
import type { SettingsCategory } from '../../shared/settings-categories';
import type { SettingsTransferHandlers } from './settings-transfer-dialogs';
import type { CardWindow } from './card-window';
import type { OpenSettingsOptions } from './settings-window';
import type { ItemActions, ItemStrip } from './item-actions';
import { StripView, type StripRole } from './strip-view';
import { describeDisplays } from './tray-menu';
import type { WindowRegistry } from './window-registry';

export interface AppIpcDeps {
  ipcMain: IpcMainLike & IpcMainMessagesLike;
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'>;
  clipboard: Pick<Clipboard, 'writeText'>;
  core: Pick<TickerCore, 'handlers' | 'pendingNotices' | 'preferences' | 'symbols' | 'contextCardOpened'>;
  registry: WindowRegistry;
  /** Whether a URL is one of Ticker's own pages. */
  isOurPage(url: string): boolean;
  /** Open the settings window, at a category and field when given (already validated). */
  openSettings(options?: OpenSettingsOptions): void;
  /** The settings window shows this category now (already validated). */
  rememberCategory(category: SettingsCategory): void;
  /** The one checked path to the browser: only links the app builds (see createLinkOpener). */
  openLink(url: string): Promise<null>;
  itemActions: ItemActions;
  /** The strip of each role (its list and window), for item actions. */
  strip(role: StripRole): ItemStrip;
  /** The global shortcuts' state. */
  shortcuts(): ShortcutStatus[];
  /** Export… and Import… in settings (main's file dialogs). */
  settingsTransfer: SettingsTransferHandlers;
  /** Whether the strips draw in economy now (the power source is known only here). */
  economy(): EconomyState;
  /** About, updates and the log folder (the shell's own). */
  appShell: AppShellHandlers;
  /** The strip items' details card (its own small window). */
  card: Pick<CardWindow, 'show' | 'hide'>;
}

/** The handlers only the shell can answer about the app itself. */
type AppShellHandlers = Pick<InvokeHandlers, 'getAbout' | 'checkForUpdates' | 'restartToUpdate' | 'openLogFolder'>;

export interface AppIpc {
  handlers: InvokeHandlers;
  dispose(): void;
}

export function serveAppIpc(deps: AppIpcDeps): AppIpc {
  const { core, registry, screen, itemActions } = deps;

  let noticesReplayed = false;
  const stopReplay = registry.subscribed.subscribe(({ window, event }) => {
    if (event !== 'notice' || noticesReplayed) return;
    noticesReplayed = true;
    for (const notice of core.pendingNotices()) registry.send(window, 'notice', notice);
  });

  // Which web contents made the call being handled, for the handlers that answer per strip.
  const caller = new AsyncLocalStorage<number>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) =>
      deps.ipcMain.handle(channel, (event, ...args) => {
        const id = (event as { sender?: { id?: unknown } } | null)?.sender?.id;
        return typeof id === 'number' ? caller.run(id, () => listener(event, ...args)) : listener(event, ...args);
      }),
    removeHandler: (channel) => deps.ipcMain.removeHandler(channel),
  };
  const callerStrip = (): StripView | null => {
    const id = caller.getStore();
    const view = id === undefined ? null : registry.viewOf(id);
    return view instanceof StripView ? view : null;
  };
  const itemStrip = (): ItemStrip => deps.strip(callerStrip()?.role ?? 'first');

  const handlers: InvokeHandlers = {
    ...core.handlers,
    getPageStart: async () => {
      const view = callerStrip();
      const start = { ...(await core.handlers.getPageStart()), economy: deps.economy() };
      return view
        ? { ...start, settings: view.settingsFor(start.settings), snapshot: view.snapshotFor(start.snapshot) }
        : start;
    },
    getContext: async () => {
      const view = callerStrip();
      const context = await core.handlers.getContext();
      return view ? { ...context, details: view.detailsFor(context.details) } : context;
    },
    getDisplays: () => describeDisplays(screen.getAllDisplays(), screen.getPrimaryDisplay().id),
    openSettings: (target) => {
      deps.openSettings(target ? { target } : {});
      return null;
    },
    rememberCategory: (category) => {
      deps.rememberCategory(category);
      return null;
    },
    openExternal: (url) => deps.openLink(url),
    openChart: async (symbol) => {
      await itemActions.openChart(symbol, itemStrip());
      return null;
    },
    showItemMenu: async (symbol) => {
      await itemActions.showItemMenu(symbol, itemStrip());
      return null;
    },
    ...deps.settingsTransfer,
    copyRelay: async (item) => {
      const relay = await core.handlers.getRelay();
      deps.clipboard.writeText(
        relayCopyText(item, { port: core.preferences().relayPort, token: relay.token }, core.symbols()),
      );
      return null;
    },
    getShortcuts: () => deps.shortcuts(),
    ...deps.appShell,
    showCard: (card) => {
      const window = itemStrip().window();
      if (window) deps.card.show(window, card);
      core.contextCardOpened(card.symbol);
      return null;
    },
    hideCard: () => {
      deps.card.hide();
      return null;
    },
    // The same checked path as every link: only the articles of the headlines Ticker holds.
    openHeadline: (url) => deps.openLink(url),
  };
  const senderKind = createSenderCheck({
    kindOf: (id) => registry.kindOf(id),
    allowedUrl: deps.isOurPage,
  });
  const onRejected = (channel: string, reason: string): void => console.warn(`[ipc] refused ${channel}: ${reason}`);
  const disposeHandlers = registerIpcHandlers({ ipcMain, handlers, senderKind, onRejected });
  const disposeSubscriptions = registerSubscriptions({
    ipcMain: deps.ipcMain,
    senderKind,
    setSubscribed: (id, event, subscribed) => registry.setSubscribed(id, event, subscribed),
    onRejected,
  });
  return {
    handlers,
    dispose: () => {
      disposeHandlers();
      disposeSubscriptions();
      stopReplay();
    },
  };
}
