/**
 * Which items of the scrolling strip's lanes are near the viewport: the lane's geometry (read
 * from layout only when the content changes shape, never per price update) and the marking of
 * every item of every copy as offscreen or not (see offscreen.ts, view-window.ts).
 */
import { setOffscreen } from './offscreen';
import { spansInView, viewMargin, type LaneSpan } from './view-window';

/** How often the scrolling strip checks which items are near the viewport. */
export const VIEW_CHECK_MS = 250;

/** The window to mark around: where it starts, how far the strip will move before the next look. */
export interface MarkWindow {
  /** The offset (px moved left) the window starts at. */
  from: number;
  /** How far past the viewport the strip reaches before the next look (a glide's slide). */
  reach: number;
  /** The scroll's speed while scrolling (0 when gliding: told before each slide). */
  speed: number;
}

export class LaneMarker {
  laneWidth = 0;
  viewportWidth = 0;
  private spans: LaneSpan[] = [];

  /** Read where each item of the first copy sits (call when layout is clean). */
  measure(lane: HTMLElement | null): void {
    if (!lane) return;
    const left = lane.offsetLeft;
    this.spans = (Array.from(lane.children) as HTMLElement[]).map((item) => ({
      start: item.offsetLeft - left,
      end: item.offsetLeft - left + item.offsetWidth,
    }));
  }

  /** Mark every item of every copy (the track's children) as near the window or not. */
  mark(track: HTMLElement | null, { from, reach, speed }: MarkWindow): void {
    if (!track) return;
    const lanes = Array.from(track.children);
    const inView = spansInView(
      this.spans,
      this.laneWidth,
      lanes.length,
      from,
      this.viewportWidth + reach,
      viewMargin(speed, VIEW_CHECK_MS),
    );
    lanes.forEach((lane, copy) => {
      const items = lane.children;
      for (let index = 0; index < items.length; index += 1) {
        const item = items[index];
        if (item) setOffscreen(item, inView[copy]?.[index] === false);
      }
    });
  }
}
