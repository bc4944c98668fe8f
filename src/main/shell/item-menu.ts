/**
 * Pure: the native menu a right-click on a strip item pops up: open chart, copy price, "Alert when …"
 * at or above / at or below the current price (opening settings with a new alert filled in), the
 * Alerts section, moves within the shown list and removal from it. Clicks call injected actions.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { describeAlertCondition, type AlertCondition } from '../../shared/alert-rules';
import { displayName } from '../../shared/symbols';

export interface ItemMenuState {
  symbol: string;
  /** The last price, or null while there is none (nothing to copy, no alert at it). */
  price: number | null;
  /** Where the symbol is in the shown list, and how long the list is. */
  index: number;
  count: number;
  /** The shown list's name, for "Remove from …". */
  listName: string;
}

export interface ItemMenuActions {
  openChart(symbol: string): void;
  copyPrice(symbol: string): void;
  newAlert(condition: AlertCondition): void;
  openAlerts(): void;
  move(symbol: string, toIndex: number): void;
  remove(symbol: string): void;
}

/** Menu labels treat `&` as a mnemonic marker on Windows and Linux: show it literally. */
function literal(text: string): string {
  return text.replace(/&/g, '&&');
}

export function buildItemMenu(state: ItemMenuState, actions: ItemMenuActions): MenuItemConstructorOptions[] {
  const { symbol, price, index, count } = state;
  const name = displayName(symbol);
  const alerts: MenuItemConstructorOptions[] = [];
  if (price !== null) {
    for (const op of ['>=', '<='] as const) {
      const condition: AlertCondition = { symbol, metric: 'price', op, value: price };
      alerts.push({
        id: `alert-${op === '>=' ? 'above' : 'below'}`,
        label: literal(`Alert when ${describeAlertCondition(condition, name)}…`),
        click: () => actions.newAlert(condition),
      });
    }
  }
  return [
    { id: 'item-title', label: literal(name === symbol ? symbol : `${name}  (${symbol})`), enabled: false },
    { type: 'separator' },
    { id: 'open-chart', label: 'Open chart', click: () => actions.openChart(symbol) },
    { id: 'copy-price', label: 'Copy price', enabled: price !== null, click: () => actions.copyPrice(symbol) },
    { type: 'separator' },
    ...alerts,
    { id: 'alerts', label: 'Alerts…', click: () => actions.openAlerts() },
    { type: 'separator' },
    { id: 'move-left', label: 'Move left', enabled: index > 0, click: () => actions.move(symbol, index - 1) },
    {
      id: 'move-right',
      label: 'Move right',
      enabled: index >= 0 && index < count - 1,
      click: () => actions.move(symbol, index + 1),
    },
    { type: 'separator' },
    {
      id: 'remove',
      label: literal(`Remove from “${state.listName}”`),
      enabled: index >= 0,
      click: () => actions.remove(symbol),
    },
  ];
}

/** The price as copied: plain digits a spreadsheet or a calculator reads, no grouping, no currency. */
export function priceForClipboard(price: number): string {
  return String(price);
}
