/**
 * How the strip shows its symbols: scrolling, or a page at a time (PagedStrip).
 *
 * Pages when the user asks for reduced motion, and in economy. Of the ways measured to draw fewer
 * new pictures a second (Chromium traces and whole-browser CPU of the idle strip, see README
 * "What the strip costs the machine"), paging cut the most by far, to about what a blank page
 * costs: nothing moves between two pages, so neither the compositor nor viz has a frame to make.
 * The runners-up kept a cost of their own: coarser `steps()` on the compositor animation make viz
 * draw less often, but the renderer's compositor still ticks every display frame for a running
 * animation; a paused animation stepped from a timer leaves the compositor idle between steps, but
 * each step costs the main thread a style and commit, which ate most of the saving. Paging also
 * keeps the text still and sharp, and never moves backwards.
 */
export type StripMotion = 'scroll' | 'pages';

export function stripMotion(options: { reducedMotion: boolean; economy: boolean }): StripMotion {
  return options.reducedMotion || options.economy ? 'pages' : 'scroll';
}
