/**
 * Receives the preload's "this page listens to event X" messages. Like every call, each is checked:
 * a foreign sender or a malformed message is refused (and reported), never applied.
 */
import { isEventName, SUBSCRIPTION_CHANNEL, type EventName } from '../../shared/ipc-contract';
import type { IpcMainInvokeEventLike, IpcMainMessagesLike } from './ipc-main-like';

export interface RegisterSubscriptionsDeps {
  ipcMain: IpcMainMessagesLike;
  isTrustedSender: (event: IpcMainInvokeEventLike) => boolean;
  /** Record that the sender's web contents does (or no longer does) listen to `event`. */
  setSubscribed(webContentsId: number, event: EventName, subscribed: boolean): void;
  /** Told about every refused message (never its arguments). */
  onRejected?: (channel: string, reason: 'forbidden-sender' | 'invalid-payload') => void;
}

/** Start listening; the returned function stops it. */
export function registerSubscriptions(deps: RegisterSubscriptionsDeps): () => void {
  const trusted = (event: unknown): event is IpcMainInvokeEventLike => {
    if (typeof event !== 'object' || event === null) return false;
    try {
      return deps.isTrustedSender(event as IpcMainInvokeEventLike) === true;
    } catch {
      return false;
    }
  };
  const listener = (event: unknown, ...args: unknown[]): void => {
    if (!trusted(event)) {
      deps.onRejected?.(SUBSCRIPTION_CHANNEL, 'forbidden-sender');
      return;
    }
    const [name, subscribed] = args;
    if (args.length !== 2 || !isEventName(name) || typeof subscribed !== 'boolean') {
      deps.onRejected?.(SUBSCRIPTION_CHANNEL, 'invalid-payload');
      return;
    }
    deps.setSubscribed(event.sender.id, name, subscribed);
  };
  deps.ipcMain.on(SUBSCRIPTION_CHANNEL, listener);
  return () => {
    deps.ipcMain.removeListener(SUBSCRIPTION_CHANNEL, listener);
  };
}
