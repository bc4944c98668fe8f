/**
 * Builds `window.ticker` from the IPC contract for one kind of window: one named function per invoke
 * channel that kind uses and one `onX(listener)` per event it listens to, nothing else (no other
 * window's channels, no raw ipcRenderer, no process, no Node).
 */
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  fail,
  listenerName,
  SUBSCRIPTION_CHANNEL,
  type EventName,
  type InvokeName,
  type Result,
  type Unsubscribe,
  type WindowApi,
  type WindowKind,
  WINDOW_CHANNELS,
} from '../shared/ipc-contract';

/** The part of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function buildTickerApi<K extends WindowKind>(ipcRenderer: IpcRendererLike, kind: K): WindowApi<K> {
  const api: Record<string, unknown> = {};
  const channels = WINDOW_CHANNELS[kind];

  for (const name of channels.invoke as readonly InvokeName[]) {
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

  // Main sends an event only while this page listens to it: say so on the first listener and the last.
  const listeners = new Map<EventName, number>();
  const count = (event: EventName, change: 1 | -1): void => {
    const before = listeners.get(event) ?? 0;
    listeners.set(event, before + change);
    if (before === 0 || before + change === 0) ipcRenderer.send(SUBSCRIPTION_CHANNEL, event, before === 0);
  };

  for (const event of channels.events as readonly EventName[]) {
    const channel = EVENT_CHANNELS[event];
    api[listenerName(event)] = (listener: unknown): Unsubscribe => {
      if (typeof listener !== 'function') return () => {};
      // The page gets the payload only, never the IpcRendererEvent (it carries `sender`).
      const forward = (_event: unknown, payload: unknown): void => {
        (listener as (payload: unknown) => void)(payload);
      };
      ipcRenderer.on(channel, forward);
      count(event, 1);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipcRenderer.removeListener(channel, forward);
        count(event, -1);
      };
    };
  }

  return Object.freeze(api) as WindowApi<K>;
}
