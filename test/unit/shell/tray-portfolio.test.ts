/**
 * The portfolio in the tray: the tooltip sums it up and follows its figures without rebuilding the
 * menu, the privacy switch hides its amounts there (keeping the percentages), and the menu's
 * "Hide amounts" checkbox flips the preference.
 */
import { describe, it, expect, vi, beforeEach } from 'vitest';
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import { Menu as MockMenuApi, MockTray, nativeImage, resetElectronMock, screen } from '../../support/electron-mock';
import { TrayController, trayIconPath } from '../../../src/main/shell/tray';
import { buildTrayMenu, type TrayMenuActions } from '../../../src/main/shell/tray-menu';
import { createTrayActions } from '../../../src/main/shell/tray-actions';
import { Signal } from '../../../src/shared/signal';
import { DEFAULT_PREFERENCES } from '../../../src/shared/preference-rules';
import type { PortfolioFigures } from '../../../src/shared/portfolio/compute-portfolio';
import type { FeedStatus, Preferences, PublicSettings } from '../../../src/shared/types';
import type { EventContract, EventName } from '../../../src/shared/ipc-contract';
import type { TickerCore } from '../../../src/engine/core/ticker-core';

vi.mock('electron', () => import('../../support/electron-mock'));

const FIGURES: PortfolioFigures = {
  currency: 'USD',
  value: 12345.67,
  dayChange: 51.2,
  dayChangePct: 0.4165,
  gain: 2345.67,
  gainPct: 23.4567,
  missingRates: [],
  missingPrices: [],
  positions: [],
};

function setup() {
  let preferences: Preferences = { ...DEFAULT_PREFERENCES };
  let figures: PortfolioFigures | null = FIGURES;
  const status: FeedStatus = { state: 'live', since: 0 };
  const events = {
    status: new Signal(),
    settings: new Signal(),
    relay: new Signal(),
    portfolio: new Signal(),
  } as unknown as { [K in EventName]: Signal<EventContract[K]> };
  const core = {
    events,
    status: () => status,
    symbols: () => ['AAPL'],
    lists: () => [{ id: 'l1', name: 'Watch list', symbols: ['AAPL'] }],
    shownListId: () => 'l1',
    preferences: () => preferences,
    relay: () => ({ enabled: false, port: 8765, listening: false, error: null, clients: [] }),
  } as Pick<TickerCore, 'events' | 'status' | 'symbols' | 'lists' | 'shownListId' | 'preferences' | 'relay'>;
  const buildMenu = vi.fn(
    (template: MenuItemConstructorOptions[]) => MockMenuApi.buildFromTemplate(template) as unknown as Menu,
  );
  new TrayController({
    createTray: (icon) => new MockTray(icon as never) as unknown as Tray,
    buildMenu,
    loadIcon: (state) => nativeImage.createFromPath(trayIconPath('/res', state)) as unknown as NativeImage,
    core,
    screen: screen as never,
    actions: {} as TrayMenuActions,
    maxSymbols: 50,
    portfolio: { current: () => figures, changed: events.portfolio },
  });
  const tray = MockTray.instances[0]!;
  return {
    tray,
    buildMenu,
    setFigures(next: PortfolioFigures | null) {
      figures = next;
      events.portfolio.emit(next);
    },
    setPreferences(patch: Partial<Preferences>) {
      preferences = { ...preferences, ...patch };
      events.settings.emit({ preferences } as PublicSettings);
    },
  };
}

beforeEach(() => resetElectronMock());

describe('tray and the portfolio', () => {
  it('sums the portfolio up in the tooltip and follows its figures without rebuilding the menu', () => {
    const { tray, buildMenu, setFigures } = setup();
    expect(tray.tooltip).toBe('Ticker: Live · Portfolio $12,345.67 (+0.42% today, +23.46% total)');
    const menus = buildMenu.mock.calls.length;
    setFigures({ ...FIGURES, value: 12000, dayChangePct: -2.5 });
    expect(tray.tooltip).toBe('Ticker: Live · Portfolio $12,000.00 (\u22122.50% today, +23.46% total)');
    expect(buildMenu.mock.calls.length).toBe(menus);
    setFigures({ ...FIGURES, value: null, missingRates: ['GBP'] });
    expect(tray.tooltip).toBe('Ticker: Live · Portfolio: no rate yet for GBP');
    setFigures(null);
    expect(tray.tooltip).toBe('Ticker: Live');
  });

  it('hides the amounts in the tooltip while privacy is on, keeping the percentages', () => {
    const { tray, setPreferences } = setup();
    setPreferences({ privacy: true });
    expect(tray.tooltip).toBe('Ticker: Live · Portfolio ••• (+0.42% today, +23.46% total)');
    expect(tray.tooltip).not.toMatch(/\d{2},\d{3}/);
    setPreferences({ privacy: false });
    expect(tray.tooltip).toContain('$12,345.67');
  });

  it('the menu\'s "Hide amounts" checkbox shows and flips the privacy preference', async () => {
    const setPreferences = vi.fn(
      (patch: Partial<Preferences>) => ({ preferences: { ...DEFAULT_PREFERENCES, ...patch } }) as PublicSettings,
    );
    const actions = createTrayActions({
      core: { handlers: { setPreferences } } as unknown as Pick<TickerCore, 'handlers' | 'shownListId'>,
      openSettings: () => {},
      quit: () => {},
      run: (_what, action) => void action(),
    });
    const state = {
      status: { state: 'live', since: 0 } as FeedStatus,
      symbols: [],
      lists: [],
      shownListId: 'l1',
      displays: [],
      primaryDisplayId: 1,
      maxSymbols: 50,
    };
    const off = buildTrayMenu({ ...state, preferences: { ...DEFAULT_PREFERENCES } }, actions).find(
      (item) => item.id === 'privacy',
    );
    expect(off).toMatchObject({ type: 'checkbox', checked: false, label: 'Hide amounts (privacy)' });
    (off?.click as () => void)();
    expect(setPreferences).toHaveBeenCalledWith({ privacy: true });
    const on = buildTrayMenu({ ...state, preferences: { ...DEFAULT_PREFERENCES, privacy: true } }, actions).find(
      (item) => item.id === 'privacy',
    );
    expect(on?.checked).toBe(true);
    (on?.click as () => void)();
    expect(setPreferences).toHaveBeenLastCalledWith({ privacy: false });
  });
});
