/**
 * Company context on the built strip page in headless Chromium, through the real preload and main's
 * real IPC, against the REAL core and the fake Finnhub server: company names, earnings markers (on
 * the day, after a weekend, two days ahead), headlines between the items and their checked link
 * path, the details card (asked of main on hover and keyboard focus, closed on pointer leave and
 * Esc, drawn by the card page), and sorting that holds still under the pointer.
 * Screenshots: test-output/strip-context.png (names, marker, headline), test-output/card.png and
 * test-output/strip-with-card.png (the strip with its card open below an item).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cardPlacement } from '../../src/shared/details-card';
import { cardSize, type CardRequest } from '../../src/shared/card-content';
import { MarketCalendar } from '../../src/shared/market-calendar/market-calendar';
import { NewYorkClock, dayKeyOf, weekdayOf } from '../../src/shared/market-calendar/new-york-clock';
import { OUTPUT_DIR, screenshotStrip } from './harness/renderer-session';
import { openingPrices, type RunningApp, type StartAppOptions } from './harness/app-fixture';
import { useAppSession } from './harness/app-session';

const apps = useAppSession();

const DAY_MS = 86_400_000;
const calendar = new MarketCalendar();
/** Noon in New York (17:00 UTC in winter, 16:00 in summer: the same New York date either way). */
const noonOf = (day: number): number => day * DAY_MS + 16.5 * 3600_000;

/**
 * The next Friday (after today) that trades, with the Wednesday and Thursday before it and the
 * Monday after it trading too: a report after its close counts for Monday's open.
 */
function nextReportFriday(): number {
  let day = new NewYorkClock().dayAt(Date.now()) + 1;
  for (;;) {
    if (weekdayOf(day) === 5 && [day - 2, day - 1, day, day + 3].every((d) => calendar.isTradingDay(d))) return day;
    day += 1;
  }
}

async function start(
  options: StartAppOptions & { friday: number; also?: (server: RunningApp['server']) => void },
): Promise<RunningApp> {
  const { friday, also, ...rest } = options;
  const app = await apps.start({
    symbols: ['AAPL', 'MSFT', 'NVDA'],
    ...rest,
    seed: (server) => {
      server.setEarnings([{ symbol: 'AAPL', date: dayKeyOf(friday), hour: 'amc' }]);
      server.setNews('AAPL', [
        {
          id: 101,
          datetime: Math.floor(Date.now() / 1000) - 600,
          headline: 'Apple ships a thing',
          source: 'Reuters',
          url: 'https://news.example.com/apple-ships',
        },
      ]);
      also?.(server);
    },
  });
  return app;
}

function item(page: Page, symbol: string) {
  return page.locator(`.lane:first-child .item[data-symbol="${symbol}"]`);
}

/** The symbols of the first lane's items, in order (headlines left out). */
function laneSymbols(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.lane:first-child .item[data-symbol]')].map(
      (element) => element.dataset.symbol ?? '',
    ),
  );
}

describe('company context on the strip', () => {
  it('shows names, the earnings marker after a weekend, headlines and their checked link path', async () => {
    const friday = nextReportFriday();
    const running = await start({
      friday,
      preferences: { companyNames: 'short', headlines: 'strip', speed: 20 },
    });
    // Saturday noon: the report came after Friday's close, so it counts for Monday's open.
    const { page, errors, bridge } = await apps.session.openCorePage('strip', running.core, {
      clockAt: noonOf(friday + 1),
      viewport: { width: 2400, height: 120 },
    });
    running.trade(openingPrices(['AAPL', 'MSFT', 'NVDA']));
    await expect.poll(() => item(page, 'AAPL').locator('.company').textContent()).toBe('Apple');
    expect(await item(page, 'MSFT').locator('.company').textContent()).toBe('Microsoft');
    const marker = item(page, 'AAPL').locator('.earnings-mark');
    await expect.poll(() => marker.textContent()).toBe('E');
    expect(await marker.getAttribute('title')).toMatch(/after close; first trading on Mon/);
    expect(await item(page, 'MSFT').locator('.earnings-mark').count()).toBe(0);
    // The screen reader hears the marker's sentence with the item.
    await expect
      .poll(() => page.getByTestId('accessible-quotes').locator('li[data-symbol="AAPL"]').textContent())
      .toMatch(/Apple, Earnings reported .*, after close/);

    // The headline sits right after its item, with the host its article is on.
    const headline = page.locator('.lane:first-child .headline');
    await expect
      .poll(() => headline.locator('.headline-text').textContent())
      .toBe('AAPL · Reuters: Apple ships a thing');
    expect(await headline.locator('.headline-host').textContent()).toBe('news.example.com');
    expect(
      await page.evaluate(
        () =>
          document
            .querySelector('.lane:first-child .item[data-symbol="AAPL"]')
            ?.nextElementSibling?.classList.contains('headline') ?? false,
      ),
    ).toBe(true);
    await screenshotStrip(page, join(OUTPUT_DIR, 'strip-context.png'));

    // A click opens the article through main's link path; a link the page makes up is refused.
    await headline.click();
    await expect.poll(() => bridge.opened.external).toEqual(['https://news.example.com/apple-ships']);
    const refused = await page.evaluate(async () => {
      const api = (window as unknown as { ticker: { openHeadline(url: string): Promise<{ ok: boolean }> } }).ticker;
      return (await api.openHeadline('https://evil.example.com/phish')).ok;
    });
    expect(refused).toBe(false);
    expect(bridge.opened.external).toEqual(['https://news.example.com/apple-ships']);
    expect(errors).toEqual([]);
  });

  it('counts trading days for "E 2d" and "E 1d", and shows nothing further off', async () => {
    const friday = nextReportFriday();
    const running = await start({ friday, preferences: { companyNames: 'full' } });
    for (const [day, text] of [
      [friday - 2, 'E 2d'],
      [friday - 1, 'E 1d'],
      [friday, 'E'],
    ] as const) {
      const { page } = await apps.session.openCorePage('strip', running.core, { clockAt: noonOf(day) });
      await expect.poll(() => item(page, 'AAPL').locator('.earnings-mark').textContent()).toBe(text);
      await page.close();
    }
    const { page } = await apps.session.openCorePage('strip', running.core, { clockAt: noonOf(friday - 3) });
    // Three days ahead: the details (the name) arrive, and no marker with them.
    await expect.poll(() => item(page, 'AAPL').locator('.company').textContent()).toBe('Apple Inc');
    expect(await item(page, 'AAPL').locator('.earnings-mark').count()).toBe(0);
  });

  it('opens the details card on hover and focus, closes it on leave and Esc, and the card page draws it', async () => {
    const friday = nextReportFriday();
    let skewMs = 0;
    const running = await start({ friday, preferences: { speed: 20 }, now: () => Date.now() + skewMs });
    const { page, bridge } = await apps.session.openCorePage('strip', running.core, { clockAt: noonOf(friday) });
    running.trade(openingPrices(['AAPL', 'MSFT', 'NVDA']));
    await expect.poll(() => item(page, 'AAPL').locator('.earnings-mark').textContent()).toBe('E');
    // A few of the 5-s history slots (the core's clock runs ahead): the card's day chart has a line.
    for (const price of [188.6, 187.9, 189.9, 190.4]) {
      skewMs += 5_000;
      running.trade({ AAPL: price });
      await expect.poll(() => item(page, 'AAPL').locator('.price').textContent()).toBe(price.toFixed(2));
    }

    await item(page, 'AAPL').hover();
    await expect.poll(() => bridge.opened.cards.at(-1)?.title).toBe('Apple Inc');
    const card = bridge.opened.cards.at(-1) as CardRequest;
    expect(card.symbol).toBe('AAPL');
    expect(card.subtitle).toBe('AAPL · NASDAQ NMS - GLOBAL MARKET · USD');
    expect(card.marker).toBe('Earnings today, after close');
    expect(card.rows.map((row) => row.label)).toEqual(
      expect.arrayContaining(['Open', 'High', 'Low', 'Previous close', 'Last trade', 'Next earnings']),
    );
    expect(card.rows.find((row) => row.label === 'Next earnings')?.value).toBe(`${dayKeyOf(friday)}, after close`);
    expect(card.rows.find((row) => row.label === 'Previous close')?.value).toBe('187.20');
    // Centred over the item it belongs to.
    const box = await item(page, 'AAPL').boundingBox();
    expect(Math.abs(card.anchorX - ((box?.x ?? 0) + (box?.width ?? 0) / 2))).toBeLessThanOrEqual(1);
    expect(await item(page, 'AAPL').getAttribute('data-card')).toBe('open');
    // The strip as it looks with the card open (the item under the pointer marked).
    const stripShot = await page.screenshot({ clip: { x: 0, y: 0, width: 1600, height: 32 } });

    // The pointer leaves the item: the card closes.
    await page.mouse.move(5, 100);
    await expect.poll(() => bridge.opened.cards.at(-1)).toBeNull();

    // Keyboard focus on the item (the accessible list) opens it; Esc closes it.
    await page.getByTestId('accessible-quotes').locator('li[data-symbol="MSFT"]').focus();
    await expect.poll(() => bridge.opened.cards.at(-1)?.symbol).toBe('MSFT');
    await page.keyboard.press('Escape');
    await expect.poll(() => bridge.opened.cards.at(-1)).toBeNull();

    // The card page, as main's card window shows it below a strip at the top of the screen.
    const strip = { x: 0, y: 0, width: 1920, height: 32 };
    const place = cardPlacement(strip, { x: 0, y: 0, width: 1920, height: 1040 }, card.anchorX, cardSize(card));
    expect(place.y).toBe(36);
    const { page: cardPage, errors } = await apps.session.openCorePage('card', running.core, {
      viewport: { width: place.width, height: place.height },
    });
    const { anchorX: _anchor, ...content } = card;
    await expect.poll(() => cardPage.evaluate(() => document.readyState)).toBe('complete');
    await cardPage.waitForFunction(() => typeof (window as { ticker?: unknown }).ticker === 'object');
    running.core.events.card.emit({ ...content, side: 'below' });
    await expect.poll(() => cardPage.locator('.card-title').textContent()).toBe('Apple Inc');
    expect(await cardPage.locator('.card-marker').textContent()).toBe('Earnings today, after close');
    expect(await cardPage.locator('.card-row dt').allTextContents()).toEqual(card.rows.map((row) => row.label));
    expect(card.chart?.points.length).toBeGreaterThanOrEqual(4);
    expect(card.chart?.prevClose).toBe(187.2);
    expect(await cardPage.locator('.card-chart-line').count()).toBe(1);
    expect(await cardPage.locator('.card-chart-close').count()).toBe(1);
    // Everything fits the window main sizes for it: nothing is cut off.
    const overflow = await cardPage.evaluate(() => {
      const section = document.querySelector('.details-card') as HTMLElement;
      return section.scrollHeight - section.clientHeight;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    const cardShot = await cardPage.screenshot({ path: join(OUTPUT_DIR, 'card.png') });
    // The two windows as they sit on the screen: the strip along the top, the card below its item.
    const desk = await apps.session.browser.newPage({ viewport: { width: 1600, height: place.y + place.height + 8 } });
    await desk.setContent(
      `<body style="margin:0;background:#3a3f47"><img src="data:image/png;base64,${stripShot.toString('base64')}" style="position:absolute;left:0;top:0">` +
        `<img src="data:image/png;base64,${cardShot.toString('base64')}" style="position:absolute;left:${place.x}px;top:${place.y}px;box-shadow:0 4px 16px #0008"></body>`,
    );
    await desk.screenshot({ path: join(OUTPUT_DIR, 'strip-with-card.png') });
    await desk.close();
    running.core.events.card.emit(null);
    await expect.poll(() => cardPage.locator('.details-card').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('sorts by % change, holds the order under the pointer, and re-sorts at most every 10 s', async () => {
    const friday = nextReportFriday();
    const running = await start({ friday, preferences: { sortOrder: 'change-up', speed: 20 } });
    const { page } = await apps.session.openCorePage('strip', running.core, {
      fakeClock: true,
      viewport: { width: 2400, height: 120 },
    });
    // AAPL +1.18 %, NVDA +2.46 %, MSFT −0.67 % against their previous closes.
    running.trade(openingPrices(['AAPL', 'MSFT', 'NVDA']));
    await expect.poll(() => item(page, 'MSFT').locator('.move').textContent()).toMatch(/%/);
    await page.clock.runFor(10_500);
    await expect.poll(() => laneSymbols(page)).toEqual(['NVDA', 'AAPL', 'MSFT']);

    // MSFT jumps to the top mover, AAPL falls: nothing moves before the 10 s are up.
    running.trade({ MSFT: 450, AAPL: 180 });
    await expect.poll(() => item(page, 'MSFT').locator('.price').textContent()).toBe('450.00');
    expect(await laneSymbols(page)).toEqual(['NVDA', 'AAPL', 'MSFT']);
    // The pointer is over the strip when the 10 s are up: still nothing moves.
    await item(page, 'NVDA').hover();
    await page.clock.runFor(12_000);
    expect(await laneSymbols(page)).toEqual(['NVDA', 'AAPL', 'MSFT']);
    // It leaves: the due re-sort happens at once.
    await page.mouse.move(5, 100);
    await expect.poll(() => laneSymbols(page)).toEqual(['MSFT', 'NVDA', 'AAPL']);
    // Without change the order stays put however often it is looked at.
    await page.clock.runFor(30_000);
    expect(await laneSymbols(page)).toEqual(['MSFT', 'NVDA', 'AAPL']);
  });

  it('shows only headlines on a second strip that says so, and a premium-only piece as a note in the card', async () => {
    const friday = nextReportFriday();
    const running = await start({
      friday,
      preferences: { speed: 20 },
      also: (server) => server.failPathWith('/stock/metric', 403),
    });
    running.settings.secondStrip.set({ enabled: true, listId: running.core.shownListId(), content: 'headlines' });
    const { page: second } = await apps.session.openCorePage('strip', running.core, { role: 'second' });
    await expect
      .poll(() => second.locator('.lane:first-child .headline .headline-text').allTextContents())
      .toEqual(['AAPL · Reuters: Apple ships a thing']);
    expect(await second.locator('.item[data-symbol]').count()).toBe(0);
    expect(await second.getByTestId('accessible-headlines').locator('button').textContent()).toBe(
      'AAPL · Reuters: Apple ships a thing (opens news.example.com)',
    );

    // The 52-week range is refused (a premium endpoint): the card says so, the rest is there.
    const { page, bridge } = await apps.session.openCorePage('strip', running.core, { clockAt: noonOf(friday) });
    running.trade(openingPrices(['AAPL']));
    await expect.poll(() => item(page, 'AAPL').locator('.earnings-mark').textContent()).toBe('E');
    await item(page, 'AAPL').hover();
    await expect
      .poll(() => bridge.opened.cards.at(-1)?.notes)
      .toEqual(['52-week range: Not available on your Finnhub plan']);
    const card = bridge.opened.cards.at(-1) as CardRequest;
    expect(card.title).toBe('Apple Inc');
    expect(card.rangePosition).toBeNull();
    expect(card.rows.some((row) => row.label === '52-week range')).toBe(false);
  });
});
