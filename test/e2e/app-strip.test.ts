/**
 * The built strip page in headless Chromium against the REAL core (settings, one Finnhub
 * connection, tick store, publisher, REST previous closes) talking to the fake Finnhub server:
 * streamed trades show up formatted, the strip keeps moving while they do, a refused key and a
 * dropped connection show their badges, reduced motion stops the scroll.
 * Screenshots: test-output/strip.png (live prices, up and down) and test-output/strip-status.png.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  frames,
  OUTPUT_DIR,
  screenshotStrip,
  scrollOffset,
  STRIP_VIEWPORT,
  waitForScrollPast,
} from './harness/renderer-session';
import {
  LIVE_SYMBOLS,
  openingPrices,
  stripSymbols,
  waitForPrice,
  waitForStripSymbols,
  type RunningApp,
  type StartAppOptions,
} from './harness/app-fixture';
import { useAppSession } from './harness/app-session';

const apps = useAppSession();

async function start(options: StartAppOptions = {}): Promise<RunningApp> {
  const app = await apps.start(options);
  return app;
}

/** Text of one part (name, price, arrow, change, percent) of a symbol's item in the first lane. */
function part(page: import('playwright-core').Page, symbol: string, name: string) {
  return page.locator(`.lane:first-child .item[data-symbol="${symbol}"] .${name}`).textContent();
}

describe('strip against the real core', () => {
  it('shows streamed trades formatted, with change against the previous close, and updates them', async () => {
    let skewMs = 0;
    const running = await start({ preferences: { speed: 40, showSparklines: true }, now: () => Date.now() + skewMs });
    // Wide enough that every item is on screen: the strip only updates items in (or near) view.
    const { page, errors } = await apps.session.openCorePage('strip', running.core, {
      viewport: { width: 2800, height: STRIP_VIEWPORT.height },
    });
    await waitForStripSymbols(page, LIVE_SYMBOLS);

    // The previous closes come from the fake /quote; the prices from trades on the socket.
    await running.server.waitFor(
      () =>
        LIVE_SYMBOLS.every((symbol) =>
          running.server.requests.some((r) => r.path === '/quote' && r.query.symbol === symbol),
        ),
      'a quote per symbol',
    );
    expect(running.trade(openingPrices())).toBe(LIVE_SYMBOLS.length);
    await waitForPrice(page, 'BINANCE:BTCUSDT', '97,123.45');
    await waitForPrice(page, 'AAPL', '189.41');
    expect(await part(page, 'BINANCE:BTCUSDT', 'name')).toBe('BTC/USDT');
    expect(await part(page, 'OANDA:EUR_USD', 'name')).toBe('EUR/USD');
    expect(await part(page, 'OANDA:EUR_USD', 'price')).toBe('1.08421');
    expect(await part(page, 'OANDA:USD_JPY', 'price')).toBe('151.234');

    // Change and percent need the previous close from REST; wait for them, then check the signs.
    await expect.poll(() => part(page, 'AAPL', 'move')).toBe('+2.21\u2002+1.18%');
    expect(await part(page, 'AAPL', 'arrow')).toBe('▲');
    await expect.poll(() => part(page, 'MSFT', 'move')).toBe('\u22122.80\u2002\u22120.67%');
    expect(await part(page, 'MSFT', 'arrow')).toBe('▼');
    expect(await page.locator('.lane:first-child .item[data-symbol="MSFT"]').getAttribute('class')).toContain(
      'trend-down',
    );
    expect(await page.locator('.lane:first-child .item[data-symbol="AAPL"]').getAttribute('class')).toContain(
      'trend-up',
    );

    // A newer trade moves the price (and flashes it); a trade for a symbol not watched is ignored.
    running.trade({ AAPL: 190.5, MSFT: 414.2, NVDA: 131.55, 'BINANCE:ETHUSDT': 3449.1 });
    await waitForPrice(page, 'AAPL', '190.50');
    await waitForPrice(page, 'MSFT', '414.20');
    expect(await page.locator('.lane:first-child .item[data-symbol="AAPL"] .price').getAttribute('data-flash')).toBe(
      'up',
    );
    expect(await page.locator('.lane:first-child .item[data-symbol="MSFT"] .price').getAttribute('data-flash')).toBe(
      'down',
    );
    expect(running.trade({ AMZN: 180 })).toBe(0);
    expect(await page.locator('.item[data-symbol="AMZN"]').count()).toBe(0);
    // No badge: the feed is live.
    expect(await page.locator('.badge').count()).toBe(0);

    // A few more history slots (the core's clock runs ahead 5 s per round) draw the sparklines.
    // Each round adds exactly one point to every symbol's history, however long the steps above took.
    for (const [round, step] of [0.4, -0.2, 0.6, 0.3].entries()) {
      const before = new Map(
        (await running.core.handlers.getSnapshot()).map((quote) => [quote.symbol, quote.history.length]),
      );
      skewMs += 5_000;
      const prices = Object.fromEntries(
        Object.entries(openingPrices()).map(([symbol, price]) => [
          symbol,
          price * (1 + (step * (round % 2 === 0 ? 1 : 0.5)) / 100),
        ]),
      );
      running.trade(prices);
      await expect
        .poll(async () =>
          (await running.core.handlers.getSnapshot()).every(
            (quote) => quote.history.length === (before.get(quote.symbol) ?? 0) + 1,
          ),
        )
        .toBe(true);
    }
    await expect.poll(() => page.locator('.lane:first-child svg.sparkline').count()).toBe(LIVE_SYMBOLS.length);
    running.trade({ AAPL: 191.02, MSFT: 413.9, NVDA: 131.75, TSLA: 250.9 });
    await waitForPrice(page, 'AAPL', '191.02');
    await waitForPrice(page, 'TSLA', '250.90');

    await screenshotStrip(page, join(OUTPUT_DIR, 'strip.png'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps scrolling forward while prices update', async () => {
    const running = await start({ symbols: LIVE_SYMBOLS, preferences: { speed: 120 } });
    const { page, errors } = await apps.session.openCorePage('strip', running.core);
    running.trade(openingPrices());
    await waitForPrice(page, 'AAPL', '189.41');

    const offsets: number[] = [await scrollOffset(page)];
    for (let round = 1; round <= 8; round += 1) {
      const price = 189 + round;
      running.trade({ AAPL: price, 'BINANCE:BTCUSDT': 97000 + round });
      // Each round: the new price is on screen and the strip has moved on since the last one.
      await waitForPrice(page, 'AAPL', price.toFixed(2));
      offsets.push(await waitForScrollPast(page, offsets.at(-1) as number));
    }
    for (let i = 1; i < offsets.length; i += 1) expect(offsets[i]).toBeGreaterThan(offsets[i - 1] as number);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stops drawing while nobody can see it (no frame moves, no batch arrives) and comes back moving with current prices', async () => {
    const running = await start({ symbols: LIVE_SYMBOLS, preferences: { speed: 120 } });
    // Wide enough that every item is on screen, so a delivered price would show at once.
    const { page, errors } = await apps.session.openCorePage('strip', running.core, {
      viewport: { width: 2800, height: STRIP_VIEWPORT.height },
    });
    running.trade(openingPrices());
    await waitForPrice(page, 'AAPL', '189.41');
    await waitForScrollPast(page, await scrollOffset(page));

    running.core.setDrawing(false);
    await page.waitForSelector('.strip[data-quiet="true"]');
    // The track's transform on 30 consecutive animation frames: never changes.
    const transforms = await page.evaluate(
      (count) =>
        new Promise<string[]>((done) => {
          const seen: string[] = [];
          const track = document.querySelector('.track') as HTMLElement;
          const sample = () => {
            seen.push(getComputedStyle(track).transform);
            if (seen.length >= count) done(seen);
            else requestAnimationFrame(sample);
          };
          requestAnimationFrame(sample);
        }),
      30,
    );
    expect(transforms).toHaveLength(30);
    expect(new Set(transforms).size).toBe(1);
    const held = await scrollOffset(page);

    // The feed keeps the store current; the page gets nothing while quiet.
    running.trade({ AAPL: 195.25, 'BINANCE:BTCUSDT': 97500 });
    await expect
      .poll(async () => (await running.core.handlers.getSnapshot()).find((quote) => quote.symbol === 'AAPL')?.price)
      .toBe(195.25);
    await frames(page, 20);
    expect(await page.locator('.lane:first-child .item[data-symbol="AAPL"] .price').textContent()).toBe('189.41');
    expect(await scrollOffset(page)).toBe(held);

    // Back: the catch-up batch brings the current prices, and the strip moves on from where it stood.
    running.core.setDrawing(true);
    await waitForPrice(page, 'AAPL', '195.25');
    await waitForPrice(page, 'BINANCE:BTCUSDT', '97,500.00');
    expect(await waitForScrollPast(page, held)).toBeGreaterThan(held);
    expect(await page.locator('.strip').getAttribute('data-quiet')).toBe('false');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the key-refused badge when Finnhub refuses the key (401), and the badge opens settings', async () => {
    const running = await start();
    const { page, errors, bridge } = await apps.session.openCorePage('strip', running.core);
    running.trade(openingPrices());
    await waitForPrice(page, 'AAPL', '189.41');
    await expect.poll(() => part(page, 'MSFT', 'move')).toBe('\u22122.80\u2002\u22120.67%');

    // The key is revoked upstream; the connection drops and the reconnect is refused with 401.
    running.server.setValidTokens([]);
    running.server.dropAll();
    await running.server.waitForRefusals(1);
    const badge = page.locator('.badge');
    await expect.poll(() => badge.locator('.badge-text').textContent()).toBe('Key refused — open settings');
    expect(await badge.getAttribute('data-state')).toBe('unauthorized');
    expect(await badge.locator('.badge-detail').textContent()).toBe('Finnhub refused the API key (HTTP 401)');
    // A refused key is final: no retry loop against Finnhub.
    expect(running.server.counters.handshakesRefused).toBe(1);
    // The last prices stay on screen.
    expect(await part(page, 'AAPL', 'price')).toBe('189.41');

    await screenshotStrip(page, join(OUTPUT_DIR, 'strip-status.png'));
    await badge.click();
    await expect.poll(() => bridge.opened.settings).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows "reconnecting" when the connection drops and clears it when the client is back', async () => {
    const running = await start({ backoffBaseMs: 40, backoffCapMs: 120 });
    const { page, errors } = await apps.session.openCorePage('strip', running.core);
    running.trade(openingPrices());
    await waitForPrice(page, 'AAPL', '189.41');
    expect(await page.locator('.badge').count()).toBe(0);

    // Finnhub goes away: the socket ends abruptly and reconnect attempts are refused for a while.
    running.server.respondToUpgradeWith(503);
    running.server.dropAll();
    const badge = page.locator('.badge');
    await expect.poll(() => badge.getAttribute('data-state')).toBe('reconnecting');
    expect(await badge.locator('.badge-detail').textContent()).toMatch(
      /^Connection (closed|error)|^Finnhub refused the connection \(HTTP 503\)$/,
    );
    // While attempts keep failing the badge stays, alternating between waiting and trying.
    await running.server.waitForRefusals(2);
    expect(await badge.getAttribute('data-state')).toMatch(/^(reconnecting|connecting)$/);
    expect(await badge.locator('.badge-text').textContent()).toMatch(/^(Reconnecting( in \d+ s|…)|Connecting…)$/);

    // Finnhub is back: the next attempt connects, resubscribes everything, and the badge goes.
    running.server.acceptUpgrades();
    const second = await running.server.waitForConnection(2);
    await running.server.waitForSubscriptions(LIVE_SYMBOLS.length, second);
    expect(
      second.subscriptionLog
        .filter((m) => m.type === 'subscribe')
        .map((m) => m.symbol)
        .sort(),
    ).toEqual([...LIVE_SYMBOLS].sort());
    await expect.poll(() => badge.count()).toBe(0);
    expect(running.server.counters.maxOpenConnections()).toBe(1);

    // Trades on the new connection reach the strip.
    running.trade({ AAPL: 192.25 });
    await waitForPrice(page, 'AAPL', '192.25');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('does not scroll with reduced motion, while prices still update', async () => {
    const running = await start({ preferences: { speed: 200 } });
    const { page, errors } = await apps.session.openCorePage('strip', running.core, {
      reducedMotion: 'reduce',
      viewport: { width: 2400, height: 120 },
    });
    running.trade(openingPrices());
    await waitForPrice(page, 'AAPL', '189.41');
    expect(await page.locator('.track').count()).toBe(0);
    expect(await stripSymbols(page)).toEqual(LIVE_SYMBOLS);

    const positions = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.page .item')].map((item) =>
          Math.round(item.getBoundingClientRect().left),
        ),
      );
    const before = await positions();
    running.trade({ AAPL: 190.5, NVDA: 130.1 });
    await waitForPrice(page, 'AAPL', '190.50');
    await frames(page, 20);
    // Nothing moved: the same symbols at the same places (prices have a fixed, growing-only width).
    expect(await positions()).toEqual(before);
    expect(errors).toEqual([]);
    await page.close();
  });
});
