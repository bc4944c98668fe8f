/** The latency bench's bookkeeping (pure; here because tsconfig.browser.json is the project that checks bench/). */
import { describe, it, expect } from 'vitest';
import { inViewAt, leftViewBetween, tallyLatency, type ViewHistory } from '../../../bench/browser/latency-tally';

const alwaysIn: ViewHistory = { initiallyInView: true, changes: [] };

describe('inViewAt / leftViewBetween', () => {
  const view: ViewHistory = {
    initiallyInView: false,
    changes: [
      { at: 100, inView: true },
      { at: 300, inView: false },
    ],
  };

  it('follows the changes up to and including the time asked', () => {
    expect(inViewAt(view, 50)).toBe(false);
    expect(inViewAt(view, 100)).toBe(true);
    expect(inViewAt(view, 299)).toBe(true);
    expect(inViewAt(view, 300)).toBe(false);
    expect(inViewAt(undefined, 0)).toBe(true);
  });

  it('sees the item going offscreen only inside the interval', () => {
    expect(leftViewBetween(view, 100, 299)).toBe(false);
    expect(leftViewBetween(view, 100, 300)).toBe(true);
    expect(leftViewBetween(view, 300, 400)).toBe(false);
  });
});

describe('tallyLatency', () => {
  it('measures each trade to the first price showing it or a newer one of its symbol', () => {
    const tally = tallyLatency({
      sendTimes: [[0, 10, 20]],
      firstTrade: [0],
      shown: [
        { symbolIndex: 0, trade: 2, at: 120 },
        { symbolIndex: 0, trade: 0, at: 60 },
      ],
      views: [alwaysIn],
    });
    expect(tally.samples).toEqual([60, 110, 100]);
    expect(tally).toMatchObject({ sent: 3, counted: 3, offscreen: 0, leftView: 0, missing: 0 });
  });

  it('leaves out trades sent before the measure and prices of trades before it', () => {
    const tally = tallyLatency({
      sendTimes: [[0, 10, 20]],
      firstTrade: [2],
      shown: [
        { symbolIndex: 0, trade: 1, at: 15 },
        { symbolIndex: 0, trade: 2, at: 70 },
      ],
      views: [alwaysIn],
    });
    expect(tally.samples).toEqual([50]);
    expect(tally.sent).toBe(1);
  });

  it('does not count trades sent while their item was offscreen, even when shown on its return', () => {
    const view: ViewHistory = { initiallyInView: false, changes: [{ at: 500, inView: true }] };
    const tally = tallyLatency({
      sendTimes: [[0, 600]],
      firstTrade: [0],
      shown: [
        { symbolIndex: 0, trade: 0, at: 510 },
        { symbolIndex: 0, trade: 1, at: 650 },
      ],
      views: [view],
    });
    expect(tally.samples).toEqual([50]);
    expect(tally).toMatchObject({ sent: 2, counted: 1, offscreen: 1 });
  });

  it('puts apart a trade whose item left the view before showing it, and counts one never shown in view as missing', () => {
    const leaving: ViewHistory = { initiallyInView: true, changes: [{ at: 40, inView: false }] };
    const tally = tallyLatency({
      sendTimes: [[0], [0]],
      firstTrade: [0, 0],
      shown: [],
      views: [leaving, alwaysIn],
    });
    expect(tally.samples).toEqual([]);
    expect(tally).toMatchObject({ sent: 2, counted: 1, leftView: 1, missing: 1 });
  });
});
