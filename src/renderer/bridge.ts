/**
 * Access to `window.ticker` and a safe way to call it: a rejected promise or a malformed answer
 * becomes a Result error, so no view has to handle exceptions from the bridge.
 */
import type { IpcError, Result, TickerApi } from '../shared/ipc-contract';

/**
 * The preload's bridge for this page's kind of window (`StripApi`, `SettingsApi`), or null when the
 * page runs without it (opened outside the app).
 */
export function findBridge<A extends Partial<TickerApi>>(): A | null {
  const candidate = (window as { ticker?: unknown }).ticker;
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
