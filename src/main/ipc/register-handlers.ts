/**
 * Registers one ipcMain handler per invoke channel some kind of window uses (WINDOW_CHANNELS). Every
 * call is checked in the same order: the sender first (a foreign sender, or one of our windows whose
 * kind does not use the channel, never reaches a handler), then the arguments, then the handler runs.
 * Every outcome is a Result value: nothing ever throws across the bridge.
 */
import {
  fail,
  INVOKE_CHANNELS,
  ok,
  TickerError,
  windowInvokeNames,
  windowMayInvoke,
  type WindowKind,
  type InvokeContract,
  type InvokeHandlers,
  type InvokeName,
  type Result,
} from '../../shared/ipc-contract';
import type { IpcMainInvokeEventLike, IpcMainLike } from './ipc-main-like';
import { validateArgs } from './validators';

export type { IpcMainInvokeEventLike } from './ipc-main-like';

export const INTERNAL_ERROR_MESSAGE = 'Something went wrong in Ticker';

type RejectionReason = 'forbidden-sender' | 'invalid-payload';

export interface RegisterIpcHandlersDeps {
  ipcMain: IpcMainLike;
  handlers: InvokeHandlers;
  /** The kind of our window that sent `event`, or null for anything else (see sender-check.ts). */
  senderKind: (event: IpcMainInvokeEventLike) => WindowKind | null;
  /** Told about every refused call (for logs and counters); never about its arguments. */
  onRejected?: (channel: string, reason: RejectionReason) => void;
  /** Where unexpected handler failures are logged (default console.error). */
  logError?: (message: string, error: unknown) => void;
}

/** The sender's kind; a malformed event or a throwing check counts as a foreign sender. */
export function senderKindOf(senderKind: RegisterIpcHandlersDeps['senderKind'], event: unknown): WindowKind | null {
  if (typeof event !== 'object' || event === null) return null;
  try {
    return senderKind(event as IpcMainInvokeEventLike) ?? null;
  } catch {
    return null;
  }
}

/** Register every channel; the returned function removes them all again. */
export function registerIpcHandlers(deps: RegisterIpcHandlersDeps): () => void {
  const { ipcMain, handlers, senderKind } = deps;
  const logError = deps.logError ?? ((message: string, error: unknown) => console.error(message, error));
  const reject = (channel: string, reason: RejectionReason): void => {
    try {
      deps.onRejected?.(channel, reason);
    } catch {
      // A faulty observer must not change the answer.
    }
  };

  const names: InvokeName[] = windowInvokeNames();
  for (const name of names) {
    const channel = INVOKE_CHANNELS[name];
    ipcMain.handle(
      channel,
      async (event: unknown, ...args: unknown[]): Promise<Result<InvokeContract[typeof name]['result']>> => {
        const kind = senderKindOf(senderKind, event);
        if (kind === null) {
          reject(channel, 'forbidden-sender');
          return fail('forbidden-sender', 'This window may not use Ticker.');
        }
        if (!windowMayInvoke(kind, name)) {
          reject(channel, 'forbidden-sender');
          return fail('forbidden-sender', `The ${kind} window may not use ${channel}.`);
        }
        try {
          // Inside the try: a payload with hostile getters can throw while it is checked, and that
          // too must come back as a typed error, never as an exception across the bridge.
          let checked: ReturnType<typeof validateArgs>;
          try {
            checked = validateArgs(name, args);
          } catch {
            checked = fail('invalid-payload', 'The arguments could not be read.');
          }
          if (!checked.ok) {
            reject(channel, 'invalid-payload');
            return checked;
          }
          const handler = handlers[name] as (...validArgs: unknown[]) => unknown;
          const value = await handler(...(checked.value as unknown[]));
          return ok(value as InvokeContract[typeof name]['result']);
        } catch (error) {
          if (error instanceof TickerError) return fail(error.code, error.message);
          logError(`[ipc] ${channel} failed:`, error);
          return fail('internal', INTERNAL_ERROR_MESSAGE);
        }
      },
    );
  }

  let disposed = false;
  return () => {
    if (disposed) return;
    disposed = true;
    for (const name of names) ipcMain.removeHandler(INVOKE_CHANNELS[name]);
  };
}
