/**
 * Access to `window.ticker` and a safe way to call it: a rejected promise or a malformed answer
 * becomes a Result error, so no view has to handle exceptions from the bridge.
 */
import type { IpcError, Result, WindowApi, WindowKind } from '../shared/ipc-contract';

/**
 * The bridge of one kind of window, derived from the contract's channel lists (WINDOW_CHANNELS):
 * `StripApi | SettingsApi | CardApi`, never a mix of two.
 */
export type WindowBridge = { [K in WindowKind]: WindowApi<K> }[WindowKind];

/**
 * The preload's bridge for this page's kind of window (`StripApi`, `SettingsApi`, `CardApi`), or
 * null when the page runs without it (opened outside the app). Only a whole window kind's API can
 * be asked for, so a page never sees another window's channels in its types.
 */
export function findBridge<A extends WindowBridge>(): A | null {
  const candidate = window.ticker;
  return typeof candidate === 'object' && candidate !== null ? (candidate as A) : null;
}

function internal(message: string): { ok: false; error: IpcError } {
  return { ok: false, error: { code: 'internal', message } };
}

/** Await a bridge call, turning a throw, a rejection or a malformed answer into `{ ok: false }`. */
export async function settle<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    const result = await call();
    if (typeof result === 'object' && result !== null && typeof (result as { ok?: unknown }).ok === 'boolean') {
      if (
        result.ok ||
        (typeof result.error === 'object' && result.error !== null && typeof result.error.message === 'string')
      )
        return result;
    }
    return internal('The app answered with something unexpected.');
  } catch (error) {
    return internal(error instanceof Error ? error.message : 'The request failed.');
  }
}
