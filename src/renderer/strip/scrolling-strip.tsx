import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { glideStep } from '../../shared/glide-timing';
import { GlideScroll, type GlideStep } from './glide-scroll';
import { setOffscreen } from './offscreen';
import { copiesToFill } from './scroll-offset';
import { SeamlessScroll } from './seamless-scroll';
import { spansInView, viewMargin, type LaneSpan } from './view-window';

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

/** How often the strip checks which items are near the viewport. */
const VIEW_CHECK_MS = 250;

/** The inline size a ResizeObserver reports, without reading layout ourselves. */
function observedWidth(entry: ResizeObserverEntry): number {
  return entry.borderBoxSize?.[0]?.inlineSize ?? entry.contentRect.width;
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
  const viewportRef = useRef<HTMLDivElement>(null);
  const trackRef = useRef<HTMLDivElement>(null);
  const laneRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<StripScroll | null>(null);
  const speedRef = useRef(speed);
  speedRef.current = speed;
  const glideRef = useRef(glide);
  glideRef.current = glide;
  const geometry = useRef({ laneWidth: 0, viewportWidth: 0, spans: [] as LaneSpan[] });
  const [copies, setCopies] = useState(2);

  /** How far one glide goes now (0 while scrolling): the path items must be drawn along. */
  const glideReach = () => (glideRef.current ? glideStep(speedRef.current, geometry.current.laneWidth).distance : 0);

  /**
   * Mark every item in every copy as near the viewport or not. Scrolling: around the current
   * offset, with a margin for the time until the next check. Gliding: along the whole next slide
   * (told by GlideScroll before it starts), so nothing needs checking while the strip stands still.
   */
  const markOffscreen = (step?: GlideStep) => {
    const track = trackRef.current;
    const scroll = scrollRef.current;
    if (!track || !scroll) return;
    const { laneWidth, viewportWidth, spans } = geometry.current;
    const lanes = Array.from(track.children);
    const from = step ? step.from : scroll.offset();
    const reach = step ? Math.max(step.to - step.from, glideReach()) : glideReach();
    const inView = spansInView(
      spans,
      laneWidth,
      lanes.length,
      from,
      viewportWidth + reach,
      viewMargin(glideRef.current ? 0 : speedRef.current, VIEW_CHECK_MS),
    );
    lanes.forEach((lane, copy) => {
      const items = lane.children;
      for (let index = 0; index < items.length; index += 1) {
        const item = items[index];
        if (item) setOffscreen(item, inView[copy]?.[index] === false);
      }
    });
  };

  /** Read where each item of the first copy sits (layout is clean when this runs). */
  const measureSpans = () => {
    const lane = laneRef.current;
    if (!lane) return;
    geometry.current.spans = (Array.from(lane.children) as HTMLElement[]).map((item) => ({
      start: item.offsetLeft - lane.offsetLeft,
      end: item.offsetLeft - lane.offsetLeft + item.offsetWidth,
    }));
  };

  useEffect(() => {
    const track = trackRef.current;
    const viewport = viewportRef.current;
    const lane = laneRef.current;
    if (!track || !viewport || !lane) return;
    const scroll: StripScroll = glide
      ? new GlideScroll(
          track,
          {
            setTimeout: (callback, ms) => window.setTimeout(callback, ms),
            clearTimeout: (handle) => window.clearTimeout(handle),
          },
          (step) => markOffscreen(step),
        )
      : new SeamlessScroll(track, window.devicePixelRatio);
    scrollRef.current = scroll;
    scroll.setSpeed(speedRef.current);
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) {
        if (entry.target === lane) geometry.current.laneWidth = observedWidth(entry);
        else if (entry.target === viewport) geometry.current.viewportWidth = observedWidth(entry);
      }
      const { laneWidth, viewportWidth } = geometry.current;
      measureSpans();
      scroll.setWidth(laneWidth);
      markOffscreen();
      // Gliding, the track also reaches one slide past the lane's end before it wraps.
      setCopies(copiesToFill(viewportWidth + glideReach(), laneWidth));
    });
    observer.observe(lane);
    observer.observe(viewport);
    observer.observe(track);
    return () => {
      observer.disconnect();
      scroll.dispose();
      scrollRef.current = null;
    };
    // A new motion is a new scroll (from the start of the lane); its holds are set again below.
  }, [glide]);

  // The content changed (symbols added, removed, reordered, copies added): positions may have
  // moved even when the lane kept its width.
  useLayoutEffect(() => {
    measureSpans();
    markOffscreen();
  });

  useEffect(() => {
    scrollRef.current?.setSpeed(speed);
  }, [speed]);

  useEffect(() => {
    scrollRef.current?.hold('paused', frozen);
  }, [frozen, glide]);

  useEffect(() => {
    scrollRef.current?.hold('quiet', quiet);
  }, [quiet, glide]);

  // Which items are near the viewport changes only while the strip moves (a gliding strip is told
  // before each slide).
  const still = frozen || quiet || glide;
  useEffect(() => {
    if (still) return;
    markOffscreen();
    const timer = window.setInterval(markOffscreen, VIEW_CHECK_MS);
    return () => window.clearInterval(timer);
  }, [still]);

  return (
    <div
      className="viewport"
      aria-hidden="true"
      ref={viewportRef}
      onMouseEnter={() => scrollRef.current?.hold('hover', true)}
      onMouseLeave={() => scrollRef.current?.hold('hover', false)}
    >
      <div className="track" ref={trackRef}>
        {Array.from({ length: copies }, (_, index) => (
          <div className="lane" key={index} ref={index === 0 ? laneRef : undefined}>
            {children}
          </div>
        ))}
      </div>
    </div>
  );
}
