/**
 * The portfolio in the built strip page in headless Chromium, on the real preload and a real core
 * holding the lots (prices quoted by the fake Finnhub server, harness/app-page.ts): the
 * strip's summary item (value, today's change, total gain; coloured and arrowed), the optional
 * per-item position figures, the missing-rate state, and the privacy switch, which hides every
 * amount of money while keeping prices and percentages. Screenshots: test-output/strip-portfolio*.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { computePortfolio, type PortfolioFigures } from '../../src/shared/portfolio/compute-portfolio';
import type { Holdings, LotDraft } from '../../src/shared/portfolio/holdings';
import { HIDDEN_AMOUNT } from '../../src/shared/portfolio/portfolio-text';
import { OUTPUT_DIR, screenshotStrip, startRendererSession, type RendererSession } from './harness/renderer-session';
import { openAppPage, type AppPage, type AppPageOptions } from './harness/app-page';
import { PRICES, SYMBOLS } from './harness/sample-watchlist';

const HOLDINGS: Holdings = {
  baseCurrency: 'USD',
  lots: [
    { id: 'a', symbol: 'AAPL', quantity: '40', price: '150.25', date: '2024-01-10', note: '' },
    { id: 'b', symbol: 'MSFT', quantity: '12', price: '380', date: '2024-02-01', note: '' },
    { id: 'c', symbol: 'BINANCE:BTCUSDT', quantity: '0.35', price: '61000', date: '2024-03-01', note: 'cold wallet' },
    { id: 'd', symbol: 'TSLA', quantity: '-10', price: '265', date: '2024-04-01', note: 'short' },
  ],
};

function figuresFor(holdings: Holdings): PortfolioFigures {
  return computePortfolio({
    lots: holdings.lots,
    baseCurrency: holdings.baseCurrency,
    quote: (symbol) =>
      PRICES[symbol] ? { price: PRICES[symbol].price, prevClose: PRICES[symbol].prevClose ?? null } : undefined,
    rate: (symbol) => PRICES[symbol]?.price ?? null,
    today: '2026-12-01',
  });
}

const FIGURES = figuresFor(HOLDINGS);

let session: RendererSession;
let opened: AppPage | null = null;
beforeAll(async () => {
  session = await startRendererSession();
});
afterEach(async () => {
  await opened?.close();
  opened = null;
});
afterAll(async () => {
  await session?.close();
});

/** The strip on a core holding HOLDINGS' lots (added through its handlers, as the settings window does). */
async function openStrip(options: AppPageOptions = {}) {
  const lots = HOLDINGS.lots.map(({ id: _id, ...draft }): LotDraft => draft);
  opened = await openAppPage(session, 'strip', {
    baseCurrency: HOLDINGS.baseCurrency,
    lots,
    ...options,
    preferences: { speed: 10, ...options.preferences },
  });
  return opened;
}

const summary = (page: Page) => page.locator('.portfolio-summary');

describe('strip portfolio summary', () => {
  it("shows value, today's change and total gain at the start, coloured and arrowed, and follows pushed figures", async () => {
    // Hand check: 40 × 189.41 + 12 × 415.1 + 0.35 × 97123.45 − 10 × 251.44 = 44036.4075; day 659.6075 (1.52 %).
    expect(FIGURES).toMatchObject({ value: 44_036.41, dayChange: 659.61, gain: 14_766.41 });
    const { page, errors, core } = await openStrip();
    await expect.poll(() => summary(page).locator('.value').textContent()).toBe('$44,036.41');
    expect(await summary(page).locator('.day .amount').textContent()).toBe('+$659.61');
    expect(await summary(page).locator('.day .percent').textContent()).toBe('+1.52%');
    expect(await summary(page).locator('.day').getAttribute('class')).toContain('trend-up');
    expect(await summary(page).locator('.day .arrow').textContent()).toBe('▲');
    expect(await summary(page).locator('.gain .amount').textContent()).toBe('+$14,766.41');
    // The summary comes first: before any quote item.
    const order = await page.locator('.strip > *').evaluateAll((nodes) => nodes.map((node) => node.className));
    expect(order.indexOf('portfolio-summary')).toBeLessThan(order.findIndex((name) => name.includes('viewport')));
    await screenshotStrip(page, join(OUTPUT_DIR, 'strip-portfolio.png'));

    const down: PortfolioFigures = {
      ...FIGURES,
      value: 43_000,
      dayChange: -868.31,
      dayChangePct: -1.9795,
      exact: { value: '43000', dayChange: '-868.31', gain: FIGURES.exact?.gain ?? null },
    };
    // Figures as the core announces them after a batch.
    core.events.portfolio.emit(down);
    await expect.poll(() => summary(page).locator('.day .amount').textContent()).toBe('\u2212$868.31');
    expect(await summary(page).locator('.day').getAttribute('class')).toContain('trend-down');
    expect(await summary(page).locator('.day .arrow').textContent()).toBe('▼');

    // The last lot goes.
    for (const lot of (await core.handlers.getPageStart()).settings.holdings.lots)
      await core.handlers.removeLot(lot.id);
    await expect.poll(() => summary(page).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('says which rate is missing instead of showing a wrong total', async () => {
    // In EUR without a EUR/USD rate yet: Finnhub has no quote for the pair and it has not traded.
    const { page } = await openStrip({
      baseCurrency: 'EUR',
      symbols: SYMBOLS.filter((symbol) => !symbol.startsWith('OANDA:')),
      unquoted: ['OANDA:EUR_USD'],
    });
    await expect.poll(() => summary(page).getAttribute('data-waiting')).toBe('true');
    expect(await summary(page).locator('.missing').textContent()).toBe('no rate yet for USD');
    expect(await summary(page).locator('.value').count()).toBe(0);
  });

  it('the privacy switch hides every amount on the strip but keeps prices and percentages', async () => {
    const { page, core } = await openStrip({ preferences: { showPositionFigures: true } });
    const aapl = page.locator('.lane:first-child .item[data-symbol="AAPL"]');
    await expect.poll(() => aapl.locator('.position .value').textContent()).toBe('$7,576.40');
    expect(await aapl.locator('.position .day').textContent()).toBe('+$88.40');
    // A symbol not held shows no position.
    expect(await page.locator('.lane:first-child .item[data-symbol="NVDA"] .position').count()).toBe(0);

    await core.handlers.setPreferences({ privacy: true });
    await expect.poll(() => summary(page).locator('.value').textContent()).toBe(HIDDEN_AMOUNT);
    expect(await summary(page).locator('.day .amount').textContent()).toBe(HIDDEN_AMOUNT);
    expect(await summary(page).locator('.gain .amount').textContent()).toBe(HIDDEN_AMOUNT);
    expect(await summary(page).locator('.day .percent').textContent()).toBe('+1.52%');
    expect(await aapl.locator('.position .value').textContent()).toBe(HIDDEN_AMOUNT);
    expect(await aapl.locator('.position .day').textContent()).toBe(HIDDEN_AMOUNT);
    expect(await aapl.locator('.price').textContent()).toBe('189.41');
    // No amount survives anywhere in the strip's text, its tooltips or its accessible labels.
    const everything = await page.evaluate(() => {
      const texts = [document.body.innerText];
      for (const element of document.querySelectorAll('[title], [aria-label]'))
        texts.push(element.getAttribute('title') ?? '', element.getAttribute('aria-label') ?? '');
      return texts.join('\n');
    });
    for (const amount of ['44,036.41', '659.61', '14,766.41', '7,576.40', '88.40'])
      expect(everything).not.toContain(amount);
    await screenshotStrip(page, join(OUTPUT_DIR, 'strip-portfolio-private.png'));

    await core.handlers.setPreferences({ privacy: false, showPositionFigures: false });
    await expect.poll(() => summary(page).locator('.value').textContent()).toBe('$44,036.41');
    await expect.poll(() => aapl.locator('.position').count()).toBe(0);
  });
});
