import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { globalShortcut, resetElectronMock } from '../../support/electron-mock';
import { GlobalShortcuts } from '../../../src/main/shell/global-shortcuts';
import { DEFAULT_PREFERENCES } from '../../../src/shared/preference-rules';
import type { Notice } from '../../../src/shared/types';

beforeEach(() => resetElectronMock());
afterEach(() => vi.restoreAllMocks());

function setup() {
  const notices: Omit<Notice, 'at'>[] = [];
  const actions = { toggleStrips: vi.fn(), togglePause: vi.fn(), togglePrivacy: vi.fn() };
  const shortcuts = new GlobalShortcuts({ globalShortcut, actions, notify: (notice) => notices.push(notice) });
  return { shortcuts, actions, notices };
}

const prefs = (shortcutToggleStrips: string, shortcutPause: string, shortcutPrivacy = '') => ({
  shortcutToggleStrips,
  shortcutPause,
  shortcutPrivacy,
});

describe('GlobalShortcuts', () => {
  it('registers the default shortcuts; pressing one runs its action', () => {
    const { shortcuts, actions, notices } = setup();
    shortcuts.apply(DEFAULT_PREFERENCES);
    expect([...globalShortcut.registered.keys()]).toEqual([
      'CommandOrControl+Alt+T',
      'CommandOrControl+Alt+P',
      'CommandOrControl+Alt+M',
    ]);
    expect(shortcuts.status()).toEqual([
      { action: 'toggleStrips', accelerator: 'CommandOrControl+Alt+T', state: 'registered' },
      { action: 'togglePause', accelerator: 'CommandOrControl+Alt+P', state: 'registered' },
      { action: 'togglePrivacy', accelerator: 'CommandOrControl+Alt+M', state: 'registered' },
    ]);
    expect(globalShortcut.press('CommandOrControl+Alt+T')).toBe(true);
    expect(actions.toggleStrips).toHaveBeenCalledOnce();
    expect(globalShortcut.press('CommandOrControl+Alt+P')).toBe(true);
    expect(actions.togglePause).toHaveBeenCalledOnce();
    expect(globalShortcut.press('CommandOrControl+Alt+M')).toBe(true);
    expect(actions.togglePrivacy).toHaveBeenCalledOnce();
    expect(notices).toEqual([]);
  });

  it('a shortcut another program holds: a notice naming it, and settings are told', () => {
    globalShortcut.holdElsewhere('CommandOrControl+Alt+T');
    const { shortcuts, notices } = setup();
    shortcuts.apply(DEFAULT_PREFERENCES);
    expect(shortcuts.status()[0]).toEqual({
      action: 'toggleStrips',
      accelerator: 'CommandOrControl+Alt+T',
      state: 'taken',
    });
    expect(shortcuts.status()[1]?.state).toBe('registered');
    expect(notices).toEqual([
      {
        level: 'warning',
        message: expect.stringMatching(
          /^The shortcut Ctrl\/Cmd\+Alt\+T \(to show or hide the strips\) is held by another program/,
        ),
      },
    ]);
    expect(globalShortcut.press('CommandOrControl+Alt+T')).toBe(false);
  });

  it('re-registers only what changed, releasing the old keys; "" means none', () => {
    const { shortcuts, actions, notices } = setup();
    shortcuts.apply(DEFAULT_PREFERENCES);
    globalShortcut.register.mockClear();
    shortcuts.apply(prefs('alt+shift+F9', DEFAULT_PREFERENCES.shortcutPause, DEFAULT_PREFERENCES.shortcutPrivacy));
    expect(globalShortcut.unregister).toHaveBeenCalledExactlyOnceWith('CommandOrControl+Alt+T');
    expect(globalShortcut.register).toHaveBeenCalledExactlyOnceWith('Alt+Shift+F9', expect.any(Function));
    globalShortcut.press('Alt+Shift+F9');
    expect(actions.toggleStrips).toHaveBeenCalledOnce();
    // Nothing changed: nothing is touched, nobody is told twice.
    shortcuts.apply(prefs('alt+shift+F9', DEFAULT_PREFERENCES.shortcutPause, DEFAULT_PREFERENCES.shortcutPrivacy));
    expect(globalShortcut.register).toHaveBeenCalledOnce();
    shortcuts.apply(prefs('', DEFAULT_PREFERENCES.shortcutPause, DEFAULT_PREFERENCES.shortcutPrivacy));
    expect([...globalShortcut.registered.keys()]).toEqual(['CommandOrControl+Alt+P', 'CommandOrControl+Alt+M']);
    expect(shortcuts.status()[0]).toEqual({ action: 'toggleStrips', accelerator: '', state: 'none' });
    expect(notices).toEqual([]);
  });

  it('two shortcuts may swap keys in one change', () => {
    const { shortcuts, actions } = setup();
    shortcuts.apply(prefs('Ctrl+Alt+1', 'Ctrl+Alt+2'));
    shortcuts.apply(prefs('Ctrl+Alt+2', 'Ctrl+Alt+1'));
    expect(shortcuts.status().map((status) => status.state)).toEqual(['registered', 'registered', 'none']);
    globalShortcut.press('Control+Alt+2');
    expect(actions.toggleStrips).toHaveBeenCalledOnce();
    expect(actions.togglePause).not.toHaveBeenCalled();
  });

  it('the same keys twice: the second is refused with a notice, and takes them once they are free', () => {
    const { shortcuts, notices } = setup();
    shortcuts.apply(prefs('Ctrl+Alt+T', 'alt+control+t'));
    expect(shortcuts.status().map((status) => status.state)).toEqual(['registered', 'duplicate', 'none']);
    expect(notices[0]?.message).toMatch(/Ctrl\+Alt\+T is already Ticker's shortcut to show or hide the strips/);
    shortcuts.apply(prefs('Ctrl+Alt+S', 'alt+control+t'));
    expect(shortcuts.status().map((status) => status.state)).toEqual(['registered', 'registered', 'none']);
    expect([...globalShortcut.registered.keys()].sort()).toEqual(['Control+Alt+S', 'Control+Alt+T']);
  });

  it('a register that throws counts as refused; dispose gives every shortcut back', () => {
    const { shortcuts, notices } = setup();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    globalShortcut.register.mockImplementationOnce(() => {
      throw new Error('bad accelerator');
    });
    shortcuts.apply(DEFAULT_PREFERENCES);
    expect(shortcuts.status().map((status) => status.state)).toEqual(['taken', 'registered', 'registered']);
    expect(notices).toHaveLength(1);
    shortcuts.dispose();
    expect(globalShortcut.unregisterAll).toHaveBeenCalledOnce();
    expect(globalShortcut.registered.size).toBe(0);
  });

  it('an action that throws is logged, not fatal', () => {
    const { shortcuts, actions } = setup();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    actions.togglePause.mockImplementation(() => {
      throw new Error('boom');
    });
    shortcuts.apply(DEFAULT_PREFERENCES);
    expect(() => globalShortcut.press('CommandOrControl+Alt+P')).not.toThrow();
    expect(error).toHaveBeenCalled();
  });
});
