/**
 * The window the benches open the strip in: as the app makes it, as tall as the height preference
 * (its default, and the tallest the preference allows, for comparison) and as wide as a common
 * display. Under software compositing the cost of a frame grows with the area drawn, so a bench
 * window taller or wider than the real strip overstates what users pay.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { DEFAULT_PREFERENCES, PREFERENCE_RULES } from '../../src/shared/preference-rules';
import { STRIP_VIEWPORT } from '../../test/e2e/harness/renderer-session';

/** A common desktop display's width in CSS px (1920×1080 at 100 %): the docked strip spans it. */
export const DISPLAY_WIDTH = 1920;

export interface StripWindow {
  width: number;
  height: number;
}

/** The strip as users run it by default. */
export const STRIP_WINDOW: StripWindow = { width: DISPLAY_WIDTH, height: DEFAULT_PREFERENCES.height };

/** The strip at the tallest height the preference allows. */
export const TALLEST_STRIP_WINDOW: StripWindow = { width: DISPLAY_WIDTH, height: PREFERENCE_RULES.height.max };

/**
 * Headless Chromium here draws the strip page about twice a second, not 60 times, when its
 * viewport is shorter than about 80 px (the test harness's note on STRIP_VIEWPORT), which would
 * make a short window look almost free. So the page's viewport is never shorter than the harness's
 * and the document itself is cut to the window's height, as `screenshotStrip` does: the strip lays
 * out, paints and composites at the real size, and the rest of the viewport is the page's
 * background (a solid colour no frame redraws).
 */
export function viewportFor(window: StripWindow): StripWindow {
  return { width: window.width, height: Math.max(window.height, STRIP_VIEWPORT.height) };
}

/**
 * The benches run under tsx, whose compiler keeps function names by wrapping named functions in a
 * `__name` helper; a function's source sent to the page (the test bridge's preload transport) then
 * calls a helper the page lacks. This one, run before any other init script, keeps the function
 * as it is.
 */
const NAME_HELPER = 'globalThis.__name ??= (target) => target;';

/** A new page of `browser` that runs functions sent from the benches (see NAME_HELPER). */
export async function newBenchPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await browser.newPage(options);
  await page.context().addInitScript({ content: NAME_HELPER });
  return page;
}

/** A new page for `window` (navigate it, then call `fitToWindow`). */
export function newStripPage(
  browser: Browser,
  window: StripWindow,
  options: Omit<BrowserContextOptions, 'viewport'> = {},
): Promise<Page> {
  return newBenchPage(browser, { ...options, viewport: viewportFor(window) });
}

/** Cut the loaded document to the window's height (see viewportFor). */
export async function fitToWindow(page: Page, window: StripWindow): Promise<void> {
  await page.evaluate((height) => {
    document.documentElement.style.height = `${height}px`;
  }, window.height);
}

/** Animation frames the page ran in one second (a strip drawn at full rate runs about 60). */
export function framesPerSecond(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let frames = 0;
    const started = performance.now();
    while (performance.now() - started < 1000) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      frames += 1;
    }
    return frames;
  });
}
