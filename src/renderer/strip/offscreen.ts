/**
 * How the scrolling strip tells items that they are far from the viewport, and how an item's
 * updates wait while it is: a far item keeps its last rendered values and catches up when it
 * comes near (before it can be seen), so only the items on screen pay for price changes.
 */

/** Set on items far from the viewport: the CSS skips rendering their contents (content-visibility). */
export const OFFSCREEN_ATTRIBUTE = 'data-offscreen';

/** Dispatched on an item when it comes back near the viewport. */
export const REVEAL_EVENT = 'ticker-reveal';

export function isOffscreen(element: Element | null): boolean {
  return element?.hasAttribute(OFFSCREEN_ATTRIBUTE) ?? false;
}

/** Mark `element` offscreen or not; tells it (REVEAL_EVENT) when it comes back. */
export function setOffscreen(element: Element, offscreen: boolean): void {
  if (isOffscreen(element) === offscreen) return;
  element.toggleAttribute(OFFSCREEN_ATTRIBUTE, offscreen);
  if (!offscreen) element.dispatchEvent(new Event(REVEAL_EVENT));
}

/** Why a held subscription calls its listener: a change while near, or catching up on coming back. */
export type NearReason = 'change' | 'reveal';

/**
 * Subscribe `listener` through `subscribe`, holding its calls while `element` is offscreen: the
 * changes that arrive then are folded into one call when the element is revealed. Without an
 * element (not mounted, or not in a scrolling strip) every change passes straight through.
 * Returns the unsubscribe.
 */
export function subscribeWhenNear(
  element: Element | null,
  subscribe: (listener: () => void) => () => void,
  listener: (reason: NearReason) => void,
): () => void {
  let behind = false;
  const catchUp = () => {
    if (!behind) return;
    behind = false;
    listener('reveal');
  };
  element?.addEventListener(REVEAL_EVENT, catchUp);
  const unsubscribe = subscribe(() => {
    if (isOffscreen(element)) behind = true;
    else listener('change');
  });
  return () => {
    unsubscribe();
    element?.removeEventListener(REVEAL_EVENT, catchUp);
  };
}
