import { describe, it, expect, vi, beforeEach } from 'vitest';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { MockBrowserWindow, resetElectronMock } from '../../support/electron-mock';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SETTINGS_WINDOW_OPTIONS, SettingsWindow } from '../../../src/main/shell/settings-window';
import {
  parseSettingsWindowMemory,
  SETTINGS_WINDOW_FILE,
  settingsWindowMemoryFile,
} from '../../../src/main/shell/settings-window-memory';
import { SETTINGS_BACKGROUND } from '../../../src/shared/theme';
import { WindowRegistry } from '../../../src/main/shell/window-registry';
import type { AppPage } from '../../../src/main/shell/app-window';

vi.mock('electron', () => import('../../support/electron-mock'));

function setup() {
  const registry = new WindowRegistry();
  const createWindow = vi.fn((_page: AppPage, options: BrowserWindowConstructorOptions) => {
    const window = new MockBrowserWindow(options as Record<string, unknown>) as unknown as BrowserWindow;
    registry.add(window, 'settings');
    return window;
  });
  const focusAddSymbol = vi.fn();
  const focusAlert = vi.fn();
  const settings = new SettingsWindow({ createWindow, listeners: registry, focusAddSymbol, focusAlert });
  /** The page in the n-th window starts listening to `event` (what its preload does on subscribe). */
  const listen = (event: 'focusAddSymbol' | 'focusAlert', n = 0): void =>
    registry.setSubscribed(MockBrowserWindow.instances[n]!.webContents.id, event, true);
  return { settings, createWindow, focusAddSymbol, focusAlert, listen };
}

beforeEach(() => resetElectronMock());

describe('SettingsWindow', () => {
  it('paints its background in the OS’s mode before the page draws, and follows the OS', () => {
    const system = { dark: false };
    const createWindow = vi.fn(
      (_page: AppPage, options: BrowserWindowConstructorOptions) =>
        new MockBrowserWindow(options as Record<string, unknown>) as unknown as BrowserWindow,
    );
    const settings = new SettingsWindow({
      createWindow,
      listeners: new WindowRegistry(),
      focusAddSymbol: vi.fn(),
      systemDark: () => system.dark,
    });
    settings.systemThemeChanged(); // nothing open: nothing to do
    settings.open();
    const window = MockBrowserWindow.instances[0]!;
    expect(window.options.backgroundColor).toBe(SETTINGS_BACKGROUND.light);
    system.dark = true;
    settings.systemThemeChanged();
    expect(window.setBackgroundColor).toHaveBeenLastCalledWith(SETTINGS_BACKGROUND.dark);
  });

  it('opens the settings page in a normal window, shown and focused when ready', () => {
    const { settings, createWindow } = setup();
    settings.open();
    expect(createWindow).toHaveBeenCalledOnce();
    expect(createWindow.mock.calls[0]![0]).toBe('settings');
    const window = MockBrowserWindow.instances[0]!;
    expect(window.options.show).toBe(false);
    expect(window.options.frame).toBeUndefined();
    window.finishLoading();
    expect(window.show).toHaveBeenCalled();
    expect(window.focused).toBe(true);
  });

  it('keeps only one: opening again focuses the open one', () => {
    const { settings, createWindow } = setup();
    const first = settings.open();
    (first as unknown as MockBrowserWindow).minimized = true;
    const second = settings.open();
    expect(second).toBe(first);
    expect(createWindow).toHaveBeenCalledOnce();
    expect((first as unknown as MockBrowserWindow).restore).toHaveBeenCalled();
    expect((first as unknown as MockBrowserWindow).focus).toHaveBeenCalled();
  });

  it('opens a new one after the old one was closed', () => {
    const { settings, createWindow } = setup();
    settings.open();
    expect(settings.isOpen()).toBe(true);
    MockBrowserWindow.instances[0]!.close();
    expect(settings.isOpen()).toBe(false);
    settings.open();
    expect(createWindow).toHaveBeenCalledTimes(2);
  });

  it('asks a new window to focus its add field only once its page listens for that', () => {
    const { settings, focusAddSymbol, listen } = setup();
    settings.open({ focusAddSymbol: true });
    MockBrowserWindow.instances[0]!.finishLoading();
    // Loaded is not enough: the page's script may subscribe later, and an event sent before is lost.
    expect(focusAddSymbol).not.toHaveBeenCalled();
    listen('focusAddSymbol');
    expect(focusAddSymbol).toHaveBeenCalledOnce();
    listen('focusAddSymbol');
    expect(focusAddSymbol).toHaveBeenCalledOnce();
  });

  it('asks an open, listening window to focus its add field at once', () => {
    const { settings, focusAddSymbol, listen } = setup();
    settings.open();
    listen('focusAddSymbol');
    expect(focusAddSymbol).not.toHaveBeenCalled();
    settings.open({ focusAddSymbol: true });
    expect(focusAddSymbol).toHaveBeenCalledOnce();
  });

  it('keeps only the newest request made while the page is not listening yet', () => {
    const { settings, focusAddSymbol, focusAlert, listen } = setup();
    settings.open({ focusAddSymbol: true });
    settings.open({ focusAlert: 'r7' });
    listen('focusAddSymbol');
    expect(focusAddSymbol).not.toHaveBeenCalled();
    listen('focusAlert');
    expect(focusAlert).toHaveBeenCalledExactlyOnceWith('r7');
  });

  it('drops a pending request when its window closes, and never sends it to the next one', () => {
    const { settings, focusAddSymbol, listen } = setup();
    settings.open({ focusAddSymbol: true });
    MockBrowserWindow.instances[0]!.close();
    settings.open();
    listen('focusAddSymbol', 1);
    expect(focusAddSymbol).not.toHaveBeenCalled();
  });
});

describe('SettingsWindow: deep links and what it remembers', () => {
  function remembering(saved: unknown) {
    const registry = new WindowRegistry();
    const createWindow = vi.fn((_page: AppPage, options: BrowserWindowConstructorOptions) => {
      const window = new MockBrowserWindow(options as Record<string, unknown>) as unknown as BrowserWindow;
      registry.add(window, 'settings');
      return window;
    });
    const memory = { read: vi.fn(() => saved), write: vi.fn() };
    const showTarget = vi.fn();
    const settings = new SettingsWindow({
      createWindow,
      listeners: registry,
      focusAddSymbol: vi.fn(),
      showTarget,
      memory,
    });
    const listen = (n = 0): void =>
      registry.setSubscribed(MockBrowserWindow.instances[n]!.webContents.id, 'showSettings', true);
    return { settings, memory, showTarget, listen };
  }

  it('opens at the size and category it had, once the page listens for it', () => {
    const { settings, showTarget, listen } = remembering({ width: 1000, height: 700, category: 'relay' });
    settings.open();
    const window = MockBrowserWindow.instances[0]!;
    expect([window.options.width, window.options.height]).toEqual([1000, 700]);
    expect(showTarget).not.toHaveBeenCalled();
    listen();
    expect(showTarget).toHaveBeenCalledExactlyOnceWith({ category: 'relay' });
  });

  it('a deep link wins over the remembered category, and reaches an open window at once', () => {
    const { settings, showTarget, listen } = remembering({ category: 'relay' });
    settings.open({ target: { category: 'alerts', field: 'alert-value' } });
    listen();
    expect(showTarget).toHaveBeenCalledExactlyOnceWith({ category: 'alerts', field: 'alert-value' });
    settings.open({ target: { category: 'general', field: 'api-key' } });
    expect(showTarget).toHaveBeenLastCalledWith({ category: 'general', field: 'api-key' });
    // Brought forward without a target: it stays where the user is.
    settings.open();
    expect(showTarget).toHaveBeenCalledTimes(2);
  });

  it('ignores what it cannot trust in the saved file: sizes below the minimum or absurd, unknown categories', () => {
    for (const saved of [
      { width: 100, height: 50, category: 'nowhere' },
      { width: 1e9, height: '700', category: 7 },
      'not an object',
      null,
      [],
    ]) {
      resetElectronMock();
      const { settings, showTarget, listen } = remembering(saved);
      settings.open();
      const window = MockBrowserWindow.instances[0]!;
      expect([window.options.width, window.options.height], JSON.stringify(saved)).toEqual([
        SETTINGS_WINDOW_OPTIONS.width,
        SETTINGS_WINDOW_OPTIONS.height,
      ]);
      listen();
      expect(showTarget).not.toHaveBeenCalled();
    }
  });

  it('remembers the category the page shows and the size it is closed at', () => {
    const { settings, memory } = remembering(null);
    settings.open();
    settings.rememberCategory('portfolio');
    expect(memory.write).toHaveBeenLastCalledWith({ width: null, height: null, category: 'portfolio' });
    settings.rememberCategory('portfolio');
    expect(memory.write).toHaveBeenCalledOnce();
    const window = MockBrowserWindow.instances[0]!;
    window.setBounds({ width: 990, height: 720 });
    window.close();
    expect(memory.write).toHaveBeenLastCalledWith({ width: 990, height: 720, category: 'portfolio' });
    // Read once: the next window opens at the size just saved, without reading the file again.
    settings.open();
    expect([MockBrowserWindow.instances[1]!.options.width, MockBrowserWindow.instances[1]!.options.height]).toEqual([
      990, 720,
    ]);
    expect(memory.read).toHaveBeenCalledOnce();
  });
});

describe('the settings window memory file', () => {
  it('reads back what it wrote, and reads a missing, broken or oversized file as nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ticker-settings-window-'));
    try {
      const warn = vi.fn();
      const file = settingsWindowMemoryFile(dir, warn);
      expect(file.read()).toBeNull();
      file.write({ width: 900, height: 700, category: 'alerts' });
      expect(file.read()).toEqual({ width: 900, height: 700, category: 'alerts' });
      writeFileSync(join(dir, SETTINGS_WINDOW_FILE), '{ not json');
      expect(file.read()).toBeNull();
      expect(warn).toHaveBeenCalledOnce();
      writeFileSync(join(dir, SETTINGS_WINDOW_FILE), 'x'.repeat(10_000));
      expect(file.read()).toBeNull();
      expect(
        parseSettingsWindowMemory(
          { width: 900, height: 700, category: 'alerts', extra: true },
          { width: 520, height: 420 },
        ),
      ).toEqual({ width: 900, height: 700, category: 'alerts' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
