/**
 * Receives the preload's "this page listens to event X" messages. Like every call, each is checked:
 * a foreign sender, an event the sender's kind of window may not receive, or a malformed message is
 * refused (and reported), never applied.
 */
import {
  isEventName,
  SUBSCRIPTION_CHANNEL,
  windowMayListen,
  type EventName,
  type WindowKind,
} from '../../shared/ipc-contract';
import type { IpcMainInvokeEventLike, IpcMainMessagesLike } from './ipc-main-like';
import { senderKindOf } from './register-handlers';

export interface RegisterSubscriptionsDeps {
  ipcMain: IpcMainMessagesLike;
  senderKind: (event: IpcMainInvokeEventLike) => WindowKind | null;
  /** Record that the sender's web contents does (or no longer does) listen to `event`. */
  setSubscribed(webContentsId: number, event: EventName, subscribed: boolean): void;
  /** Told about every refused message (never its arguments). */
  onRejected?: (channel: string, reason: 'forbidden-sender' | 'invalid-payload') => void;
}

/** Start listening; the returned function stops it. */
export function registerSubscriptions(deps: RegisterSubscriptionsDeps): () => void {
  const listener = (event: unknown, ...args: unknown[]): void => {
    const kind = senderKindOf(deps.senderKind, event);
    if (kind === null) {
      deps.onRejected?.(SUBSCRIPTION_CHANNEL, 'forbidden-sender');
      return;
    }
    const [name, subscribed] = args;
    if (args.length !== 2 || !isEventName(name) || typeof subscribed !== 'boolean') {
      deps.onRejected?.(SUBSCRIPTION_CHANNEL, 'invalid-payload');
      return;
    }
    if (subscribed && !windowMayListen(kind, name)) {
      deps.onRejected?.(SUBSCRIPTION_CHANNEL, 'forbidden-sender');
      return;
    }
    deps.setSubscribed((event as IpcMainInvokeEventLike).sender.id, name, subscribed);
  };
  deps.ipcMain.on(SUBSCRIPTION_CHANNEL, listener);
  return () => {
    deps.ipcMain.removeListener(SUBSCRIPTION_CHANNEL, listener);
  };
}
