import type { WindowBridge } from './bridge';

declare global {
  interface Window {
    /**
     * The bridge the preload exposes (contextBridge): the one of this page's kind of window, which
     * only that kind's channels make up. A page takes it through `findBridge<StripApi>()` (or its
     * own kind's API), so calling another window's channel fails type-checking.
     */
    readonly ticker?: WindowBridge;
  }
}

export {};
