import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { MockBrowserWindow, powerMonitor, resetElectronMock, screen } from '../../support/electron-mock';
import { DrawGate, quietReason } from '../../../src/main/shell/draw-gate';
import { TickerWindow } from '../../../src/main/shell/ticker-window';
import { watchDrawing } from '../../../src/main/shell/watch-drawing';
import { WindowRegistry } from '../../../src/main/shell/window-registry';
import { DEFAULT_PREFERENCES } from '../../../src/shared/preference-rules';
import { EVENT_CHANNELS } from '../../../src/shared/ipc-contract';
import type { Preferences, WindowState } from '../../../src/shared/types';

vi.mock('electron', () => import('../../support/electron-mock'));

describe('quietReason', () => {
  const strips = (...shown: boolean[]) => new Map(shown.map((value, index) => [`s${index}`, value]));
  it.each([
    [{ screenLocked: false, asleep: false, strips: strips(true) }, null],
    [{ screenLocked: false, asleep: false, strips: strips() }, null],
    [{ screenLocked: false, asleep: false, strips: strips(false, true) }, null],
    [{ screenLocked: false, asleep: false, strips: strips(false) }, 'hidden'],
    [{ screenLocked: false, asleep: false, strips: strips(false, false) }, 'hidden'],
    [{ screenLocked: true, asleep: false, strips: strips(true) }, 'locked'],
    [{ screenLocked: true, asleep: true, strips: strips(false) }, 'asleep'],
  ] as const)('%j → %s', (facts, reason) => {
    expect(quietReason(facts)).toBe(reason);
  });
});

describe('DrawGate', () => {
  it('emits only when drawing flips, and every cause must be gone before drawing resumes', () => {
    const gate = new DrawGate();
    const seen: boolean[] = [];
    gate.changed.subscribe((drawing) => seen.push(drawing));
    gate.setStripShown('main', true);
    gate.setScreenLocked(true);
    gate.setAsleep(true);
    gate.setStripShown('main', false);
    expect(seen).toEqual([false]);
    gate.setAsleep(false);
    gate.setScreenLocked(false);
    expect(gate.reason()).toBe('hidden');
    gate.setStripShown('second', true);
    expect(seen).toEqual([false, true]);
    gate.removeStrip('second');
    expect(seen).toEqual([false, true, false]);
    gate.removeStrip('main');
    expect(gate.drawing()).toBe(true);
  });
});

function stripSetup(prefs: Partial<Preferences> = {}) {
  let preferences: Preferences = { ...DEFAULT_PREFERENCES, ...prefs };
  const windowState: WindowState = { displayId: null, docked: true, x: null, y: null };
  const core = {
    preferences: vi.fn(() => ({ ...preferences })),
    windowState: vi.fn(() => ({ ...windowState })),
    setWindowState: vi.fn(),
    handlers: { setPreferences: vi.fn() },
  };
  const createWindow = (_page: unknown, options: BrowserWindowConstructorOptions) =>
    registryAdd(new MockBrowserWindow(options as Record<string, unknown>) as unknown as BrowserWindow);
  const registry = new WindowRegistry();
  const registryAdd = (window: BrowserWindow): BrowserWindow => {
    registry.add(window, 'strip');
    return window;
  };
  const strip = new TickerWindow({ createWindow, screen: screen as never, core: core as never, platform: 'linux' });
  const window = () => MockBrowserWindow.instances.at(-1)!;
  const setPreferences = (patch: Partial<Preferences>) => {
    preferences = { ...preferences, ...patch };
    strip.apply(preferences);
  };
  let drawing = true;
  const drawingCore = {
    setDrawing: vi.fn((next: boolean) => void (drawing = next)),
    drawing: () => drawing,
  };
  return { strip, window, registry, setPreferences, drawingCore, isDrawing: () => drawing };
}

describe('watchDrawing', () => {
  beforeEach(() => {
    resetElectronMock();
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('stays quiet until the strip is on screen, and follows hide, minimize and the markets-closed hide', () => {
    const { strip, window, registry, setPreferences, drawingCore, isDrawing } = stripSetup();
    const watch = watchDrawing({ powerMonitor, strips: new Map([['main', strip]]), core: drawingCore, registry });
    // The window exists but waits for its page: nothing to draw for yet.
    expect(isDrawing()).toBe(false);
    window().finishLoading();
    expect(isDrawing()).toBe(true);

    setPreferences({ hidden: true });
    expect(isDrawing()).toBe(false);
    setPreferences({ hidden: false });
    expect(isDrawing()).toBe(true);

    window().minimize();
    expect(isDrawing()).toBe(false);
    window().restore();
    expect(isDrawing()).toBe(true);

    setPreferences({ whenMarketsClosed: 'hide' });
    strip.setMarketsClosed(true);
    expect(isDrawing()).toBe(false);
    strip.setMarketsClosed(false);
    expect(isDrawing()).toBe(true);
    expect(drawingCore.setDrawing.mock.calls.map(([value]) => value)).toEqual([
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
    ]);
    watch.stop();
  });

  it('is quiet while the screen is locked or the system sleeps, and draws again only when both are over', () => {
    const { strip, window, registry, drawingCore, isDrawing } = stripSetup();
    const watch = watchDrawing({ powerMonitor, strips: new Map([['main', strip]]), core: drawingCore, registry });
    window().finishLoading();
    expect(isDrawing()).toBe(true);
    powerMonitor.emit('lock-screen');
    expect(isDrawing()).toBe(false);
    powerMonitor.emit('suspend');
    powerMonitor.emit('unlock-screen');
    expect(isDrawing()).toBe(false);
    powerMonitor.emit('resume');
    expect(isDrawing()).toBe(true);
    powerMonitor.emit('suspend');
    expect(isDrawing()).toBe(false);
    powerMonitor.emit('resume');
    expect(isDrawing()).toBe(true);

    // Stopping removes every listener and leaves the strips drawing.
    powerMonitor.emit('lock-screen');
    watch.stop();
    expect(isDrawing()).toBe(true);
    expect(powerMonitor.listenerCount('lock-screen') + powerMonitor.listenerCount('suspend')).toBe(0);
    window().hide();
    expect(isDrawing()).toBe(true);
  });

  it('draws while any strip is on screen; strips added and removed later count', () => {
    const { strip, window, registry, drawingCore, isDrawing } = stripSetup({ hidden: true });
    const watch = watchDrawing({ powerMonitor, strips: new Map([['main', strip]]), core: drawingCore, registry });
    window().finishLoading();
    expect(isDrawing()).toBe(false);
    const second = stripSetup();
    watch.addStrip('second', second.strip);
    expect(isDrawing()).toBe(false);
    second.window().finishLoading();
    expect(isDrawing()).toBe(true);
    watch.removeStrip('second');
    expect(isDrawing()).toBe(false);
    watch.stop();
  });

  it('tells a page that starts listening whether to draw, at once', () => {
    const { strip, window, registry, drawingCore } = stripSetup();
    const watch = watchDrawing({ powerMonitor, strips: new Map([['main', strip]]), core: drawingCore, registry });
    window().finishLoading();
    powerMonitor.emit('lock-screen');
    const contents = window().webContents;
    registry.setSubscribed(contents.id, 'drawing', true);
    expect(contents.send).toHaveBeenCalledWith(EVENT_CHANNELS.drawing, false);
    watch.stop();
  });
});
