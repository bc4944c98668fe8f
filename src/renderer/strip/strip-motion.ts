/**
 * How the strip shows its symbols: scrolling, gliding (GlideScroll: still, then a short eased
 * slide every few seconds), or a page at a time (PagedStrip).
 *
 * Reduced motion always pages. In economy the strip pages or glides (`economyStyle`); otherwise it
 * scrolls or glides (`scrollStyle`). Of the ways measured to draw fewer new pictures a second
 * (Chromium traces and whole-browser CPU of the idle strip, see docs/performance.md), paging cut
 * the most, to about what a blank page costs: nothing moves between two pages, so neither the
 * compositor nor viz has a frame to make. Gliding keeps that stillness between its slides, so it
 * pays for frames only for the share of time it moves (a quarter of a second every few seconds), while each
 * item still crosses the screen at the scrolling speed on average. The runners-up kept a cost of
 * their own: coarser `steps()` on the compositor animation make viz draw less often, but the
 * renderer's compositor still ticks every display frame for a running animation; a paused
 * animation stepped from a timer leaves the compositor idle between steps, but each step costs the
 * main thread a style and commit, which ate most of the saving.
 */
import type { Preferences } from '../../shared/types';

export type StripMotion = 'scroll' | 'glide' | 'pages';

export function stripMotion(options: {
  reducedMotion: boolean;
  economy: boolean;
  scrollStyle: Preferences['scrollStyle'];
  economyStyle: Preferences['economyStyle'];
}): StripMotion {
  if (options.reducedMotion) return 'pages';
  if (options.economy) return options.economyStyle === 'glide' ? 'glide' : 'pages';
  return options.scrollStyle === 'glide' ? 'glide' : 'scroll';
}
