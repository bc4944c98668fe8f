import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

export interface PagedStripProps {
  symbols: readonly string[];
  /** How long each page stays, in ms. */
  pageMs: number;
  /** Nobody can see the strip: stay on the current page. */
  quiet?: boolean;
  renderItem: (symbol: string) => ReactNode;
}

/**
 * The reduced-motion strip: no scrolling, as many symbols as fit, the next page every few seconds
 * (a plain fade, no movement). Items that would be cut off are hidden until their page comes.
 * Decoration for the eyes, like the scrolling strip: screen readers get AccessibleQuotes.
 */
export function PagedStrip({ symbols, pageMs, quiet = false, renderItem }: PagedStripProps) {
  const [start, setStart] = useState(0);
  const containerRef = useRef<HTMLDivElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const fitting = useRef(symbols.length);
  const first = start < symbols.length ? start : 0;

  const measure = () => {
    const container = containerRef.current;
    const page = pageRef.current;
    if (!container || !page) return;
    const limit = container.clientWidth;
    let count = 0;
    for (const child of Array.from(page.children) as HTMLElement[]) {
      const fits = child.offsetLeft + child.offsetWidth <= limit || count === 0;
      child.style.visibility = fits ? '' : 'hidden';
      if (fits) count += 1;
    }
    fitting.current = Math.max(1, count);
  };

  useLayoutEffect(measure);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const observer = new ResizeObserver(() => measure());
    observer.observe(container);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (symbols.length === 0 || quiet) return;
    const timer = window.setInterval(() => {
      setStart((current) => {
        const next = (current < symbols.length ? current : 0) + fitting.current;
        return next >= symbols.length ? 0 : next;
      });
    }, pageMs);
    return () => window.clearInterval(timer);
  }, [symbols.length, pageMs, quiet]);

  return (
    <div className="viewport paged" aria-hidden="true" ref={containerRef}>
      <div className="page" ref={pageRef} key={first} data-page-start={first}>
        {symbols.slice(first).map((symbol) => (
          <div className="paged-item" key={symbol}>
            {renderItem(symbol)}
          </div>
        ))}
      </div>
    </div>
  );
}
