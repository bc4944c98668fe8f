/**
 * A hand-written stand-in for the parts of Electron Ticker uses, for main-process and preload tests
 * (Electron itself cannot run here). Use it with
 *   vi.mock('electron', () => import('../../support/electron-mock'));
 * and call resetElectronMock() in beforeEach. Objects behave just enough like Electron's to be
 * driven by the code under test (windows keep bounds and visibility, emitters emit), and every method
 * is a vi.fn() to assert on.
 */
import { EventEmitter } from 'node:events';
import { request as httpRequest, type ClientRequest, type RequestOptions } from 'node:http';
import { vi } from 'vitest';

export interface MockRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MockDisplay {
  id: number;
  label: string;
  bounds: MockRect;
  workArea: MockRect;
  size: { width: number; height: number };
  workAreaSize: { width: number; height: number };
  scaleFactor: number;
}

/** A display with a work area `inset` px shorter at the top (a menu bar) and bottom (a task bar). */
export function mockDisplay(
  id: number,
  bounds: MockRect,
  inset: { top?: number; bottom?: number } = {},
  scaleFactor = 1,
): MockDisplay {
  const top = inset.top ?? 0;
  const bottom = inset.bottom ?? 0;
  const workArea = { x: bounds.x, y: bounds.y + top, width: bounds.width, height: bounds.height - top - bottom };
  return {
    id,
    label: `Mock display ${id}`,
    bounds,
    workArea,
    size: { width: bounds.width, height: bounds.height },
    workAreaSize: { width: workArea.width, height: workArea.height },
    scaleFactor,
  };
}

// ------------------------------------------------------------------------ session

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { cancel?: boolean; responseHeaders?: Record<string, string | string[]> }) => void,
) => void;

export class MockSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  headersListener: HeadersListener | null = null;
  setPermissionRequestHandler = vi.fn((handler: PermissionRequestHandler | null) => {
    this.permissionRequestHandler = handler;
  });
  setPermissionCheckHandler = vi.fn((handler: PermissionCheckHandler | null) => {
    this.permissionCheckHandler = handler;
  });
  /** What the system's proxy settings say for a URL, in PAC form; a test may set another answer. */
  proxyAnswer = 'DIRECT';
  resolveProxy = vi.fn(async (_url: string) => this.proxyAnswer);
  webRequest = {
    onHeadersReceived: vi.fn((listener: HeadersListener | null) => {
      this.headersListener = listener;
    }),
  };

  reset(): void {
    this.proxyAnswer = 'DIRECT';
    this.permissionRequestHandler = null;
    this.permissionCheckHandler = null;
    this.headersListener = null;
  }
}

export const session = {
  defaultSession: new MockSession(),
  /** A separate session (electron-updater asks for its own); it behaves like the default one. */
  fromPartition: vi.fn((_partition: string, _options?: unknown) => new MockSession()),
};

// ------------------------------------------------------------------------ web contents and windows

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

let nextWebContentsId = 1;

export class MockWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly session = session.defaultSession;
  url = '';
  destroyed = false;
  windowOpenHandler: WindowOpenHandler | null = null;
  send = vi.fn((_channel: string, ..._args: unknown[]) => {});
  reload = vi.fn(() => {});
  setWindowOpenHandler = vi.fn((handler: WindowOpenHandler) => {
    this.windowOpenHandler = handler;
  });
  getURL = vi.fn(() => this.url);
  isDestroyed = vi.fn(() => this.destroyed);

  /** Emit a navigation-like event the way Electron does; returns whether it was prevented. */
  attempt(eventName: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url: string): boolean {
    let prevented = false;
    const event = { url, preventDefault: () => (prevented = true) };
    this.emit(eventName, event, url);
    return prevented;
  }
}

export class MockBrowserWindow extends EventEmitter {
  static instances: MockBrowserWindow[] = [];
  readonly options: Record<string, unknown>;
  readonly webContents = new MockWebContents();
  bounds: MockRect;
  visible = false;
  destroyed = false;
  minimized = false;
  focused = false;

  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
    this.bounds = {
      x: typeof options.x === 'number' ? options.x : 0,
      y: typeof options.y === 'number' ? options.y : 0,
      width: typeof options.width === 'number' ? options.width : 800,
      height: typeof options.height === 'number' ? options.height : 600,
    };
    MockBrowserWindow.instances.push(this);
    app.emit('web-contents-created', { preventDefault: () => {} }, this.webContents);
  }

  static reset(): void {
    MockBrowserWindow.instances = [];
  }

  loadURL = vi.fn(async (url: string) => {
    this.webContents.url = url;
  });
  loadFile = vi.fn(async (file: string) => {
    this.webContents.url = `file://${file.startsWith('/') ? '' : '/'}${file.replace(/\\/g, '/')}`;
  });
  setAlwaysOnTop = vi.fn((_flag: boolean, _level?: string) => {});
  setVisibleOnAllWorkspaces = vi.fn((_visible: boolean, _options?: unknown) => {});
  setIgnoreMouseEvents = vi.fn((_ignore: boolean, _options?: unknown) => {});
  setOpacity = vi.fn((_opacity: number) => {});
  setBackgroundColor = vi.fn((_color: string) => {});
  getBounds = vi.fn(() => ({ ...this.bounds }));
  setBounds = vi.fn((bounds: Partial<MockRect>) => {
    this.bounds = { ...this.bounds, ...bounds };
  });
  // Like Electron, a change of visibility or minimized state is also emitted as an event.
  show = vi.fn(() => {
    const was = this.visible;
    this.visible = true;
    this.focused = true;
    if (!was) this.emit('show');
  });
  showInactive = vi.fn(() => {
    const was = this.visible;
    this.visible = true;
    if (!was) this.emit('show');
  });
  hide = vi.fn(() => {
    const was = this.visible;
    this.visible = false;
    if (was) this.emit('hide');
  });
  focus = vi.fn(() => {
    this.focused = true;
  });
  minimize = vi.fn(() => {
    const was = this.minimized;
    this.minimized = true;
    if (!was) this.emit('minimize');
  });
  restore = vi.fn(() => {
    const was = this.minimized;
    this.minimized = false;
    if (was) this.emit('restore');
  });
  isMinimized = vi.fn(() => this.minimized);
  isVisible = vi.fn(() => this.visible);
  isDestroyed = vi.fn(() => this.destroyed);
  // Like Electron: 'close' first (the window still answers), then it is destroyed and 'closed' follows.
  close = vi.fn(() => {
    if (this.destroyed) return;
    this.emit('close', { preventDefault: () => {} });
    this.destroy();
  });
  destroy = vi.fn(() => {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.webContents.destroyed = true;
    this.emit('closed');
  });

  /** The page loaded: what Electron emits once the window can be shown. */
  finishLoading(): void {
    this.webContents.emit('did-finish-load');
    this.emit('ready-to-show');
  }

  /** The user dragged the window to `bounds`. */
  userMove(bounds: Partial<MockRect>): void {
    this.bounds = { ...this.bounds, ...bounds };
    this.emit('move');
  }
}

/** @alias Electron's name for the mock, as `vi.mock('electron')` serves it. */
export const BrowserWindow = MockBrowserWindow;

// ------------------------------------------------------------------------ app

export class MockApp extends EventEmitter {
  singleInstanceLock = true;
  isPackaged = false;
  requestSingleInstanceLock = vi.fn(() => this.singleInstanceLock);
  quit = vi.fn(() => {});
  exit = vi.fn((_code?: number) => {});
  whenReady = vi.fn(() => Promise.resolve());
  getPath = vi.fn((name: string) => `/tmp/ticker-electron-mock/${name}`);
  getAppPath = vi.fn(() => '/tmp/ticker-electron-mock/app');
  getVersion = vi.fn(() => '0.1.0');
  getName = vi.fn(() => 'Ticker');
  setAppUserModelId = vi.fn((_id: string) => {});
  setAboutPanelOptions = vi.fn((_options: Record<string, unknown>) => {});
  relaunch = vi.fn((_options?: unknown) => {});
  setLoginItemSettings = vi.fn((_settings: { openAtLogin?: boolean }) => {});
  dock = { hide: vi.fn(() => {}) };

  reset(): void {
    this.removeAllListeners();
    this.singleInstanceLock = true;
    this.isPackaged = false;
  }

  /** Emit a cancellable event the way Electron does; returns whether it was prevented. */
  emitCancellable(eventName: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(eventName, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

export const app = new MockApp();

// ------------------------------------------------------------------------ screen

export class MockScreen extends EventEmitter {
  displays: MockDisplay[] = [mockDisplay(1, { x: 0, y: 0, width: 1920, height: 1080 }, { bottom: 40 })];
  primaryId = 1;
  getAllDisplays = vi.fn(() => this.displays.map((display) => structuredClone(display)));
  getPrimaryDisplay = vi.fn(() =>
    structuredClone(this.displays.find((display) => display.id === this.primaryId) ?? this.displays[0]),
  );

  /** Replace the displays and tell listeners, as Electron does when one is plugged in or removed. */
  setDisplays(
    displays: MockDisplay[],
    primaryId: number,
    event: 'display-added' | 'display-removed' | 'display-metrics-changed' | null = null,
  ): void {
    this.displays = displays;
    this.primaryId = primaryId;
    if (event) this.emit(event, {}, displays[0]);
  }

  reset(): void {
    this.removeAllListeners();
    this.setDisplays([mockDisplay(1, { x: 0, y: 0, width: 1920, height: 1080 }, { bottom: 40 })], 1);
  }
}

export const screen = new MockScreen();

// ------------------------------------------------------------------------ tray, menu, images

export interface MockImage {
  path: string;
  isEmpty(): boolean;
}

export const nativeImage = {
  createFromPath: vi.fn((path: string): MockImage => ({ path, isEmpty: () => false })),
};

export interface MockMenu {
  items: unknown[];
  /** Shown as a context menu (Menu.popup); the options say over which window. */
  popup: ReturnType<typeof vi.fn>;
}

export const Menu = {
  /** The application menu set last (null: none). */
  applicationMenu: null as MockMenu | null,
  setApplicationMenu: vi.fn((menu: MockMenu | null) => {
    Menu.applicationMenu = menu;
  }),
  buildFromTemplate: vi.fn((template: unknown[]): MockMenu => ({
    items: template,
    popup: vi.fn((_options?: unknown) => {}),
  })),
};

export const clipboard = {
  text: '',
  writeText: vi.fn((text: string) => {
    clipboard.text = text;
  }),
  readText: vi.fn(() => clipboard.text),
};

export class MockTray extends EventEmitter {
  static instances: MockTray[] = [];
  image: MockImage;
  tooltip = '';
  menu: MockMenu | null = null;
  destroyed = false;

  constructor(image: MockImage) {
    super();
    this.image = image;
    MockTray.instances.push(this);
  }

  static reset(): void {
    MockTray.instances = [];
  }

  setImage = vi.fn((image: MockImage) => {
    this.image = image;
  });
  setToolTip = vi.fn((text: string) => {
    this.tooltip = text;
  });
  setContextMenu = vi.fn((menu: MockMenu | null) => {
    this.menu = menu;
  });
  destroy = vi.fn(() => {
    this.destroyed = true;
  });
}

/** @alias Electron's name for the mock, as `vi.mock('electron')` serves it. */
export const Tray = MockTray;

// ------------------------------------------------------------------------ IPC

type InvokeListener = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, InvokeListener>(),
  handle: vi.fn((channel: string, listener: InvokeListener) => {
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, listener);
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcMain.handlers.delete(channel);
  }),
  /** Call a registered handler as Electron would for a renderer's invoke. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const listener = ipcMain.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener(event, ...args);
  },
  /** One-way messages (ipcRenderer.send), by channel. */
  listeners: new Map<string, Set<InvokeListener>>(),
  on: vi.fn((channel: string, listener: InvokeListener) => {
    const set = ipcMain.listeners.get(channel) ?? new Set();
    set.add(listener);
    ipcMain.listeners.set(channel, set);
    return ipcMain;
  }),
  removeListener: vi.fn((channel: string, listener: InvokeListener) => {
    ipcMain.listeners.get(channel)?.delete(listener);
    return ipcMain;
  }),
  /** Deliver a renderer's `send` as Electron would. */
  message(channel: string, event: unknown, ...args: unknown[]): void {
    for (const listener of ipcMain.listeners.get(channel) ?? []) listener(event, ...args);
  },
};

class MockIpcRenderer extends EventEmitter {
  invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => undefined);
  send = vi.fn((_channel: string, ..._args: unknown[]): void => {});
}

export const ipcRenderer = new MockIpcRenderer();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    contextBridge.exposed.set(key, api);
  }),
};

// ------------------------------------------------------------------------ the rest

export const safeStorage = {
  isEncryptionAvailable: vi.fn(() => true),
  encryptString: vi.fn((plain: string) => Buffer.from(`enc:${[...plain].reverse().join('')}`)),
  decryptString: vi.fn((encrypted: Buffer) => [...encrypted.toString().slice(4)].reverse().join('')),
  getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
};

export const shell = {
  openExternal: vi.fn(async (_url: string) => {}),
  /** Resolves to '' on success, or the error text, like Electron's. */
  openPath: vi.fn(async (_path: string) => ''),
};

/** Electron's powerMonitor: emit 'lock-screen', 'suspend', 'on-battery'… to play the system's part. */
export class MockPowerMonitor extends EventEmitter {
  onBattery = false;
  isOnBatteryPower = vi.fn(() => this.onBattery);

  /** Switch power source and tell listeners, as Electron does. */
  setOnBattery(onBattery: boolean): void {
    if (onBattery === this.onBattery) return;
    this.onBattery = onBattery;
    this.emit(onBattery ? 'on-battery' : 'on-ac');
  }

  reset(): void {
    this.removeAllListeners();
    this.onBattery = false;
    this.isOnBatteryPower.mockReset();
    this.isOnBatteryPower.mockImplementation(() => this.onBattery);
  }
}

export const powerMonitor = new MockPowerMonitor();

/** The OS's light or dark mode: `setDark` switches it as the user would, with Electron's 'updated'. */
export class MockNativeTheme extends EventEmitter {
  shouldUseDarkColors = true;
  themeSource: 'system' | 'light' | 'dark' = 'system';

  setDark(dark: boolean): void {
    this.shouldUseDarkColors = dark;
    this.emit('updated');
  }

  reset(): void {
    this.removeAllListeners();
    this.shouldUseDarkColors = true;
    this.themeSource = 'system';
  }
}

export const nativeTheme = new MockNativeTheme();

/**
 * Electron's net: `request` makes a real HTTP request, only to 127.0.0.1 (a test's local server),
 * through Node's http client, whose ClientRequest and IncomingMessage offer what Electron's do to
 * callers such as electron-updater ('response', 'error', end(), abort(), a readable response).
 * Every request is recorded in `net.requests`; any other host fails like an unreachable one.
 */
export const net = {
  isOnline: vi.fn(() => true),
  requests: [] as string[],
  request: vi.fn((options: (RequestOptions & { url?: string; session?: unknown; redirect?: string }) | string) => {
    const {
      session: _session,
      redirect: _redirect,
      url,
      ...rest
    } = typeof options === 'string' ? { url: options } : options;
    const target = url ? new URL(url) : null;
    const host = target?.hostname ?? rest.hostname ?? rest.host ?? '';
    const path = target ? `${target.pathname}${target.search}` : (rest.path ?? '/');
    const port = target ? target.port : String(rest.port ?? '');
    net.requests.push(`${host}:${port}${path}`);
    const outgoing: ClientRequest = httpRequest({
      ...rest,
      protocol: 'http:',
      hostname: host === '127.0.0.1' ? host : '0.0.0.0',
      port: host === '127.0.0.1' ? Number(port) : 9,
      path,
      agent: false,
    });
    return outgoing;
  }),
  /** Electron's net.fetch: here Node's own fetch, so the app's REST calls reach a local server. */
  fetch: vi.fn((input: string, init?: RequestInit) => globalThis.fetch(input, init)),
};

export const dialog = {
  showErrorBox: vi.fn((_title: string, _content: string) => {}),
  /** What the user picks in the next save dialog; null cancels it. */
  nextSavePath: null as string | null,
  /** What the user picks in the next open dialog; empty cancels it. */
  nextOpenPaths: [] as string[],
  /** Electron's signature: (window, options) or (options). */
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({
    canceled: dialog.nextSavePath === null,
    filePath: dialog.nextSavePath ?? '',
  })),
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({
    canceled: dialog.nextOpenPaths.length === 0,
    filePaths: [...dialog.nextOpenPaths],
  })),
  /** The button the user presses in the next message box (0: the first) and whether they tick its box. */
  nextMessageResponse: 0,
  nextMessageChecked: false,
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({
    response: dialog.nextMessageResponse,
    checkboxChecked: dialog.nextMessageChecked,
  })),
  reset(): void {
    dialog.nextSavePath = null;
    dialog.nextOpenPaths = [];
    dialog.nextMessageResponse = 0;
    dialog.nextMessageChecked = false;
  },
};

// ------------------------------------------------------------------------ global shortcuts

/**
 * Electron's globalShortcut: `register` refuses (returns false) an accelerator already registered
 * or one a test said another program holds (`holdElsewhere`); `press` plays the user pressing it.
 */
export const globalShortcut = {
  registered: new Map<string, () => void>(),
  heldElsewhere: new Set<string>(),
  register: vi.fn((accelerator: string, callback: () => void): boolean => {
    if (globalShortcut.heldElsewhere.has(accelerator) || globalShortcut.registered.has(accelerator)) return false;
    globalShortcut.registered.set(accelerator, callback);
    return true;
  }),
  unregister: vi.fn((accelerator: string) => {
    globalShortcut.registered.delete(accelerator);
  }),
  unregisterAll: vi.fn(() => {
    globalShortcut.registered.clear();
  }),
  isRegistered: vi.fn((accelerator: string) => globalShortcut.registered.has(accelerator)),
  /** Another program grabs `accelerator`: registering it fails from now on. */
  holdElsewhere(accelerator: string): void {
    globalShortcut.heldElsewhere.add(accelerator);
  },
  /** The user presses `accelerator`; false when Ticker does not hold it. */
  press(accelerator: string): boolean {
    const callback = globalShortcut.registered.get(accelerator);
    callback?.();
    return callback !== undefined;
  },
};

// ------------------------------------------------------------------------ notifications

export interface MockNotificationOptions {
  title?: string;
  body?: string;
  silent?: boolean;
}

/** Electron's Notification: records what was shown; `click()` plays the user clicking it. */
export class MockNotification extends EventEmitter {
  static instances: MockNotification[] = [];
  static supported = true;
  static isSupported = vi.fn(() => MockNotification.supported);
  shown = false;

  constructor(readonly options: MockNotificationOptions = {}) {
    super();
    MockNotification.instances.push(this);
  }

  static reset(): void {
    MockNotification.instances = [];
    MockNotification.supported = true;
  }

  show = vi.fn(() => {
    this.shown = true;
  });
  close = vi.fn(() => {
    this.emit('close');
  });
  click(): void {
    this.emit('click');
  }
}

/** @alias Electron's name for the mock, as `vi.mock('electron')` serves it. */
export const Notification = MockNotification;

/** Forget every window, tray, handler and listener, and clear every vi.fn's calls. */
export function resetElectronMock(): void {
  vi.clearAllMocks();
  app.reset();
  screen.reset();
  session.defaultSession.reset();
  MockBrowserWindow.reset();
  MockTray.reset();
  MockNotification.reset();
  dialog.reset();
  ipcMain.handlers.clear();
  ipcMain.listeners.clear();
  ipcRenderer.removeAllListeners();
  contextBridge.exposed.clear();
  powerMonitor.reset();
  nativeTheme.reset();
  net.isOnline.mockImplementation(() => true);
  net.requests = [];
  Menu.applicationMenu = null;
  clipboard.text = '';
  globalShortcut.registered.clear();
  globalShortcut.heldElsewhere.clear();
}

export default {
  app,
  BrowserWindow,
  clipboard,
  contextBridge,
  dialog,
  globalShortcut,
  ipcMain,
  ipcRenderer,
  Menu,
  nativeImage,
  nativeTheme,
  net,
  Notification,
  powerMonitor,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
};
