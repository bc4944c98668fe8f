import { describe, it, expect } from 'vitest';
import {
  chooseDisplay,
  displayForRect,
  dockedBounds,
  placeStrip,
  settleMovedStrip,
  SNAP_DISTANCE_PX,
  type DisplayGeometry,
  type Rect,
} from '../../../src/main/shell/docking';
import type { WindowState } from '../../../src/shared/types';

function display(id: number, bounds: Rect, inset: { top?: number; bottom?: number } = {}): DisplayGeometry {
  const top = inset.top ?? 0;
  const bottom = inset.bottom ?? 0;
  return {
    id,
    bounds,
    workArea: { x: bounds.x, y: bounds.y + top, width: bounds.width, height: bounds.height - top - bottom },
  };
}

const DOCKED: WindowState = { displayId: null, docked: true, x: null, y: null };

/** 1920×1080 primary with a 40 px task bar, and a 2560×1440 display to its right. */
const SIDE_BY_SIDE = [
  display(1, { x: 0, y: 0, width: 1920, height: 1080 }, { bottom: 40 }),
  display(2, { x: 1920, y: 0, width: 2560, height: 1440 }),
];
/** A laptop (macOS menu bar) with a monitor stacked above it. */
const STACKED = [
  display(10, { x: 0, y: 0, width: 1440, height: 900 }, { top: 25 }),
  display(11, { x: -240, y: -1080, width: 1920, height: 1080 }),
];
/** Primary on the right; the other display is left of it at negative coordinates (Windows). */
const NEGATIVE = [
  display(5, { x: 0, y: 0, width: 1920, height: 1080 }, { bottom: 48 }),
  display(6, { x: -1280, y: 200, width: 1280, height: 720 }, { bottom: 30 }),
];
/** A 4K display at 200 % scale: Electron reports it in DIPs (1920×1080), like any other. */
const HIDPI = [display(7, { x: 0, y: 0, width: 1920, height: 1080 }, { bottom: 48 })];

function place(
  displays: DisplayGeometry[],
  primary: number,
  prefs: { position: 'top' | 'bottom'; displayId: number | null; height?: number },
  state: WindowState = DOCKED,
) {
  return placeStrip({ displays, primaryDisplayId: primary, preferences: { height: 32, ...prefs }, windowState: state });
}

describe('placeStrip: docked', () => {
  it('spans the primary work area at the top or just above the task bar', () => {
    expect(place(SIDE_BY_SIDE, 1, { position: 'top', displayId: null })).toEqual({
      bounds: { x: 0, y: 0, width: 1920, height: 32 },
      displayId: 1,
      docked: true,
      position: 'top',
    });
    expect(place(SIDE_BY_SIDE, 1, { position: 'bottom', displayId: null })?.bounds).toEqual({
      x: 0,
      y: 1080 - 40 - 32,
      width: 1920,
      height: 32,
    });
  });

  it('docks to the chosen display of a side-by-side layout', () => {
    expect(place(SIDE_BY_SIDE, 1, { position: 'top', displayId: 2 })?.bounds).toEqual({
      x: 1920,
      y: 0,
      width: 2560,
      height: 32,
    });
    expect(place(SIDE_BY_SIDE, 1, { position: 'bottom', displayId: 2, height: 40 })?.bounds).toEqual({
      x: 1920,
      y: 1440 - 40,
      width: 2560,
      height: 40,
    });
  });

  it('stays below the menu bar and works on a display stacked above the primary', () => {
    expect(place(STACKED, 10, { position: 'top', displayId: null })?.bounds).toEqual({
      x: 0,
      y: 25,
      width: 1440,
      height: 32,
    });
    expect(place(STACKED, 10, { position: 'top', displayId: 11 })?.bounds).toEqual({
      x: -240,
      y: -1080,
      width: 1920,
      height: 32,
    });
    expect(place(STACKED, 10, { position: 'bottom', displayId: 11 })?.bounds).toEqual({
      x: -240,
      y: -32,
      width: 1920,
      height: 32,
    });
  });

  it('handles displays at negative coordinates', () => {
    expect(place(NEGATIVE, 5, { position: 'bottom', displayId: 6 })?.bounds).toEqual({
      x: -1280,
      y: 200 + 720 - 30 - 32,
      width: 1280,
      height: 32,
    });
  });

  it('uses device-independent pixels on a scaled display', () => {
    expect(place(HIDPI, 7, { position: 'bottom', displayId: null, height: 48 })?.bounds).toEqual({
      x: 0,
      y: 1080 - 48 - 48,
      width: 1920,
      height: 48,
    });
  });

  it('falls back to the primary display when the chosen one is gone', () => {
    const onlyPrimary = SIDE_BY_SIDE.slice(0, 1);
    expect(place(onlyPrimary, 1, { position: 'top', displayId: 2 })).toMatchObject({
      displayId: 1,
      bounds: { x: 0, y: 0, width: 1920 },
    });
  });

  it('falls back to the first display when even the primary id is unknown, and to null with none', () => {
    expect(place(NEGATIVE, 99, { position: 'top', displayId: 42 })?.displayId).toBe(5);
    expect(place([], 1, { position: 'top', displayId: null })).toBeNull();
  });

  it('never makes the strip taller than the work area', () => {
    const tiny = [display(3, { x: 0, y: 0, width: 300, height: 20 })];
    expect(place(tiny, 3, { position: 'bottom', displayId: null, height: 120 })?.bounds).toEqual({
      x: 0,
      y: 0,
      width: 300,
      height: 20,
    });
  });
});

describe('placeStrip: free position', () => {
  it('keeps a free position that is still inside a work area, at full width of that display', () => {
    const state: WindowState = { displayId: 2, docked: false, x: 2000, y: 600 };
    expect(place(SIDE_BY_SIDE, 1, { position: 'top', displayId: null }, state)).toEqual({
      bounds: { x: 1920, y: 600, width: 2560, height: 32 },
      displayId: 2,
      docked: false,
      position: 'top',
    });
  });

  it('re-docks when the free position is on a display that disappeared', () => {
    const state: WindowState = { displayId: 2, docked: false, x: 2000, y: 600 };
    expect(place(SIDE_BY_SIDE.slice(0, 1), 1, { position: 'bottom', displayId: 2 }, state)).toEqual({
      bounds: { x: 0, y: 1080 - 40 - 32, width: 1920, height: 32 },
      displayId: 1,
      docked: true,
      position: 'bottom',
    });
  });

  it('re-docks when the strip would reach into the task bar or off the screen', () => {
    expect(
      place(SIDE_BY_SIDE, 1, { position: 'top', displayId: null }, { displayId: 1, docked: false, x: 10, y: 1030 })
        ?.docked,
    ).toBe(true);
    expect(
      place(SIDE_BY_SIDE, 1, { position: 'top', displayId: null }, { displayId: 1, docked: false, x: 10, y: -500 })
        ?.docked,
    ).toBe(true);
  });

  it('keeps a free position on a display at negative coordinates', () => {
    expect(
      place(NEGATIVE, 5, { position: 'top', displayId: null }, { displayId: 6, docked: false, x: -1000, y: 400 })
        ?.bounds,
    ).toEqual({
      x: -1280,
      y: 400,
      width: 1280,
      height: 32,
    });
  });
});

describe('settleMovedStrip', () => {
  const primary = SIDE_BY_SIDE.slice(0, 1);

  it('snaps back to the top edge when dragged within the snap distance of it', () => {
    const moved = { x: 37, y: SNAP_DISTANCE_PX, width: 1920, height: 32 };
    expect(settleMovedStrip(primary, moved, 32)).toEqual({
      bounds: { x: 0, y: 0, width: 1920, height: 32 },
      displayId: 1,
      docked: true,
      position: 'top',
    });
  });

  it('snaps to the bottom edge (above the task bar)', () => {
    const moved = { x: 0, y: 1040 - 32 - 10, width: 1920, height: 32 };
    expect(settleMovedStrip(primary, moved, 32)).toMatchObject({
      docked: true,
      position: 'bottom',
      bounds: { y: 1040 - 32 },
    });
  });

  it('stays free (full width) when dropped in the middle', () => {
    const moved = { x: 300, y: 500, width: 1920, height: 32 };
    expect(settleMovedStrip(primary, moved, 32)).toEqual({
      bounds: { x: 0, y: 500, width: 1920, height: 32 },
      displayId: 1,
      docked: false,
      position: 'top',
    });
  });

  it('moves to the display under the strip and docks to its edge', () => {
    const moved = { x: 2500, y: 1440 - 40, width: 1920, height: 32 };
    expect(settleMovedStrip(SIDE_BY_SIDE, moved, 32)).toEqual({
      bounds: { x: 1920, y: 1440 - 32, width: 2560, height: 32 },
      displayId: 2,
      docked: true,
      position: 'bottom',
    });
  });

  it('pulls a strip dropped off every display onto the nearest one', () => {
    expect(settleMovedStrip(NEGATIVE, { x: -3000, y: 500, width: 1280, height: 32 }, 32)?.displayId).toBe(6);
    expect(displayForRect([], { x: 0, y: 0, width: 1, height: 1 })).toBeNull();
  });
});

describe('helpers', () => {
  it('chooseDisplay ignores displays without a usable work area', () => {
    const broken = {
      id: 9,
      bounds: { x: 0, y: 0, width: 0, height: 0 },
      workArea: { x: 0, y: 0, width: 0, height: 0 },
    };
    expect(chooseDisplay([broken, ...SIDE_BY_SIDE], 9, 9)?.id).toBe(1);
  });

  it('dockedBounds rounds a fractional height', () => {
    expect(dockedBounds(HIDPI[0]!, 'top', 31.6).height).toBe(32);
  });
});
