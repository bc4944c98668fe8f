/**
 * The browser test bridge: gives a Playwright page a `window.ticker` that forwards every call and
 * event to the REAL main-process core running in this Node process, through the same IPC
 * registration (sender check + payload validation) the Electron shell uses, and with the same
 * per-window channel lists: a strip page gets the strip's bridge and main answers it only on the
 * strip's channels. Only the transport differs: Playwright's binding instead of Electron's IPC.
 */
import type { Page } from 'playwright-core';
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  listenerName,
  TickerError,
  WINDOW_CHANNELS,
  WINDOW_KINDS,
  type EventName,
  type InvokeHandlers,
  type WindowKind,
} from '../../src/shared/ipc-contract';
import type { TickerCore } from '../../src/engine/core/ticker-core';
import { registerIpcHandlers } from '../../src/main/ipc/register-handlers';
import { relayCopyText } from '../../src/shared/relay-urls';
import type { SettingsTransferHandlers } from '../../src/main/shell/settings-transfer-dialogs';
import { SHORTCUTS } from '../../src/shared/shortcuts';
import type { CardRequest } from '../../src/shared/card-content';
import { appLinkRules } from '../../src/shared/external-links';
import { createLinkOpener } from '../../src/main/shell/web-security';

type Listener = (event: unknown, ...args: unknown[]) => unknown;

export interface BrowserBridge {
  /** Calls the page made of the shell-only handlers. */
  readonly opened: {
    settings: number;
    external: string[];
    charts: string[];
    itemMenus: string[];
    copied: string[];
    transfers: string[];
    /** Details cards the strip asked for (null: hidden), in order. */
    cards: (CardRequest | null)[];
  };
  /** Invoke channel names in call order. */
  readonly calls: string[];
  dispose(): void;
}

/** The page's kind of window, from its page as main would know it from the window it made. */
export function pageKind(url: string): WindowKind {
  return new URL(url).pathname.endsWith('/strip.html') ? 'strip' : 'settings';
}

type PageContract = {
  invoke: Record<string, string>;
  events: Record<string, string>;
  listeners: Record<string, string>;
};

/** The contract a window of `kind` sees: its own channel names only. */
function contractFor(kind: WindowKind): PageContract {
  const channels = WINDOW_CHANNELS[kind];
  return {
    invoke: Object.fromEntries(channels.invoke.map((name) => [name, INVOKE_CHANNELS[name]])),
    events: Object.fromEntries(channels.events.map((event) => [event, EVENT_CHANNELS[event]])),
    listeners: Object.fromEntries(channels.events.map((event) => [event, listenerName(event)])),
  };
}

/** The page side: builds `window.ticker` from its kind's channel names. Runs in the browser. */
function installPageApi(contracts: Record<string, PageContract>): void {
  type Callback = (payload: unknown) => void;
  const w = window as unknown as Record<string, unknown>;
  const contract = contracts[location.pathname.endsWith('/strip.html') ? 'strip' : 'settings'] as PageContract;
  const call = w.__tickerInvoke as (channel: string, args: unknown[]) => Promise<unknown>;
  const listeners = new Map<string, Set<Callback>>();
  const api: Record<string, unknown> = {};
  for (const [name, channel] of Object.entries(contract.invoke)) {
    api[name] = (...args: unknown[]) => call(channel, args);
  }
  for (const [event, channel] of Object.entries(contract.events)) {
    listeners.set(channel, new Set());
    api[contract.listeners[event] as string] = (callback: Callback) => {
      listeners.get(channel)?.add(callback);
      return () => listeners.get(channel)?.delete(callback);
    };
  }
  w.__tickerDispatch = (channel: string, payload: unknown) => {
    for (const callback of listeners.get(channel) ?? []) callback(payload);
  };
  w.ticker = Object.freeze(api);
}

export async function attachBrowserBridge(
  page: Page,
  core: TickerCore,
  settingsTransfer?: SettingsTransferHandlers,
): Promise<BrowserBridge> {
  const opened = {
    settings: 0,
    external: [] as string[],
    charts: [] as string[],
    itemMenus: [] as string[],
    copied: [] as string[],
    transfers: [] as string[],
    cards: [] as (CardRequest | null)[],
  };
  // Headlines open through the app's one checked link path, with the app's own rules.
  const openLink = createLinkOpener({
    openExternal: async (url) => void opened.external.push(url),
    rules: () => appLinkRules(core.preferences().chartUrlTemplate, [], () => core.currentHeadlines()),
  });
  const calls: string[] = [];
  const handlers: InvokeHandlers = {
    ...core.handlers,
    // The shell's own handlers: a fixed two-display desk, and records of what the page opened.
    getDisplays: () => [
      { id: 1, label: 'Built-in display (1920×1080)', primary: true },
      { id: 2, label: 'DELL U2720Q (2560×1440)', primary: false },
    ],
    openSettings: () => {
      opened.settings += 1;
      return null;
    },
    openExternal: (url: string) => {
      opened.external.push(url);
      return null;
    },
    openChart: (symbol: string) => {
      opened.charts.push(symbol);
      return null;
    },
    showItemMenu: (symbol: string) => {
      opened.itemMenus.push(symbol);
      return null;
    },
    showCard: (card) => {
      opened.cards.push(card);
      core.contextCardOpened(card.symbol);
      return null;
    },
    hideCard: () => {
      opened.cards.push(null);
      return null;
    },
    openHeadline: (url) => openLink(url),
    // The shell's file dialogs: recorded; the given handlers answer, or the user cancels.
    exportSettings: (format) => {
      opened.transfers.push(`export ${format}`);
      return settingsTransfer ? settingsTransfer.exportSettings(format) : { status: 'cancelled' };
    },
    importSettings: () => {
      opened.transfers.push('import');
      return settingsTransfer ? settingsTransfer.importSettings() : { status: 'cancelled' };
    },
    exportHoldings: () => {
      opened.transfers.push('export holdings');
      return settingsTransfer ? settingsTransfer.exportHoldings() : { status: 'cancelled' };
    },
    // What the shell would put on the clipboard.
    copyRelay: async (item) => {
      const relay = await core.handlers.getRelay();
      opened.copied.push(
        relayCopyText(item, { port: core.preferences().relayPort, token: relay.token }, core.symbols()),
      );
      return null;
    },
    // About in a browser: no Electron, no licences file, no log folder; updates are not this copy's to make.
    getAbout: () => ({
      name: 'Ticker',
      version: '0.0.0-test',
      electron: 'none',
      chromium: 'none',
      node: process.versions.node,
      license: 'MIT',
      homepage: null,
      copyright: 'Copyright © Ticker contributors',
      thirdParty: null,
      logFolder: null,
      update: { state: 'unsupported', message: 'A browser test does not update.' },
    }),
    checkForUpdates: () => ({ state: 'unsupported', message: 'A browser test does not update.' }),
    restartToUpdate: () => {
      throw new TickerError('not-found', 'No update has been downloaded yet.');
    },
    openLogFolder: () => {
      opened.transfers.push('log folder');
      return null;
    },
    // No system to register with here: every set shortcut counts as registered.
    getShortcuts: () =>
      SHORTCUTS.map(({ action, preference }) => {
        const accelerator = core.preferences()[preference];
        return { action, accelerator, state: accelerator === '' ? ('none' as const) : ('registered' as const) };
      }),
  };

  const registered = new Map<string, Listener>();
  const dispose = registerIpcHandlers({
    ipcMain: {
      handle: (channel: string, listener: Listener) => void registered.set(channel, listener),
      removeHandler: (channel: string) => void registered.delete(channel),
    },
    handlers,
    // The page is our own renderer served from the test's static server; its page says its kind.
    senderKind: (event) => (event.sender.id === 1 && event.senderFrame ? pageKind(event.senderFrame.url) : null),
  });

  await page.exposeBinding('__tickerInvoke', async (_source, channel: unknown, args: unknown) => {
    const listener = typeof channel === 'string' ? registered.get(channel) : undefined;
    if (!listener) return { ok: false, error: { code: 'invalid-payload', message: 'Unknown channel' } };
    calls.push(channel as string);
    return listener({ sender: { id: 1 }, senderFrame: { url: page.url() } }, ...(Array.isArray(args) ? args : []));
  });

  await page.addInitScript(installPageApi, Object.fromEntries(WINDOW_KINDS.map((kind) => [kind, contractFor(kind)])));

  // Each event crosses as one small script run on a DevTools session: the payload is a JSON string
  // literal parsed in the page, then handed to the listeners. That is the shape of Electron's IPC
  // (one message, one deserialisation, the callbacks); Playwright's page.evaluate would add its own
  // argument serialisation and utility-script call per event, costing the page more than the
  // renderer being measured.
  const cdp = await page.context().newCDPSession(page);
  const unsubscribers = (Object.keys(EVENT_CHANNELS) as EventName[]).map((event) =>
    core.events[event].subscribe((payload) => {
      const json = JSON.stringify(JSON.stringify(payload) ?? 'null');
      // The listeners run in a microtask of the same task, and the command is not silent: an
      // exception there reaches the page's error reporting (a test's "pageerror") instead of
      // being swallowed as the command's result.
      const expression = `{ const payload = JSON.parse(${json}); queueMicrotask(() => window.__tickerDispatch?.(${JSON.stringify(EVENT_CHANNELS[event])}, payload)); }`;
      cdp.send('Runtime.evaluate', { expression }).catch(() => {
        // The page may be navigating or closed; the renderer re-reads state on load.
      });
    }),
  );

  return {
    opened,
    calls,
    dispose() {
      unsubscribers.forEach((unsubscribe) => unsubscribe());
      dispose();
      cdp.detach().catch(() => {
        // Already gone with its page.
      });
    },
  };
}
