/**
 * The browser test bridge: a Playwright page runs the app's REAL preload (compiled as the app
 * compiles it, see preload-build.ts) before its own scripts, and that preload talks to main's REAL
 * IPC surface in this Node process: serveAppIpc (the core's and the shell's handlers behind the
 * sender check, the validators and each kind of window's channel list), the window registry that
 * pushes each page only the events it subscribed to, the strip's view of its own list, the economy
 * follower, the link opener and the global shortcuts. Only the transport is a stand-in: the page's
 * `electron` module (contextBridge, ipcRenderer) forwards over a Playwright binding instead of
 * Electron's IPC, and the system around main (displays, clipboard, browser, power source, file
 * dialogs, the system's shortcut table) is recorded or scripted here.
 */
import { EventEmitter } from 'node:events';
import type { BrowserWindow } from 'electron';
import type { CDPSession, Frame, Page } from 'playwright-core';
import type { CardRequest } from '../../src/shared/card-content';
import { appLinkRules } from '../../src/shared/external-links';
import { INVOKE_CHANNELS, TickerError, WINDOW_KIND_ARGUMENT, type WindowKind } from '../../src/shared/ipc-contract';
import type { TickerCore } from '../../src/engine/core/ticker-core';
import type { IpcInvokeListener } from '../../src/main/ipc/ipc-main-like';
import { serveAppIpc, type AppIpc } from '../../src/main/shell/app-ipc';
import { followEconomy, type EconomyPowerEvent } from '../../src/main/shell/economy-follower';
import { GlobalShortcuts } from '../../src/main/shell/global-shortcuts';
import type { SettingsTransferHandlers } from '../../src/main/shell/settings-transfer-dialogs';
import { StripView, type StripRole } from '../../src/main/shell/strip-view';
import { createLinkOpener } from '../../src/main/shell/web-security';
import { forwardCoreEvents, WindowRegistry } from '../../src/main/shell/window-registry';
import { systemClock } from '../../src/shared/clock';
import { preloadSource } from './preload-build';

/** What the pages asked of the system around main (nothing leaves the test). */
export interface OpenedRecord {
  settings: number;
  /** Links the link opener let through to "the browser". */
  external: string[];
  charts: string[];
  itemMenus: string[];
  /** Text put on "the clipboard". */
  copied: string[];
  transfers: string[];
  /** Details cards the strip asked for (null: hidden), in order. */
  cards: (CardRequest | null)[];
  /** The categories the settings page asked main to remember, in order. */
  categories: string[];
}

export interface BrowserBridge {
  /** What the pages of this bridge's desk asked of the system. */
  readonly opened: OpenedRecord;
  /** The invoke channels this page called, in call order (as the page sent them, refused or not). */
  readonly calls: string[];
  /** The same calls by the bridge's name for them (`setPreferences`), with their arguments. */
  readonly invocations: { name: string; args: unknown[] }[];
  /** The events main sent the page, in order, once the page's listeners have run. */
  readonly delivered: { channel: string; payload: unknown }[];
  /** Resolves once an event main sent the page (before or later) satisfies `check`; rejects after 5 s. */
  waitForDelivery(check: (event: { channel: string; payload: unknown }) => boolean): Promise<void>;
  /** Send the page a message as webContents.send does, as it is (for payloads main never builds). */
  sendRaw(channel: string, payload: unknown): void;
  dispose(): void;
}

export interface BrowserDeskOptions {
  /** Export…/Import… as main answers them (the real handlers with scripted dialogs); default: the user cancels. */
  settingsTransfer?: SettingsTransferHandlers;
  /** Accelerators another program holds: the system refuses to register them. */
  shortcutsTaken?: readonly string[];
  /** The system runs on battery power at the start (default: mains). */
  onBattery?: boolean;
}

export interface OpenWindowOptions {
  /** The kind of window main creates for the page (it decides the preload's bridge and main's channels). */
  kind: WindowKind;
  /** Which strip a strip window is (default the first). */
  role?: StripRole;
  /** Main answers every invoke this much later (a busy main process). */
  latencyMs?: number;
}

/** Main's side of the app, for any number of pages on one core. */
export interface BrowserDesk {
  readonly opened: OpenedRecord;
  /** Make `page` one of main's windows: its next document runs the real preload over this desk. */
  open(page: Page, options: OpenWindowOptions): Promise<BrowserBridge>;
  /** Replace the file dialogs' answers. */
  setSettingsTransfer(handlers: SettingsTransferHandlers): void;
  /** The system switches to battery (true) or mains power, as powerMonitor reports it. */
  setOnBattery(onBattery: boolean): void;
  dispose(): void;
}

/** Invoke channel → the bridge's name for it. */
const INVOKE_NAMES = new Map<string, string>(Object.entries(INVOKE_CHANNELS).map(([name, channel]) => [channel, name]));

/** A fixed two-display desk, as Electron's screen module describes it. */
const DISPLAYS = [
  { id: 1, label: 'Built-in display', size: { width: 1920, height: 1080 } },
  { id: 2, label: 'DELL U2720Q', size: { width: 2560, height: 1440 } },
] as unknown as Electron.Display[];

const CANCELLED: SettingsTransferHandlers = {
  exportSettings: () => ({ status: 'cancelled' }),
  importSettings: () => ({ status: 'cancelled' }),
  exportHoldings: () => ({ status: 'cancelled' }),
};

/** One page as main sees its window: a web contents id that pushes events into the page. */
class PageWindow extends EventEmitter {
  closed = false;
  readonly webContents: { id: number; send(channel: string, payload: unknown): void; isDestroyed(): boolean };

  constructor(id: number, send: (channel: string, payload: unknown) => void) {
    super();
    this.webContents = { id, send, isDestroyed: () => this.closed };
  }

  isDestroyed(): boolean {
    return this.closed;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.emit('closed');
  }
}

/** Electron's ipcMain for the desk's pages: the handlers and one-way listeners main registers. */
class DeskIpcMain {
  readonly handlers = new Map<string, IpcInvokeListener>();
  readonly listeners = new Map<string, Set<IpcInvokeListener>>();

  handle(channel: string, listener: IpcInvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  on(channel: string, listener: IpcInvokeListener): this {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener);
    this.listeners.set(channel, set);
    return this;
  }

  removeListener(channel: string, listener: IpcInvokeListener): this {
    this.listeners.get(channel)?.delete(listener);
    return this;
  }
}

/**
 * Runs in the page before its own scripts: Electron's half of the preload's world. `preload` is
 * the compiled preload wrapped in the function Electron wraps a sandboxed preload in; it gets a
 * `require` whose only module is `electron`, and `process.argv` with the window's kind as main
 * passes it (webPreferences.additionalArguments).
 */
function runPreload(
  argv: string[],
  preload: (require: (id: string) => unknown, process: { argv: string[] }, module: { exports: object }) => void,
): void {
  // Electron runs a window's preload in its main frame only.
  if (window.top !== window) return;
  type Listener = (event: unknown, ...args: unknown[]) => void;
  type Binding = (channel: string, args: unknown[]) => Promise<unknown>;
  const w = window as unknown as Record<string, unknown>;
  const listeners = new Map<string, Set<Listener>>();
  const ipcRenderer = {
    async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      const answer = (await (w.__tickerIpcInvoke as Binding)(channel, args)) as { handled: boolean; value: unknown };
      // What Electron's invoke does when main has no handler for the channel.
      if (!answer.handled)
        throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
      return answer.value;
    },
    send(channel: string, ...args: unknown[]): void {
      void (w.__tickerIpcSend as Binding)(channel, args);
    },
    on(channel: string, listener: Listener) {
      const set = listeners.get(channel) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(channel, set);
      return ipcRenderer;
    },
    removeListener(channel: string, listener: Listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  // The page is NOT isolated in this harness: Electron's contextBridge copies the API into the
  // page's world from the preload's isolated one; here both are one world, so it is assigned.
  const contextBridge = {
    exposeInMainWorld(key: string, api: unknown): void {
      Object.defineProperty(window, key, { value: api, enumerable: true });
    },
  };
  // How main's webContents.send arrives (see PageWindow): one event, its listeners.
  Object.defineProperty(w, '__tickerIpcDispatch', {
    value: (channel: string, payload: unknown) => {
      for (const listener of [...(listeners.get(channel) ?? [])]) listener({}, payload);
    },
  });
  const module = { exports: {} };
  preload(
    (id) => {
      if (id === 'electron') return { contextBridge, ipcRenderer };
      throw new Error(`Cannot find module '${id}'`);
    },
    { argv },
    module,
  );
}

/** The init script a window of `kind` runs: the transport, then the compiled preload inside it. */
async function preloadInitScript(kind: WindowKind): Promise<string> {
  const source = await preloadSource();
  const argv = JSON.stringify(['--type=renderer', `${WINDOW_KIND_ARGUMENT}${kind}`]);
  return `(${runPreload.toString()})(${argv}, function (require, process, module) { const exports = module.exports;\n${source}\n});`;
}

export function createBrowserDesk(core: TickerCore, options: BrowserDeskOptions = {}): BrowserDesk {
  const opened: OpenedRecord = {
    settings: 0,
    external: [],
    charts: [],
    itemMenus: [],
    copied: [],
    transfers: [],
    cards: [],
    categories: [],
  };
  const ipcMain = new DeskIpcMain();
  const registry = new WindowRegistry();
  const strips = new Map<StripRole, { view: StripView; window: PageWindow }>();
  let transfer = options.settingsTransfer ?? CANCELLED;
  let nextId = 1;

  // The system's power source, as Electron's powerMonitor reports it.
  const power = new EventEmitter();
  let onBattery = options.onBattery ?? false;
  const economy = followEconomy({
    powerMonitor: {
      isOnBatteryPower: () => onBattery,
      on: (event: EconomyPowerEvent, listener: () => void) => power.on(event, listener),
      removeListener: (event: EconomyPowerEvent, listener: () => void) => power.removeListener(event, listener),
    },
    core,
    registry,
    clock: systemClock,
  });

  // The system's shortcut table: taken accelerators are refused, as another program holds them.
  const taken = new Set(options.shortcutsTaken ?? []);
  const shortcuts = new GlobalShortcuts({
    globalShortcut: {
      register: (accelerator: string) => !taken.has(accelerator),
      unregister: () => {},
      unregisterAll: () => {},
    },
    actions: { toggleStrips: () => {}, togglePause: () => {}, togglePrivacy: () => {} },
    notify: (notice) => core.notify(notice),
  });
  shortcuts.apply(core.preferences());
  const stopShortcuts = core.events.settings.subscribe((next) => shortcuts.apply(next.preferences));

  const openLink = createLinkOpener({
    openExternal: async (url) => {
      opened.external.push(url);
    },
    rules: () => appLinkRules(core.preferences().chartUrlTemplate, [], () => core.currentHeadlines()),
  });

  const ipc: AppIpc = serveAppIpc({
    ipcMain,
    screen: { getAllDisplays: () => DISPLAYS, getPrimaryDisplay: () => DISPLAYS[0] as Electron.Display },
    clipboard: {
      writeText: async (text: string) => {
        opened.copied.push(text);
      },
    },
    core,
    registry,
    // The pages the test's static server serves on loopback are "our own pages".
    isOurPage: (url) => /^http:\/\/127\.0\.0\.1:\d+\//.test(url),
    openSettings: () => {
      opened.settings += 1;
    },
    rememberCategory: (category) => void opened.categories.push(category),
    openLink,
    itemActions: {
      openChart: async (symbol) => void opened.charts.push(symbol),
      showItemMenu: async (symbol) => void opened.itemMenus.push(symbol),
    },
    strip: (role) => ({
      list: () => strips.get(role)?.view.list() ?? null,
      window: () => (strips.get(role)?.window as BrowserWindow | undefined) ?? null,
    }),
    shortcuts: () => shortcuts.status(),
    settingsTransfer: {
      exportSettings: (format) => {
        opened.transfers.push(`export ${format}`);
        return transfer.exportSettings(format);
      },
      importSettings: () => {
        opened.transfers.push('import');
        return transfer.importSettings();
      },
      exportHoldings: () => {
        opened.transfers.push('export holdings');
        return transfer.exportHoldings();
      },
    },
    economy: () => economy.current(),
    // The details card's window: recorded (the strip test pages have no card window beside them).
    card: {
      show: (_strip, card) => void opened.cards.push(card),
      hide: () => void opened.cards.push(null),
    },
    appShell: {
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
    },
  });
  const stopForwarding = forwardCoreEvents(core.events, registry);
  const windows = new Set<PageWindow>();

  async function open(page: Page, { kind, role = 'first', latencyMs = 0 }: OpenWindowOptions): Promise<BrowserBridge> {
    const calls: string[] = [];
    const invocations: { name: string; args: unknown[] }[] = [];
    const delivered: { channel: string; payload: unknown }[] = [];
    const waiters = new Set<(event: { channel: string; payload: unknown }) => void>();
    const waitForDelivery = (check: (event: { channel: string; payload: unknown }) => boolean) =>
      new Promise<void>((resolve, reject) => {
        if (delivered.some(check)) return resolve();
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error('main delivered no such event to the page'));
        }, 5_000);
        const waiter = (event: { channel: string; payload: unknown }) => {
          if (!check(event)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve();
        };
        waiters.add(waiter);
      });
    const id = nextId++;
    let cdp: CDPSession | null = await page.context().newCDPSession(page);
    // Each event crosses as one small script run on a DevTools session: the payload is a JSON
    // string literal parsed in the page, then handed to the listeners. That is the shape of
    // Electron's IPC (one message, one deserialisation, the callbacks); Playwright's page.evaluate
    // would add its own argument serialisation and utility-script call per event, costing the page
    // more than the renderer being measured. The listeners run in a microtask of the same task, and
    // the command is not silent: an exception there reaches the page's "pageerror".
    const send = (channel: string, payload: unknown): void => {
      const json = JSON.stringify(JSON.stringify(payload) ?? 'null');
      const expression = `{ const payload = JSON.parse(${json}); queueMicrotask(() => window.__tickerIpcDispatch?.(${JSON.stringify(channel)}, payload)); }`;
      cdp?.send('Runtime.evaluate', { expression }).then(
        () => {
          const event = { channel, payload };
          delivered.push(event);
          for (const waiter of [...waiters]) waiter(event);
        },
        () => {
          // The page may be navigating or closed; the renderer re-reads state on load.
        },
      );
    };
    const window = new PageWindow(id, send);
    windows.add(window);
    registry.add(window as unknown as BrowserWindow, kind);
    if (kind === 'strip') {
      const view = new StripView({ role, core, now: () => Date.now() });
      strips.set(role, { view, window });
      registry.setView(window as unknown as BrowserWindow, view);
    }

    // What Electron's IPC gives main with each message: the sender's web contents and its frame.
    const eventFrom = (source: { frame: Frame }) => ({ sender: { id }, senderFrame: { url: source.frame.url() } });
    await page.exposeBinding('__tickerIpcInvoke', async (source, channel: unknown, args: unknown) => {
      if (typeof channel === 'string') {
        calls.push(channel);
        invocations.push({ name: INVOKE_NAMES.get(channel) ?? channel, args: Array.isArray(args) ? args : [] });
      }
      const handler = typeof channel === 'string' ? ipcMain.handlers.get(channel) : undefined;
      if (!handler) return { handled: false, value: null };
      const value = await handler(eventFrom(source), ...(Array.isArray(args) ? args : []));
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      return { handled: true, value };
    });
    await page.exposeBinding('__tickerIpcSend', (source, channel: unknown, args: unknown) => {
      if (typeof channel !== 'string') return;
      for (const listener of ipcMain.listeners.get(channel) ?? [])
        listener(eventFrom(source), ...(Array.isArray(args) ? args : []));
    });
    await page.addInitScript({ content: await preloadInitScript(kind) });

    const dispose = (): void => {
      window.close();
      windows.delete(window);
      cdp?.detach().catch(() => {
        // Already gone with its page.
      });
      cdp = null;
    };
    page.once('close', dispose);
    return { opened, calls, invocations, delivered, waitForDelivery, sendRaw: send, dispose };
  }

  return {
    opened,
    open,
    setSettingsTransfer(handlers) {
      transfer = handlers;
    },
    setOnBattery(next) {
      onBattery = next;
      power.emit(next ? 'on-battery' : 'on-ac');
    },
    dispose() {
      for (const window of [...windows]) window.close();
      stopForwarding();
      stopShortcuts();
      economy.stop();
      ipc.dispose();
    },
  };
}

/** One page on its own desk (the benches' strip): disposing the bridge disposes the desk. */
export async function attachBrowserBridge(
  page: Page,
  core: TickerCore,
  options: BrowserDeskOptions & Partial<OpenWindowOptions> = {},
): Promise<BrowserBridge> {
  const desk = createBrowserDesk(core, options);
  const bridge = await desk.open(page, { kind: options.kind ?? 'strip', ...options });
  return {
    opened: bridge.opened,
    calls: bridge.calls,
    invocations: bridge.invocations,
    delivered: bridge.delivered,
    waitForDelivery: bridge.waitForDelivery,
    sendRaw: bridge.sendRaw,
    dispose() {
      bridge.dispose();
      desk.dispose();
    },
  };
}
