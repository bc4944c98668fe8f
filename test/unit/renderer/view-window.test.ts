import { describe, it, expect } from 'vitest';
import { spansInView, viewMargin } from '../../../src/renderer/strip/view-window';

// Five items of 100 px: a lane 500 px wide.
const spans = [0, 100, 200, 300, 400].map((start) => ({ start, end: start + 100 }));

describe('spansInView', () => {
  it('keeps the items that overlap the viewport at the current offset', () => {
    expect(spansInView(spans, 500, 0, 150, 0)).toEqual([true, true, false, false, false]);
    expect(spansInView(spans, 500, 250, 100, 0)).toEqual([false, false, true, true, false]);
  });

  it('counts items coming up within the margin as in view', () => {
    expect(spansInView(spans, 500, 0, 150, 60)).toEqual([true, true, true, false, true]);
  });

  it('wraps: near the end of the lane, the first items (of the next copy) are in view', () => {
    expect(spansInView(spans, 500, 420, 150, 0)).toEqual([true, false, false, false, true]);
  });

  it('shows every item when the lane is narrower than the viewport', () => {
    expect(spansInView(spans, 500, 123, 2000, 0)).toEqual([true, true, true, true, true]);
  });

  it('shows everything when it cannot tell (no width, bad numbers)', () => {
    expect(spansInView(spans, 0, 0, 150, 0)).toEqual([true, true, true, true, true]);
    expect(spansInView(spans, 500, Number.NaN, 150, 0)).toEqual([true, true, true, true, true]);
    expect(spansInView([{ start: Number.NaN, end: 5 }], 500, 300, 10, 0)).toEqual([true]);
  });
});

describe('viewMargin', () => {
  it('covers twice the distance scrolled between two checks, plus a fixed lead', () => {
    expect(viewMargin(60, 250)).toBe(120 + 30);
    expect(viewMargin(0, 250)).toBe(120);
    expect(viewMargin(Number.NaN, 250)).toBe(120);
  });
});
