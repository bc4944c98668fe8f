import { describe, expect, it } from 'vitest';
import {
  acceleratorLabel,
  checkAccelerator,
  MAX_ACCELERATOR_LENGTH,
  sameAccelerator,
  shortcutProblem,
} from '../../../src/shared/accelerator';
import { checkPreferencePatch, DEFAULT_PREFERENCES } from '../../../src/shared/preference-rules';

const canonical = (value: string): string | null => {
  const checked = checkAccelerator(value);
  return checked.ok ? checked.accelerator : null;
};

describe('accelerator rule', () => {
  it('accepts modifiers plus one key and spells them canonically', () => {
    expect(canonical('CommandOrControl+Alt+T')).toBe('CommandOrControl+Alt+T');
    expect(canonical('alt+ctrl+t')).toBe('Control+Alt+T');
    expect(canonical('CmdOrCtrl+Shift+F12')).toBe('CommandOrControl+Shift+F12');
    expect(canonical('Super+Space')).toBe('Super+Space');
    expect(canonical('Meta+enter')).toBe('Super+Return');
    expect(canonical('Option+Cmd+/')).toBe('Command+Alt+/');
    expect(canonical('Ctrl+Plus')).toBe('Control+Plus');
    expect(canonical('Ctrl+num5')).toBe('Control+num5');
    expect(canonical('Control+Alt+PageDown')).toBe('Control+Alt+PageDown');
  });

  it('refuses bare keys, Shift alone, unknown keys and malformed text', () => {
    for (const value of ['T', 'F5', 'Space', 'Shift+T', 'Shift+1'])
      expect(checkAccelerator(value), value).toMatchObject({
        ok: false,
        problem: expect.stringMatching(/needs Ctrl, Alt, Cmd or Super/),
      });
    expect(checkAccelerator('Ctrl+Alt')).toMatchObject({ ok: false, problem: expect.stringMatching(/not a modifier/) });
    expect(checkAccelerator('Ctrl+T+Alt')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/"T" is not a modifier/),
    });
    expect(checkAccelerator('Ctrl+Ctrl+T')).toMatchObject({ ok: false, problem: expect.stringMatching(/twice/) });
    expect(checkAccelerator('Control+Ctrl+T')).toMatchObject({ ok: false, problem: expect.stringMatching(/twice/) });
    expect(checkAccelerator('Ctrl++')).toMatchObject({ ok: false, problem: expect.stringMatching(/Plus/) });
    expect(checkAccelerator('Ctrl+F25')).toMatchObject({ ok: false, problem: expect.stringMatching(/not a key/) });
    expect(checkAccelerator('Ctrl+é')).toMatchObject({ ok: false });
    expect(checkAccelerator('Hyper+T')).toMatchObject({ ok: false });
    expect(checkAccelerator('')).toMatchObject({ ok: false });
    expect(checkAccelerator(`Ctrl+${'A'.repeat(MAX_ACCELERATOR_LENGTH)}`)).toMatchObject({ ok: false });
    expect(checkAccelerator(42)).toMatchObject({ ok: false });
    expect(checkAccelerator(null)).toMatchObject({ ok: false });
  });

  it('as a preference, "" means no shortcut and anything else must pass the rule', () => {
    expect(shortcutProblem('')).toBeNull();
    expect(shortcutProblem('Ctrl+Alt+T')).toBeNull();
    expect(shortcutProblem('T')).not.toBeNull();
    expect(checkAccelerator(DEFAULT_PREFERENCES.shortcutToggleStrips).ok).toBe(true);
    expect(checkAccelerator(DEFAULT_PREFERENCES.shortcutPause).ok).toBe(true);
    expect(sameAccelerator(DEFAULT_PREFERENCES.shortcutToggleStrips, DEFAULT_PREFERENCES.shortcutPause)).toBe(false);
    expect(checkPreferencePatch({ shortcutPause: '' })).toEqual({ ok: true, value: { shortcutPause: '' } });
    expect(checkPreferencePatch({ shortcutPause: 'Alt+F4' })).toEqual({ ok: true, value: { shortcutPause: 'Alt+F4' } });
    expect(checkPreferencePatch({ shortcutToggleStrips: 'P' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/shortcutToggleStrips/),
    });
    expect(checkPreferencePatch({ shortcutToggleStrips: ['Ctrl', 'T'] })).toMatchObject({ ok: false });
  });

  it('knows two spellings of the same keys, and reads them out for people', () => {
    expect(sameAccelerator('Ctrl+Alt+T', 'alt+control+t')).toBe(true);
    expect(sameAccelerator('Ctrl+Alt+T', 'CmdOrCtrl+Alt+T')).toBe(false);
    expect(sameAccelerator('', '')).toBe(false);
    expect(acceleratorLabel('CommandOrControl+Alt+T')).toBe('Ctrl/Cmd+Alt+T');
    expect(acceleratorLabel('control+shift+up')).toBe('Ctrl+Shift+Up');
  });
});
