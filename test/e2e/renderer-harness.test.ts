/**
 * The built strip page in headless Chromium on the real preload, main's IPC and a real core whose
 * prices the fake Finnhub server quotes and streams (harness/app-page.ts): it shows and updates
 * prices, scrolls smoothly without jumps, pauses on hover, honours reduced motion and shows its
 * status badge. Screenshots go to test-output/harness-*.png; the official ones come from
 * app-strip.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_CHANNELS } from '../../src/shared/ipc-contract';
import { PREFERENCE_RULES } from '../../src/shared/preference-rules';
import type { PublicSettings } from '../../src/shared/types';
import { PAGE_START_MARKS } from '../../src/shared/page-start-marks';
import { GLIDE_EVERY_MS } from '../../src/shared/glide-timing';
import {
  frames,
  OUTPUT_DIR,
  screenshotStrip,
  scrollOffset,
  startRendererSession,
  waitForScrollPast,
  type CorePageOptions,
  type RendererSession,
} from './harness/renderer-session';
import { openAppPage, type AppPage, type AppPageOptions } from './harness/app-page';
import { SYMBOLS } from './harness/sample-watchlist';

let session: RendererSession;

beforeAll(async () => {
  session = await startRendererSession();
});

let opened: AppPage[] = [];

afterEach(async () => {
  await Promise.all(opened.map((app) => app.close()));
  opened = [];
});

afterAll(async () => {
  await session?.close();
});

/** The strip on a real core in the situation `options` describe (the sample watch list by default). */
async function openPage(name: 'strip', options: AppPageOptions = {}, pageOptions: CorePageOptions = {}) {
  const app = await openAppPage(session, name, options, pageOptions);
  opened.push(app);
  return app;
}

const priceOf = (page: Page, symbol: string) => page.locator(`.lane:first-child .item[data-symbol="${symbol}"] .price`);

describe('ticker strip', () => {
  it('shows every symbol with formatted prices, arrows and signs, and updates them', async () => {
    const app = await openPage('strip', { preferences: { speed: 40 } });
    const { page, errors } = app;
    await expect.poll(() => priceOf(page, 'AAPL').textContent()).toBe('189.41');
    const firstLane = page.locator('.lane:first-child');
    await expect.poll(() => firstLane.locator('.item').count()).toBe(SYMBOLS.length);
    expect(await firstLane.locator('.item[data-symbol="BINANCE:BTCUSDT"] .name').textContent()).toBe('BTC/USDT');
    expect(await priceOf(page, 'BINANCE:BTCUSDT').textContent()).toBe('97,123.45');
    expect(await priceOf(page, 'OANDA:EUR_USD').textContent()).toBe('1.08421');
    const msft = firstLane.locator('.item[data-symbol="MSFT"]');
    expect(await msft.getAttribute('class')).toContain('trend-down');
    expect(await msft.locator('.arrow').textContent()).toBe('▼');
    // Change and percent share one text node (one text to shape per batch, not two).
    expect(await msft.locator('.move').textContent()).toBe('\u22122.80\u2002\u22120.67%');
    expect(await firstLane.locator('.item[data-symbol="AAPL"] .move').textContent()).toBe('+2.21\u2002+1.18%');

    app.trade([
      { symbol: 'AAPL', price: 190.5 },
      { symbol: 'MSFT', price: 414.2 },
    ]);
    await expect.poll(() => priceOf(page, 'AAPL').textContent()).toBe('190.50');
    // Each flashed in the direction it moved (the flash's steps are tested with a fake clock).
    expect(await priceOf(page, 'AAPL').getAttribute('data-flash')).toBe('up');
    expect(await priceOf(page, 'MSFT').getAttribute('data-flash')).toBe('down');
    app.trade([{ symbol: 'AAPL', price: 190.75 }]);
    await expect.poll(() => priceOf(page, 'AAPL').textContent()).toBe('190.75');

    // Give the screenshot a fresh flash on both an up and a down move.
    app.trade([
      { symbol: 'AAPL', price: 191.02 },
      { symbol: 'MSFT', price: 413.9 },
      { symbol: 'NVDA', price: 131.55 },
    ]);
    await expect.poll(() => priceOf(page, 'NVDA').textContent()).toBe('131.55');
    await screenshotStrip(page, join(OUTPUT_DIR, 'harness-strip.png'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('paints its first prices from one start call, its first call, without the separate loads', async () => {
    const { page, errors, bridge } = await openPage('strip');
    // No trade is streamed: the prices can only come from the start's snapshot.
    await expect.poll(() => priceOf(page, 'AAPL').textContent()).toBe('189.41');
    expect(await priceOf(page, 'BINANCE:BTCUSDT').textContent()).toBe('97,123.45');
    const names = bridge.invocations.map((call) => call.name);
    expect(names[0]).toBe('getPageStart');
    // Asked by the page's script itself (it marks that), not later from React's first effects.
    expect(
      await page.evaluate((mark) => performance.getEntriesByName(mark, 'mark').length, PAGE_START_MARKS.asked),
    ).toBe(1);
    expect(names.filter((name) => ['getOverview', 'getPortfolio'].includes(name))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws without waiting for a slow start answer, and fills in the prices when it comes', async () => {
    const { page, errors } = await openPage('strip', {}, { latencyMs: 4000 });
    // The first render waits a moment for main's answer, not as long as main takes.
    await page.waitForSelector('.strip', { timeout: 3000 });
    expect(await page.locator('.strip').getAttribute('data-loaded')).toBe('false');
    await expect.poll(() => priceOf(page, 'AAPL').textContent(), { timeout: 10_000 }).toBe('189.41');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('scrolls forward continuously and never jumps back when prices change or symbols come and go', async () => {
    const app = await openPage('strip', { preferences: { speed: 120 } });
    const { page, errors } = app;
    await expect.poll(() => page.locator('.item').count()).toBeGreaterThan(0);
    const offsets: number[] = [await scrollOffset(page)];
    for (let round = 0; round < 12; round += 1) {
      const price = 190 + round;
      app.trade([
        { symbol: 'AAPL', price },
        { symbol: 'BINANCE:BTCUSDT', price: 97000 + price },
      ]);
      // Symbols come and go as the settings window changes the list.
      if (round === 4) await app.core.handlers.addToList(app.listId, 'AMZN');
      if (round === 8) await app.core.handlers.removeFromList(app.listId, 'NVDA');
      const last = offsets[offsets.length - 1] as number;
      await waitForScrollPast(page, last);
      offsets.push(await scrollOffset(page));
    }
    for (let i = 1; i < offsets.length; i += 1) expect(offsets[i]).toBeGreaterThan(offsets[i - 1] as number);
    expect(await page.locator('.lane:first-child .item[data-symbol="AMZN"]').count()).toBe(1);
    expect(await page.locator('.lane:first-child .item[data-symbol="NVDA"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('gives screen readers one sentence per symbol, refreshed calmly, and hides the moving copies', async () => {
    // A Tuesday 11:00 in New York: every market in its regular session, so no session words.
    const regular = Date.parse('2026-11-24T16:00:00Z');
    const app = await openPage('strip', { at: regular, quotedAt: regular }, { clockAt: regular });
    const { page, errors } = app;
    const list = page.getByRole('list', { name: 'Watch list' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(SYMBOLS.length);
    expect(await list.getByRole('listitem').first().textContent()).toBe('AAPL 189.41, up +2.21, +1.18%');
    expect(await list.getByRole('listitem').nth(1).textContent()).toBe('MSFT 415.10, down \u22122.80, \u22120.67%');
    // The scrolling copies are not in the accessibility tree: only the list names prices.
    const tree = await page.locator('body').ariaSnapshot();
    expect(tree.match(/189\.41/g)).toHaveLength(1);
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);

    app.trade([{ symbol: 'AAPL', price: 190.5 }]);
    await expect.poll(() => priceOf(page, 'AAPL').textContent()).toBe('190.50');
    // The strip shows the move at once; the list says it on its next refresh, not on every batch.
    expect(await list.getByRole('listitem').first().textContent()).toBe('AAPL 189.41, up +2.21, +1.18%');
    await page.clock.runFor(2000);
    await expect.poll(() => list.getByRole('listitem').first().textContent()).toBe('AAPL 190.50, up +3.30, +1.76%');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders an item only in the copy of the lane where it is near the viewport', async () => {
    const symbols = Array.from({ length: 30 }, (_, index) => `SYM${String(index).padStart(2, '0')}`);
    const prices = Object.fromEntries(symbols.map((symbol, index) => [symbol, { price: 100 + index, prevClose: 100 }]));
    // At the slowest speed, and held still under the pointer (a paused feed would stop the prices too).
    const app = await openPage('strip', { symbols, prices, preferences: { speed: PREFERENCE_RULES.speed.min } });
    const { page, errors } = app;
    await page.mouse.move(800, 60);
    await expect.poll(() => page.locator('.lane').nth(1).locator('.item').count()).toBe(symbols.length);
    // Held near the start: the first items of the first copy are in view; the second copy starts
    // far to the right, so none of its items is rendered, not even those whose twins are shown.
    const marks = () =>
      page.evaluate(() => {
        const viewport = document.querySelector('.viewport')?.getBoundingClientRect();
        return [...document.querySelectorAll('.lane')].map((lane) =>
          [...lane.children].map((item) => {
            const box = item.getBoundingClientRect();
            const visible = viewport !== undefined && box.right > viewport.left && box.left < viewport.right;
            return { visible, offscreen: item.hasAttribute('data-offscreen') };
          }),
        );
      });
    await expect.poll(async () => (await marks())[0]?.[0]).toEqual({ visible: true, offscreen: false });
    const [first = [], second = []] = await marks();
    expect(first.filter((item) => item.visible).every((item) => !item.offscreen)).toBe(true);
    expect(first.some((item) => item.offscreen)).toBe(true);
    expect(second.every((item) => !item.visible && item.offscreen)).toBe(true);
    // The next item to come into view gets a new price while it is not rendered: it waits, and
    // shows the latest price as soon as it comes near.
    const next = symbols[first.findIndex((item) => item.offscreen)] as string;
    const nextPrice = page.locator(`.lane:first-child .item[data-symbol="${next}"] .price`);
    const before = await nextPrice.textContent();
    app.trade([{ symbol: next, price: 222.22 }]);
    await app.delivered(next, 222.22);
    await frames(page, 3);
    expect(await nextPrice.textContent()).toBe(before);
    await app.core.handlers.setPreferences({ speed: PREFERENCE_RULES.speed.max });
    await page.mouse.move(800, 200);
    await expect.poll(() => nextPrice.textContent(), { timeout: 10_000 }).toBe('222.22');
    // Catching up happens before the item is in sight, so it does not flash.
    expect(await nextPrice.getAttribute('data-flash-level')).toBe(null);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks sessions other than the regular one, and flags quiet prices only in the regular session', async () => {
    // The day after Thanksgiving 2026, 13:30 New York: US stocks are in after-hours (early close),
    // forex and crypto trade. Every quote is ten minutes old.
    const at = Date.parse('2026-11-27T18:30:00Z');
    // Wide enough that every item is on screen: the strip only updates items in (or near) view.
    const { page, errors } = await openPage(
      'strip',
      { at, quotedAt: at - 10 * 60_000 },
      { clockAt: at, viewport: { width: 2800, height: 120 } },
    );
    const item = (symbol: string) => page.locator(`.lane:first-child .item[data-symbol="${symbol}"]`);
    await expect.poll(() => item('AAPL').locator('.session-mark').textContent()).toBe('after');
    expect(await item('AAPL').getAttribute('data-session')).toBe('post');
    expect(await item('AAPL').locator('.session-mark').isVisible()).toBe(true);
    expect(await item('AAPL').getAttribute('title')).toBe('AAPL: after-hours');
    expect(await item('AAPL').getAttribute('class')).not.toContain('stale');
    for (const symbol of ['BINANCE:BTCUSDT', 'OANDA:EUR_USD']) {
      expect(await item(symbol).getAttribute('data-session')).toBe('regular');
      expect(await item(symbol).locator('.session-mark').isVisible()).toBe(false);
      expect(await item(symbol).getAttribute('class')).toContain('stale');
    }
    expect(await page.locator('.strip').getAttribute('data-dimmed')).toBe('false');
    expect(await page.getByTestId('accessible-quotes').locator('li').first().textContent()).toContain(', after-hours');
    await screenshotStrip(page, join(OUTPUT_DIR, 'harness-sessions.png'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('dims the strip while every watched market is closed, unless the preference says otherwise', async () => {
    const saturday = Date.parse('2026-11-28T15:00:00Z');
    const symbols = ['AAPL', 'MSFT', 'OANDA:EUR_USD'];
    const { page, errors } = await openPage('strip', { symbols, at: saturday }, { clockAt: saturday });
    const strip = page.locator('.strip');
    await expect.poll(() => strip.getAttribute('data-dimmed')).toBe('true');
    expect(await page.locator('.lane:first-child .item[data-symbol="OANDA:EUR_USD"] .session-mark').textContent()).toBe(
      'closed',
    );
    expect(
      Number(await page.locator('.viewport').evaluate((element) => getComputedStyle(element).opacity)),
    ).toBeLessThan(1);
    await screenshotStrip(page, join(OUTPUT_DIR, 'harness-markets-closed.png'));
    await page.close();

    const shown = await openPage(
      'strip',
      { symbols, at: saturday, preferences: { whenMarketsClosed: 'show' } },
      { clockAt: saturday },
    );
    await expect
      .poll(() => shown.page.locator('.lane:first-child .item[data-symbol="AAPL"] .session-mark').textContent())
      .toBe('closed');
    expect(await shown.page.locator('.strip').getAttribute('data-dimmed')).toBe('false');
    expect(Number(await shown.page.locator('.viewport').evaluate((element) => getComputedStyle(element).opacity))).toBe(
      1,
    );
    expect([...errors, ...shown.errors]).toEqual([]);
    await shown.page.close();
  });

  it('marks a price that went quiet while its market is open, until it trades again', async () => {
    // Quotes from ten minutes ago; crypto trades around the clock, so its quiet price is stale.
    const app = await openPage('strip', { quotedAt: Date.now() - 10 * 60_000 });
    const { page, errors } = app;
    const btc = page.locator('.lane:first-child .item[data-symbol="BINANCE:BTCUSDT"]');
    await expect.poll(() => btc.getAttribute('class')).toContain('stale');
    expect(await btc.getAttribute('title')).toBe(
      'BINANCE:BTCUSDT: no trade for over 3 minutes while its market is open',
    );
    expect(await btc.locator('.stale-mark').isVisible()).toBe(true);
    app.trade([{ symbol: 'BINANCE:BTCUSDT', price: 97200 }]);
    await expect.poll(() => btc.getAttribute('class')).not.toContain('stale');
    expect(await btc.getAttribute('title')).toBe('BINANCE:BTCUSDT');
    expect(await btc.locator('.stale-mark').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('flashes a moved price in its direction, fades it in steps with the batches, and not too often', async () => {
    const app = await openPage('strip', {}, { fakeClock: true });
    const { page, errors } = app;
    await expect.poll(() => priceOf(page, 'AAPL').textContent()).toBe('189.41');
    // Nothing flashes for the prices the strip starts with.
    expect(await priceOf(page, 'AAPL').getAttribute('data-flash-level')).toBe(null);
    // From here the page's time moves only when the test says so, however loaded the machine is.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    // One trade, streamed until its batch has reached the page.
    const push = async (symbol: string, price: number) => {
      app.trade([{ symbol, price }]);
      await app.delivered(symbol, price);
    };
    const level = (symbol: string) => priceOf(page, symbol).getAttribute('data-flash-level');
    const background = () => priceOf(page, 'AAPL').evaluate((element) => getComputedStyle(element).backgroundColor);

    await push('AAPL', 190.5);
    await push('MSFT', 414);
    expect(await level('AAPL')).toBe('2');
    expect(await priceOf(page, 'AAPL').getAttribute('data-flash')).toBe('up');
    expect(await priceOf(page, 'MSFT').getAttribute('data-flash')).toBe('down');
    const strong = await background();

    // AAPL goes quiet; the next batch (another symbol's) steps its flash down, before any timer.
    await page.clock.runFor(220);
    await push('TSLA', 252);
    expect(await level('AAPL')).toBe('1');
    const faint = await background();
    expect(faint).not.toBe(strong);
    // With no batches at all, the fader's own timer finishes the fade.
    await page.clock.runFor(400);
    expect(await level('AAPL')).toBe(null);
    expect(await background()).not.toBe(faint);

    // A price moving again within 1.2 s of its last flash does not flash; later it does.
    await push('AAPL', 190.25);
    expect(await level('AAPL')).toBe(null);
    await page.clock.runFor(700);
    await push('AAPL', 190.1);
    expect(await level('AAPL')).toBe('2');
    expect(await priceOf(page, 'AAPL').getAttribute('data-flash')).toBe('down');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('never shows an item unrendered, across the wrap of the scroll', async () => {
    // The fastest scroll the preference allows; watched for a little longer than one lane takes to pass.
    const speed = PREFERENCE_RULES.speed.max;
    const { page, errors } = await openPage('strip', { preferences: { speed } });
    await expect.poll(() => page.locator('.lane').count()).toBeGreaterThan(1);
    const laneWidth = await page.evaluate(() => document.querySelector('.lane')?.getBoundingClientRect().width ?? 0);
    const seen = await page.evaluate(
      (durationMs) =>
        new Promise<{ frames: number; wraps: number; blank: number }>((done) => {
          const viewport = document.querySelector('.viewport') as HTMLElement;
          const firstItem = document.querySelector('.lane .item') as HTMLElement;
          const result = { frames: 0, wraps: 0, blank: 0 };
          let lastLeft = firstItem.getBoundingClientRect().left;
          const started = performance.now();
          const sample = () => {
            const view = viewport.getBoundingClientRect();
            for (const item of document.querySelectorAll('.lane > .item')) {
              const box = item.getBoundingClientRect();
              if (box.right > view.left && box.left < view.right && item.hasAttribute('data-offscreen'))
                result.blank += 1;
            }
            const left = firstItem.getBoundingClientRect().left;
            if (left > lastLeft) result.wraps += 1;
            lastLeft = left;
            result.frames += 1;
            if (performance.now() - started < durationMs) requestAnimationFrame(sample);
            else done(result);
          };
          requestAnimationFrame(sample);
        }),
      (laneWidth / speed) * 1000 + 1500,
    );
    expect(seen.wraps).toBeGreaterThan(0);
    expect(seen.frames).toBeGreaterThan(30);
    expect(seen.blank).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('at a slow speed moves in whole pixels, forward only, and draws a new picture only when it moved', async () => {
    const { page, errors } = await openPage('strip', { preferences: { speed: 20 } });
    await expect.poll(() => scrollOffset(page)).toBeGreaterThan(0);
    const offsets = await page.evaluate(
      (count) =>
        new Promise<number[]>((done) => {
          const seen: number[] = [];
          const track = document.querySelector('.track') as HTMLElement;
          const sample = () => {
            seen.push(-new DOMMatrixReadOnly(getComputedStyle(track).transform).m41);
            if (seen.length >= count) done(seen);
            else requestAnimationFrame(sample);
          };
          requestAnimationFrame(sample);
        }),
      60,
    );
    expect(offsets.every((offset) => Math.abs(offset - Math.round(offset)) < 0.01)).toBe(true);
    // Forward only; the one way back is the wrap to the next copy (back by about a lane's width).
    const laneWidth = await page.evaluate(() => document.querySelector('.lane')?.getBoundingClientRect().width ?? 0);
    for (let i = 1; i < offsets.length; i += 1) {
      const step = (offsets[i] as number) - (offsets[i - 1] as number);
      expect(step >= 0 || step < -laneWidth / 2).toBe(true);
    }
    // 60 frames at 20 px/s: about 20 distinct positions.
    const distinct = [...new Set(offsets)];
    expect(distinct.length).toBeGreaterThan(5);
    expect(distinct.length).toBeLessThan(offsets.length / 2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('holds still while hovered', async () => {
    const { page } = await openPage('strip', { preferences: { speed: 200 } });
    await expect.poll(() => scrollOffset(page)).toBeGreaterThan(0);
    await page.mouse.move(800, 60);
    await frames(page, 2);
    const held = await scrollOffset(page);
    await frames(page, 15);
    expect(await scrollOffset(page)).toBe(held);
    await page.mouse.move(800, 200);
    await expect.poll(() => scrollOffset(page)).not.toBe(held);
    await page.close();
  });

  it('does not scroll with reduced motion: shows a page of symbols that fit', async () => {
    const { page, errors } = await openPage(
      'strip',
      { preferences: { speed: 200 } },
      { viewport: { width: 900, height: 120 }, reducedMotion: 'reduce' },
    );
    await expect.poll(() => page.locator('.page .item').count()).toBe(SYMBOLS.length);
    expect(await page.locator('.track').count()).toBe(0);
    // The pages are drawn for the eyes; screen readers get the same list as with scrolling.
    expect(await page.locator('.viewport.paged').getAttribute('aria-hidden')).toBe('true');
    await expect
      .poll(() => page.getByRole('list', { name: 'Watch list' }).getByRole('listitem').count())
      .toBe(SYMBOLS.length);
    const visible = await page.evaluate(
      () =>
        [...document.querySelectorAll<HTMLElement>('.paged-item')].filter((item) => item.style.visibility !== 'hidden')
          .length,
    );
    expect(visible).toBeGreaterThan(0);
    expect(visible).toBeLessThan(SYMBOLS.length);
    const left = await page.evaluate(() => document.querySelector('.page')?.getBoundingClientRect().left);
    await frames(page, 10);
    expect(await page.evaluate(() => document.querySelector('.page')?.getBoundingClientRect().left)).toBe(left);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in economy shows a page at a time instead of scrolling, and scrolls again when it ends', async () => {
    const { page, errors, desk } = await openPage(
      'strip',
      { preferences: { speed: 200, economy: 'on-battery' } },
      { viewport: { width: 900, height: 120 }, onBattery: true },
    );
    await expect.poll(() => page.locator('.page .item').count()).toBe(SYMBOLS.length);
    expect(await page.locator('.track').count()).toBe(0);
    expect(await page.locator('.strip').getAttribute('data-economy')).toBe('true');
    // Back on mains power: the strip scrolls (and moves) again.
    desk.setOnBattery(false);
    await expect.poll(() => page.locator('.track').count()).toBe(1);
    await expect.poll(() => scrollOffset(page)).toBeGreaterThan(0);
    expect(await page.locator('.viewport.paged').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('glides: stands still, then slides forward by speed × interval in a short eased step', async () => {
    const speed = 200;
    const { page, errors } = await openPage(
      'strip',
      { preferences: { speed, scrollStyle: 'glide' } },
      { viewport: { width: 900, height: 120 } },
    );
    await page.waitForSelector('.strip[data-motion="glide"] .track .item');
    const laneWidth = await page.evaluate(() => document.querySelector('.lane')!.getBoundingClientRect().width);
    const everyMs = Math.min(GLIDE_EVERY_MS, ((laneWidth / 2) * 1000) / speed);
    // The track's offset at every animation frame for a little over two slides.
    const samples = await page.evaluate(
      (ms) =>
        new Promise<[number, number][]>((done) => {
          const out: [number, number][] = [];
          let first = -1;
          const step = (now: number) => {
            if (first < 0) first = now;
            const track = document.querySelector('.track');
            const transform = track ? getComputedStyle(track).transform : 'none';
            const x = !transform || transform === 'none' ? 0 : new DOMMatrixReadOnly(transform).m41;
            out.push([now - first, x === 0 ? 0 : -x]);
            if (now - first < ms) requestAnimationFrame(step);
            else done(out);
          };
          requestAnimationFrame(step);
        }),
      everyMs * 2 + 800,
    );
    // Runs of frames at one offset (rests) and the frames in between (slides).
    const rests: { offset: number; from: number; to: number }[] = [];
    for (const [at, offset] of samples) {
      const last = rests.at(-1);
      if (last && Math.abs(last.offset - offset) < 0.01) last.to = at;
      else rests.push({ offset, from: at, to: at });
    }
    const long = rests.filter((rest) => rest.to - rest.from >= everyMs / 2);
    expect(long.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < long.length; i += 1) {
      const before = long[i - 1]!;
      const after = long[i]!;
      // Forward by exactly one step (modulo the lane: a slide past its end continues one lane back).
      const moved = (((after.offset - before.offset) % laneWidth) + laneWidth) % laneWidth;
      expect(moved).toBeCloseTo((speed * everyMs) / 1000, 0);
      // The slide itself is short (about 300 ms, frames allowing) and never goes back.
      expect(after.from - before.to).toBeLessThan(1000);
      const between = samples.filter(([at]) => at > before.to && at < after.from).map(([, offset]) => offset);
      for (let j = 1; j < between.length; j += 1) expect(between[j]!).toBeGreaterThanOrEqual(between[j - 1]!);
      // Every frame of the slide sits on a whole device pixel (this page: 1 device px a CSS px).
      expect(between.length).toBeGreaterThan(0);
      for (const offset of between) expect(Math.abs(offset - Math.round(offset))).toBeLessThan(1e-3);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('glides in economy when the user chose gliding there, and pages with reduced motion whatever the style', async () => {
    const { page, errors } = await openPage(
      'strip',
      { preferences: { economy: 'always', economyStyle: 'glide' } },
      { viewport: { width: 900, height: 120 } },
    );
    await page.waitForSelector('.strip[data-economy="true"][data-motion="glide"] .track .item');
    await page.close();
    const reduced = await openPage(
      'strip',
      { preferences: { scrollStyle: 'glide', economy: 'always', economyStyle: 'glide' } },
      { viewport: { width: 900, height: 120 }, reducedMotion: 'reduce' },
    );
    await expect.poll(() => reduced.page.locator('.page .item').count()).toBe(SYMBOLS.length);
    expect(await reduced.page.locator('.strip').getAttribute('data-motion')).toBe('pages');
    expect(await reduced.page.locator('.track').count()).toBe(0);
    expect([...errors, ...reduced.errors]).toEqual([]);
    await reduced.page.close();
  });

  it('opened on battery in economy, pages from its first render and never scrolls first', async () => {
    const { page, errors } = await openPage(
      'strip',
      { preferences: { economy: 'on-battery' } },
      {
        viewport: { width: 900, height: 120 },
        onBattery: true,
        // Any scrolling track ever added to the page, even for one render, is remembered.
        initScript: `new MutationObserver(() => {
          if (document.querySelector('.track')) window.__sawTrack = true;
        }).observe(document, { childList: true, subtree: true });`,
      },
    );
    await expect.poll(() => page.locator('.page .item').count()).toBe(SYMBOLS.length);
    await frames(page, 5);
    expect(await page.evaluate(() => (window as unknown as { __sawTrack?: boolean }).__sawTrack ?? false)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a badge for every non-live state; a refused key opens settings', async () => {
    const { page, core, bridge } = await openPage('strip', { demo: true }, { fakeClock: true });
    const badge = page.locator('.badge');
    await expect.poll(() => badge.textContent()).toBe('DEMO');
    // Each state as the core announces it (the feed reaching them for real: app-strip.test.ts).
    const pageNow = () => page.evaluate(() => Date.now());
    core.events.status.emit({ state: 'reconnecting', since: await pageNow(), retryInMs: 4000, attempt: 2 });
    await expect.poll(() => badge.textContent()).toBe('Reconnecting in 4 s');
    await page.clock.runFor(2000);
    await expect.poll(() => badge.textContent()).toBe('Reconnecting in 2 s');
    await page.clock.runFor(2000);
    await expect.poll(() => badge.textContent()).toBe('Reconnecting…');

    core.events.status.emit({
      state: 'offline',
      since: await pageNow(),
      message: 'getaddrinfo ENOTFOUND ws.finnhub.io',
    });
    await expect.poll(() => badge.textContent()).toBe('Offlinegetaddrinfo ENOTFOUND ws.finnhub.io');
    core.events.status.emit({ state: 'rate-limited', since: await pageNow() });
    await expect.poll(() => badge.textContent()).toBe('Rate limited');
    core.events.status.emit({ state: 'paused', since: await pageNow() });
    await expect.poll(() => badge.textContent()).toBe('Paused');

    core.events.status.emit({ state: 'unauthorized', since: await pageNow(), message: 'HTTP 401' });
    await expect.poll(() => badge.locator('.badge-text').textContent()).toBe('Key refused — open settings');
    await screenshotStrip(page, join(OUTPUT_DIR, 'harness-strip-status.png'));
    await badge.click();
    await expect.poll(() => bridge.opened.settings).toBe(1);

    core.events.status.emit({ state: 'live', since: await pageNow() });
    await expect.poll(() => badge.count()).toBe(0);
    await page.close();
  });

  it('says so when there are no symbols, and applies settings changes live', async () => {
    const { page, core, listId } = await openPage('strip', { symbols: [] });
    await expect.poll(() => page.locator('.empty').textContent()).toBe('No symbols — add some from the tray');
    // Changed in the settings window: main applies them and tells the strip.
    await core.handlers.setPreferences({ theme: 'light', fontSize: 18 });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(await page.evaluate(() => document.documentElement.style.getPropertyValue('--font-size'))).toBe('18px');
    await core.handlers.addToList(listId, 'AAPL');
    await expect.poll(() => page.locator('.lane:first-child .item[data-symbol="AAPL"]').count()).toBe(1);
    await page.close();
  });

  it('in the system theme, follows the OS between light and dark while it runs', async () => {
    const { page, core } = await openPage('strip');
    await page.emulateMedia({ colorScheme: 'light' });
    await core.handlers.setPreferences({ theme: 'system' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(background);
    await page.close();
  });

  it('survives malformed batches', async () => {
    const app = await openPage('strip');
    const { page, errors, bridge } = app;
    await expect.poll(() => priceOf(page, 'AAPL').textContent()).toBe('189.41');
    // Batches main itself never builds, sent to the page as they are; then a real one.
    bridge.sendRaw(EVENT_CHANNELS.quotes, null);
    bridge.sendRaw(EVENT_CHANNELS.quotes, { seq: 9, quotes: [{ symbol: 'AAPL', price: -5 }, 42], removed: 'x' });
    app.trade([{ symbol: 'AAPL', price: 192 }]);
    await expect.poll(() => priceOf(page, 'AAPL').textContent()).toBe('192.00');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('strip items: chart and menu', () => {
  it('a click opens the item’s chart and a right-click asks main for its menu; with click-through on, neither', async () => {
    // Paused, the strip holds still, so the pointer lands on the item it aims at.
    const { page, errors, core, bridge } = await openPage('strip', { preferences: { paused: true } });
    const asked = () =>
      bridge.invocations
        .filter((c) => c.name === 'openChart' || c.name === 'showItemMenu')
        .map((c) => [c.name, ...c.args]);
    const item = page.locator('.lane:first-child .item[data-symbol="MSFT"]');
    await item.waitFor();
    await item.click();
    await item.click({ button: 'right' });
    await expect.poll(asked).toEqual([
      ['openChart', 'MSFT'],
      ['showItemMenu', 'MSFT'],
    ]);
    // Clicks beside the items (the status badge, the grip) open nothing.
    await page.locator('.drag-grip').click({ force: true });
    await core.handlers.setPreferences({ clickThrough: true });
    await bridge.waitForDelivery(
      ({ channel, payload }) =>
        channel === EVENT_CHANNELS.settings && (payload as PublicSettings).preferences.clickThrough,
    );
    await item.click();
    await item.click({ button: 'right' });
    expect(asked()).toHaveLength(2);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('two strips', () => {
  it('the same strip page shows whichever list main gives it: two strips, two lists', async () => {
    const tech = ['AAPL', 'MSFT', 'NVDA', 'TSLA'];
    const crypto = ['BINANCE:BTCUSDT', 'BINANCE:ETHUSDT', 'BINANCE:DOGEUSDT'];
    const first = await openPage('strip', {
      symbols: tech,
      otherLists: [{ name: 'Crypto', symbols: crypto, second: true }],
      preferences: { speed: 40 },
    });
    // Main hands the second strip's page settings whose `symbols` are its own list (strip-view.ts).
    const second = await session.openCorePage('strip', first.core, { role: 'second' });
    const shown = (page: Page) =>
      page
        .locator('.lane:first-child .item')
        .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.symbol));
    await expect.poll(() => shown(first.page)).toEqual(tech);
    await expect.poll(() => shown(second.page)).toEqual(crypto);
    await expect.poll(() => priceOf(second.page, 'BINANCE:BTCUSDT').textContent()).toBe('97,123.45');
    await expect.poll(() => priceOf(first.page, 'AAPL').textContent()).toBe('189.41');

    const firstShot = join(OUTPUT_DIR, 'harness-strip-first.png');
    const secondShot = join(OUTPUT_DIR, 'harness-strip-second.png');
    await screenshotStrip(first.page, firstShot);
    await screenshotStrip(second.page, secondShot);
    // One picture of both: the first strip along the top of one screen, the second along the bottom of another.
    const board = await first.page.context().browser()!.newPage();
    const image = (path: string) => `data:image/png;base64,${readFileSync(path).toString('base64')}`;
    await board.setViewportSize({ width: 1600, height: 220 });
    await board.setContent(`<body style="margin:0;background:linear-gradient(160deg,#2b3a55,#18202e);font:13px system-ui,sans-serif;color:#cdd6e4">
      <img src="${image(firstShot)}" style="display:block">
      <p style="margin:14px 16px">First strip: “Tech”, top of the main display · second strip: “Crypto”, bottom of the second display</p>
      <img src="${image(secondShot)}" style="display:block;position:absolute;bottom:0">
    </body>`);
    await board.screenshot({ path: join(OUTPUT_DIR, 'two-strips.png') });
    await board.close();
    expect([...first.errors, ...second.errors]).toEqual([]);
    await first.page.close();
    await second.page.close();
  });
});
