/**
 * The native context menu of a strip item: "Alert when … at or above / at or below" the current
 * price (opening settings with a new alert filled in), and the Alerts section itself.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { describeAlertCondition, type AlertCondition } from '../../shared/alert-rules';
import { displayName } from '../../shared/symbols';

export interface ItemMenuActions {
  newAlert(condition: AlertCondition): void;
  openAlerts(): void;
}

/** Menu labels treat `&` as a mnemonic marker on Windows and Linux: show it literally. */
function literal(text: string): string {
  return text.replace(/&/g, '&&');
}

/** The menu for `symbol` at `price` (null while it has none: only the Alerts entry). */
export function buildItemMenu(symbol: string, price: number | null, actions: ItemMenuActions): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  if (price !== null) {
    for (const op of ['>=', '<='] as const) {
      const condition: AlertCondition = { symbol, metric: 'price', op, value: price };
      items.push({ id: `alert-${op === '>=' ? 'above' : 'below'}`, label: literal(`Alert when ${describeAlertCondition(condition, displayName(symbol))}…`), click: () => actions.newAlert(condition) });
    }
    items.push({ type: 'separator' });
  }
  items.push({ id: 'alerts', label: 'Alerts…', click: () => actions.openAlerts() });
  return items;
}
