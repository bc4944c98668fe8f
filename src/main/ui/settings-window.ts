/**
 * The settings window: an ordinary window, at most one at a time. Opening it again brings the open
 * one forward, and can ask it to focus its "add symbol" field.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { AlertCondition } from '../../shared/alert-rules';
import type { CreateAppWindow } from './app-window';

export interface SettingsWindowDeps {
  createWindow: CreateAppWindow;
  /** Ask the settings page to focus its "add symbol" field (the focusAddSymbol event). */
  focusAddSymbol(): void;
  /** Ask the settings page to show one alert rule (the focusAlert event). */
  focusAlert?(ruleId: string): void;
  /** Ask the settings page to start a new alert with this condition (the prefillAlert event). */
  prefillAlert?(condition: AlertCondition): void;
  /** Called once a newly opened window has loaded its page (e.g. to replay notices). */
  onLoaded?(window: BrowserWindow): void;
  /**
   * Run `callback` once the page's script has had time to subscribe to events after 'did-finish-load'
   * (React subscribes in effects, which may run just after the load event). Default: 300 ms later.
   */
  afterLoad?(callback: () => void): void;
}

const SUBSCRIBE_GRACE_MS = 300;

export interface OpenSettingsOptions {
  focusAddSymbol?: boolean;
  /** Show this alert rule (a notification was clicked). */
  focusAlert?: string;
  /** Start a new alert with this condition ("Alert when …" on a strip item). */
  prefillAlert?: AlertCondition;
}

export const SETTINGS_WINDOW_OPTIONS: BrowserWindowConstructorOptions = {
  title: 'Ticker settings',
  width: 720,
  height: 640,
  minWidth: 520,
  minHeight: 420,
  show: false,
  autoHideMenuBar: true,
  fullscreenable: false,
  backgroundColor: '#1b1d22',
};

export class SettingsWindow {
  private window: BrowserWindow | null = null;
  private loaded = false;
  /** What to focus once the page can listen (a newer request replaces an older one). */
  private pendingFocus: (() => void) | null = null;

  private readonly afterLoad: (callback: () => void) => void;

  constructor(private readonly deps: SettingsWindowDeps) {
    this.afterLoad = deps.afterLoad ?? ((callback) => void setTimeout(callback, SUBSCRIBE_GRACE_MS));
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
      const focus = this.focusFor(options);
      if (focus && this.loaded) focus();
      else if (focus) this.pendingFocus = focus;
      return existing;
    }
    const window = this.deps.createWindow('settings', SETTINGS_WINDOW_OPTIONS);
    this.window = window;
    this.loaded = false;
    this.pendingFocus = this.focusFor(options);
    window.once('ready-to-show', () => {
      window.show();
      window.focus();
    });
    window.webContents.once('did-finish-load', () => {
      this.afterLoad(() => {
        if (window.isDestroyed() || this.window !== window) return;
        this.loaded = true;
        this.deps.onLoaded?.(window);
        const focus = this.pendingFocus;
        this.pendingFocus = null;
        focus?.();
      });
    });
    window.once('closed', () => {
      if (this.window === window) this.window = null;
    });
    return window;
  }

  private focusFor(options: OpenSettingsOptions): (() => void) | null {
    const { focusAlert, prefillAlert } = options;
    if (prefillAlert !== undefined && this.deps.prefillAlert) return () => this.deps.prefillAlert?.(prefillAlert);
    if (focusAlert !== undefined && this.deps.focusAlert) return () => this.deps.focusAlert?.(focusAlert);
    if (options.focusAddSymbol) return () => this.deps.focusAddSymbol();
    return null;
  }

  close(): void {
    this.current()?.close();
  }
}
