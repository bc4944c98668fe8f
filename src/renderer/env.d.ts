import type { TickerApi } from '../shared/ipc-contract';

declare global {
  interface Window {
    /** The typed bridge exposed by the preload script (contextBridge). */
    readonly ticker: TickerApi;
  }
}

export {};
