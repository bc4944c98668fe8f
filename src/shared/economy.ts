/**
 * Economy: the strip shows a page at a time (or glides a step every few seconds, the `economyStyle`
 * preference) instead of scrolling, to save power (why: see renderer/strip/strip-motion.ts). Whether it is in effect follows the `economy` preference and,
 * for 'on-battery', the power source, which only main learns from the system; main sends the pages
 * this state (the `economy` event).
 */
import { PREFERENCE_RULES } from './preference-rules';
import type { Preferences } from './types';

export type EconomyMode = Preferences['economy'];

export interface EconomyState {
  /** The strip draws in economy now. */
  active: boolean;
  /** The preference it follows. */
  mode: EconomyMode;
  /** The system runs on battery power (false when it cannot tell). */
  onBattery: boolean;
}

export function economyState(mode: EconomyMode, onBattery: boolean): EconomyState {
  return { active: mode === 'always' || (mode === 'on-battery' && onBattery), mode, onBattery };
}

/** A pushed payload is only trusted as far as its shape. */
export function isEconomyState(value: unknown): value is EconomyState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Partial<Record<keyof EconomyState, unknown>>;
  const modes: readonly unknown[] = PREFERENCE_RULES.economy.values;
  return typeof state.active === 'boolean' && typeof state.onBattery === 'boolean' && modes.includes(state.mode);
}

export type EconomyStyle = Preferences['economyStyle'];

/** Whether economy is in effect now, and why (the settings window's line under the choice). */
export function economyExplanation(state: EconomyState, style: EconomyStyle = 'pages'): string {
  const economical = style === 'glide' ? 'glides a step every few seconds' : 'shows a page at a time';
  switch (state.mode) {
    case 'never':
      return 'Off: the strip moves as Motion says.';
    case 'always':
      return `On: the strip ${economical} instead of scrolling.`;
    case 'on-battery':
      return state.onBattery
        ? `On now: this computer runs on battery power, so the strip ${economical}.`
        : 'Off now: this computer runs on mains power (or does not say), so the strip moves as Motion says.';
  }
}
