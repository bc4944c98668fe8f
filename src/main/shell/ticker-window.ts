/**
 * The strip: a frameless, always-on-top window that never takes focus, spans its display's width and
 * docks to the top or bottom edge. It follows display changes, applies preference changes live and
 * remembers where the user put it.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Screen } from 'electron';
import type { Preferences } from '../../shared/types';
import { STRIP_BACKGROUND, themeInEffect, type ShownTheme } from '../../shared/theme';
import type { CoreHandlers, TickerCore } from '../../engine/core/ticker-core';
import { floatingWindowType, type CreateAppWindow } from './app-window';
import { chooseDisplay, placeStrip, sameRect, settleMovedStrip, type Rect, type StripPlacement } from './docking';
import { systemClock, type Clock } from '../../shared/clock';
import { Signal } from '../../shared/signal';

/** Above full-screen apps where the OS allows it. */
export const STRIP_ALWAYS_ON_TOP_LEVEL = 'screen-saver';
/** Above ordinary windows only: a full-screen app that is itself topmost covers the strip. */
export const STRIP_STEP_ASIDE_LEVEL = 'floating';

/**
 * How the strip stands towards full-screen apps. Electron reports no "a full-screen app has focus"
 * event on any platform, so stepping aside is done with what each OS offers: on macOS the strip
 * leaves full-screen Spaces (visibleOnFullScreen) and floats at the normal level; on Windows and
 * Linux only the always-on-top level changes (and a Linux window manager may ignore it).
 */
function fullScreenBehaviour(preferences: Pick<Preferences, 'fullScreenApps'>): {
  level: typeof STRIP_ALWAYS_ON_TOP_LEVEL | typeof STRIP_STEP_ASIDE_LEVEL;
  visibleOnFullScreen: boolean;
} {
  return preferences.fullScreenApps === 'step-aside'
    ? { level: STRIP_STEP_ASIDE_LEVEL, visibleOnFullScreen: false }
    : { level: STRIP_ALWAYS_ON_TOP_LEVEL, visibleOnFullScreen: true };
}

/** After the last 'move' event, wait this long before treating the move as finished. */
export const MOVE_SETTLE_MS = 400;

export type StripScreen = Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay' | 'on' | 'removeListener'>;

export interface TickerWindowDeps {
  createWindow: CreateAppWindow;
  screen: StripScreen;
  /** Where the strip's preferences and position come from (the second strip's are its own). */
  core: Pick<TickerCore, 'preferences' | 'windowState' | 'setWindowState'> & {
    handlers: Pick<CoreHandlers, 'setPreferences'>;
  };
  platform: NodeJS.Platform;
  /** Whether the OS is in dark mode (nativeTheme), for the "system" theme. Default: dark. */
  systemDark?: () => boolean;
  clock?: Clock;
  moveSettleMs?: number;
}

/** The strip's BrowserWindow options for some preferences, at `bounds`, in the theme in effect. */
export function stripWindowOptions(
  preferences: Preferences,
  bounds: Rect,
  platform: NodeJS.Platform,
  systemDark = true,
): BrowserWindowConstructorOptions {
  const theme = themeInEffect(preferences.theme, systemDark);
  const options: BrowserWindowConstructorOptions = {
    ...bounds,
    title: 'Ticker',
    show: false,
    frame: false,
    transparent: theme === 'transparent',
    backgroundColor: STRIP_BACKGROUND[theme],
    resizable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    // Never steal focus from what the user is doing: clicks still reach the strip.
    focusable: false,
    alwaysOnTop: preferences.alwaysOnTop,
    hasShadow: false,
    roundedCorners: false,
    thickFrame: false,
    enableLargerThanScreen: false,
    opacity: preferences.opacity,
    ...floatingWindowType(platform),
  };
  return options;
}

export class TickerWindow {
  /** Emits whether the strip is on screen (shown and not minimized) whenever that changes. */
  readonly shownChanged = new Signal<boolean>();
  private window: BrowserWindow | null = null;
  private lastShown = false;
  private windowTheme: ShownTheme | null = null;
  /** What the window was last told about full-screen Spaces (macOS flickers on every call). */
  private visibleOnFullScreen: boolean | null = null;
  private applied: Preferences | null = null;
  private lastBounds: Rect | null = null;
  private moveTimer: unknown = null;
  private ready = false;
  private destroyed = false;
  private marketsClosed = false;
  private readonly clock: Clock;
  private readonly moveSettleMs: number;
  private readonly onDisplaysChanged = (): void => this.relayout();

  constructor(private readonly deps: TickerWindowDeps) {
    this.clock = deps.clock ?? systemClock;
    this.moveSettleMs = deps.moveSettleMs ?? MOVE_SETTLE_MS;
    deps.screen.on('display-added', this.onDisplaysChanged);
    deps.screen.on('display-removed', this.onDisplaysChanged);
    deps.screen.on('display-metrics-changed', this.onDisplaysChanged);
    this.apply(deps.core.preferences());
  }

  /** The strip's BrowserWindow, or null while there is none. */
  browserWindow(): BrowserWindow | null {
    return this.window && !this.window.isDestroyed() ? this.window : null;
  }

  isVisible(): boolean {
    return this.browserWindow()?.isVisible() ?? false;
  }

  /** On screen: shown and not minimized (what the strip's drawing depends on). */
  isShown(): boolean {
    const window = this.browserWindow();
    return window !== null && window.isVisible() && !window.isMinimized();
  }

  /** Where the strip should be now (null without displays). */
  placement(preferences: Preferences = this.deps.core.preferences()): StripPlacement | null {
    const { screen } = this.deps;
    return placeStrip({
      displays: screen.getAllDisplays(),
      primaryDisplayId: screen.getPrimaryDisplay().id,
      preferences,
      windowState: this.deps.core.windowState(),
    });
  }

  /** Apply preferences live (the window is re-made only when its transparency must change). */
  apply(preferences: Preferences): void {
    if (this.destroyed) return;
    const before = this.applied;
    this.applied = { ...preferences };
    if (before && (before.position !== preferences.position || before.displayId !== preferences.displayId)) {
      // A new edge or display was chosen: dock there, forgetting a free position.
      this.saveWindowState({ docked: true, x: null, y: null });
    }

    let window = this.browserWindow();
    const theme = themeInEffect(preferences.theme, this.systemDark());
    const wantsTransparent = theme === 'transparent';
    if (window && (this.windowTheme === 'transparent') !== wantsTransparent) {
      this.close();
      window = null;
    }
    if (!window) window = this.create(preferences);
    if (!window) return;

    this.windowTheme = theme;
    if (!wantsTransparent) window.setBackgroundColor(STRIP_BACKGROUND[theme]);
    const fullScreen = fullScreenBehaviour(preferences);
    if (preferences.alwaysOnTop) window.setAlwaysOnTop(true, fullScreen.level);
    else window.setAlwaysOnTop(false);
    if (this.visibleOnFullScreen !== fullScreen.visibleOnFullScreen) {
      this.visibleOnFullScreen = fullScreen.visibleOnFullScreen;
      window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: fullScreen.visibleOnFullScreen });
    }
    window.setOpacity(preferences.opacity);
    if (preferences.clickThrough) window.setIgnoreMouseEvents(true, { forward: true });
    else window.setIgnoreMouseEvents(false);
    this.relayout();
    this.updateVisibility();
  }

  /** Put the strip where it belongs on the current displays. */
  relayout(): void {
    const window = this.browserWindow();
    if (!window || !this.applied) return;
    const placement = this.placement(this.applied);
    if (!placement) return;
    this.setBounds(window, placement.bounds);
  }

  /**
   * Every watched market is closed (true) or one has opened (false): with the preference
   * whenMarketsClosed 'hide', the strip hides until the next open.
   */
  setMarketsClosed(closed: boolean): void {
    if (this.destroyed || closed === this.marketsClosed) return;
    this.marketsClosed = closed;
    this.updateVisibility();
  }

  show(): void {
    const window = this.browserWindow();
    if (window && this.ready && !window.isVisible()) window.showInactive();
  }

  hide(): void {
    const window = this.browserWindow();
    if (window?.isVisible()) window.hide();
  }

  /** Stop following displays and close the window. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    const { screen } = this.deps;
    screen.removeListener('display-added', this.onDisplaysChanged);
    screen.removeListener('display-removed', this.onDisplaysChanged);
    screen.removeListener('display-metrics-changed', this.onDisplaysChanged);
    this.close();
  }

  /** The OS switched between light and dark: a strip in the "system" theme follows at once. */
  systemThemeChanged(): void {
    if (this.applied !== null && this.applied.theme === 'system') this.apply(this.applied);
  }

  private systemDark(): boolean {
    return this.deps.systemDark?.() ?? true;
  }

  private create(preferences: Preferences): BrowserWindow | null {
    const placement = this.placement(preferences);
    if (!placement) return null;
    const window = this.deps.createWindow(
      'strip',
      stripWindowOptions(preferences, placement.bounds, this.deps.platform, this.systemDark()),
    );
    this.window = window;
    this.ready = false;
    this.lastBounds = placement.bounds;
    this.visibleOnFullScreen = null;
    window.once('ready-to-show', () => {
      this.ready = true;
      this.updateVisibility();
    });
    window.on('move', () => this.scheduleMoveCheck(window));
    const onShownChange = (): void => this.checkShown();
    window.on('show', onShownChange);
    window.on('hide', onShownChange);
    window.on('minimize', onShownChange);
    window.on('restore', onShownChange);
    window.once('closed', () => {
      if (this.window === window) {
        this.window = null;
        this.clearMoveTimer();
      }
      this.checkShown();
    });
    // A crashed page is reloaded (within limits) by the strip recovery (see strip-recovery.ts).
    return window;
  }

  private close(): void {
    this.clearMoveTimer();
    const window = this.browserWindow();
    this.window = null;
    if (window) window.destroy();
    this.checkShown();
  }

  private checkShown(): void {
    const shown = this.isShown();
    if (shown === this.lastShown) return;
    this.lastShown = shown;
    this.shownChanged.emit(shown);
  }

  private updateVisibility(): void {
    const applied = this.applied;
    if (applied?.hidden || (this.marketsClosed && applied?.whenMarketsClosed === 'hide')) this.hide();
    else this.show();
  }

  private setBounds(window: BrowserWindow, bounds: Rect): void {
    this.lastBounds = bounds;
    if (!sameRect(window.getBounds(), bounds)) window.setBounds(bounds);
  }

  private clearMoveTimer(): void {
    if (this.moveTimer !== null) this.clock.clearTimeout(this.moveTimer);
    this.moveTimer = null;
  }

  private scheduleMoveCheck(window: BrowserWindow): void {
    this.clearMoveTimer();
    this.moveTimer = this.clock.setTimeout(() => {
      this.moveTimer = null;
      this.settleMove(window);
    }, this.moveSettleMs);
  }

  /** The user moved the strip: snap it back to an edge when close to one, else keep it where it is. */
  private settleMove(window: BrowserWindow): void {
    if (window !== this.browserWindow() || !this.applied) return;
    const moved = window.getBounds();
    if (this.lastBounds && sameRect(moved, this.lastBounds)) return; // our own setBounds
    const { screen } = this.deps;
    const displays = screen.getAllDisplays();
    const settled = settleMovedStrip(displays, moved, this.applied.height);
    if (!settled) return;
    this.setBounds(window, settled.bounds);
    if (!settled.docked) {
      this.saveWindowState({ docked: false, displayId: settled.displayId, x: settled.bounds.x, y: settled.bounds.y });
      return;
    }
    this.saveWindowState({ docked: true, displayId: settled.displayId, x: null, y: null });
    const preferred = chooseDisplay(displays, screen.getPrimaryDisplay().id, this.applied.displayId);
    const patch: Partial<Preferences> = {};
    if (settled.position !== this.applied.position) patch.position = settled.position;
    if (preferred?.id !== settled.displayId) patch.displayId = settled.displayId;
    if (Object.keys(patch).length > 0) {
      this.applied = { ...this.applied, ...patch };
      Promise.resolve()
        .then(() => this.deps.core.handlers.setPreferences(patch))
        .catch((error: unknown) => console.error('[strip] could not save the new dock position:', error));
    }
  }

  private saveWindowState(state: Parameters<TickerCore['setWindowState']>[0]): void {
    try {
      this.deps.core.setWindowState(state);
    } catch (error) {
      console.error('[strip] could not remember the window position:', error);
    }
  }
}
