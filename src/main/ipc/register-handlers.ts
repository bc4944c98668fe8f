/**
 * Registers one ipcMain handler per invoke channel of the contract. Every call is checked in the
 * same order: the sender first (a foreign sender never reaches a handler), then the arguments, then
 * the handler runs. Every outcome is a Result value: nothing ever throws across the bridge.
 */
import {
  fail,
  INVOKE_CHANNELS,
  ok,
  TickerError,
  type InvokeContract,
  type InvokeHandlers,
  type InvokeName,
  type Result,
} from '../../shared/ipc-contract';
import type { IpcMainInvokeEventLike, IpcMainLike } from './ipc-main-like';
import { validateArgs } from './validators';

export type { IpcMainInvokeEventLike, IpcMainLike } from './ipc-main-like';

export const INTERNAL_ERROR_MESSAGE = 'Something went wrong in Ticker';

export type RejectionReason = 'forbidden-sender' | 'invalid-payload';

export interface RegisterIpcHandlersDeps {
  ipcMain: IpcMainLike;
  handlers: InvokeHandlers;
  isTrustedSender: (event: IpcMainInvokeEventLike) => boolean;
  /** Told about every refused call (for logs and counters); never about its arguments. */
  onRejected?: (channel: string, reason: RejectionReason) => void;
  /** Where unexpected handler failures are logged (default console.error). */
  logError?: (message: string, error: unknown) => void;
}

function trusted(isTrustedSender: RegisterIpcHandlersDeps['isTrustedSender'], event: unknown): boolean {
  if (typeof event !== 'object' || event === null) return false;
  try {
    return isTrustedSender(event as IpcMainInvokeEventLike) === true;
  } catch {
    return false;
  }
}

/** Register every channel; the returned function removes them all again. */
export function registerIpcHandlers(deps: RegisterIpcHandlersDeps): () => void {
  const { ipcMain, handlers, isTrustedSender } = deps;
  const logError = deps.logError ?? ((message: string, error: unknown) => console.error(message, error));
  const reject = (channel: string, reason: RejectionReason): void => {
    try {
      deps.onRejected?.(channel, reason);
    } catch {
      // A faulty observer must not change the answer.
    }
  };

  const names = Object.keys(INVOKE_CHANNELS) as InvokeName[];
  for (const name of names) {
    const channel = INVOKE_CHANNELS[name];
    ipcMain.handle(
      channel,
      async (event: unknown, ...args: unknown[]): Promise<Result<InvokeContract[typeof name]['result']>> => {
        if (!trusted(isTrustedSender, event)) {
          reject(channel, 'forbidden-sender');
          return fail('forbidden-sender', 'This window may not use Ticker.');
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
