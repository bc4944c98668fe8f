/**
 * What a strip item can ask of main: open its chart in the browser (main builds the link from the
 * saved template; the page only names the symbol) and pop up its right-click menu.
 */
import type { BrowserWindow, Clipboard, Menu } from 'electron';
import { buildChartUrl } from '../../shared/chart-url';
import { TickerError } from '../../shared/ipc-contract';
import { normalizeSymbol } from '../../shared/symbols';
import type { TickerCore } from '../core/ticker-core';
import type { RunAction } from './action-runner';
import { buildItemMenu, priceForClipboard, type ItemMenuActions } from './item-menu';
import type { OpenSettingsOptions } from './settings-window';
import { isSafeExternalUrl } from './web-security';

export interface ItemActionsDeps {
  core: Pick<TickerCore, 'handlers' | 'symbols' | 'lists' | 'shownListId' | 'preferences'>;
  clipboard: Pick<Clipboard, 'writeText'>;
  Menu: Pick<typeof Menu, 'buildFromTemplate'>;
  openExternal(url: string): Promise<void>;
  openSettings(options: OpenSettingsOptions): void;
  /** The strip's window, for the menu to pop up over (null while it has none). */
  stripWindow(): BrowserWindow | null;
  run: RunAction;
}

export interface ItemActions {
  openChart(symbol: string): Promise<void>;
  showItemMenu(symbol: string): Promise<void>;
}

export function createItemActions(deps: ItemActionsDeps): ItemActions {
  const { core, run } = deps;

  /** A symbol the strip shows (normalised), or a typed refusal. */
  const stripSymbol = (input: string): string => {
    const symbol = normalizeSymbol(input);
    if (symbol === null || !core.symbols().includes(symbol)) throw new TickerError('not-found', `${input.slice(0, 40)} is not on the strip.`);
    return symbol;
  };
  const lastPrice = async (symbol: string): Promise<number | null> =>
    (await core.handlers.getSnapshot()).find((quote) => quote.symbol === symbol)?.price ?? null;

  const openChart = async (input: string): Promise<void> => {
    const symbol = stripSymbol(input);
    const url = buildChartUrl(core.preferences().chartUrlTemplate, symbol);
    if (url === null || !isSafeExternalUrl(url)) throw new TickerError('invalid-payload', 'The chart link in Settings cannot be used: check it under Look and behaviour.');
    try {
      await deps.openExternal(url);
    } catch {
      throw new TickerError('internal', 'The chart could not be opened in your browser.');
    }
  };
  const shownListName = (): string => core.lists().find((list) => list.id === core.shownListId())?.name ?? 'this list';
  const menuActions: ItemMenuActions = {
    openChart: (symbol) => run(`open the chart of ${symbol}`, () => openChart(symbol)),
    copyPrice: (symbol) =>
      run(`copy the price of ${symbol}`, async () => {
        const price = await lastPrice(symbol);
        if (price !== null) deps.clipboard.writeText(priceForClipboard(price));
      }),
    move: (symbol, toIndex) => run(`move ${symbol}`, () => core.handlers.moveSymbol(symbol, toIndex)),
    remove: (symbol) => run(`remove ${symbol}`, () => core.handlers.removeSymbol(symbol)),
    newAlert: (condition) => deps.openSettings({ prefillAlert: condition }),
    openAlerts: () => deps.openSettings({ focusAlert: '' }),
  };
  const showItemMenu = async (input: string): Promise<void> => {
    const symbol = stripSymbol(input);
    const symbols = core.symbols();
    const price = await lastPrice(symbol);
    const template = buildItemMenu({ symbol, price, index: symbols.indexOf(symbol), count: symbols.length, listName: shownListName() }, menuActions);
    const window = deps.stripWindow();
    deps.Menu.buildFromTemplate(template).popup(window ? { window } : {});
  };
  return { openChart, showItemMenu };
}
