/**
 * The screenshots of the settings window in docs/: every category at the window's default size, in
 * the light and the dark theme, from the built page with sample lists, alerts, lots and a relay.
 * Each shot also checks the category it shows is the one asked for, with its heading focused.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTINGS_WINDOW_OPTIONS } from '../../src/main/shell/settings-window';
import { computePortfolio } from '../../src/shared/portfolio/compute-portfolio';
import type { Holdings } from '../../src/shared/portfolio/holdings';
import { SETTINGS_CATEGORIES, type SettingsCategory } from '../../src/shared/settings-categories';
import { alertRule } from '../support/alert-rule';
import type { FakeBridgeOptions } from '../support/fake-bridge';
import { startRendererSession, type RendererSession } from './harness/renderer-session';
import { PRICES, SYMBOLS } from './harness/sample-watchlist';

export const SCREENSHOT_DIR = resolve('docs/screenshots');

/** A fixed instant, so the times and countdowns in the shots do not change from run to run. */
const NOW = Date.UTC(2026, 11, 7, 15, 30);

const HOLDINGS: Holdings = {
  baseCurrency: 'USD',
  lots: [
    { id: 'a', symbol: 'AAPL', quantity: '40', price: '150.25', date: '2024-01-10', note: '' },
    { id: 'b', symbol: 'MSFT', quantity: '12', price: '380', date: '2024-02-01', note: '' },
    { id: 'c', symbol: 'BINANCE:BTCUSDT', quantity: '0.35', price: '61000', date: '2024-03-01', note: 'cold wallet' },
  ],
};

const SAMPLE: FakeBridgeOptions = {
  symbols: SYMBOLS,
  prices: PRICES,
  now: NOW,
  otherLists: [{ id: 'l2', name: 'Crypto', symbols: ['BINANCE:BTCUSDT', 'BINANCE:ETHUSDT'] }],
  alerts: [
    alertRule({ id: 'r1', symbol: 'AAPL', metric: 'price', op: '>=', value: 200 }),
    alertRule({ id: 'r2', symbol: 'MSFT', metric: 'change', op: '<=', value: -2, recurring: true, triggered: true }),
  ],
  alertHistory: [
    { ruleId: 'r2', rule: 'MSFT<=-2%', symbol: 'MSFT', price: 409.5, changePct: -2.01, time: NOW - 3_600_000 },
    { ruleId: 'r3', rule: 'NVDA>=130', symbol: 'NVDA', price: 130.02, changePct: 1.5, time: NOW - 600_000 },
  ],
  holdings: HOLDINGS,
  portfolio: computePortfolio({
    lots: HOLDINGS.lots,
    baseCurrency: HOLDINGS.baseCurrency,
    quote: (symbol) =>
      PRICES[symbol] ? { price: PRICES[symbol].price, prevClose: PRICES[symbol].prevClose ?? null } : undefined,
    rate: (symbol) => PRICES[symbol]?.price ?? null,
    today: '2026-12-07',
  }),
  preferences: { relayEnabled: true },
  relay: {
    origins: ['https://dashboard.example.com'],
    clients: [
      { id: 'c1', kind: 'websocket', origin: null, connectedAt: NOW - 900_000, symbols: ['AAPL', 'MSFT'] },
      { id: 'c2', kind: 'sse', origin: 'https://dashboard.example.com', connectedAt: NOW - 60_000, symbols: ['NVDA'] },
    ],
  },
};

let session: RendererSession;
beforeAll(async () => {
  session = await startRendererSession();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});
afterAll(async () => {
  await session?.close();
});

async function showCategory(page: Page, category: SettingsCategory): Promise<void> {
  await page.locator(`#category-tab-${category}`).click();
  await expect.poll(() => page.locator(`#category-${category}`).isVisible()).toBe(true);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe(`category-${category}-heading`);
}

describe.each(['light', 'dark'] as const)('settings window screenshots, %s theme', (theme) => {
  it('shows every category at the default size', async () => {
    const viewport = { width: SETTINGS_WINDOW_OPTIONS.width ?? 880, height: SETTINGS_WINDOW_OPTIONS.height ?? 680 };
    const { page, errors } = await session.openPage('settings', { bridge: SAMPLE, viewport, clockAt: NOW });
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    await page.locator('.category-tab').first().waitFor();
    await page.locator('#api-key').waitFor();
    for (const { id } of SETTINGS_CATEGORIES) {
      await showCategory(page, id);
      // The focus ring on the heading is for the keyboard; a picture shows the page at rest.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.screenshot({ path: `${SCREENSHOT_DIR}/settings-${id}-${theme}.png` });
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
