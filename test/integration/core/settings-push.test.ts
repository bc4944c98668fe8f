/**
 * Windows render from pushed state alone: every settings change a core handler makes reaches them as
 * exactly one `settings` event (the relay's secrets as one `relay` event), carrying the settings as
 * they now are, and a change that changes nothing pushes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreHandlers } from '../../../src/engine/core/ticker-core';
import type { PublicSettings, RelayView } from '../../../src/shared/types';
import { createCoreFixture, type CoreFixture } from '../../support/core-fixture';
import type { FakeFinnhub } from '../../support/fake-finnhub';

/** Never started: no connection is made, the handlers change the settings only. */
const NOWHERE = { wsUrl: 'ws://127.0.0.1:9', restUrl: 'http://127.0.0.1:9' } as FakeFinnhub;
const RULE = { symbol: 'AAPL', metric: 'price', op: '>=', value: 200, recurring: false, cooldownS: 0 } as const;
const LOT = { symbol: 'AAPL', quantity: '10', price: '150.25', date: '2024-01-10', note: '' };

let fixture: CoreFixture;
let pushed: PublicSettings[];
let relayPushed: RelayView[];

beforeEach(() => {
  fixture = createCoreFixture(NOWHERE, { symbols: ['AAPL', 'MSFT'] });
  pushed = [];
  relayPushed = [];
  fixture.core.events.settings.subscribe((settings) => pushed.push(settings));
  fixture.core.events.relay.subscribe((view) => relayPushed.push(view));
});

afterEach(async () => {
  await fixture.core.stop();
});

type Change = [name: string, change: (handlers: CoreHandlers) => unknown];

const CHANGES: Change[] = [
  ['setPreferences', (h) => h.setPreferences({ theme: 'light' })],
  ['setPaused', (h) => h.setPaused(true)],
  ['addToList', (h) => h.addToList('l1', 'IBM')],
  ['removeFromList', (h) => h.removeFromList('l1', 'AAPL')],
  ['moveInList', (h) => h.moveInList('l1', 'AAPL', 1)],
  ['createList', (h) => h.createList('Tech')],
  ['setSecondStrip', (h) => h.setSecondStrip({ position: 'top' })],
  ['setApiKey', (h) => h.setApiKey('abcdef123456')],
  ['addAlert', (h) => h.addAlert(RULE)],
  ['addLot', (h) => h.addLot(LOT)],
  ['setBaseCurrency', (h) => h.setBaseCurrency('EUR')],
  ['replaceLots', (h) => h.replaceLots([LOT])],
];

describe('every settings change a handler makes is pushed to the windows', () => {
  for (const [name, change] of CHANGES) {
    it(`${name}: one push, with the settings as they now are`, async () => {
      await change(fixture.core.handlers);
      expect(pushed).toHaveLength(1);
      expect(pushed[0]).toEqual(await fixture.core.handlers.getSettings());
    });
  }

  it('changes to a list, an alert and a lot that exist already: one push each', async () => {
    const { handlers } = fixture.core;
    const tech = await handlers.createList('Tech');
    const [rule] = await handlers.addAlert(RULE);
    const { lots } = await handlers.addLot(LOT);
    pushed.length = 0;
    const steps: (() => unknown)[] = [
      () => handlers.renameList(tech.id, 'Chips'),
      () => handlers.showList(tech.id),
      () => handlers.deleteList('l1'),
      () => handlers.updateAlert(rule!.id, { ...RULE, value: 210 }),
      () => fixture.settings.alerts.setTriggered(rule!.id, true),
      () => handlers.rearmAlert(rule!.id),
      () => handlers.removeAlert(rule!.id),
      () => handlers.updateLot(lots[0]!.id, { ...LOT, quantity: '11' }),
      () => handlers.removeLot(lots[0]!.id),
    ];
    for (const [index, step] of steps.entries()) {
      await step();
      expect(pushed, `step ${index + 1}`).toHaveLength(index + 1);
      expect(pushed[index]).toEqual(await handlers.getSettings());
    }
  });

  it('a change that changes nothing pushes nothing', async () => {
    const { handlers } = fixture.core;
    const { preferences, secondStrip } = await handlers.getSettings();
    await handlers.setPreferences({ theme: preferences.theme });
    await handlers.setPaused(preferences.paused);
    await handlers.moveInList('l1', 'AAPL', 0);
    await handlers.setSecondStrip({ position: secondStrip.position });
    await handlers.setApiKey('');
    expect(pushed).toEqual([]);
  });

  it('the relay token and origins go out as one relay event each, never in the settings push', async () => {
    const { handlers } = fixture.core;
    await handlers.getRelay();
    relayPushed.length = 0;
    const regenerated = await handlers.regenerateRelayToken();
    expect(relayPushed).toEqual([regenerated]);
    const withOrigin = await handlers.setRelayOrigins(['https://dash.example']);
    expect(relayPushed).toEqual([regenerated, withOrigin]);
    expect(pushed).toEqual([]);
  });
});
