import { Children, useEffect, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { glideStep } from '../../shared/glide-timing';
import { afterNextPaint } from './after-paint';
import { GlideScroll, type GlideStep } from './glide-scroll';
import { LaneMarker, VIEW_CHECK_MS } from './lane-marker';
import { copiesToFill } from './scroll-offset';
import { SeamlessScroll } from './seamless-scroll';

/** What the strip asks of its motion, scrolling or gliding. */
type StripScroll = Pick<SeamlessScroll, 'offset' | 'setWidth' | 'setSpeed' | 'hold' | 'dispose'>;

export interface ScrollingStripProps {
  /** Pixels per second. */
  speed: number;
  /** Hold still (the user paused the ticker). */
  frozen: boolean;
  /** Nobody can see the strip (hidden, screen locked, asleep): no animation, no view checks. */
  quiet?: boolean;
  /** Stand still and slide a step every few seconds (GlideScroll) instead of scrolling. */
  glide?: boolean;
  /** One copy of the content; it is repeated for the seamless wrap. */
  children: ReactNode;
}

/** The inline size a ResizeObserver reports, without reading layout ourselves. */
function observedWidth(entry: ResizeObserverEntry): number {
  return entry.borderBoxSize?.[0]?.inlineSize ?? entry.contentRect.width;
}

interface StripElements {
  viewport: RefObject<HTMLDivElement | null>;
  track: RefObject<HTMLDivElement | null>;
  lane: RefObject<HTMLDivElement | null>;
}

/** The strip's motion and what it asks of the lanes (current values, read when needed). */
interface LaneMotion {
  marker: LaneMarker;
  scroll: RefObject<StripScroll | null>;
  speed: RefObject<number>;
  glide: RefObject<boolean>;
}

/** How far one glide goes now (0 while scrolling): the path items must be drawn along. */
function glideReach({ marker, speed, glide }: LaneMotion): number {
  return glide.current ? glideStep(speed.current, marker.laneWidth).distance : 0;
}

/**
 * Mark every item in every copy as near the viewport or not. Scrolling: around the current
 * offset, with a margin for the time until the next check. Gliding: along the whole next slide
 * (told by GlideScroll before it starts), so nothing needs checking while the strip stands still.
 */
function markLanes(elements: StripElements, motion: LaneMotion, step?: GlideStep): void {
  const scroll = motion.scroll.current;
  if (!scroll) return;
  const reach = glideReach(motion);
  motion.marker.mark(elements.track.current, {
    from: step ? step.from : scroll.offset(),
    reach: step ? Math.max(step.to - step.from, reach) : reach,
    speed: motion.glide.current ? 0 : motion.speed.current,
  });
}

/**
 * Run the strip's motion (a SeamlessScroll, or a GlideScroll when gliding) on the track, and follow
 * the lane's and the viewport's widths: the scroll's wrap distance, the items' marks and how many
 * copies of the lane fill the viewport (`setCopies`).
 */
function useLaneMotion(
  elements: StripElements,
  motion: LaneMotion,
  glide: boolean,
  setCopies: (copies: number) => void,
): void {
  useEffect(() => {
    const track = elements.track.current;
    const viewport = elements.viewport.current;
    const lane = elements.lane.current;
    if (!track || !viewport || !lane) return;
    const { marker } = motion;
    const scroll: StripScroll = glide
      ? new GlideScroll(
          track,
          {
            setTimeout: (callback, ms) => window.setTimeout(callback, ms),
            clearTimeout: (handle) => window.clearTimeout(handle),
          },
          (step) => markLanes(elements, motion, step),
          window.devicePixelRatio,
        )
      : new SeamlessScroll(track, window.devicePixelRatio);
    motion.scroll.current = scroll;
    scroll.setSpeed(motion.speed.current);
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) {
        if (entry.target === lane) marker.laneWidth = observedWidth(entry);
        else if (entry.target === viewport) marker.viewportWidth = observedWidth(entry);
      }
      marker.measure(lane);
      scroll.setWidth(marker.laneWidth);
      markLanes(elements, motion);
      // Gliding, the track also reaches one slide past the lane's end before it wraps.
      setCopies(copiesToFill(marker.viewportWidth + glideReach(motion), marker.laneWidth));
    });
    observer.observe(lane);
    observer.observe(viewport);
    observer.observe(track);
    return () => {
      observer.disconnect();
      scroll.dispose();
      motion.scroll.current = null;
    };
    // A new motion is a new scroll (from the start of the lane); its holds are set again by the strip.
  }, [glide]);
}

/** Items the first frame draws before anything is measured: about a wide screen's worth. */
const FIRST_SCREEN_GUESS = 8;

/**
 * At start, draw only the first screen: one copy of the lane, as many items as fill the viewport
 * (a guess, topped up before the first paint when it falls short), so the first frame shows prices
 * as soon as it can. Everything else (the other items, the copies) comes in the task after that
 * frame is painted. Returns how many items to draw, or null for all of them.
 */
function useFirstScreen(elements: StripElements, total: number): number | null {
  const [shown, setShown] = useState<number | null>(FIRST_SCREEN_GUESS);
  useLayoutEffect(() => {
    if (shown === null || shown >= total) return;
    const lane = elements.lane.current;
    const viewport = elements.viewport.current;
    if (!lane || !viewport || lane.children.length === 0) return;
    // Before the first paint: the items drawn so far tell how many more fill the screen.
    const perItem = lane.offsetWidth / lane.children.length;
    const wanted = perItem > 0 ? Math.ceil(viewport.clientWidth / perItem) + 1 : total;
    if (wanted > shown) setShown(Math.min(total, wanted));
  }, [shown, total]);
  useEffect(() => afterNextPaint(() => setShown(null)), []);
  return shown;
}

/**
 * A seamless horizontal scroll run by the compositor (see SeamlessScroll): React renders never
 * touch the position, and nothing runs per frame on the main thread. Widths come from a
 * ResizeObserver and item positions are read only when the content changes shape, never per
 * price update. Each item of each copy of the lane that is far from the viewport is marked
 * offscreen: it is not rendered, its updates wait, and it catches up when it comes near (see
 * offscreen.ts). So a price change costs one item's render where it can be seen, not one per copy.
 * The lanes are decoration for the eyes (aria-hidden): screen readers get AccessibleQuotes.
 */
export function ScrollingStrip({ speed, frozen, quiet = false, glide = false, children }: ScrollingStripProps) {
  const elements: StripElements = {
    viewport: useRef<HTMLDivElement>(null),
    track: useRef<HTMLDivElement>(null),
    lane: useRef<HTMLDivElement>(null),
  };
  const speedRef = useRef(speed);
  speedRef.current = speed;
  const glideRef = useRef(glide);
  glideRef.current = glide;
  const motion: LaneMotion = {
    marker: useState(() => new LaneMarker())[0],
    scroll: useRef<StripScroll | null>(null),
    speed: speedRef,
    glide: glideRef,
  };
  const [copies, setCopies] = useState(2);
  useLaneMotion(elements, motion, glide, setCopies);
  // Keyed the same way whether all are drawn or the first screen only, so no item is drawn twice.
  const items = Children.toArray(children);
  const firstScreen = useFirstScreen(elements, items.length);
  const drawn = firstScreen === null ? items : items.slice(0, firstScreen);

  // The content changed (symbols added, removed, reordered, copies added): positions may have
  // moved even when the lane kept its width.
  useLayoutEffect(() => {
    motion.marker.measure(elements.lane.current);
    markLanes(elements, motion);
  });

  useEffect(() => {
    motion.scroll.current?.setSpeed(speed);
  }, [speed]);

  useEffect(() => {
    motion.scroll.current?.hold('paused', frozen);
  }, [frozen, glide]);

  useEffect(() => {
    motion.scroll.current?.hold('quiet', quiet);
  }, [quiet, glide]);

  // Which items are near the viewport changes only while the strip moves (a gliding strip is told
  // before each slide).
  const still = frozen || quiet || glide;
  useEffect(() => {
    if (still) return;
    const check = () => markLanes(elements, motion);
    check();
    const timer = window.setInterval(check, VIEW_CHECK_MS);
    return () => window.clearInterval(timer);
  }, [still]);

  const scroll = motion.scroll;
  return (
    <div
      className="viewport"
      aria-hidden="true"
      ref={elements.viewport}
      onMouseEnter={() => scroll.current?.hold('hover', true)}
      onMouseLeave={() => scroll.current?.hold('hover', false)}
    >
      <div className="track" ref={elements.track}>
        {Array.from({ length: firstScreen === null ? copies : 1 }, (_, index) => (
          <div className="lane" key={index} ref={index === 0 ? elements.lane : undefined}>
            {drawn}
          </div>
        ))}
      </div>
    </div>
  );
}
