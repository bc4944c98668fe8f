/**
 * Builds `window.ticker` from the IPC contract: one named function per invoke channel and one
 * `onX(listener)` per event, nothing else (no raw ipcRenderer, no process, no Node).
 */
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  fail,
  listenerName,
  type EventName,
  type InvokeName,
  type Result,
  type TickerApi,
  type Unsubscribe,
} from '../shared/ipc-contract';

/** The part of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function buildTickerApi(ipcRenderer: IpcRendererLike): TickerApi {
  const api: Record<string, unknown> = {};

  for (const name of Object.keys(INVOKE_CHANNELS) as InvokeName[]) {
    const channel = INVOKE_CHANNELS[name];
    api[name] = async (...args: unknown[]): Promise<Result<unknown>> => {
      try {
        return (await ipcRenderer.invoke(channel, ...args)) as Result<unknown>;
      } catch {
        // No handler (yet), or the window is closing: an error value, like every other failure.
        return fail('internal', 'Ticker did not answer.');
      }
    };
  }

  for (const event of Object.keys(EVENT_CHANNELS) as EventName[]) {
    const channel = EVENT_CHANNELS[event];
    api[listenerName(event)] = (listener: unknown): Unsubscribe => {
      if (typeof listener !== 'function') return () => {};
      // The page gets the payload only, never the IpcRendererEvent (it carries `sender`).
      const forward = (_event: unknown, payload: unknown): void => {
        (listener as (payload: unknown) => void)(payload);
      };
      ipcRenderer.on(channel, forward);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipcRenderer.removeListener(channel, forward);
      };
    };
  }

  return Object.freeze(api) as TickerApi;
}
