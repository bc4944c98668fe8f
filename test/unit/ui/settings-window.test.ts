import { describe, it, expect, vi, beforeEach } from 'vitest';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { MockBrowserWindow, resetElectronMock } from '../../support/electron-mock';
import { SettingsWindow } from '../../../src/main/ui/settings-window';
import type { AppPage } from '../../../src/main/ui/app-window';

vi.mock('electron', () => import('../../support/electron-mock'));

function setup() {
  const createWindow = vi.fn((_page: AppPage, options: BrowserWindowConstructorOptions) => new MockBrowserWindow(options as Record<string, unknown>) as unknown as BrowserWindow);
  const focusAddSymbol = vi.fn();
  const onLoaded = vi.fn();
  // Run "after load" work at once: the grace period is a real-time detail.
  const settings = new SettingsWindow({ createWindow, focusAddSymbol, onLoaded, afterLoad: (callback) => callback() });
  return { settings, createWindow, focusAddSymbol, onLoaded };
}

beforeEach(() => resetElectronMock());

describe('SettingsWindow', () => {
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

  it('asks a new window to focus its add field only once its page has loaded', () => {
    const { settings, focusAddSymbol, onLoaded } = setup();
    settings.open({ focusAddSymbol: true });
    expect(focusAddSymbol).not.toHaveBeenCalled();
    MockBrowserWindow.instances[0]!.finishLoading();
    expect(onLoaded).toHaveBeenCalledWith(MockBrowserWindow.instances[0]);
    expect(focusAddSymbol).toHaveBeenCalledOnce();
  });

  it('asks an open, loaded window to focus its add field at once', () => {
    const { settings, focusAddSymbol } = setup();
    settings.open();
    MockBrowserWindow.instances[0]!.finishLoading();
    expect(focusAddSymbol).not.toHaveBeenCalled();
    settings.open({ focusAddSymbol: true });
    expect(focusAddSymbol).toHaveBeenCalledOnce();
  });

  it('remembers a focus request made while the page is still loading', () => {
    const { settings, focusAddSymbol } = setup();
    settings.open();
    settings.open({ focusAddSymbol: true });
    expect(focusAddSymbol).not.toHaveBeenCalled();
    MockBrowserWindow.instances[0]!.finishLoading();
    expect(focusAddSymbol).toHaveBeenCalledOnce();
  });

  it('waits a grace period after load by default', () => {
    vi.useFakeTimers();
    try {
      const focusAddSymbol = vi.fn();
      const settings = new SettingsWindow({ createWindow: () => new MockBrowserWindow() as unknown as BrowserWindow, focusAddSymbol });
      settings.open({ focusAddSymbol: true });
      MockBrowserWindow.instances[0]!.finishLoading();
      expect(focusAddSymbol).not.toHaveBeenCalled();
      vi.runAllTimers();
      expect(focusAddSymbol).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });
});
