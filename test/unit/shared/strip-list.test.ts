import { describe, expect, it } from 'vitest';
import { defaultSecondStrip, stripList } from '../../../src/shared/second-strip';

const lists = [
  { id: 'l1', name: 'Stocks', symbols: ['AAPL'] },
  { id: 'l2', name: 'Crypto', symbols: ['BINANCE:BTCUSDT'] },
];

describe('stripList', () => {
  it('gives the first strip the shown list and the second strip its own', () => {
    const settings = { lists, shownListId: 'l2', secondStrip: { ...defaultSecondStrip('l1'), enabled: true } };
    expect(stripList('first', settings)?.name).toBe('Crypto');
    expect(stripList('second', settings)?.name).toBe('Stocks');
  });

  it('is null while an id names no list', () => {
    expect(stripList('first', { lists, shownListId: 'l9', secondStrip: defaultSecondStrip('l1') })).toBeNull();
    expect(stripList('second', { lists, shownListId: 'l1', secondStrip: defaultSecondStrip('l7') })).toBeNull();
  });
});
