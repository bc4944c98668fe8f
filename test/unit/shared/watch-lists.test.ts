import { describe, expect, it } from 'vitest';
import {
  cleanListName,
  listNameProblem,
  nextListId,
  sameListName,
  unionOfLists,
  unionOverCapMessage,
} from '../../../src/shared/watch-lists';

describe('watch list rules', () => {
  it('accepts names of 1 to 40 characters once cleaned', () => {
    expect(listNameProblem(' Tech ')).toBeNull();
    expect(listNameProblem('x'.repeat(40))).toBeNull();
    expect(listNameProblem('  ')).toMatch(/needs a name/);
    expect(listNameProblem('\u200B\u202E\u2066')).toMatch(/needs a name/);
    expect(listNameProblem('x'.repeat(41))).toMatch(/at most 40/);
    expect(listNameProblem(`${'x'.repeat(40)}\u200B\u200B`)).toBeNull();
    expect(listNameProblem(42)).toMatch(/text/);
  });

  it('cleans names as server text is cleaned: no bidi overrides, zero-width or control characters', () => {
    expect(cleanListName('  Te\u200Bch ')).toBe('Tech');
    expect(cleanListName('\u202Ehcet\u202C')).toBe('hcet');
    expect(cleanListName('a\u0007b\u2066c\u2069\uFEFF')).toBe('abc');
    expect(cleanListName('Multi\nline')).toBe('Multi line');
    expect(cleanListName('\u001B[31mRed\u001B[0m')).toBe('Red');
  });

  it('compares names cleaned and without case', () => {
    expect(sameListName(' tech', 'TECH ')).toBe(true);
    expect(sameListName('Tech', 'Te\u200Bch')).toBe(true);
    expect(sameListName('Tech', '\u2066Tech\u2069')).toBe(true);
    expect(sameListName('Tech', 'Tech 2')).toBe(false);
  });

  it('makes an id one above the highest of its own kind', () => {
    expect(nextListId([])).toBe('l1');
    expect(nextListId([{ id: 'l1' }, { id: 'l7' }, { id: 'imported' }])).toBe('l8');
  });

  it('never makes an id that is taken, whatever ids the file holds', () => {
    expect(nextListId([{ id: 'l999999999' }])).toBe('l1000000000');
    expect(nextListId([{ id: 'l999999999' }, { id: 'l1000000000' }])).toBe('l1000000001');
    expect(nextListId([{ id: 'l2' }, { id: 'l99999999999999999999' }, { id: 'l3' }])).toBe('l4');
    const lists: { id: string }[] = [{ id: 'l999999999' }];
    for (let n = 0; n < 5; n += 1) lists.push({ id: nextListId(lists) });
    expect(new Set(lists.map((list) => list.id)).size).toBe(lists.length);
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
