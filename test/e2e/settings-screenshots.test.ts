/**
 * The settings window's categories on the real preload and core (harness/app-page.ts): the tablist
 * and its arrow keys, deep links from main, the status line, and the screenshots in docs/ of every
 * category at the window's default size, in the light and the dark theme.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SETTINGS_WINDOW_OPTIONS } from '../../src/main/shell/settings-window';
import { SETTINGS_CATEGORIES } from '../../src/shared/settings-categories';
import { openAppPage, type AppPage, type AppPageOptions } from './harness/app-page';
import { OUTPUT_DIR, startRendererSession, type RendererSession } from './harness/renderer-session';

// `npm run screenshots` redraws the pictures in docs/; a plain test run leaves the tracked files alone.
const SCREENSHOT_DIR = process.env.TICKER_DOC_SCREENSHOTS === '1' ? resolve('docs/screenshots') : OUTPUT_DIR;

const SAMPLE: AppPageOptions = {
  otherLists: [{ name: 'Crypto', symbols: ['BINANCE:BTCUSDT', 'BINANCE:ETHUSDT'] }],
  alerts: [
    { symbol: 'AAPL', metric: 'price', op: '>=', value: 200, recurring: false, cooldownS: 0 },
    { symbol: 'MSFT', metric: 'change', op: '<=', value: -2, recurring: true, cooldownS: 300 },
  ],
  lots: [
    { symbol: 'AAPL', quantity: '40', price: '150.25', date: '2024-01-10', note: '' },
    { symbol: 'MSFT', quantity: '12', price: '380', date: '2024-02-01', note: '' },
  ],
  preferences: { relayEnabled: true },
};

let session: RendererSession;
let opened: AppPage[] = [];
beforeAll(async () => {
  session = await startRendererSession();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});
afterEach(async () => {
  await Promise.all(opened.map((app) => app.close()));
  opened = [];
});
afterAll(async () => {
  await session?.close();
});

async function open(options: AppPageOptions = SAMPLE, viewport?: { width: number; height: number }) {
  const app = await openAppPage(session, 'settings', options, viewport ? { viewport } : {});
  opened.push(app);
  await app.page.locator('#category-tab-general').waitFor();
  return app;
}

/**
 * The shown category's visible form controls that still wear the browser's own look. A control
 * with text keeps the user agent's font (13.33 px, not the page's) unless the kit styles it; a
 * checkbox is the kit's switch only when drawn by the kit (no native appearance); a slider wears
 * the accent colour.
 */
function unstyledControls(page: Page, categoryId: string): Promise<string[]> {
  return page.evaluate((id) => {
    const body = getComputedStyle(document.body);
    const category = document.getElementById(`category-${id}`);
    const controls = category ? [...category.querySelectorAll<HTMLElement>('input, select, textarea, button')] : [];
    const native = (control: HTMLElement): boolean => {
      const style = getComputedStyle(control);
      const type = control instanceof HTMLInputElement ? control.type : '';
      if (type === 'checkbox' || type === 'radio') return style.appearance !== 'none';
      if (type === 'range') return style.accentColor === 'auto';
      return style.fontFamily !== body.fontFamily || style.fontSize === '13.3333px';
    };
    return (
      controls
        // Seen: not hidden, and larger than the 1-px box of a control kept for screen readers only.
        .filter((control) => {
          const box = control.getBoundingClientRect();
          return box.width > 1 && box.height > 1 && getComputedStyle(control).visibility !== 'hidden';
        })
        .filter(native)
        .map(
          (control) => `${control.tagName.toLowerCase()}#${control.id || '?'} (${control.textContent?.trim() ?? ''})`,
        )
    );
  }, categoryId);
}

const selected = (page: Page) => page.locator('[role="tab"][aria-selected="true"]').textContent();
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? null);

describe('settings window: categories', () => {
  it('lists the categories as tabs; arrows, Home and End move between them; Enter focuses the heading', async () => {
    const { page, errors, bridge } = await open();
    const tabs = page.getByRole('tab');
    expect(await tabs.allTextContents()).toEqual(SETTINGS_CATEGORIES.map((category) => category.label));
    expect(await page.getByRole('tablist').getAttribute('aria-orientation')).toBe('vertical');
    expect(await selected(page)).toBe('General');
    await page.locator('#category-tab-general').focus();
    await page.keyboard.press('ArrowDown');
    expect(await selected(page)).toBe('Watch lists and symbols');
    expect(await focused(page)).toBe('category-tab-lists');
    expect(await page.locator('#category-general').isVisible()).toBe(false);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp'); // wraps to the last
    expect(await selected(page)).toBe('About');
    await page.keyboard.press('Home');
    expect(await selected(page)).toBe('General');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('category-markets-heading');
    // Main is told each category shown, to open there next time.
    await expect.poll(() => bridge.opened.categories.at(-1)).toBe('markets');
    expect(errors).toEqual([]);
  });

  it('opens at the category and field main asks for, and ignores a target it does not know', async () => {
    const { page, errors, core } = await open();
    core.events.showSettings.emit({ category: 'relay', field: 'pref-relayPort' });
    await expect.poll(() => focused(page)).toBe('pref-relayPort');
    expect(await selected(page)).toBe('Relay');
    core.events.showSettings.emit({ category: 'nowhere' } as never);
    core.events.showSettings.emit({ category: 'lists', field: 'api-key' } as never);
    core.events.focusAddSymbol.emit(null);
    await expect.poll(() => focused(page)).toBe('add-symbol');
    expect(await selected(page)).toBe('Watch lists and symbols');
    expect(errors).toEqual([]);
  });

  it('says the connection and the relay in one line at the top; each part opens its category', async () => {
    const { page, errors } = await open();
    await expect.poll(() => page.getByTestId('status-connection').textContent()).toBe('Live — streaming trades');
    await expect.poll(() => page.getByTestId('status-relay').textContent()).toMatch(/^Relay on port \d+, no clients/);
    await page.getByTestId('status-relay').click();
    expect(await selected(page)).toBe('Relay');
    expect(errors).toEqual([]);
  });

  it('becomes a row of tabs in a narrow window', async () => {
    const { page } = await open(SAMPLE, { width: 540, height: 700 });
    expect(await page.getByRole('tablist').getAttribute('aria-orientation')).toBe('horizontal');
    await page.locator('#category-tab-general').focus();
    await page.keyboard.press('ArrowRight');
    expect(await selected(page)).toBe('Watch lists and symbols');
  });
});

describe.each(['light', 'dark'] as const)('settings window screenshots, %s theme', (theme) => {
  it("shows every category at the default size, with no control in the browser's own look", async () => {
    const viewport = { width: SETTINGS_WINDOW_OPTIONS.width ?? 880, height: SETTINGS_WINDOW_OPTIONS.height ?? 680 };
    const { page, errors } = await open(SAMPLE, viewport);
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    for (const { id } of SETTINGS_CATEGORIES) {
      await page.locator(`#category-tab-${id}`).click();
      await expect.poll(() => page.locator(`#category-${id}`).isVisible()).toBe(true);
      expect(await focused(page)).toBe(`category-${id}-heading`);
      expect(await unstyledControls(page, id)).toEqual([]);
      // The focus ring on the heading is for the keyboard; a picture shows the page at rest.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.screenshot({ path: `${SCREENSHOT_DIR}/settings-${id}-${theme}.png` });
    }
    expect(errors).toEqual([]);
  });
});
