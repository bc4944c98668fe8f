/**
 * The portfolio's saved part: lots and base currency kept across restarts, checked on the way in,
 * a damaged entry repaired lot by lot, and no settings version bump (an additive key).
 */
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/engine/settings/key-value-store';
import { repairSettings } from '../../../src/engine/settings/repair-settings';
import { SETTINGS_VERSION, settingsSchema } from '../../../src/engine/settings/schema';
import { createSettings } from '../../../src/engine/settings/settings';
import { TickerError } from '../../../src/shared/ipc-contract';
import { formatHoldingsCsv, parseHoldingsCsv } from '../../../src/shared/portfolio/holdings-csv';
import { createFakeSafeStorage } from './fake-safe-storage';

function service(store = createMemoryStore()) {
  let n = 0;
  const settings = createSettings({
    store,
    safeStorage: createFakeSafeStorage(),
    platform: 'linux',
    newId: () => `id-${++n}`,
  });
  return { settings, store };
}

const AAPL = { symbol: 'AAPL', quantity: '10', price: '150.25', date: '2024-01-10', note: '' };
const BTC = {
  symbol: 'BINANCE:BTCUSDT',
  quantity: '0.125',
  price: '40000.5',
  date: '2024-02-01',
  note: 'wallet, cold',
};

describe('holdings settings', () => {
  it('starts empty in USD, keeps lots and the base currency across a restart, and tells windows', () => {
    const { settings, store } = service();
    expect(settings.portfolio.holdings()).toEqual({ baseCurrency: 'USD', lots: [] });
    const seen: unknown[] = [];
    settings.changed.subscribe((next) => seen.push(next.holdings));
    settings.portfolio.addLot({ ...AAPL, symbol: 'aapl', quantity: '10.0' });
    settings.portfolio.addLot(BTC);
    settings.portfolio.setBaseCurrency('EUR');
    expect(seen).toHaveLength(3);
    const reopened = service(store).settings;
    expect(reopened.portfolio.holdings()).toEqual({
      baseCurrency: 'EUR',
      lots: [
        { id: 'id-1', ...AAPL },
        { id: 'id-2', ...BTC },
      ],
    });
    expect(reopened.publicSettings().holdings).toEqual(reopened.portfolio.holdings());
  });

  it('updates and removes lots by id, and refuses bad input without changing anything', () => {
    const { settings } = service();
    settings.portfolio.addLot(AAPL);
    settings.portfolio.addLot(BTC);
    expect(settings.portfolio.updateLot('id-2', { ...BTC, quantity: '-0.5' }).lots[1]).toMatchObject({
      id: 'id-2',
      quantity: '-0.5',
    });
    expect(settings.portfolio.removeLot('id-1').lots.map((lot) => lot.id)).toEqual(['id-2']);
    const before = settings.portfolio.holdings();
    expect(() => settings.portfolio.addLot({ ...AAPL, quantity: '0' })).toThrow(TickerError);
    expect(() => settings.portfolio.updateLot('id-2', { ...AAPL, date: 'yesterday' })).toThrow(/date/);
    expect(() => settings.portfolio.updateLot('nope', AAPL)).toThrow(/no longer exists/);
    expect(() => settings.portfolio.setBaseCurrency('BTC')).toThrow(/currency code/);
    expect(settings.portfolio.holdings()).toEqual(before);
  });

  it('replaces every lot from a CSV import, all or nothing', () => {
    const { settings } = service();
    settings.portfolio.addLot(AAPL);
    expect(() => settings.portfolio.replaceLots([BTC, { ...AAPL, price: '-1' }])).toThrow(
      /Lot 2: the price paid must be greater than 0/,
    );
    expect(settings.portfolio.holdings().lots.map((lot) => lot.symbol)).toEqual(['AAPL']);
    const imported = parseHoldingsCsv(formatHoldingsCsv([BTC, AAPL]));
    if (!imported.ok) throw new Error(imported.problems.join());
    expect(settings.portfolio.replaceLots(imported.lots).lots.map(({ id: _id, ...lot }) => lot)).toEqual([BTC, AAPL]);
    // The export of what was saved reads back to the same lots.
    expect(parseHoldingsCsv(formatHoldingsCsv(settings.portfolio.holdings().lots))).toEqual({
      ok: true,
      lots: [BTC, AAPL],
    });
  });

  it('repairs a damaged entry lot by lot and names what it dropped', () => {
    const good = { id: 'a1', ...AAPL };
    const repaired = repairSettings({
      holdings: {
        baseCurrency: 'XX',
        lots: [good, { ...good }, { id: 'b2', ...BTC, quantity: 'lots' }, 'junk', { id: 'c3', ...BTC, extra: true }],
      },
    });
    expect(repaired?.settings.holdings).toEqual({ baseCurrency: 'USD', lots: [good] });
    expect(repaired?.problems).toEqual([
      'holdings.baseCurrency',
      'holdings.lots[1]',
      'holdings.lots[2]',
      'holdings.lots[3]',
      'holdings.lots[4]',
    ]);
    expect(repairSettings({ holdings: 'garbage' })?.settings.holdings).toEqual({ baseCurrency: 'USD', lots: [] });
    // A file from before holdings existed gets the default silently, at the same version.
    expect(repairSettings({ version: SETTINGS_VERSION })).toMatchObject({
      problems: [],
      settings: { version: SETTINGS_VERSION, holdings: { baseCurrency: 'USD', lots: [] } },
    });
  });

  it('declares holdings in the JSON schema, with the lot limits', () => {
    const schema = settingsSchema() as Record<string, { properties?: Record<string, { maxItems?: number }> }>;
    expect(schema.holdings?.properties?.lots?.maxItems).toBe(500);
  });
});
