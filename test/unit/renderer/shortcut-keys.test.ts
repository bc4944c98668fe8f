import { describe, expect, it } from 'vitest';
import { recordKeys, type KeyPress } from '../../../src/renderer/settings/shortcut-keys';

const press = (
  code: string,
  key: string,
  mods: Partial<Pick<KeyPress, 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey'>> = {},
): KeyPress => ({
  code,
  key,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
});

describe('shortcut recorder keys', () => {
  it('turns a key press with modifiers into an accelerator, by physical key', () => {
    expect(recordKeys(press('KeyT', 't', { ctrlKey: true, altKey: true }), false)).toEqual({
      kind: 'shortcut',
      accelerator: 'Control+Alt+T',
    });
    // Alt+T types "†" on a Mac: the shortcut is still Alt+T.
    expect(recordKeys(press('KeyT', '†', { metaKey: true, altKey: true }), true)).toEqual({
      kind: 'shortcut',
      accelerator: 'Command+Alt+T',
    });
    expect(recordKeys(press('KeyT', 't', { metaKey: true, altKey: true }), false)).toEqual({
      kind: 'shortcut',
      accelerator: 'Super+Alt+T',
    });
    expect(recordKeys(press('Digit1', '!', { ctrlKey: true, shiftKey: true }), false)).toEqual({
      kind: 'shortcut',
      accelerator: 'Control+Shift+1',
    });
    expect(recordKeys(press('F9', 'F9', { altKey: true }), false)).toEqual({ kind: 'shortcut', accelerator: 'Alt+F9' });
    expect(recordKeys(press('ArrowUp', 'ArrowUp', { ctrlKey: true }), false)).toEqual({
      kind: 'shortcut',
      accelerator: 'Control+Up',
    });
    expect(recordKeys(press('Numpad5', '5', { ctrlKey: true }), false)).toEqual({
      kind: 'shortcut',
      accelerator: 'Control+num5',
    });
    expect(recordKeys(press('Slash', '/', { ctrlKey: true }), false)).toEqual({
      kind: 'shortcut',
      accelerator: 'Control+/',
    });
  });

  it('waits while only modifiers are held', () => {
    expect(recordKeys(press('ControlLeft', 'Control', { ctrlKey: true }), false)).toEqual({
      kind: 'pending',
      modifiers: 'Control',
    });
    expect(recordKeys(press('AltRight', 'Alt', { ctrlKey: true, altKey: true }), false)).toEqual({
      kind: 'pending',
      modifiers: 'Control+Alt',
    });
  });

  it('refuses bare keys, Shift alone and keys a shortcut cannot use', () => {
    expect(recordKeys(press('KeyT', 't'), false)).toMatchObject({
      kind: 'invalid',
      problem: expect.stringMatching(/needs Ctrl, Alt, Cmd or Super/),
    });
    expect(recordKeys(press('KeyT', 'T', { shiftKey: true }), false)).toMatchObject({ kind: 'invalid' });
    expect(recordKeys(press('Quote', "'", { ctrlKey: true }), false)).toMatchObject({
      kind: 'invalid',
      problem: expect.stringMatching(/cannot be part/),
    });
    expect(recordKeys(press('IntlBackslash', '<', { ctrlKey: true }), false)).toMatchObject({ kind: 'invalid' });
  });
});
