/**
 * Alerts in the app's core, end to end against the fake Finnhub server: rules from the settings are
 * evaluated on every trade the core accepts, firings are pushed as events and kept in the history,
 * a one-shot rule stays triggered (saved) until re-armed, and edits take effect live.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TickerCore } from '../../../src/engine/core/ticker-core';
import type { AlertFiring } from '../../../src/shared/alert-rules';
import type { SnapshotBatch, SymbolSnapshot } from '../../../src/shared/types';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alertHistoryFile, ALERT_HISTORY_FILE } from '../../../src/engine/alerts/alert-history-file';
import { createMemoryStore } from '../../../src/engine/settings/key-value-store';
import { createCoreFixture } from '../../support/core-fixture';
import { startFakeFinnhub, type FakeFinnhub } from '../../support/fake-finnhub';

let server: FakeFinnhub;
let core: TickerCore | null = null;

beforeEach(async () => {
  server = await startFakeFinnhub({ tokens: ['test-key'] });
  server.setQuote('AAPL', { c: 100, pc: 100, t: Math.floor(Date.now() / 1000) - 60 });
  server.setQuote('MSFT', { c: 400, pc: 400, t: Math.floor(Date.now() / 1000) - 60 });
});

afterEach(async () => {
  await core?.stop();
  core = null;
  await server.close();
});

/** Resolves once a batch shows `symbol` at `price` (every trade before it has been evaluated). */
function priceSeen(c: TickerCore, symbol: string, price: number): Promise<void> {
  return new Promise((resolve) => {
    const off = c.events.quotes.subscribe((batch: SnapshotBatch) => {
      if (batch.quotes.some((q) => q.symbol === symbol && q.price === price)) {
        off();
        resolve();
      }
    });
  });
}

describe('alerts in the core', () => {
  it('fires saved rules on live trades, once per crossing, and saves the triggered state', async () => {
    const fixture = createCoreFixture(server, { symbols: ['AAPL', 'MSFT'], key: 'test-key' });
    core = fixture.core;
    const { settings } = fixture;
    settings.alerts.add({ symbol: 'AAPL', metric: 'price', op: '>=', value: 102, recurring: false, cooldownS: 0 });
    settings.alerts.add({ symbol: 'AAPL', metric: 'change', op: '<=', value: -1, recurring: true, cooldownS: 0 });
    const fired: AlertFiring[] = [];
    core.events.alert.subscribe((firing) => fired.push(firing));
    core.start();
    await server.waitForSubscriptions(2);
    // % rules need the previous close: wait until the core knows it.
    const known = () =>
      (core!.handlers.getSnapshot() as SymbolSnapshot[]).some((q) => q.symbol === 'AAPL' && q.prevClose === 100);
    if (!known())
      await new Promise<void>((resolve) => {
        const off = core!.events.quotes.subscribe(() => {
          if (known()) {
            off();
            resolve();
          }
        });
      });

    const t = Date.now();
    const path = [101, 102.5, 101.9, 103, 98.9, 99.2, 98.8, 99.6, 98.7, 120];
    path.forEach((price, i) => server.sendTrades([{ symbol: 'AAPL', price, volume: 1, time: t + i }]));
    server.sendTrades([{ symbol: 'MSFT', price: 1, volume: 1, time: t }]);
    await priceSeen(core, 'AAPL', 120);

    expect(fired.map((f) => [f.rule, f.price])).toEqual([
      ['AAPL>=102', 102.5],
      ['AAPL<=-1%', 98.9],
      ['AAPL<=-1%', 98.7],
    ]);
    expect(fired[0]).toMatchObject({ symbol: 'AAPL', time: t + 1 });
    expect(fired[0]?.changePct).toBeCloseTo(2.5, 10);
    expect(await core.handlers.getAlertHistory()).toEqual(fired);
    // The one-shot rule is saved as triggered; re-arming it lets it fire on the next trade that holds.
    const oneShot = settings.alerts.rules()[0]!;
    expect(oneShot.triggered).toBe(true);
    const rearmed = await core.handlers.rearmAlert(oneShot.id);
    expect(rearmed[0]?.triggered).toBe(false);
    server.sendTrades([{ symbol: 'AAPL', price: 121, volume: 1, time: t + 20 }]);
    await priceSeen(core, 'AAPL', 121);
    expect(fired.at(-1)).toMatchObject({ rule: 'AAPL>=102', price: 121 });
    expect(settings.alerts.rules()[0]?.triggered).toBe(true);
  });

  it('applies added, edited and removed rules live', async () => {
    const fixture = createCoreFixture(server, { symbols: ['MSFT'], key: 'test-key' });
    core = fixture.core;
    const fired: AlertFiring[] = [];
    core.events.alert.subscribe((firing) => fired.push(firing));
    core.start();
    await server.waitForSubscriptions(1);
    const [rule] = await core.handlers.addAlert({
      symbol: 'msft',
      metric: 'price',
      op: '<=',
      value: 300,
      recurring: false,
      cooldownS: 0,
    });
    server.sendTrades([{ symbol: 'MSFT', price: 350, volume: 1, time: Date.now() }]);
    await priceSeen(core, 'MSFT', 350);
    expect(fired).toEqual([]);
    await core.handlers.updateAlert(rule!.id, {
      symbol: 'MSFT',
      metric: 'price',
      op: '<=',
      value: 360,
      recurring: false,
      cooldownS: 0,
    });
    server.sendTrades([{ symbol: 'MSFT', price: 351, volume: 1, time: Date.now() }]);
    await priceSeen(core, 'MSFT', 351);
    expect(fired.map((f) => f.rule)).toEqual(['MSFT<=360']);
    await core.handlers.removeAlert(rule!.id);
    await core.handlers.addAlert({
      symbol: 'MSFT',
      metric: 'price',
      op: '>=',
      value: 1,
      recurring: false,
      cooldownS: 0,
    });
    await core.handlers.removeAlert((await core.handlers.getSettings()).alerts[0]!.id);
    server.sendTrades([{ symbol: 'MSFT', price: 352, volume: 1, time: Date.now() }]);
    await priceSeen(core, 'MSFT', 352);
    expect(fired).toHaveLength(1);
  });

  it('keeps the history of firings across a restart, in a file in the user-data folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ticker-core-alerts-'));
    try {
      const path = join(dir, ALERT_HISTORY_FILE);
      const store = createMemoryStore();
      const first = createCoreFixture(server, {
        symbols: ['MSFT'],
        key: 'test-key',
        store,
        alertHistory: alertHistoryFile(path),
      });
      core = first.core;
      first.settings.alerts.add({
        symbol: 'MSFT',
        metric: 'price',
        op: '>=',
        value: 500,
        recurring: false,
        cooldownS: 0,
      });
      core.start();
      await server.waitForSubscriptions(1);
      server.sendTrades([{ symbol: 'MSFT', price: 501, volume: 1, time: Date.now() }]);
      await priceSeen(core, 'MSFT', 501);
      const before = await core.handlers.getAlertHistory();
      expect(before.map((f) => [f.rule, f.price])).toEqual([['MSFT>=500', 501]]);
      // Quitting saves a history not yet saved (the save after a firing waits a moment for a burst).
      await core.stop();
      core = null;

      const again = createCoreFixture(server, { store, alertHistory: alertHistoryFile(path) });
      core = again.core;
      expect(await core.handlers.getAlertHistory()).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
