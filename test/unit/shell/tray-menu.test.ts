import { describe, it, expect, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import {
  buildTrayMenu,
  describeDisplays,
  displayLabel,
  MAX_INLINE_SYMBOLS,
  trayIconFor,
  trayTooltip,
  type TrayMenuActions,
  type TrayMenuState,
} from '../../../src/main/shell/tray-menu';
import { statusInWords } from '../../../src/shared/connection-words';
import { CONNECTION_STATES, type FeedStatus, type Preferences } from '../../../src/shared/types';
import { DEFAULT_PREFERENCES } from '../../../src/shared/preference-rules';

const PREFS: Preferences = { ...DEFAULT_PREFERENCES, updateRateHz: 4 };

function state(
  overrides: Partial<TrayMenuState> & { prefs?: Partial<Preferences>; statusState?: FeedStatus['state'] } = {},
): TrayMenuState {
  const { prefs, statusState, ...rest } = overrides;
  return {
    status: { state: statusState ?? 'live', since: 0 },
    symbols: ['AAPL', 'BINANCE:BTCUSDT'],
    lists: [{ id: 'l1', name: 'Watch list', symbols: ['AAPL', 'BINANCE:BTCUSDT'] }],
    shownListId: 'l1',
    preferences: { ...PREFS, ...prefs },
    displays: [
      { id: 1, label: 'Built-in (1920×1080)' },
      { id: 2, label: 'DELL U2720Q (2560×1440)' },
    ],
    primaryDisplayId: 1,
    maxSymbols: 50,
    ...rest,
  };
}

type MockedActions = { [K in keyof TrayMenuActions]: TrayMenuActions[K] & ReturnType<typeof vi.fn> };

function actions(): MockedActions {
  return {
    removeSymbol: vi.fn((_symbol: string) => {}),
    showList: vi.fn((_listId: string) => {}),
    addSymbol: vi.fn(() => {}),
    setPaused: vi.fn((_paused: boolean) => {}),
    setAlwaysOnTop: vi.fn((_value: boolean) => {}),
    setClickThrough: vi.fn((_value: boolean) => {}),
    setStripHidden: vi.fn((_value: boolean) => {}),
    setWhenMarketsClosed: vi.fn((_choice: Preferences['whenMarketsClosed']) => {}),
    setPosition: vi.fn((_position: 'top' | 'bottom') => {}),
    setDisplay: vi.fn((_id: number) => {}),
    setLaunchAtLogin: vi.fn((_value: boolean) => {}),
    setPrivacy: vi.fn((_value: boolean) => {}),
    openSettings: vi.fn(() => {}),
    quit: vi.fn(() => {}),
  };
}

function byId(menu: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  for (const item of menu) {
    if (item.id === id) return item;
    if (Array.isArray(item.submenu)) {
      try {
        return byId(item.submenu, id);
      } catch {
        // keep looking
      }
    }
  }
  throw new Error(`no menu item ${id}`);
}

function byLabel(menu: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = menu.find((item) => item.label === label);
  if (!found) throw new Error(`no menu item labelled ${label}`);
  return found;
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

function submenu(item: MenuItemConstructorOptions): MenuItemConstructorOptions[] {
  if (!Array.isArray(item.submenu)) throw new Error(`${item.label} has no submenu`);
  return item.submenu;
}

describe('tray icon and words', () => {
  it('maps every connection state to an icon and to words', () => {
    expect(CONNECTION_STATES.map(trayIconFor)).toEqual([
      'warning',
      'live',
      'warning',
      'warning',
      'error',
      'error',
      'paused',
      'paused',
      'demo',
    ]);
  });

  it('puts the state in the tooltip, with the retry as of when it was reported', () => {
    expect(trayTooltip({ state: 'unauthorized', since: 0 })).toBe('Ticker: Key refused');
    expect(trayTooltip({ state: 'reconnecting', since: 5_000, retryInMs: 4_200, attempt: 2 })).toBe(
      'Ticker: Reconnecting in 5 s',
    );
  });

  it('labels displays with their name and size', () => {
    expect(displayLabel({ label: 'DELL', size: { width: 2560, height: 1440 } }, 1)).toBe('DELL (2560×1440)');
    expect(displayLabel({ label: '', size: { width: 1920, height: 1080 } }, 0)).toBe('Display 1 (1920×1080)');
  });

  it('describes displays for the settings view, marking the primary one', () => {
    const displays = [
      { id: 7, label: '', size: { width: 1920, height: 1080 } },
      { id: 9, label: 'DELL', size: { width: 2560, height: 1440 } },
    ];
    expect(describeDisplays(displays, 9)).toEqual([
      { id: 7, label: 'Display 1 (1920×1080)', primary: false },
      { id: 9, label: 'DELL (2560×1440)', primary: true },
    ]);
  });
});

describe('buildTrayMenu', () => {
  it('starts with the status in words, disabled, for each state', () => {
    for (const connection of CONNECTION_STATES) {
      const menu = buildTrayMenu(state({ statusState: connection }), actions());
      expect(menu[0]).toMatchObject({
        id: 'status',
        enabled: false,
        label: statusInWords({ state: connection, since: 0 }),
      });
    }
  });

  it("shows the watched markets' hours under the status, disabled", () => {
    const menu = buildTrayMenu(state({ marketHours: ['US market opens Monday 09:30 ET (in 2 d 14 h)'] }), actions());
    expect(menu[1]).toMatchObject({
      id: 'market-hours-0',
      label: 'US market opens Monday 09:30 ET (in 2 d 14 h)',
      enabled: false,
    });
    expect(menu[2]).toMatchObject({ type: 'separator' });
    expect(buildTrayMenu(state(), actions()).some((item) => String(item.id).startsWith('market-hours'))).toBe(false);
  });

  it('lists the symbols, each with a Remove item calling through', () => {
    const act = actions();
    const menu = buildTrayMenu(state(), act);
    expect(menu.map((item) => item.label)).toContain('AAPL');
    const btc = byLabel(menu, 'BTC/USDT  (BINANCE:BTCUSDT)');
    const remove = submenu(btc);
    expect(remove.map((item) => item.label)).toEqual(['Remove']);
    click(remove[0]!);
    expect(act.removeSymbol).toHaveBeenCalledWith('BINANCE:BTCUSDT');
  });

  it('says when there are no symbols, and disables Add at the limit', () => {
    expect(buildTrayMenu(state({ symbols: [] }), actions()).some((item) => item.label === 'No symbols yet')).toBe(true);
    expect(byId(buildTrayMenu(state({ maxSymbols: 2 }), actions()), 'add-symbol').enabled).toBe(false);
    expect(byId(buildTrayMenu(state(), actions()), 'add-symbol').enabled).toBe(true);
  });

  it('keeps a long watch list short, the rest in a More submenu', () => {
    const many = Array.from({ length: MAX_INLINE_SYMBOLS + 5 }, (_, i) => `S${i}`);
    const menu = buildTrayMenu(state({ symbols: many }), actions());
    const more = byLabel(menu, 'More (5)');
    expect(submenu(more).map((item) => item.label)).toEqual(many.slice(MAX_INLINE_SYMBOLS));
  });

  it('shows & in a symbol literally', () => {
    expect(buildTrayMenu(state({ symbols: ['M&M'] }), actions()).some((item) => item.label === 'M&&M')).toBe(true);
  });

  it('Add symbol opens settings focused on the add field', () => {
    const act = actions();
    click(byId(buildTrayMenu(state(), act), 'add-symbol'));
    expect(act.addSymbol).toHaveBeenCalledOnce();
  });

  it('Pause pauses a running feed, Resume resumes a paused one', () => {
    const act = actions();
    const running = byId(buildTrayMenu(state(), act), 'pause');
    expect(running.label).toBe('Pause');
    click(running);
    expect(act.setPaused).toHaveBeenLastCalledWith(true);
    const paused = byId(buildTrayMenu(state({ prefs: { paused: true }, statusState: 'paused' }), act), 'pause');
    expect(paused.label).toBe('Resume');
    click(paused);
    expect(act.setPaused).toHaveBeenLastCalledWith(false);
  });

  it('checkboxes show and toggle always on top, click-through and launch at login', () => {
    const act = actions();
    const menu = buildTrayMenu(state({ prefs: { alwaysOnTop: true, clickThrough: false, launchAtLogin: true } }), act);
    expect(byId(menu, 'always-on-top')).toMatchObject({ type: 'checkbox', checked: true });
    expect(byId(menu, 'click-through')).toMatchObject({ type: 'checkbox', checked: false });
    expect(byId(menu, 'launch-at-login')).toMatchObject({ type: 'checkbox', checked: true });
    click(byId(menu, 'always-on-top'));
    click(byId(menu, 'click-through'));
    click(byId(menu, 'launch-at-login'));
    expect(act.setAlwaysOnTop).toHaveBeenCalledWith(false);
    expect(act.setClickThrough).toHaveBeenCalledWith(true);
    expect(act.setLaunchAtLogin).toHaveBeenCalledWith(false);
  });

  it('Hide strip hides a shown strip, Show strip shows a hidden one', () => {
    const act = actions();
    click(byId(buildTrayMenu(state(), act), 'strip-visibility'));
    expect(act.setStripHidden).toHaveBeenLastCalledWith(true);
    const hidden = byId(buildTrayMenu(state({ prefs: { hidden: true } }), act), 'strip-visibility');
    expect(hidden.label).toBe('Show strip');
    click(hidden);
    expect(act.setStripHidden).toHaveBeenLastCalledWith(false);
  });

  it('while the strip steps aside for closed markets, offers to show it instead of hiding it', () => {
    const act = actions();
    const aside = byId(
      buildTrayMenu(state({ marketsClosed: true, prefs: { whenMarketsClosed: 'hide' } }), act),
      'strip-visibility',
    );
    expect(aside.label).toBe('Show strip while markets are closed');
    click(aside);
    expect(act.setWhenMarketsClosed).toHaveBeenLastCalledWith('dim');
    expect(act.setStripHidden).not.toHaveBeenCalled();
    // Dimmed while closed, the strip is on screen: hiding it is the ordinary choice.
    expect(
      byId(buildTrayMenu(state({ marketsClosed: true, prefs: { whenMarketsClosed: 'dim' } }), act), 'strip-visibility')
        .label,
    ).toBe('Hide strip');
    expect(
      byId(
        buildTrayMenu(state({ marketsClosed: true, prefs: { whenMarketsClosed: 'hide', hidden: true } }), act),
        'strip-visibility',
      ).label,
    ).toBe('Show strip');
  });

  it('Position has Top/Bottom radios and a Display submenu', () => {
    const act = actions();
    const menu = buildTrayMenu(state({ prefs: { position: 'bottom', displayId: 2 } }), act);
    expect(byId(menu, 'position-top')).toMatchObject({ type: 'radio', checked: false });
    expect(byId(menu, 'position-bottom')).toMatchObject({ type: 'radio', checked: true });
    click(byId(menu, 'position-top'));
    expect(act.setPosition).toHaveBeenCalledWith('top');
    const displays = submenu(byId(menu, 'display'));
    expect(displays.map((item) => [item.label, item.checked])).toEqual([
      ['Built-in (1920×1080) (primary)', false],
      ['DELL U2720Q (2560×1440)', true],
    ]);
    click(displays[0]!);
    expect(act.setDisplay).toHaveBeenCalledWith(1);
  });

  it('checks the primary display when the saved one is gone or none was chosen', () => {
    for (const displayId of [null, 42]) {
      const displays = submenu(byId(buildTrayMenu(state({ prefs: { displayId } }), actions()), 'display'));
      expect(displays.map((item) => item.checked)).toEqual([true, false]);
    }
  });

  it('Settings… and Quit call through', () => {
    const act = actions();
    const menu = buildTrayMenu(state(), act);
    click(byId(menu, 'settings'));
    click(byId(menu, 'quit'));
    expect(act.openSettings).toHaveBeenCalledOnce();
    expect(act.quit).toHaveBeenCalledOnce();
    expect(menu.at(-1)?.id).toBe('quit');
  });
});

describe('buildTrayMenu: watch lists', () => {
  const lists = [
    { id: 'l1', name: 'Tech & AI', symbols: ['AAPL', 'NVDA'] },
    { id: 'l2', name: 'Crypto', symbols: ['BINANCE:BTCUSDT'] },
  ];

  it('has no list switch while there is one list', () => {
    expect(() => byId(buildTrayMenu(state(), actions()), 'watch-list')).toThrow();
  });

  it('switches the list the strip shows, marking the shown one and naming it literally', () => {
    const act = actions();
    const menu = buildTrayMenu(state({ lists, shownListId: 'l2', symbols: ['BINANCE:BTCUSDT'] }), act);
    expect(byId(menu, 'watch-list').label).toBe('Watch list: Crypto');
    expect(byId(menu, 'watch-list-l1')).toMatchObject({ label: 'Tech && AI (2)', type: 'radio', checked: false });
    expect(byId(menu, 'watch-list-l2')).toMatchObject({ label: 'Crypto (1)', checked: true });
    byId(menu, 'watch-list-l1').click?.({} as never, undefined, {} as never);
    expect(act.showList).toHaveBeenCalledWith('l1');
  });
});
