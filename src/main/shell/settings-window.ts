/**
 * The settings window: an ordinary window, at most one at a time. Opening it again brings the open
 * one forward, and can ask it to focus its "add symbol" field.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { AlertCondition } from '../../shared/alert-rules';
import type { EventName } from '../../shared/ipc-contract';
import type { Signal } from '../../shared/signal';
import { SETTINGS_BACKGROUND } from '../../shared/theme';
import type { CreateAppWindow } from './app-window';

/** The focus requests the settings page answers, by the event that carries each. */
type SettingsFocusEvent = 'focusAddSymbol' | 'focusAlert' | 'prefillAlert' | 'showAbout';

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
}

const SETTINGS_WINDOW_OPTIONS: BrowserWindowConstructorOptions = {
  title: 'Ticker settings',
  width: 720,
  height: 640,
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
    const window = this.deps.createWindow('settings', {
      ...SETTINGS_WINDOW_OPTIONS,
      backgroundColor: settingsBackground(this.systemDark()),
    });
    this.window = window;
    this.pending = null;
    window.once('ready-to-show', () => {
      window.show();
      window.focus();
    });
    window.once('closed', () => {
      if (this.window !== window) return;
      this.window = null;
      this.pending = null;
    });
    this.request(window, this.focusFor(options));
    return window;
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
    const { focusAlert, prefillAlert, focusAddSymbol, showAbout } = options;
    const { deps } = this;
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
