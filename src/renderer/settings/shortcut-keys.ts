/**
 * Pure: the accelerator a key press in the shortcut recorder stands for. Keys are read from
 * `KeyboardEvent.code` (the physical key), so Alt or Shift changing the character typed (Alt+T is
 * "†" on a Mac) does not change the shortcut; the result is checked by the shared accelerator rule.
 */
import { checkAccelerator } from '../../shared/accelerator';

export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

export type RecordedKeys =
  /** Only modifiers are down so far: show them while the user holds them. */
  | { kind: 'pending'; modifiers: string }
  | { kind: 'shortcut'; accelerator: string }
  | { kind: 'invalid'; problem: string };

const CODE_KEYS: Record<string, string> = {
  Space: 'Space',
  Tab: 'Tab',
  Enter: 'Return',
  NumpadEnter: 'Return',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Escape: 'Escape',
  PrintScreen: 'PrintScreen',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Semicolon: ';',
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backquote: '`',
  NumpadDecimal: 'numdec',
  NumpadAdd: 'numadd',
  NumpadSubtract: 'numsub',
  NumpadMultiply: 'nummult',
  NumpadDivide: 'numdiv',
};

const MODIFIER_CODES = /^(Control|Shift|Alt|Meta|OS|AltGraph)(Left|Right)?$/;

function keyOf(code: string): string | null {
  let match = /^Key([A-Z])$/.exec(code);
  if (match) return match[1] as string;
  match = /^Digit([0-9])$/.exec(code);
  if (match) return match[1] as string;
  match = /^Numpad([0-9])$/.exec(code);
  if (match) return `num${match[1]}`;
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(code)) return code;
  return CODE_KEYS[code] ?? null;
}

/** What a keydown in the recorder means; `mac` decides whether the Meta key is Cmd or Super. */
export function recordKeys(press: KeyPress, mac: boolean): RecordedKeys {
  const modifiers: string[] = [];
  if (press.metaKey && mac) modifiers.push('Command');
  if (press.ctrlKey) modifiers.push('Control');
  if (press.metaKey && !mac) modifiers.push('Super');
  if (press.altKey) modifiers.push('Alt');
  if (press.shiftKey) modifiers.push('Shift');
  if (MODIFIER_CODES.test(press.code) || ['Control', 'Shift', 'Alt', 'Meta', 'AltGraph', 'OS'].includes(press.key)) {
    return { kind: 'pending', modifiers: modifiers.join('+') };
  }
  const key = keyOf(press.code);
  if (key === null) return { kind: 'invalid', problem: `${press.key || press.code} cannot be part of a shortcut` };
  const checked = checkAccelerator([...modifiers, key].join('+'));
  return checked.ok
    ? { kind: 'shortcut', accelerator: checked.accelerator }
    : { kind: 'invalid', problem: checked.problem };
}
