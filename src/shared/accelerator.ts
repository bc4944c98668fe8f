/**
 * The one rule for a global shortcut: an Electron accelerator of modifiers and exactly one key
 * ("CommandOrControl+Alt+T"). A shortcut needs a modifier besides Shift, so it can never swallow
 * ordinary typing in other programs. Used by the preference rules (store schema, repair, IPC), the
 * settings window's recorder and the main process that registers the shortcuts.
 */

/** Modifier spellings Electron accepts, by canonical name, in the order a canonical accelerator lists them. */
const MODIFIERS = {
  CommandOrControl: ['commandorcontrol', 'cmdorctrl'],
  Command: ['command', 'cmd'],
  Control: ['control', 'ctrl'],
  Super: ['super', 'meta'],
  Alt: ['alt', 'option'],
  AltGr: ['altgr'],
  Shift: ['shift'],
} as const;

type AcceleratorModifier = keyof typeof MODIFIERS;

const MODIFIER_BY_SPELLING = new Map<string, AcceleratorModifier>(
  (Object.entries(MODIFIERS) as [AcceleratorModifier, readonly string[]][]).flatMap(([name, spellings]) =>
    spellings.map((spelling) => [spelling, name] as const),
  ),
);
const MODIFIER_ORDER = Object.keys(MODIFIERS) as AcceleratorModifier[];

const NAMED_KEYS = [
  'Plus',
  'Space',
  'Tab',
  'Capslock',
  'Numlock',
  'Scrolllock',
  'Backspace',
  'Delete',
  'Insert',
  'Return',
  'Up',
  'Down',
  'Left',
  'Right',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Escape',
  'VolumeUp',
  'VolumeDown',
  'VolumeMute',
  'MediaNextTrack',
  'MediaPreviousTrack',
  'MediaStop',
  'MediaPlayPause',
  'PrintScreen',
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv',
];
const KEY_ALIASES: Record<string, string> = { enter: 'Return', esc: 'Escape' };
const KEY_BY_LOWER = new Map<string, string>([
  ...NAMED_KEYS.map((key) => [key.toLowerCase(), key] as const),
  ...Array.from({ length: 24 }, (_, i) => [`f${i + 1}`, `F${i + 1}`] as const),
  ...Array.from({ length: 10 }, (_, i) => [`num${i}`, `num${i}`] as const),
  ...Object.entries(KEY_ALIASES),
]);
/** Single-character keys: letters, digits and the punctuation Electron names. */
const CHARACTER_KEY = /^[A-Za-z0-9)!@#$%^&*(:;=<,_\-.>?/~`{\][|\\}"]$/;

export const MAX_ACCELERATOR_LENGTH = 80;

export type AcceleratorCheck = { ok: true; accelerator: string } | { ok: false; problem: string };

function canonicalKey(part: string): string | null {
  if (CHARACTER_KEY.test(part)) return part.toUpperCase();
  return KEY_BY_LOWER.get(part.toLowerCase()) ?? null;
}

/**
 * Check a shortcut and give its canonical spelling (modifiers in a fixed order, keys in Electron's
 * spelling), so "alt+ctrl+t" and "Control+Alt+T" are recognised as the same shortcut.
 */
export function checkAccelerator(value: unknown): AcceleratorCheck {
  if (typeof value !== 'string') return { ok: false, problem: 'A shortcut must be text' };
  if (value.length === 0 || value.length > MAX_ACCELERATOR_LENGTH)
    return { ok: false, problem: `A shortcut must be 1 to ${MAX_ACCELERATOR_LENGTH} characters` };
  const parts = value.split('+');
  if (parts.some((part) => part.trim() === ''))
    return { ok: false, problem: 'A shortcut is keys joined by "+" (write the plus key as "Plus")' };
  const modifiers = new Set<AcceleratorModifier>();
  for (const part of parts.slice(0, -1)) {
    const modifier = MODIFIER_BY_SPELLING.get(part.trim().toLowerCase());
    if (modifier === undefined)
      return {
        ok: false,
        problem: `"${part.trim().slice(0, 20)}" is not a modifier (Ctrl, Alt, Shift, Cmd, Super…); only the last key may be another key`,
      };
    if (modifiers.has(modifier)) return { ok: false, problem: `${modifier} appears twice in the shortcut` };
    modifiers.add(modifier);
  }
  const last = (parts.at(-1) as string).trim();
  if (MODIFIER_BY_SPELLING.has(last.toLowerCase()))
    return { ok: false, problem: 'A shortcut must end with a key that is not a modifier' };
  const key = canonicalKey(last);
  if (key === null) return { ok: false, problem: `"${last.slice(0, 20)}" is not a key a shortcut can use` };
  if (![...modifiers].some((modifier) => modifier !== 'Shift'))
    return {
      ok: false,
      problem: 'A shortcut needs Ctrl, Alt, Cmd or Super with its key, so it never takes over ordinary typing',
    };
  const ordered = MODIFIER_ORDER.filter((modifier) => modifiers.has(modifier));
  return { ok: true, accelerator: [...ordered, key].join('+') };
}

/** Why `value` is not usable as a saved shortcut ('' means none), or null when it is. */
export function shortcutProblem(value: unknown): string | null {
  if (value === '') return null;
  const checked = checkAccelerator(value);
  return checked.ok ? null : checked.problem;
}

/** Whether two saved shortcuts are the same keys (never true for '' = none). */
export function sameAccelerator(a: string, b: string): boolean {
  const left = checkAccelerator(a);
  const right = checkAccelerator(b);
  return left.ok && right.ok && left.accelerator === right.accelerator;
}

const LABELS: Partial<Record<AcceleratorModifier, string>> = {
  CommandOrControl: 'Ctrl/Cmd',
  Command: 'Cmd',
  Control: 'Ctrl',
};

/** How one part of a canonical accelerator reads: "CommandOrControl" → "Ctrl/Cmd". */
export function acceleratorPartLabel(part: string): string {
  return LABELS[part as AcceleratorModifier] ?? part;
}

/** How a shortcut reads in the UI and in notices: "Ctrl/Cmd+Alt+T". */
export function acceleratorLabel(value: string): string {
  const checked = checkAccelerator(value);
  if (!checked.ok) return value;
  return checked.accelerator.split('+').map(acceleratorPartLabel).join('+');
}
