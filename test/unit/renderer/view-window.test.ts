import { describe, it, expect } from 'vitest';
import { spansInView, viewMargin } from '../../../src/renderer/strip/view-window';

// Five items of 100 px: a lane 500 px wide, repeated in two copies (the track is 1000 px).
const spans = [0, 100, 200, 300, 400].map((start) => ({ start, end: start + 100 }));
const none = [false, false, false, false, false];
const all = [true, true, true, true, true];

describe('spansInView', () => {
  it('keeps the items of the first copy that overlap the viewport at the current offset', () => {
    expect(spansInView(spans, 500, 2, 0, 150, 0)).toEqual([[true, true, false, false, false], none]);
    expect(spansInView(spans, 500, 2, 250, 100, 0)).toEqual([[false, false, true, true, false], none]);
  });

  it('counts items coming up within the margin as in view, behind as well as ahead', () => {
    expect(spansInView(spans, 500, 2, 120, 150, 60)).toEqual([[true, true, true, true, false], none]);
  });

  it('wraps: near the end of the lane, the first items are in view in the second copy, and ready in the first', () => {
    // The viewport shows the second copy's first item; at the wrap (offset 500 -> 0) the first
    // copy's first item takes its place, so it must already be current.
    expect(spansInView(spans, 500, 2, 420, 150, 0)).toEqual([
      [true, false, false, false, true],
      [true, false, false, false, false],
    ]);
  });

  it('brings back the first items of the first copy before the scroll wraps to them', () => {
    // 5 px before the wrap, with a 60 px margin: the second copy's first items are on screen, and
    // the first copy's first items are what the strip shows a moment later, at offset 0.
    expect(spansInView(spans, 500, 2, 495, 150, 60)).toEqual([
      [true, true, true, false, true],
      [true, true, true, false, false],
    ]);
    // Far from the wrap, nothing of the first copy's start is kept.
    expect(spansInView(spans, 500, 2, 250, 100, 60)).toEqual([[false, true, true, true, true], none]);
  });

  it('marks an item in view in every copy that shows it, when the lane is narrower than the viewport', () => {
    // A 500 px lane in a 1200 px viewport: three copies, all of the first two and part of the third in view.
    expect(spansInView(spans, 500, 3, 50, 1200, 0)).toEqual([all, all, [true, true, true, false, false]]);
  });

  it('shows everything when it cannot tell (no width, bad numbers)', () => {
    expect(spansInView(spans, 0, 2, 0, 150, 0)).toEqual([all, all]);
    expect(spansInView(spans, 500, 2, Number.NaN, 150, 0)).toEqual([all, all]);
    expect(spansInView([{ start: Number.NaN, end: 5 }], 500, 1, 300, 10, 0)).toEqual([[true]]);
    expect(spansInView(spans, 500, 0, 0, 150, 0)).toEqual([[true, true, false, false, false]]);
  });
});

describe('viewMargin', () => {
  it('covers twice the distance scrolled between two checks, plus a fixed lead', () => {
    expect(viewMargin(60, 250)).toBe(120 + 30);
    expect(viewMargin(0, 250)).toBe(120);
    expect(viewMargin(Number.NaN, 250)).toBe(120);
  });
});
