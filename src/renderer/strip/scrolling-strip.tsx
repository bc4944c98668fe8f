import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { setOffscreen } from './offscreen';
import { copiesToFill } from './scroll-offset';
import { SeamlessScroll } from './seamless-scroll';
import { spansInView, viewMargin, type LaneSpan } from './view-window';

export interface ScrollingStripProps {
  /** Pixels per second. */
  speed: number;
  /** Hold still (the user paused the ticker). */
  frozen: boolean;
  /** Nobody can see the strip (hidden, screen locked, asleep): no animation, no view checks. */
  quiet?: boolean;
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
export function ScrollingStrip({ speed, frozen, quiet = false, children }: ScrollingStripProps) {
  const viewportRef = useRef<HTMLDivElement>(null);
  const trackRef = useRef<HTMLDivElement>(null);
  const laneRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<SeamlessScroll | null>(null);
  const speedRef = useRef(speed);
  speedRef.current = speed;
  const geometry = useRef({ laneWidth: 0, viewportWidth: 0, spans: [] as LaneSpan[] });
  const [copies, setCopies] = useState(2);

  /** Mark every item in every copy as near the viewport or not. */
  const markOffscreen = () => {
    const track = trackRef.current;
    const scroll = scrollRef.current;
    if (!track || !scroll) return;
    const { laneWidth, viewportWidth, spans } = geometry.current;
    const lanes = Array.from(track.children);
    const inView = spansInView(
      spans,
      laneWidth,
      lanes.length,
      scroll.offset(),
      viewportWidth,
      viewMargin(speedRef.current, VIEW_CHECK_MS),
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
    const scroll = new SeamlessScroll(track, window.devicePixelRatio);
    scrollRef.current = scroll;
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) {
        if (entry.target === lane) geometry.current.laneWidth = observedWidth(entry);
        else if (entry.target === viewport) geometry.current.viewportWidth = observedWidth(entry);
      }
      const { laneWidth, viewportWidth } = geometry.current;
      scroll.setWidth(laneWidth);
      measureSpans();
      markOffscreen();
      setCopies(copiesToFill(viewportWidth, laneWidth));
    });
    observer.observe(lane);
    observer.observe(viewport);
    observer.observe(track);
    return () => {
      observer.disconnect();
      scroll.dispose();
      scrollRef.current = null;
    };
  }, []);

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
  }, [frozen]);

  useEffect(() => {
    scrollRef.current?.hold('quiet', quiet);
  }, [quiet]);

  // Which items are near the viewport changes only while the strip moves.
  const still = frozen || quiet;
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
