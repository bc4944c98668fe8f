import { describe, expect, it, vi } from 'vitest';
import { buildItemMenu, priceForClipboard, type ItemMenuActions } from '../../../src/main/shell/item-menu';

function actions() {
  return {
    openChart: vi.fn((_symbol: string) => {}),
    copyPrice: vi.fn((_symbol: string) => {}),
    move: vi.fn((_symbol: string, _toIndex: number) => {}),
    newAlert: vi.fn((_condition: unknown) => {}),
    openAlerts: vi.fn(() => {}),
    remove: vi.fn((_symbol: string) => {}),
  } satisfies ItemMenuActions;
}

const byId = (menu: ReturnType<typeof buildItemMenu>, id: string) => menu.find((item) => item.id === id)!;

describe('buildItemMenu', () => {
  it('names the item and offers chart, copy, moves within the list and removal from the shown list', () => {
    const act = actions();
    const menu = buildItemMenu({ symbol: 'BINANCE:BTCUSDT', price: 64000.5, index: 1, count: 3, listName: 'R&D' }, act);
    expect(byId(menu, 'item-title')).toMatchObject({ label: 'BTC/USDT  (BINANCE:BTCUSDT)', enabled: false });
    expect(byId(menu, 'remove').label).toBe('Remove from “R&&D”');
    for (const id of ['open-chart', 'copy-price', 'move-left', 'move-right', 'remove']) {
      expect(byId(menu, id).enabled ?? true, id).toBe(true);
      byId(menu, id).click?.({} as never, undefined, {} as never);
    }
    expect(act.openChart).toHaveBeenCalledWith('BINANCE:BTCUSDT');
    expect(act.copyPrice).toHaveBeenCalledWith('BINANCE:BTCUSDT');
    expect(act.move.mock.calls).toEqual([
      ['BINANCE:BTCUSDT', 0],
      ['BINANCE:BTCUSDT', 2],
    ]);
    expect(act.remove).toHaveBeenCalledWith('BINANCE:BTCUSDT');
  });

  it('disables what cannot be done: no price to copy, no move past either end', () => {
    const first = buildItemMenu({ symbol: 'AAPL', price: null, index: 0, count: 1, listName: 'Tech' }, actions());
    expect(byId(first, 'copy-price').enabled).toBe(false);
    expect(byId(first, 'move-left').enabled).toBe(false);
    expect(byId(first, 'move-right').enabled).toBe(false);
  });

  it('copies the plain price', () => {
    expect(priceForClipboard(1234.5)).toBe('1234.5');
    expect(priceForClipboard(0.000123)).toBe('0.000123');
  });
});
