import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { EventEmitter } from 'node:events';
import { ONLINE_POLL_MS, watchReconnectTriggers } from '../../../src/main/shell/reconnect-triggers';
import {
  applyLaunchAtLogin,
  autostartEntry,
  AUTOSTART_FILE_NAME,
  quoteExecArgument,
} from '../../../src/main/shell/launch-at-login';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('watchReconnectTriggers', () => {
  function setup(online = true) {
    const powerMonitor = new EventEmitter();
    let isOnline = online;
    const reconnectNow = vi.fn();
    const stop = watchReconnectTriggers({ powerMonitor, isOnline: () => isOnline, reconnectNow });
    return { powerMonitor, reconnectNow, stop, setOnline: (value: boolean) => (isOnline = value) };
  }

  it('reconnects at once when the system resumes or the screen is unlocked', () => {
    const { powerMonitor, reconnectNow } = setup();
    powerMonitor.emit('resume');
    powerMonitor.emit('unlock-screen');
    expect(reconnectNow).toHaveBeenCalledTimes(2);
  });

  it('reconnects when the network comes back, not while it stays up or down', () => {
    const { reconnectNow, setOnline } = setup(true);
    vi.advanceTimersByTime(ONLINE_POLL_MS * 3);
    expect(reconnectNow).not.toHaveBeenCalled();
    setOnline(false);
    vi.advanceTimersByTime(ONLINE_POLL_MS * 3);
    expect(reconnectNow).not.toHaveBeenCalled();
    setOnline(true);
    vi.advanceTimersByTime(ONLINE_POLL_MS);
    expect(reconnectNow).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(ONLINE_POLL_MS * 3);
    expect(reconnectNow).toHaveBeenCalledOnce();
  });

  it('stops listening and polling', () => {
    const { powerMonitor, reconnectNow, stop, setOnline } = setup(false);
    stop();
    powerMonitor.emit('resume');
    setOnline(true);
    vi.advanceTimersByTime(ONLINE_POLL_MS * 3);
    expect(reconnectNow).not.toHaveBeenCalled();
    expect(powerMonitor.listenerCount('resume')).toBe(0);
  });

  it('survives a throwing reconnect', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const powerMonitor = new EventEmitter();
    watchReconnectTriggers({
      powerMonitor,
      isOnline: () => true,
      reconnectNow: () => {
        throw new Error('boom');
      },
    });
    expect(() => powerMonitor.emit('resume')).not.toThrow();
  });
});

describe('applyLaunchAtLogin', () => {
  function fakeFs() {
    const files = new Map<string, string>();
    return {
      files,
      fs: {
        mkdirSync: vi.fn(),
        writeFileSync: vi.fn((path: unknown, data: unknown) => void files.set(String(path), String(data))),
        rmSync: vi.fn((path: unknown) => void files.delete(String(path))),
      },
    };
  }

  it('uses the OS login items on macOS and Windows', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const setLoginItemSettings = vi.fn();
      expect(applyLaunchAtLogin(true, { platform, setLoginItemSettings, autostartDir: '/x', execPath: '/y' })).toBe(
        true,
      );
      applyLaunchAtLogin(false, { platform, setLoginItemSettings, autostartDir: '/x', execPath: '/y' });
      expect(setLoginItemSettings.mock.calls).toEqual([[{ openAtLogin: true }], [{ openAtLogin: false }]]);
    }
  });

  it('writes and removes an XDG autostart entry on Linux', () => {
    const { files, fs } = fakeFs();
    const setLoginItemSettings = vi.fn();
    const deps = {
      platform: 'linux' as const,
      setLoginItemSettings,
      autostartDir: '/home/me/.config/autostart',
      execPath: '/opt/Ticker/ticker',
      fs: fs as never,
    };
    applyLaunchAtLogin(true, deps);
    const file = `/home/me/.config/autostart/${AUTOSTART_FILE_NAME}`;
    expect(files.get(file)).toContain('Exec="/opt/Ticker/ticker"');
    applyLaunchAtLogin(false, deps);
    expect(files.has(file)).toBe(false);
    expect(setLoginItemSettings).not.toHaveBeenCalled();
  });

  it('quotes and escapes the program path', () => {
    expect(quoteExecArgument('/a b/$HOME/"x"\\')).toBe('"/a b/\\$HOME/\\"x\\"\\\\"');
    expect(autostartEntry('/odd/100%/ticker')).toContain('Exec="/odd/100%%/ticker"');
  });

  it('reports a failure instead of throwing', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const failing = {
      mkdirSync: vi.fn(() => {
        throw new Error('EACCES');
      }),
      writeFileSync: vi.fn(),
      rmSync: vi.fn(),
    };
    expect(
      applyLaunchAtLogin(true, {
        platform: 'linux',
        setLoginItemSettings: vi.fn(),
        autostartDir: '/x',
        execPath: '/y',
        fs: failing as never,
      }),
    ).toBe(false);
  });
});
