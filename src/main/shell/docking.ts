/**
 * Pure geometry of the strip: which display it lives on and where. The strip always spans the full
 * width of its display's work area (the screen minus task bar, dock and menu bar); it is docked to
 * the top or bottom edge, or, when the user moved it, kept at a free height on that display.
 */
import type { Position, Preferences, WindowState } from '../../shared/types';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of Electron's Display the geometry needs. */
export interface DisplayGeometry {
  id: number;
  bounds: Rect;
  workArea: Rect;
}

export interface StripPlacement {
  bounds: Rect;
  /** The display the strip is on. */
  displayId: number;
  /** Docked to `position`'s edge, or free (moved by the user). */
  docked: boolean;
  position: Position;
}

export interface PlaceStripInput {
  displays: readonly DisplayGeometry[];
  primaryDisplayId: number;
  preferences: Pick<Preferences, 'position' | 'displayId' | 'height'>;
  windowState: WindowState;
}

/** How close (px) to an edge a moved strip must be to snap back to it. */
export const SNAP_DISTANCE_PX = 24;

function isUsable(rect: Rect): boolean {
  return [rect.x, rect.y, rect.width, rect.height].every(Number.isFinite) && rect.width > 0 && rect.height > 0;
}

function usableDisplays(displays: readonly DisplayGeometry[]): DisplayGeometry[] {
  return displays.filter((display) => isUsable(display.workArea));
}

/** The display with `id`, else the primary display, else the first one; null when there is none. */
export function chooseDisplay(
  displays: readonly DisplayGeometry[],
  primaryDisplayId: number,
  id: number | null,
): DisplayGeometry | null {
  const usable = usableDisplays(displays);
  return (
    (id !== null ? usable.find((display) => display.id === id) : undefined) ??
    usable.find((display) => display.id === primaryDisplayId) ??
    usable[0] ??
    null
  );
}

/** Never taller than the work area (a tiny display must still show the whole strip). */
function clampHeight(height: number, workArea: Rect): number {
  const whole = Math.round(Number.isFinite(height) && height > 0 ? height : 1);
  return Math.max(1, Math.min(whole, workArea.height));
}

/** Full width of the work area, against its top or bottom edge. */
export function dockedBounds(display: DisplayGeometry, position: Position, height: number): Rect {
  const area = display.workArea;
  const h = clampHeight(height, area);
  return { x: area.x, y: position === 'top' ? area.y : area.y + area.height - h, width: area.width, height: h };
}

function containsPoint(area: Rect, x: number, y: number): boolean {
  return x >= area.x && x < area.x + area.width && y >= area.y && y < area.y + area.height;
}

/** The display whose work area holds the whole height of a strip whose top-left is (x, y). */
function displayHoldingStrip(
  displays: readonly DisplayGeometry[],
  x: number,
  y: number,
  height: number,
): DisplayGeometry | null {
  return (
    usableDisplays(displays).find(
      (display) => containsPoint(display.workArea, x, y) && y + height <= display.workArea.y + display.workArea.height,
    ) ?? null
  );
}

/**
 * Where the strip goes: a free position saved by the user when it is still inside a display's work
 * area, otherwise docked to the preferred edge of the preferred display (the primary one when that
 * display is gone). Null only when there are no displays at all.
 */
export function placeStrip(input: PlaceStripInput): StripPlacement | null {
  const { displays, primaryDisplayId, preferences, windowState } = input;
  const { x, y } = windowState;
  if (!windowState.docked && x !== null && y !== null && Number.isFinite(x) && Number.isFinite(y)) {
    const holder = displayHoldingStrip(displays, x, y, Math.max(1, Math.round(preferences.height)));
    if (holder) {
      const height = clampHeight(preferences.height, holder.workArea);
      return {
        bounds: { x: holder.workArea.x, y: Math.round(y), width: holder.workArea.width, height },
        displayId: holder.id,
        docked: false,
        position: preferences.position,
      };
    }
  }
  const display = chooseDisplay(displays, primaryDisplayId, preferences.displayId);
  if (!display) return null;
  return {
    bounds: dockedBounds(display, preferences.position, preferences.height),
    displayId: display.id,
    docked: true,
    position: preferences.position,
  };
}

function distanceToArea(area: Rect, x: number, y: number): number {
  const dx = Math.max(area.x - x, 0, x - (area.x + area.width));
  const dy = Math.max(area.y - y, 0, y - (area.y + area.height));
  return Math.hypot(dx, dy);
}

/** The display a rectangle belongs to: the one holding its centre, else the nearest one. */
export function displayForRect(displays: readonly DisplayGeometry[], rect: Rect): DisplayGeometry | null {
  const cx = rect.x + rect.width / 2;
  const cy = rect.y + rect.height / 2;
  let best: DisplayGeometry | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const display of usableDisplays(displays)) {
    const distance = distanceToArea(display.workArea, cx, cy);
    if (distance < bestDistance) {
      best = display;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Where a strip the user has moved to `moved` should settle: back on the top or bottom edge of its
 * display when within `snapDistance` px of it, otherwise free at that height (kept inside the work
 * area, full width). Null only when there are no displays.
 */
export function settleMovedStrip(
  displays: readonly DisplayGeometry[],
  moved: Rect,
  height: number,
  snapDistance: number = SNAP_DISTANCE_PX,
): StripPlacement | null {
  const display = displayForRect(displays, moved);
  if (!display) return null;
  const area = display.workArea;
  const h = clampHeight(height, area);
  const top = moved.y - area.y;
  const bottom = area.y + area.height - (moved.y + h);
  if (top <= snapDistance || bottom <= snapDistance) {
    const position: Position = top <= bottom ? 'top' : 'bottom';
    return { bounds: dockedBounds(display, position, h), displayId: display.id, docked: true, position };
  }
  const y = Math.round(Math.min(Math.max(moved.y, area.y), area.y + area.height - h));
  const position: Position = y - area.y < area.y + area.height - (y + h) ? 'top' : 'bottom';
  return { bounds: { x: area.x, y, width: area.width, height: h }, displayId: display.id, docked: false, position };
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
