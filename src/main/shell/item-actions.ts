/**
 * What a strip item can ask of main: open its chart in the browser (main builds the link from the
 * saved template; the page only names the symbol) and pop up its right-click menu.
 */
import type { BrowserWindow, Clipboard, Menu } from 'electron';
import type { WatchList } from '../../shared/types';
import { buildChartUrl } from '../../shared/chart-url';
import { TickerError } from '../../shared/ipc-contract';
import { normalizeSymbol } from '../../shared/symbols';
import type { TickerCore } from '../../engine/core/ticker-core';
import type { RunAction } from './action-runner';
import { buildItemMenu, priceForClipboard, type ItemMenuActions } from './item-menu';
import type { OpenSettingsOptions } from './settings-window';

/** The strip an item was clicked on: its list and its window. */
export interface ItemStrip {
  list(): WatchList | null;
  window(): BrowserWindow | null;
}

export interface ItemActionsDeps {
  core: Pick<TickerCore, 'handlers' | 'preferences'>;
  clipboard: Pick<Clipboard, 'writeText'>;
  Menu: Pick<typeof Menu, 'buildFromTemplate'>;
  /** The one checked path to the browser (createLinkOpener): it refuses any link the app did not build. */
  openLink(url: string): Promise<null>;
  openSettings(options: OpenSettingsOptions): void;
  run: RunAction;
}

export interface ItemActions {
  openChart(symbol: string, strip: ItemStrip): Promise<void>;
  showItemMenu(symbol: string, strip: ItemStrip): Promise<void>;
}

export function createItemActions(deps: ItemActionsDeps): ItemActions {
  const { core, run } = deps;

  /** A symbol the strip shows (normalised) and the strip's list, or a typed refusal. */
  const stripSymbol = (input: string, strip: ItemStrip): { symbol: string; list: WatchList } => {
    const symbol = normalizeSymbol(input);
    const list = strip.list();
    if (symbol === null || !list?.symbols.includes(symbol))
      throw new TickerError('not-found', `${input.slice(0, 40)} is not on the strip.`);
    return { symbol, list };
  };
  const lastPrice = async (symbol: string): Promise<number | null> =>
    (await core.handlers.getSnapshot()).find((quote) => quote.symbol === symbol)?.price ?? null;

  const openChart = async (input: string, strip: ItemStrip): Promise<void> => {
    const { symbol } = stripSymbol(input, strip);
    const url = buildChartUrl(core.preferences().chartUrlTemplate, symbol);
    if (url === null)
      throw new TickerError(
        'invalid-payload',
        'The chart link in Settings cannot be used: check it under Look and behaviour.',
      );
    try {
      await deps.openLink(url);
    } catch (error) {
      if (error instanceof TickerError && error.code === 'internal')
        throw new TickerError('internal', 'The chart could not be opened in your browser.');
      throw new TickerError(
        'invalid-payload',
        'The chart link in Settings cannot be used: check it under Look and behaviour.',
      );
    }
  };
  const menuActions = (strip: ItemStrip, listId: string): ItemMenuActions => ({
    openChart: (symbol) => run(`open the chart of ${symbol}`, () => openChart(symbol, strip)),
    copyPrice: (symbol) =>
      run(`copy the price of ${symbol}`, async () => {
        const price = await lastPrice(symbol);
        if (price !== null) deps.clipboard.writeText(priceForClipboard(price));
      }),
    move: (symbol, toIndex) => run(`move ${symbol}`, () => core.handlers.moveInList(listId, symbol, toIndex)),
    remove: (symbol) => run(`remove ${symbol}`, () => core.handlers.removeFromList(listId, symbol)),
    newAlert: (condition) => deps.openSettings({ prefillAlert: condition }),
    openAlerts: () => deps.openSettings({ focusAlert: '' }),
  });
  const showItemMenu = async (input: string, strip: ItemStrip): Promise<void> => {
    const { symbol, list } = stripSymbol(input, strip);
    const price = await lastPrice(symbol);
    const state = {
      symbol,
      price,
      index: list.symbols.indexOf(symbol),
      count: list.symbols.length,
      listName: list.name,
    };
    const template = buildItemMenu(state, menuActions(strip, list.id));
    const window = strip.window();
    deps.Menu.buildFromTemplate(template).popup(window ? { window } : {});
  };
  return { openChart, showItemMenu };
}
