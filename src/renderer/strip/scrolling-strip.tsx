import { useEffect, useRef, useState, type ReactNode } from 'react';
import { advanceOffset, copiesToFill, wrapOffset } from './scroll-offset';

export interface ScrollingStripProps {
  /** Pixels per second. */
  speed: number;
  /** Hold still (the user paused the ticker). */
  frozen: boolean;
  /** One copy of the content; it is repeated for the seamless wrap. */
  children: ReactNode;
}

/**
 * A seamless, time-based horizontal scroll. The offset lives in a ref and is written straight to
 * `transform` every animation frame; React renders never touch it, so updates cannot make it jump.
 * When the content width changes, the offset is kept modulo the new width.
 */
export function ScrollingStrip({ speed, frozen, children }: ScrollingStripProps) {
  const viewportRef = useRef<HTMLDivElement>(null);
  const trackRef = useRef<HTMLDivElement>(null);
  const laneRef = useRef<HTMLDivElement>(null);
  const offset = useRef(0);
  const laneWidth = useRef(0);
  const hovered = useRef(false);
  const settings = useRef({ speed, frozen });
  settings.current = { speed, frozen };
  const [copies, setCopies] = useState(2);

  // Measure one copy and the viewport; re-wrap the offset when the content width changes.
  useEffect(() => {
    const viewport = viewportRef.current;
    const lane = laneRef.current;
    if (!viewport || !lane) return;
    const measure = () => {
      const width = lane.getBoundingClientRect().width;
      if (width !== laneWidth.current) {
        laneWidth.current = width;
        offset.current = wrapOffset(offset.current, width);
      }
      setCopies(copiesToFill(viewport.clientWidth, width));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(lane);
    observer.observe(viewport);
    return () => observer.disconnect();
  }, []);

  // The animation loop: one transform write per frame, nothing else.
  useEffect(() => {
    let frame = 0;
    let last: number | null = null;
    let written = Number.NaN;
    const step = (time: number) => {
      const elapsed = last == null ? 0 : time - last;
      last = time;
      const { speed: pxPerSecond, frozen: still } = settings.current;
      if (!still && !hovered.current && laneWidth.current > 0) {
        offset.current = advanceOffset(offset.current, elapsed, pxPerSecond, laneWidth.current);
      }
      const rounded = Math.round(offset.current * 100) / 100;
      if (rounded !== written && trackRef.current) {
        trackRef.current.style.transform = `translate3d(${-rounded}px, 0, 0)`;
        written = rounded;
      }
      frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, []);

  return (
    <div
      className="viewport"
      ref={viewportRef}
      onMouseEnter={() => {
        hovered.current = true;
      }}
      onMouseLeave={() => {
        hovered.current = false;
      }}
    >
      <div className="track" ref={trackRef}>
        {Array.from({ length: copies }, (_, index) => (
          <div className="lane" key={index} ref={index === 0 ? laneRef : undefined} aria-hidden={index > 0 ? true : undefined}>
            {children}
          </div>
        ))}
      </div>
    </div>
  );
}
