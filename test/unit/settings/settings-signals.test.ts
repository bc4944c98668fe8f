/**
 * Each kind of setting says once that it changed, only when it really did: a write that leaves it as
 * it was (the same value again, or a change to another kind) is silent. The push to the windows
 * (`changed`) fires once per change a window shows, after the kinds' own signals.
 */
import { describe, expect, it } from 'vitest';
import { createSettings, type Settings } from '../../../src/engine/settings/settings';
import { createMemoryStore } from '../../../src/engine/settings/key-value-store';
import type { Signal } from '../../../src/shared/signal';
import { createFakeSafeStorage } from './fake-safe-storage';

const DRAFT = { symbol: 'AAPL', metric: 'price', op: '>=', value: 200, recurring: false, cooldownS: 0 } as const;
const LOT = { symbol: 'AAPL', quantity: '10', price: '150.25', date: '2024-01-10', note: '' };

function makeSettings(): Settings {
  let id = 0;
  let token = 0;
  return createSettings({
    store: createMemoryStore('/tmp/settings.json'),
    safeStorage: createFakeSafeStorage(),
    platform: 'darwin',
    now: () => 1_700_000_000_000,
    newId: () => `id-${(id += 1)}`,
    newRelayToken: () => `token-${(token += 1)}`.padEnd(43, 'x'),
  });
}

type Kind = Exclude<keyof Settings, 'window' | 'transfer' | 'changed' | 'noticeRaised' | 'maxSymbols' | 'storePath'>;
const KINDS = ['key', 'lists', 'preferences', 'alerts', 'portfolio', 'relay', 'shortcuts', 'secondStrip'] as const;

/** Count every kind's signal and the windows' push. */
function countAll(settings: Settings): Record<Kind | 'pushed', number> {
  const counts = Object.fromEntries([...KINDS, 'pushed'].map((kind) => [kind, 0])) as Record<Kind | 'pushed', number>;
  for (const kind of KINDS) {
    (settings[kind].changed as Signal<unknown>).subscribe(() => (counts[kind] += 1));
  }
  settings.changed.subscribe(() => (counts.pushed += 1));
  return counts;
}

interface Case {
  kind: Kind;
  /** A real change of the kind. */
  change(settings: Settings): void;
  /** The same write again, or one that leaves the kind as it is. */
  noop(settings: Settings): void;
  /** A renderer shows this kind: the windows get one push. */
  pushed: boolean;
}

const CASES: Case[] = [
  {
    kind: 'key',
    change: (s) => s.key.set('abcdef123456'),
    noop: (s) => s.key.set('  '),
    pushed: true,
  },
  {
    kind: 'lists',
    change: (s) => s.lists.addSymbol('IBM'),
    noop: (s) => s.lists.setSymbols(s.lists.symbols()),
    pushed: true,
  },
  {
    kind: 'preferences',
    change: (s) => s.preferences.set({ theme: 'light' }),
    noop: (s) => s.preferences.set({ theme: s.preferences.current().theme }),
    pushed: true,
  },
  {
    kind: 'alerts',
    change: (s) => s.alerts.add(DRAFT),
    noop: (s) => s.alerts.setTriggered('no-such-rule', true),
    pushed: true,
  },
  {
    kind: 'portfolio',
    change: (s) => s.portfolio.addLot(LOT),
    noop: (s) => s.portfolio.setBaseCurrency(s.portfolio.holdings().baseCurrency),
    pushed: true,
  },
  {
    kind: 'relay',
    change: (s) => s.relay.setOrigins(['https://dash.example']),
    noop: (s) => s.relay.setOrigins([]),
    pushed: false,
  },
  {
    kind: 'shortcuts',
    change: (s) => s.shortcuts.set({ shortcutPause: 'CommandOrControl+Alt+Q' }),
    noop: (s) => s.shortcuts.set({ shortcutPause: s.shortcuts.current().shortcutPause }),
    pushed: true,
  },
  {
    kind: 'secondStrip',
    change: (s) => s.secondStrip.set({ enabled: true }),
    noop: (s) => s.secondStrip.set({ enabled: false }),
    pushed: true,
  },
];

describe('settings: each kind signals its own changes', () => {
  for (const { kind, change, noop, pushed } of CASES) {
    it(`${kind}: once on a real change, never on a no-op write, and no other kind`, () => {
      const settings = makeSettings();
      const counts = countAll(settings);
      noop(settings);
      expect(counts[kind]).toBe(0);
      expect(counts.pushed).toBe(0);

      change(settings);
      expect(counts).toEqual({ ...Object.fromEntries(KINDS.map((k) => [k, 0])), [kind]: 1, pushed: pushed ? 1 : 0 });

      // The same change again is no change.
      try {
        change(settings);
      } catch {
        // Refused as a duplicate (an alert, a symbol): nothing changed either.
      }
      if (kind !== 'portfolio') expect(counts[kind]).toBe(1);
    });
  }

  it('a preference change carries the preferences before and after; a shortcut is not one', () => {
    const settings = makeSettings();
    const changes: { from: string; to: string }[] = [];
    settings.preferences.changed.subscribe(({ previous, current }) =>
      changes.push({ from: previous.theme, to: current.theme }),
    );
    settings.preferences.set({ shortcutPrivacy: '' });
    expect(changes).toEqual([]);
    settings.preferences.set({ theme: 'light' });
    expect(changes).toEqual([{ from: 'system', to: 'light' }]);
  });

  it('the strip position is saved without a signal or a push', () => {
    const settings = makeSettings();
    const counts = countAll(settings);
    settings.window.set({ docked: false, x: 10, y: 20 });
    expect(settings.window.current()).toMatchObject({ docked: false, x: 10, y: 20 });
    expect(Object.values(counts).every((count) => count === 0)).toBe(true);
  });

  it('deleting the list the second strip shows signals both kinds, and pushes once after them', () => {
    const settings = makeSettings();
    const tech = settings.lists.create('Tech');
    settings.secondStrip.set({ enabled: true, listId: tech.id });
    const order: string[] = [];
    settings.lists.changed.subscribe(() => order.push('lists'));
    settings.secondStrip.changed.subscribe((strip) => order.push(`secondStrip:${strip.listId}`));
    settings.changed.subscribe((pushed) => order.push(`pushed:${pushed.lists.length}`));
    settings.lists.delete(tech.id);
    expect(order).toEqual(['lists', `secondStrip:${settings.lists.shownListId()}`, 'pushed:1']);
  });

  it('an import signals each kind it changes once, and one push', () => {
    const settings = makeSettings();
    const counts = countAll(settings);
    const source = settings.transfer.source();
    const applied = settings.transfer.apply({
      lists: [{ name: 'Imported', symbols: ['IBM'] }],
      shownList: 'Imported',
      preferences: { ...source.preferences, theme: 'dark', shortcutPause: '' },
    });
    expect(applied.ok).toBe(true);
    expect(counts).toMatchObject({ lists: 1, preferences: 1, shortcuts: 1, pushed: 1, alerts: 0, key: 0 });
  });
});
