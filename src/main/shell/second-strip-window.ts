/**
 * The optional second strip: a TickerWindow of its own, made while the setting is on and closed
 * when it is turned off. It shares the first strip's look (theme, height, speed, always on top,
 * full-screen behaviour, show/hide) but has its own list, edge and display, and follows its own
 * list's markets for "when all markets are closed". Where the user drags it is remembered for the
 * session; its docked edge and display are saved.
 */
import type { BrowserWindow } from 'electron';
import type { Clock } from '../../shared/clock';
import { stripList } from '../../shared/second-strip';
import { Signal } from '../../shared/signal';
import type { Preferences, PublicSettings, SecondStrip, WindowState } from '../../shared/types';
import type { TickerCore } from '../../engine/core/ticker-core';
import { MarketWatch } from '../../engine/market/market-watch';
import { DEFAULT_WINDOW_STATE } from '../../engine/settings/schema';
import type { CreateAppWindow } from './app-window';
import { TickerWindow, type StripScreen } from './ticker-window';

export interface SecondStripWindowDeps {
  /** Makes the window (already routed through the second strip's view). */
  createWindow: CreateAppWindow;
  screen: StripScreen;
  core: Pick<TickerCore, 'preferences' | 'shownListId' | 'secondStrip' | 'lists' | 'handlers'>;
  platform: NodeJS.Platform;
  clock: Clock;
  /** Whether the OS is in dark mode, for the "system" theme (see TickerWindowDeps). */
  systemDark?: () => boolean;
}

/** The second strip's preferences: the shared look with its own edge and display. */
function secondStripPreferences(preferences: Preferences, secondStrip: SecondStrip): Preferences {
  return { ...preferences, position: secondStrip.position, displayId: secondStrip.displayId };
}

export class SecondStripWindow {
  /** Emits whether the second strip is on screen whenever that changes (off counts as not). */
  readonly shownChanged = new Signal<boolean>();
  private strip: TickerWindow | null = null;
  private stopForwardingShown: (() => void) | null = null;
  private windowState: WindowState = { ...DEFAULT_WINDOW_STATE };
  private readonly marketWatch: MarketWatch;
  private marketsClosed = false;
  private destroyed = false;

  constructor(private readonly deps: SecondStripWindowDeps) {
    this.marketWatch = new MarketWatch({ clock: deps.clock });
    this.marketWatch.changed.subscribe((state) => {
      this.marketsClosed = state.allClosed;
      this.strip?.setMarketsClosed(state.allClosed);
    });
    this.apply(this.current());
  }

  /** On screen: on, shown and not minimized. */
  isShown(): boolean {
    return this.strip?.isShown() ?? false;
  }

  /** The window, or null while the second strip is off. */
  browserWindow(): BrowserWindow | null {
    return this.strip?.browserWindow() ?? null;
  }

  /** The OS switched between light and dark (see TickerWindow.systemThemeChanged). */
  systemThemeChanged(): void {
    this.strip?.systemThemeChanged();
  }

  /** Follow a settings change: open, close, move or restyle the second strip. */
  apply(settings: Pick<PublicSettings, 'preferences' | 'shownListId' | 'secondStrip' | 'lists'>): void {
    if (this.destroyed) return;
    const { secondStrip } = settings;
    if (!secondStrip.enabled) {
      this.close();
      return;
    }
    this.marketWatch.setSymbols(stripList('second', settings)?.symbols ?? []);
    if (this.strip) {
      this.strip.apply(secondStripPreferences(settings.preferences, secondStrip));
      return;
    }
    this.strip = new TickerWindow({
      createWindow: this.deps.createWindow,
      screen: this.deps.screen,
      core: this.stripSource(),
      platform: this.deps.platform,
      clock: this.deps.clock,
      ...(this.deps.systemDark ? { systemDark: this.deps.systemDark } : {}),
    });
    this.stopForwardingShown = this.strip.shownChanged.subscribe((shown) => this.shownChanged.emit(shown));
    this.strip.setMarketsClosed(this.marketsClosed);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.marketWatch.stop();
    this.close();
  }

  private current(): Pick<PublicSettings, 'preferences' | 'shownListId' | 'secondStrip' | 'lists'> {
    const { core } = this.deps;
    return {
      preferences: core.preferences(),
      shownListId: core.shownListId(),
      secondStrip: core.secondStrip(),
      lists: core.lists(),
    };
  }

  private close(): void {
    this.strip?.destroy();
    this.stopForwardingShown?.();
    this.stopForwardingShown = null;
    this.strip = null;
    this.windowState = { ...DEFAULT_WINDOW_STATE };
  }

  /** What the TickerWindow reads and writes: the second strip's own edge, display and position. */
  private stripSource(): ConstructorParameters<typeof TickerWindow>[0]['core'] {
    const { core } = this.deps;
    return {
      preferences: () => secondStripPreferences(core.preferences(), core.secondStrip()),
      windowState: () => ({ ...this.windowState }),
      setWindowState: (patch) => {
        this.windowState = { ...this.windowState, ...patch };
      },
      handlers: {
        // Docking it at another edge or display changes the second strip's settings, not the first's.
        setPreferences: (patch) =>
          core.handlers.setSecondStrip({
            ...(patch.position !== undefined ? { position: patch.position } : {}),
            ...(patch.displayId !== undefined ? { displayId: patch.displayId } : {}),
          }),
      },
    };
  }
}
