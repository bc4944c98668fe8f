/**
 * The portfolio in the app's core, against the fake Finnhub server: saved lots drive the figures,
 * rates and unwatched holdings ride on the one connection only while needed, and every change of
 * holdings or prices reaches the windows as a `portfolio` event.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TickerCore } from '../../../src/engine/core/ticker-core';
import type { PortfolioFigures } from '../../../src/shared/portfolio/compute-portfolio';
import { startFakeFinnhub, type FakeFinnhub } from '../../support/fake-finnhub';
import { createCoreFixture } from '../../support/core-fixture';

let server: FakeFinnhub;
let core: TickerCore | null = null;

beforeEach(async () => {
  server = await startFakeFinnhub({ tokens: ['test-key'] });
  const t = Math.floor(Date.now() / 1000) - 60;
  server.setQuote('AAPL', { c: 190, pc: 185, t });
  server.setQuote('TSLA', { c: 240, pc: 245, t });
  server.setQuote('OANDA:EUR_USD', { c: 0, pc: 0 });
});

afterEach(async () => {
  await core?.stop();
  core = null;
  await server.close();
});

function portfolioWhere(
  c: TickerCore,
  predicate: (figures: PortfolioFigures | null) => boolean,
): Promise<PortfolioFigures | null> {
  return new Promise((resolve) => {
    const unsubscribe = c.events.portfolio.subscribe((figures) => {
      if (predicate(figures)) {
        unsubscribe();
        resolve(figures);
      }
    });
  });
}

describe('TickerCore portfolio', () => {
  it("values saved lots from the strip and from the portfolio's own subscriptions, and lets them go", async () => {
    const fixture = createCoreFixture(server, { symbols: ['AAPL'], key: 'test-key' });
    core = fixture.core;
    core.start();
    const client = await server.waitForConnection();
    await server.waitForSubscriptions(1, client);
    expect(await core.handlers.getPortfolio()).toBeNull();

    // AAPL is on the strip; TSLA is not, so it joins the connection as the portfolio's.
    const priced = portfolioWhere(core, (f) => f?.value === 1900 - 960);
    await core.handlers.addLot({ symbol: 'AAPL', quantity: '10', price: '150', date: '2024-01-10', note: '' });
    await core.handlers.addLot({ symbol: 'TSLA', quantity: '-4', price: '250', date: '2024-01-10', note: 'short' });
    await server.waitFor(() => client.subscriptions.has('TSLA'));
    // 10 × 190 − 4 × 240 = 940; day 10 × 5 + 4 × 5 = 70; gain 400 + 40 = 440.
    expect(await priced).toMatchObject({
      currency: 'USD',
      value: 940,
      dayChange: 70,
      gain: 440,
      missingRates: [],
      missingPrices: [],
    });

    // Switching to EUR subscribes the rate; the total waits for it instead of being wrong.
    const waiting = portfolioWhere(core, (f) => f?.currency === 'EUR');
    await core.handlers.setBaseCurrency('EUR');
    expect(await waiting).toMatchObject({ value: null, missingRates: ['USD'] });
    await server.waitFor(() => client.subscriptions.has('OANDA:EUR_USD'));
    const converted = portfolioWhere(core, (f) => f?.currency === 'EUR' && f.value !== null);
    server.sendTrades([{ symbol: 'OANDA:EUR_USD', price: 1.25, volume: 0, time: Date.now() }]);
    // 940 / 1.25 = 752; 70 / 1.25 = 56; 440 / 1.25 = 352.
    expect(await converted).toMatchObject({ value: 752, dayChange: 56, gain: 352 });

    // Back to USD and no TSLA: both portfolio subscriptions end; AAPL stays for the strip.
    await core.handlers.setBaseCurrency('USD');
    const holdings = fixture.settings.portfolio.holdings();
    await core.handlers.removeLot(holdings.lots[1]!.id);
    await server.waitFor(() => !client.subscriptions.has('TSLA') && !client.subscriptions.has('OANDA:EUR_USD'));
    expect([...client.subscriptions]).toEqual(['AAPL']);
    const cleared = portfolioWhere(core, (f) => f === null);
    await core.handlers.removeLot(holdings.lots[0]!.id);
    expect(await cleared).toBeNull();
    expect(server.counters.connectionsAccepted).toBe(1);
  });
});
