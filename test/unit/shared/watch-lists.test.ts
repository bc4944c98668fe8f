import { describe, expect, it } from 'vitest';
import {
  listNameProblem,
  nextListId,
  sameListName,
  unionOfLists,
  unionOverCapMessage,
} from '../../../src/shared/watch-lists';

describe('watch list rules', () => {
  it('accepts trimmed names of 1 to 40 characters without control characters', () => {
    expect(listNameProblem(' Tech ')).toBeNull();
    expect(listNameProblem('x'.repeat(40))).toBeNull();
    expect(listNameProblem('  ')).toMatch(/needs a name/);
    expect(listNameProblem('x'.repeat(41))).toMatch(/at most 40/);
    expect(listNameProblem('a\u0007b')).toMatch(/control/);
    expect(listNameProblem(42)).toMatch(/text/);
  });

  it('compares names without case or surrounding spaces', () => {
    expect(sameListName(' tech', 'TECH ')).toBe(true);
    expect(sameListName('Tech', 'Tech 2')).toBe(false);
  });

  it('makes an id one above the highest of its own kind', () => {
    expect(nextListId([])).toBe('l1');
    expect(nextListId([{ id: 'l1' }, { id: 'l7' }, { id: 'imported' }])).toBe('l8');
  });

  it('unites the lists on screen in order, each symbol once, ignoring unknown ids', () => {
    const lists = [
      { id: 'l1', name: 'Tech', symbols: ['AAPL', 'MSFT'] },
      { id: 'l2', name: 'Mixed', symbols: ['BINANCE:BTCUSDT', 'AAPL'] },
      { id: 'l3', name: 'Hidden', symbols: ['IBM'] },
    ];
    expect(unionOfLists(lists, ['l1', 'l2', 'l9'])).toEqual(['AAPL', 'MSFT', 'BINANCE:BTCUSDT']);
    expect(unionOfLists(lists, ['l2'])).toEqual(['BINANCE:BTCUSDT', 'AAPL']);
  });

  it('says how far over the cap the lists on screen are and what to do', () => {
    expect(unionOverCapMessage(53, 50)).toBe(
      'The lists on screen would need 53 symbols, but your plan allows 50 on its one connection. Remove 3 from the lists on screen, or show a smaller list.',
    );
  });
});
