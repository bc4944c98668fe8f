/**
 * What one strip window sees: its own list's settings with which strip it is, its order and its
 * content, and only its own symbols' company details.
 */
import { describe, expect, it, vi } from 'vitest';
import { StripView, type StripRole } from '../../../src/main/shell/strip-view';
import { defaultSecondStrip } from '../../../src/shared/second-strip';
import { DEFAULT_PREFERENCES } from '../../../src/shared/preference-rules';
import { emptyDetails } from '../../../src/shared/symbol-context';
import type { PublicSettings, SecondStrip } from '../../../src/shared/types';

const lists = [
  { id: 'l1', name: 'Stocks', symbols: ['AAPL', 'MSFT'] },
  { id: 'l2', name: 'News', symbols: ['TSLA'] },
];
const second: SecondStrip = { ...defaultSecondStrip('l2'), enabled: true, sortOrder: 'name', content: 'headlines' };
const settings = {
  symbols: ['AAPL', 'MSFT'],
  lists,
  shownListId: 'l1',
  preferences: { ...DEFAULT_PREFERENCES, sortOrder: 'change-down' },
  secondStrip: second,
} as unknown as PublicSettings;

function view(role: StripRole): StripView {
  return new StripView({
    role,
    core: { lists: () => lists, shownListId: () => 'l1', secondStrip: () => second, handlers: {} as never },
    now: () => 0,
  });
}

describe('StripView', () => {
  it('tells each strip which it is, its own order and what it shows', () => {
    expect(view('first').settingsFor(settings).strip).toEqual({
      role: 'first',
      sortOrder: 'change-down',
      content: 'quotes',
    });
    const secondSettings = view('second').settingsFor(settings);
    expect(secondSettings.symbols).toEqual(['TSLA']);
    expect(secondSettings.strip).toEqual({ role: 'second', sortOrder: 'name', content: 'headlines' });
  });

  it('pushes a strip only its own symbols’ details, and nothing when none of them changed', () => {
    const send = vi.fn();
    const first = view('first');
    first.deliver('details', [emptyDetails('AAPL'), emptyDetails('TSLA')], send);
    expect(send).toHaveBeenCalledWith('details', [emptyDetails('AAPL')]);
    send.mockClear();
    first.deliver('details', [emptyDetails('TSLA')], send);
    expect(send).not.toHaveBeenCalled();
    expect(first.detailsFor([emptyDetails('MSFT'), emptyDetails('NVDA')])).toEqual([emptyDetails('MSFT')]);
  });
});
