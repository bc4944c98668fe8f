/**
 * How the scrolling strip tells items that they are far from the viewport, and how items in a
 * repeated copy of the lane (only there for the seamless wrap) skip updates while they are.
 */
import { createContext } from 'react';

/** Set on items far from the viewport: the CSS skips rendering their contents (content-visibility). */
export const OFFSCREEN_ATTRIBUTE = 'data-offscreen';

/** Dispatched on an item when it comes back near the viewport. */
export const REVEAL_EVENT = 'ticker-reveal';

/** True inside a repeated copy of the lane (aria-hidden): its items may lag while offscreen. */
export const MirrorLaneContext = createContext(false);

export function isOffscreen(element: Element | null): boolean {
  return element?.hasAttribute(OFFSCREEN_ATTRIBUTE) ?? false;
}

/** Mark `element` offscreen or not; tells it (REVEAL_EVENT) when it comes back. */
export function setOffscreen(element: Element, offscreen: boolean): void {
  if (isOffscreen(element) === offscreen) return;
  element.toggleAttribute(OFFSCREEN_ATTRIBUTE, offscreen);
  if (!offscreen) element.dispatchEvent(new Event(REVEAL_EVENT));
}
