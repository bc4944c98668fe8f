/**
 * Ticker's global shortcuts: which preference holds each one's keys, what it is called, and the
 * state main reports for it (registered, or why not) for the settings window.
 */

export type ShortcutAction = 'toggleStrips' | 'togglePause' | 'togglePrivacy';

export interface ShortcutDefinition {
  action: ShortcutAction;
  /** The preference holding its accelerator ('' = no shortcut). */
  preference: 'shortcutToggleStrips' | 'shortcutPause' | 'shortcutPrivacy';
  /** What it does, for the UI and notices ("show or hide the strips"). */
  description: string;
}

export const SHORTCUTS: readonly ShortcutDefinition[] = Object.freeze([
  { action: 'toggleStrips', preference: 'shortcutToggleStrips', description: 'show or hide the strips' },
  { action: 'togglePause', preference: 'shortcutPause', description: 'pause or resume the prices' },
  { action: 'togglePrivacy', preference: 'shortcutPrivacy', description: 'hide or show the portfolio amounts' },
]);

/**
 * - `registered`: the system delivers the keys to Ticker.
 * - `none`: no shortcut is set.
 * - `taken`: the system refused it, usually because another program holds it.
 * - `duplicate`: the other Ticker shortcut already uses these keys.
 */
export type ShortcutState = 'registered' | 'none' | 'taken' | 'duplicate';

export interface ShortcutStatus {
  action: ShortcutAction;
  accelerator: string;
  state: ShortcutState;
}

export type ShortcutPreferenceKey = ShortcutDefinition['preference'];
