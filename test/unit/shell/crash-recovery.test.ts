import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { systemClock } from '../../../src/shared/clock';
import { catchMainErrors, MAX_RELOADS, ReloadBudget, RELOAD_WINDOW_MS } from '../../../src/main/shell/crash-recovery';
import { StripRecovery } from '../../../src/main/shell/strip-recovery';
import { applicationMenuTemplate } from '../../../src/main/shell/application-menu';
import type { MenuItemConstructorOptions } from 'electron';

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

describe('ReloadBudget', () => {
  it('allows 3 reloads in 5 minutes, then gives up until the oldest crash is 5 minutes old', () => {
    const budget = new ReloadBudget(systemClock);
    expect(MAX_RELOADS).toBe(3);
    expect(RELOAD_WINDOW_MS).toBe(300_000);
    expect([budget.crashed(), budget.crashed(), budget.crashed()]).toEqual(['reload', 'reload', 'reload']);
    expect(budget.crashed()).toBe('give-up');
    vi.advanceTimersByTime(RELOAD_WINDOW_MS - 1);
    expect(budget.crashed()).toBe('give-up');
    vi.advanceTimersByTime(1);
    expect(budget.crashed()).toBe('reload');
    budget.reset();
    expect([budget.crashed(), budget.crashed()]).toEqual(['reload', 'reload']);
  });

  it('crashes spread out over time are reloaded every time', () => {
    const budget = new ReloadBudget(systemClock);
    for (let i = 0; i < 10; i++) {
      expect(budget.crashed()).toBe('reload');
      vi.advanceTimersByTime(RELOAD_WINDOW_MS / 2);
    }
  });
});

class FakeWindow extends EventEmitter {
  webContents = new EventEmitter();
  destroyed = false;
  isDestroyed = () => this.destroyed;
  crash(reason = 'crashed'): void {
    this.webContents.emit('render-process-gone', {}, { reason, exitCode: 139 });
  }
}

describe('StripRecovery', () => {
  function setUp() {
    const log = { warn: vi.fn(), error: vi.fn() };
    const loaded: string[] = [];
    const recovery = new StripRecovery({
      clock: systemClock,
      log,
      loadStrip: () => void loaded.push('strip'),
      loadStopped: () => void loaded.push('stopped'),
    });
    const changed = vi.fn();
    recovery.changed.subscribe(changed);
    const window = new FakeWindow();
    recovery.watch(window as unknown as BrowserWindow, 'first');
    return { recovery, window, loaded, log, changed };
  }

  it('reloads a crashed strip 3 times, then shows the stopped page and offers Reload strip', () => {
    const { recovery, window, loaded, log, changed } = setUp();
    window.crash();
    window.crash('oom');
    window.crash();
    expect(loaded).toEqual(['strip', 'strip', 'strip']);
    expect(recovery.stopped()).toBe(false);
    window.crash();
    expect(loaded).toEqual(['strip', 'strip', 'strip', 'stopped']);
    expect(recovery.stopped()).toBe(true);
    expect(changed).toHaveBeenCalledOnce();
    expect(log.warn).toHaveBeenCalledTimes(3);
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('left stopped after 3 reloads in 5 minutes'));
    // The user reloads it: a fresh budget.
    recovery.reload();
    expect(loaded.at(-1)).toBe('strip');
    expect(recovery.stopped()).toBe(false);
    window.crash();
    expect(loaded.at(-1)).toBe('strip');
  });

  it('a clean exit (the window closing) is not a crash; a closed stopped strip is no longer offered', () => {
    const { recovery, window, loaded, changed } = setUp();
    window.crash('clean-exit');
    expect(loaded).toEqual([]);
    for (let i = 0; i < 4; i++) window.crash();
    expect(recovery.stopped()).toBe(true);
    window.emit('closed');
    expect(recovery.stopped()).toBe(false);
    expect(changed).toHaveBeenCalledTimes(2);
  });
});

describe('catchMainErrors', () => {
  it('logs every uncaught error in main and shows the first one only; the app runs on', () => {
    const process = new EventEmitter();
    const log = { error: vi.fn(), folder: '/home/u/.config/Ticker/logs' };
    const show = vi.fn();
    const stop = catchMainErrors({ process: process as never, log, show });
    process.emit('uncaughtException', new Error('boom'));
    process.emit('unhandledRejection', 'nope');
    expect(log.error).toHaveBeenCalledTimes(2);
    expect(log.error).toHaveBeenCalledWith('[main] uncaught exception:', expect.any(Error));
    expect(show).toHaveBeenCalledOnce();
    expect(show.mock.calls[0]?.[1]).toContain('boom');
    expect(show.mock.calls[0]?.[1]).toContain('/home/u/.config/Ticker/logs');
    stop();
    expect(process.listenerCount('uncaughtException')).toBe(0);
    expect(process.listenerCount('unhandledRejection')).toBe(0);
  });
});

function roles(template: MenuItemConstructorOptions[] | null): string[] {
  const out: string[] = [];
  const walk = (items: MenuItemConstructorOptions[]): void => {
    for (const item of items) {
      if (item.role) out.push(item.role);
      if (Array.isArray(item.submenu)) walk(item.submenu);
    }
  };
  walk(template ?? []);
  return out;
}

describe('the application menu', () => {
  const DEVELOPER = ['reload', 'forceReload', 'toggleDevTools'];

  it('packaged: no Reload and no developer tools on any platform; none at all off macOS', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const template = applicationMenuTemplate({ platform, isPackaged: true, appName: 'Ticker' });
      for (const role of DEVELOPER) expect(roles(template)).not.toContain(role);
    }
    expect(applicationMenuTemplate({ platform: 'linux', isPackaged: true, appName: 'Ticker' })).toBeNull();
    expect(applicationMenuTemplate({ platform: 'win32', isPackaged: true, appName: 'Ticker' })).toBeNull();
    expect(roles(applicationMenuTemplate({ platform: 'darwin', isPackaged: true, appName: 'Ticker' }))).toEqual(
      expect.arrayContaining(['about', 'quit', 'editMenu']),
    );
  });

  it('in development they are there', () => {
    expect(roles(applicationMenuTemplate({ platform: 'linux', isPackaged: false, appName: 'Ticker' }))).toEqual(
      DEVELOPER,
    );
  });
});
