/**
 * The theme in effect and the page backgrounds behind it. "System" follows the OS's light or dark
 * setting (Electron's nativeTheme, which is also what `prefers-color-scheme` answers in the pages).
 * Main paints each window's background with these colours before its page draws, so no window
 * flashes another colour; the pages' CSS uses the same values (a test holds them together).
 */
import type { Theme } from './types';

/** What a strip actually shows. */
export type ShownTheme = Exclude<Theme, 'system'>;

export function themeInEffect(theme: Theme, systemDark: boolean): ShownTheme {
  if (theme === 'system') return systemDark ? 'dark' : 'light';
  return theme;
}

/** The strip page's background (--bg in strip.css) for each theme it shows. */
export const STRIP_BACKGROUND: Readonly<Record<ShownTheme, string>> = Object.freeze({
  dark: '#0e1116',
  light: '#f7f8fa',
  transparent: '#00000000',
});

/** The settings page's background (--bg in settings/styles/base.css), which follows the OS. */
export const SETTINGS_BACKGROUND: Readonly<Record<'dark' | 'light', string>> = Object.freeze({
  dark: '#111418',
  light: '#f4f5f7',
});
