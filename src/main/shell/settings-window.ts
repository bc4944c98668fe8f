/**
 * The settings window: an ordinary window, at most one at a time. Opening it again brings the open
 * one forward, and can ask it to show a category and field (a deep link), focus its "add symbol"
 * field, show an alert rule or start a new one. It opens at the size and category it had last.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { AlertCondition } from '../../shared/alert-rules';
import type { EventName } from '../../shared/ipc-contract';
import type { SettingsCategory, SettingsTarget } from '../../shared/settings-categories';
import type { Signal } from '../../shared/signal';
import { SETTINGS_BACKGROUND } from '../../shared/theme';
import type { CreateAppWindow } from './app-window';
import {
  EMPTY_MEMORY,
  parseSettingsWindowMemory,
  type MemoryFile,
  type SettingsWindowMemory,
} from './settings-window-memory';

/** The focus requests the settings page answers, by the event that carries each. */
type SettingsFocusEvent = 'focusAddSymbol' | 'focusAlert' | 'prefillAlert' | 'showAbout' | 'showSettings';

/** Which events a window's page listens to, and news of each new listener (the window registry). */
interface PageListeners {
  isSubscribed(window: BrowserWindow, event: EventName): boolean;
  readonly subscribed: Signal<{ window: BrowserWindow; event: EventName }>;
}

export interface SettingsWindowDeps {
  createWindow: CreateAppWindow;
  /**
   * Whether the page listens yet: a focus request is an event, and an event sent before the page
   * subscribed to it would be lost, so each request waits for its event's listener.
   */
  listeners: PageListeners;
  /** Ask the settings page to focus its "add symbol" field (the focusAddSymbol event). */
  focusAddSymbol(): void;
  /** Ask the settings page to show one alert rule (the focusAlert event). */
  focusAlert?(ruleId: string): void;
  /** Ask the settings page to start a new alert with this condition (the prefillAlert event). */
  prefillAlert?(condition: AlertCondition): void;
  /** Whether the OS is in dark mode (nativeTheme): the page follows it, so does its background. Default: dark. */
  systemDark?(): boolean;
  /** Ask the settings page to show About (the showAbout event). */
  showAbout?(): void;
  /** Ask the settings page to show a category and field (the showSettings event). */
  showTarget?(target: SettingsTarget): void;
  /** Where the window's size and last category are kept (default: nowhere, nothing remembered). */
  memory?: MemoryFile;
}

interface FocusRequest {
  event: SettingsFocusEvent;
  send(): void;
}

export interface OpenSettingsOptions {
  focusAddSymbol?: boolean;
  /** Show this alert rule (a notification was clicked). */
  focusAlert?: string;
  /** Start a new alert with this condition ("Alert when …" on a strip item). */
  prefillAlert?: AlertCondition;
  /** Show About (the tray's "About Ticker"). */
  showAbout?: boolean;
  /** Show this category, and focus this field (a tray item, the strip's status badge). */
  target?: SettingsTarget;
}

export const SETTINGS_WINDOW_OPTIONS: BrowserWindowConstructorOptions = {
  title: 'Ticker settings',
  width: 880,
  height: 680,
  minWidth: 520,
  minHeight: 420,
  show: false,
  autoHideMenuBar: true,
  fullscreenable: false,
};

/** The settings page's background in the OS's current mode, painted before the page draws. */
function settingsBackground(systemDark: boolean): string {
  return SETTINGS_BACKGROUND[systemDark ? 'dark' : 'light'];
}

export class SettingsWindow {
  private window: BrowserWindow | null = null;
  /** What to focus once the page listens for it (a newer request replaces an older one). */
  private pending: FocusRequest | null = null;
  /** The size and last category, read from the memory file on first use. */
  private memory: SettingsWindowMemory | null = null;

  constructor(private readonly deps: SettingsWindowDeps) {
    deps.listeners.subscribed.subscribe(({ window, event }) => {
      const request = this.pending;
      if (request === null || window !== this.current() || event !== request.event) return;
      this.pending = null;
      request.send();
    });
  }

  isOpen(): boolean {
    return this.current() !== null;
  }

  current(): BrowserWindow | null {
    return this.window && !this.window.isDestroyed() ? this.window : null;
  }

  /** Open the window, or bring the open one forward. */
  open(options: OpenSettingsOptions = {}): BrowserWindow {
    const existing = this.current();
    if (existing) {
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      this.request(existing, this.focusFor(options));
      return existing;
    }
    const memory = this.remembered();
    const window = this.deps.createWindow('settings', {
      ...SETTINGS_WINDOW_OPTIONS,
      ...(memory.width !== null ? { width: memory.width } : {}),
      ...(memory.height !== null ? { height: memory.height } : {}),
      backgroundColor: settingsBackground(this.systemDark()),
    });
    this.window = window;
    this.pending = null;
    window.once('ready-to-show', () => {
      window.show();
      window.focus();
    });
    // The size as the user left it (a maximised window keeps the size it had before).
    window.once('close', () => {
      const { width, height } = window.getBounds();
      this.save({ width, height });
    });
    window.once('closed', () => {
      if (this.window !== window) return;
      this.window = null;
      this.pending = null;
    });
    // A new window opens where it was left, unless it is asked to open elsewhere.
    const category = memory.category;
    const fallback: OpenSettingsOptions = category !== null ? { target: { category } } : {};
    this.request(window, this.focusFor(options) ?? this.focusFor(fallback));
    return window;
  }

  /** The page shows this category now (validated by the IPC layer): it opens there next time. */
  rememberCategory(category: SettingsCategory): void {
    if (this.remembered().category !== category) this.save({ category });
  }

  private remembered(): SettingsWindowMemory {
    if (this.memory === null) {
      const { minWidth = 0, minHeight = 0 } = SETTINGS_WINDOW_OPTIONS;
      this.memory = this.deps.memory
        ? parseSettingsWindowMemory(this.deps.memory.read(), { width: minWidth, height: minHeight })
        : { ...EMPTY_MEMORY };
    }
    return this.memory;
  }

  private save(patch: Partial<SettingsWindowMemory>): void {
    this.memory = { ...this.remembered(), ...patch };
    this.deps.memory?.write(this.memory);
  }

  /** Send the request now if the page listens for it, else when it starts to. */
  private request(window: BrowserWindow, request: FocusRequest | null): void {
    if (request === null) return;
    if (this.deps.listeners.isSubscribed(window, request.event)) {
      this.pending = null;
      request.send();
    } else {
      this.pending = request;
    }
  }

  private focusFor(options: OpenSettingsOptions): FocusRequest | null {
    const { focusAlert, prefillAlert, focusAddSymbol, showAbout, target } = options;
    const { deps } = this;
    if (target !== undefined && deps.showTarget)
      return { event: 'showSettings', send: () => deps.showTarget?.(target) };
    if (showAbout && deps.showAbout) return { event: 'showAbout', send: () => deps.showAbout?.() };
    if (prefillAlert !== undefined && deps.prefillAlert)
      return { event: 'prefillAlert', send: () => deps.prefillAlert?.(prefillAlert) };
    if (focusAlert !== undefined && deps.focusAlert)
      return { event: 'focusAlert', send: () => deps.focusAlert?.(focusAlert) };
    if (focusAddSymbol) return { event: 'focusAddSymbol', send: () => deps.focusAddSymbol() };
    return null;
  }

  /** The OS switched between light and dark: the page follows by itself, the window's background here. */
  systemThemeChanged(): void {
    this.current()?.setBackgroundColor(settingsBackground(this.systemDark()));
  }

  close(): void {
    this.current()?.close();
  }

  private systemDark(): boolean {
    return this.deps.systemDark?.() ?? true;
  }
}
