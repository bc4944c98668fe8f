/**
 * Company context in the app's core, against the fake Finnhub server: details reach the strips as
 * events and through getContext, headlines are polled only while a strip shows them, and what was
 * fetched survives a restart (the second run asks Finnhub for no profile).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryJsonStore } from '../../../src/engine/context/context-cache';
import type { TickerCore } from '../../../src/engine/core/ticker-core';
import type { Headline, SymbolDetails } from '../../../src/shared/symbol-context';
import { createCoreFixture } from '../../support/core-fixture';
import { startFakeFinnhub, type FakeFinnhub } from '../../support/fake-finnhub';

let server: FakeFinnhub;
const cores: TickerCore[] = [];

beforeEach(async () => {
  server = await startFakeFinnhub({ tokens: ['test-key'] });
});

afterEach(async () => {
  for (const core of cores.splice(0)) await core.stop();
  await server.close();
});

function detailsOf(core: TickerCore, symbol: string): Promise<SymbolDetails> {
  return new Promise((resolve) => {
    const stop = core.events.details.subscribe((changed) => {
      const found = changed.find((details) => details.symbol === symbol && details.name !== null);
      if (found) {
        stop();
        resolve(found);
      }
    });
  });
}

describe('company context in the core', () => {
  it('pushes each symbol’s details, answers getContext, and a restart asks for no profile again', async () => {
    const store = memoryJsonStore();
    const first = createCoreFixture(server, { symbols: ['AAPL'], key: 'test-key', contextStore: store }).core;
    cores.push(first);
    const pushed = detailsOf(first, 'AAPL');
    first.start();
    const details = await pushed;
    expect(details).toMatchObject({ symbol: 'AAPL', name: 'Apple Inc', currency: 'USD' });
    expect((await first.handlers.getContext()).details.map((d) => d.symbol)).toEqual(['AAPL']);
    // Headlines are off by default: no news call at all.
    expect(server.requests.filter((r) => r.path === '/company-news')).toHaveLength(0);
    await first.stop();
    cores.length = 0;
    const profiles = server.requests.filter((r) => r.path === '/stock/profile2').length;
    expect(profiles).toBe(1);

    const second = createCoreFixture(server, { symbols: ['AAPL'], key: 'test-key', contextStore: store }).core;
    cores.push(second);
    const again = detailsOf(second, 'AAPL');
    second.start();
    expect((await again).name).toBe('Apple Inc');
    expect(server.requests.filter((r) => r.path === '/stock/profile2')).toHaveLength(profiles);
  });

  it('polls headlines once the preference shows them, and holds their links', async () => {
    const now = Date.now();
    server.setNews('AAPL', [
      {
        id: 7,
        datetime: Math.floor(now / 1000) - 600,
        headline: 'Apple ships a thing',
        source: 'Reuters',
        url: 'https://example.com/apple',
        summary: '',
        related: 'AAPL',
        category: 'company',
        image: '',
      },
    ]);
    const fixture = createCoreFixture(server, { symbols: ['AAPL'], key: 'test-key' });
    const core = fixture.core;
    cores.push(core);
    core.start();
    const headlines = new Promise<Headline[]>((resolve) => {
      core.events.headlines.subscribe((shown) => {
        if (shown.length > 0) resolve(shown);
      });
    });
    fixture.settings.preferences.set({ headlines: 'strip' });
    expect((await headlines).map((h) => [h.symbol, h.headline, h.url])).toEqual([
      ['AAPL', 'Apple ships a thing', 'https://example.com/apple'],
    ]);
    expect(core.currentHeadlines().map((h) => h.url)).toEqual(['https://example.com/apple']);
    const cleared = new Promise<Headline[]>((resolve) => core.events.headlines.subscribe(resolve));
    fixture.settings.preferences.set({ headlines: 'off' });
    expect(await cleared).toEqual([]);
    expect(core.currentHeadlines()).toEqual([]);
  });
});
