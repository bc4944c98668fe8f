import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { MockBrowserWindow, mockDisplay, resetElectronMock, screen } from '../../support/electron-mock';
import {
  MOVE_SETTLE_MS,
  STRIP_ALWAYS_ON_TOP_LEVEL,
  STRIP_STEP_ASIDE_LEVEL,
  TickerWindow,
  stripWindowOptions,
} from '../../../src/main/shell/ticker-window';
import type { AppPage } from '../../../src/main/shell/app-window';
import type { Preferences, WindowState } from '../../../src/shared/types';
import type { TickerCore } from '../../../src/engine/core/ticker-core';
import { DEFAULT_PREFERENCES } from '../../../src/shared/preference-rules';
import { STRIP_BACKGROUND } from '../../../src/shared/theme';

vi.mock('electron', () => import('../../support/electron-mock'));

const PREFS: Preferences = { ...DEFAULT_PREFERENCES, opacity: 0.9, updateRateHz: 4 };

const PRIMARY = mockDisplay(1, { x: 0, y: 0, width: 1920, height: 1080 }, { bottom: 40 });
const SECOND = mockDisplay(2, { x: 1920, y: 0, width: 2560, height: 1440 });

function fakeCore(prefs: Partial<Preferences> = {}, windowState: Partial<WindowState> = {}) {
  let preferences: Preferences = { ...PREFS, ...prefs };
  let state: WindowState = { displayId: null, docked: true, x: null, y: null, ...windowState };
  const core = {
    preferences: vi.fn(() => ({ ...preferences })),
    windowState: vi.fn(() => ({ ...state })),
    setWindowState: vi.fn((patch: Partial<WindowState>) => {
      state = { ...state, ...patch };
    }),
    handlers: {
      setPreferences: vi.fn((patch: Partial<Preferences>) => {
        preferences = { ...preferences, ...patch };
        return {} as never;
      }),
    },
  };
  return core as typeof core & Pick<TickerCore, 'preferences' | 'windowState' | 'setWindowState' | 'handlers'>;
}

function setup(
  prefs: Partial<Preferences> = {},
  windowState: Partial<WindowState> = {},
  platform: NodeJS.Platform = 'linux',
) {
  const core = fakeCore(prefs, windowState);
  const created: Array<{ page: AppPage; options: BrowserWindowConstructorOptions }> = [];
  const createWindow = vi.fn((page: AppPage, options: BrowserWindowConstructorOptions) => {
    created.push({ page, options });
    return new MockBrowserWindow(options as Record<string, unknown>) as unknown as BrowserWindow;
  });
  const system = { dark: true };
  const strip = new TickerWindow({
    createWindow,
    screen: screen as never,
    core,
    platform,
    systemDark: () => system.dark,
  });
  const window = () => MockBrowserWindow.instances.at(-1)!;
  return { core, strip, created, window, createWindow, system };
}

beforeEach(() => {
  resetElectronMock();
  screen.setDisplays([PRIMARY, SECOND], 1);
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('stripWindowOptions', () => {
  it('makes a frameless, unfocusable, shadowless strip off the task bar, hidden until ready', () => {
    const options = stripWindowOptions(PREFS, { x: 0, y: 0, width: 1920, height: 32 }, 'linux');
    expect(options).toMatchObject({
      x: 0,
      y: 0,
      width: 1920,
      height: 32,
      frame: false,
      transparent: false,
      resizable: false,
      skipTaskbar: true,
      focusable: false,
      show: false,
      hasShadow: false,
      alwaysOnTop: true,
      opacity: 0.9,
    });
    expect(options.webPreferences).toBeUndefined(); // the window factory adds the locked-down ones
  });

  it('paints the system theme as the OS’s mode', () => {
    const bounds = { x: 0, y: 0, width: 10, height: 10 };
    const system = { ...PREFS, theme: 'system' as const };
    expect(stripWindowOptions(system, bounds, 'linux', true).backgroundColor).toBe(STRIP_BACKGROUND.dark);
    expect(stripWindowOptions(system, bounds, 'linux', false).backgroundColor).toBe(STRIP_BACKGROUND.light);
    expect(stripWindowOptions(system, bounds, 'linux', false).transparent).toBe(false);
  });

  it('is transparent only for the transparent theme', () => {
    expect(
      stripWindowOptions({ ...PREFS, theme: 'transparent' }, { x: 0, y: 0, width: 10, height: 10 }, 'linux'),
    ).toMatchObject({ transparent: true, backgroundColor: '#00000000' });
    expect(
      stripWindowOptions({ ...PREFS, theme: 'light' }, { x: 0, y: 0, width: 10, height: 10 }, 'linux').transparent,
    ).toBe(false);
  });

  it('uses a panel on macOS and a toolbar window on Windows', () => {
    const bounds = { x: 0, y: 0, width: 10, height: 10 };
    expect(stripWindowOptions(PREFS, bounds, 'darwin').type).toBe('panel');
    expect(stripWindowOptions(PREFS, bounds, 'win32').type).toBe('toolbar');
    expect(stripWindowOptions(PREFS, bounds, 'linux').type).toBeUndefined();
  });
});

describe('TickerWindow', () => {
  it('creates the strip docked on the primary display and floats it above full-screen apps on every workspace', () => {
    const { created, window } = setup();
    expect(created).toHaveLength(1);
    expect(created[0]!.page).toBe('strip');
    expect(created[0]!.options).toMatchObject({ x: 0, y: 0, width: 1920, height: 32 });
    expect(window().setAlwaysOnTop).toHaveBeenLastCalledWith(true, STRIP_ALWAYS_ON_TOP_LEVEL);
    expect(STRIP_ALWAYS_ON_TOP_LEVEL).toBe('screen-saver');
    expect(window().setVisibleOnAllWorkspaces).toHaveBeenCalledWith(true, { visibleOnFullScreen: true });
    expect(window().setOpacity).toHaveBeenLastCalledWith(0.9);
  });

  it('shows without taking focus once ready, and not before', () => {
    const { window } = setup();
    expect(window().visible).toBe(false);
    window().finishLoading();
    expect(window().showInactive).toHaveBeenCalledOnce();
    expect(window().show).not.toHaveBeenCalled();
    expect(window().focus).not.toHaveBeenCalled();
  });

  it('stays hidden when the preferences say so, and shows/hides as they change', () => {
    const { strip, window } = setup({ hidden: true });
    window().finishLoading();
    expect(window().visible).toBe(false);
    strip.apply({ ...PREFS, hidden: false });
    expect(window().visible).toBe(true);
    strip.apply({ ...PREFS, hidden: true });
    expect(window().hide).toHaveBeenCalled();
    expect(window().visible).toBe(false);
  });

  it("hides while every watched market is closed only when whenMarketsClosed is 'hide'", () => {
    const { strip, window } = setup({ whenMarketsClosed: 'hide' });
    window().finishLoading();
    expect(window().visible).toBe(true);
    strip.setMarketsClosed(true);
    expect(window().visible).toBe(false);
    strip.setMarketsClosed(false);
    expect(window().visible).toBe(true);
    strip.setMarketsClosed(true);
    strip.apply({ ...PREFS, whenMarketsClosed: 'dim' });
    expect(window().visible).toBe(true); // dimming is the page's; the window stays
    strip.apply({ ...PREFS, whenMarketsClosed: 'hide' });
    expect(window().visible).toBe(false);
  });

  it('steps aside for full-screen apps when asked: a lower level, and off full-screen Spaces, told once per change', () => {
    const { strip, window } = setup({ fullScreenApps: 'step-aside' }, {}, 'win32');
    expect(window().setAlwaysOnTop).toHaveBeenLastCalledWith(true, STRIP_STEP_ASIDE_LEVEL);
    expect(STRIP_STEP_ASIDE_LEVEL).toBe('floating');
    expect(window().setVisibleOnAllWorkspaces).toHaveBeenCalledExactlyOnceWith(true, { visibleOnFullScreen: false });
    // Other changes leave the Spaces setting alone (macOS flickers on every call).
    strip.apply({ ...PREFS, fullScreenApps: 'step-aside', opacity: 0.6 });
    expect(window().setVisibleOnAllWorkspaces).toHaveBeenCalledOnce();
    strip.apply({ ...PREFS, fullScreenApps: 'stay-above' });
    expect(window().setAlwaysOnTop).toHaveBeenLastCalledWith(true, STRIP_ALWAYS_ON_TOP_LEVEL);
    expect(window().setVisibleOnAllWorkspaces).toHaveBeenLastCalledWith(true, { visibleOnFullScreen: true });
    // Not on top at all: the full-screen choice has nothing to raise.
    strip.apply({ ...PREFS, fullScreenApps: 'stay-above', alwaysOnTop: false });
    expect(window().setAlwaysOnTop).toHaveBeenLastCalledWith(false);
    // A re-made window (a theme needing transparency) is told again.
    strip.apply({ ...PREFS, fullScreenApps: 'step-aside', theme: 'transparent' });
    expect(window().setVisibleOnAllWorkspaces).toHaveBeenCalledExactlyOnceWith(true, { visibleOnFullScreen: false });
    expect(window().setAlwaysOnTop).toHaveBeenLastCalledWith(true, 'floating');
  });

  it('applies always on top, opacity and click-through live', () => {
    const { strip, window } = setup();
    strip.apply({ ...PREFS, alwaysOnTop: false, opacity: 0.5, clickThrough: true });
    expect(window().setAlwaysOnTop).toHaveBeenLastCalledWith(false);
    expect(window().setOpacity).toHaveBeenLastCalledWith(0.5);
    expect(window().setIgnoreMouseEvents).toHaveBeenLastCalledWith(true, { forward: true });
    strip.apply({ ...PREFS, clickThrough: false });
    expect(window().setIgnoreMouseEvents).toHaveBeenLastCalledWith(false);
    expect(window().setAlwaysOnTop).toHaveBeenLastCalledWith(true, 'screen-saver');
  });

  it('moves to the chosen edge, display and height', () => {
    const { strip, window } = setup();
    strip.apply({ ...PREFS, position: 'bottom' });
    expect(window().bounds).toEqual({ x: 0, y: 1040 - 32, width: 1920, height: 32 });
    strip.apply({ ...PREFS, position: 'bottom', displayId: 2, height: 48 });
    expect(window().bounds).toEqual({ x: 1920, y: 1440 - 48, width: 2560, height: 48 });
  });

  it('re-makes the window only when the theme changes to or from transparent', () => {
    const { strip, createWindow } = setup();
    const first = MockBrowserWindow.instances[0]!;
    strip.apply({ ...PREFS, theme: 'light' });
    expect(createWindow).toHaveBeenCalledTimes(1);
    expect(first.setBackgroundColor).toHaveBeenLastCalledWith(STRIP_BACKGROUND.light);
    strip.apply({ ...PREFS, theme: 'transparent' });
    expect(createWindow).toHaveBeenCalledTimes(2);
    expect(first.destroyed).toBe(true);
    expect(MockBrowserWindow.instances[1]!.options.transparent).toBe(true);
    expect(strip.browserWindow()).toBe(MockBrowserWindow.instances[1]);
  });

  it('in the system theme, opens in the OS’s mode and follows it live without a new window', () => {
    const { strip, createWindow, created, window, system } = setup({ theme: 'system' });
    expect(created[0]!.options.backgroundColor).toBe(STRIP_BACKGROUND.dark);
    system.dark = false;
    strip.systemThemeChanged();
    expect(window().setBackgroundColor).toHaveBeenLastCalledWith(STRIP_BACKGROUND.light);
    system.dark = true;
    strip.systemThemeChanged();
    expect(window().setBackgroundColor).toHaveBeenLastCalledWith(STRIP_BACKGROUND.dark);
    expect(createWindow).toHaveBeenCalledTimes(1);
  });

  it('keeps a chosen theme whatever the OS does', () => {
    const { strip, created, window, system } = setup({ theme: 'light' });
    system.dark = true;
    expect(created[0]!.options.backgroundColor).toBe(STRIP_BACKGROUND.light);
    const calls = window().setBackgroundColor.mock.calls.length;
    strip.systemThemeChanged();
    expect(window().setBackgroundColor.mock.calls.length).toBe(calls);
  });

  it('follows display changes: falls back to the primary when its display is removed, returns when it is back', () => {
    const { window } = setup({ displayId: 2 });
    expect(window().bounds.x).toBe(1920);
    screen.setDisplays([PRIMARY], 1, 'display-removed');
    expect(window().bounds).toEqual({ x: 0, y: 0, width: 1920, height: 32 });
    screen.setDisplays([PRIMARY, SECOND], 1, 'display-added');
    expect(window().bounds).toEqual({ x: 1920, y: 0, width: 2560, height: 32 });
    const bigger = mockDisplay(1, { x: 0, y: 0, width: 2880, height: 1800 }, { top: 25 });
    screen.setDisplays([bigger], 1, 'display-metrics-changed');
    expect(window().bounds).toEqual({ x: 0, y: 25, width: 2880, height: 32 });
  });

  it('restores a saved free position that is still on screen', () => {
    const { window } = setup({}, { docked: false, displayId: 2, x: 2000, y: 700 });
    expect(window().bounds).toEqual({ x: 1920, y: 700, width: 2560, height: 32 });
  });

  describe('when the user moves it', () => {
    beforeEach(() => vi.useFakeTimers());

    it('remembers a free position once the move settles (debounced)', () => {
      const { core, window } = setup();
      window().userMove({ y: 300 });
      window().userMove({ y: 500 });
      expect(core.setWindowState).not.toHaveBeenCalled();
      vi.advanceTimersByTime(MOVE_SETTLE_MS);
      expect(core.setWindowState).toHaveBeenCalledOnce();
      expect(core.setWindowState).toHaveBeenCalledWith({ docked: false, displayId: 1, x: 0, y: 500 });
      expect(window().bounds).toEqual({ x: 0, y: 500, width: 1920, height: 32 });
    });

    it('snaps back to the edge when dropped near it, and docks there', async () => {
      const { core, window } = setup();
      window().userMove({ x: 80, y: 1040 - 32 - 8 });
      vi.advanceTimersByTime(MOVE_SETTLE_MS);
      await Promise.resolve();
      expect(window().bounds).toEqual({ x: 0, y: 1040 - 32, width: 1920, height: 32 });
      expect(core.setWindowState).toHaveBeenCalledWith({ docked: true, displayId: 1, x: null, y: null });
      expect(core.handlers.setPreferences).toHaveBeenCalledWith({ position: 'bottom' });
    });

    it('records the new display when docked on another one', async () => {
      const { core, window } = setup();
      window().userMove({ x: 2200, y: 10 });
      vi.advanceTimersByTime(MOVE_SETTLE_MS);
      await Promise.resolve();
      expect(core.handlers.setPreferences).toHaveBeenCalledWith({ displayId: 2 });
      expect(window().bounds).toEqual({ x: 1920, y: 0, width: 2560, height: 32 });
    });

    it('ignores the move events its own repositioning causes', () => {
      const { core, strip, window } = setup();
      strip.apply({ ...PREFS, position: 'bottom' });
      core.setWindowState.mockClear();
      window().emit('move');
      vi.advanceTimersByTime(MOVE_SETTLE_MS);
      expect(core.setWindowState).not.toHaveBeenCalled();
    });
  });

  it('choosing an edge from the tray forgets a free position', () => {
    const { core, strip, window } = setup({}, { docked: false, displayId: 1, x: 0, y: 500 });
    expect(window().bounds.y).toBe(500);
    strip.apply({ ...PREFS, position: 'bottom' });
    expect(core.setWindowState).toHaveBeenCalledWith({ docked: true, x: null, y: null });
    expect(window().bounds.y).toBe(1040 - 32);
  });

  it('survives a failing window-state save', () => {
    vi.useFakeTimers();
    const { core, window } = setup();
    core.setWindowState.mockImplementation(() => {
      throw new Error('disk full');
    });
    window().userMove({ y: 400 });
    expect(() => vi.advanceTimersByTime(MOVE_SETTLE_MS)).not.toThrow();
  });

  it('destroy stops following displays and closes the window', () => {
    const { strip, window } = setup();
    strip.destroy();
    expect(window().destroyed).toBe(true);
    expect(screen.listenerCount('display-removed')).toBe(0);
    expect(strip.browserWindow()).toBeNull();
  });
});
