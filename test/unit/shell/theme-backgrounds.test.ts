/**
 * Main paints each window's background before its page draws; the page's own background must be
 * the same colour, or the window flashes as the page appears. The pages' CSS and the shared
 * colours are held together here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTINGS_BACKGROUND, STRIP_BACKGROUND, themeInEffect } from '../../../src/shared/theme';

const css = (path: string): string => readFileSync(new URL(`../../../src/renderer/${path}`, import.meta.url), 'utf8');

/** The `--bg` declared in the first block whose selector starts with `selector`. */
function background(source: string, selector: string): string | undefined {
  const start = source.indexOf(`${selector} {`);
  if (start === -1) return undefined;
  const block = source.slice(start, source.indexOf('}', start));
  return /--bg:\s*([^;]+);/.exec(block)?.[1]?.trim();
}

describe('window backgrounds', () => {
  it('are the strip page’s own, for every theme it shows', () => {
    const strip = css('strip/strip.css');
    expect(background(strip, ':root')).toBe(STRIP_BACKGROUND.dark);
    expect(background(strip, ":root[data-theme='light']")).toBe(STRIP_BACKGROUND.light);
    expect(background(strip, ":root[data-theme='transparent']")).toBe('transparent');
  });

  it('are the settings page’s own, in light and dark mode', () => {
    const settings = css('settings/styles/base.css');
    expect(background(settings, ':root')).toBe(SETTINGS_BACKGROUND.light);
    const dark = settings.slice(settings.indexOf('@media (prefers-color-scheme: dark)'));
    expect(background(dark, '  :root')).toBe(SETTINGS_BACKGROUND.dark);
  });
});

describe('themeInEffect', () => {
  it('shows the OS’s mode for "system" and a chosen theme as it is', () => {
    expect(themeInEffect('system', true)).toBe('dark');
    expect(themeInEffect('system', false)).toBe('light');
    expect(themeInEffect('light', true)).toBe('light');
    expect(themeInEffect('dark', false)).toBe('dark');
    expect(themeInEffect('transparent', false)).toBe('transparent');
  });
});
