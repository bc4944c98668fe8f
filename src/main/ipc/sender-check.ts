/**
 * Who may call Ticker's IPC: only our own windows, only while they show our own pages, and each only
 * as the kind of window main created it as (which decides the channels it may use).
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WindowKind } from '../../shared/ipc-contract';
import type { IpcMainInvokeEventLike } from './ipc-main-like';

export interface SenderCheckDeps {
  /** The kind of the window Ticker created with this webContents id, or null for any other. */
  kindOf(id: number): WindowKind | null;
  /** True for URLs of Ticker's own pages (see isAppPageUrl). */
  allowedUrl(url: string): boolean;
}

/** The sender's kind of window, or null when the sender is not one of our windows showing our page. */
export type SenderKind = (event: IpcMainInvokeEventLike) => WindowKind | null;

export function createSenderCheck(deps: SenderCheckDeps): SenderKind {
  return (event) => {
    const id = event?.sender?.id;
    const url = event?.senderFrame?.url;
    if (typeof id !== 'number' || typeof url !== 'string') return null;
    const kind = deps.kindOf(id);
    return kind !== null && deps.allowedUrl(url) ? kind : null;
  };
}

export interface AppPageOptions {
  /** The electron-vite dev server (development only), e.g. http://localhost:5173. */
  devServerUrl?: string;
  /** The folder of the built renderer pages (out/renderer). */
  rendererDir: string;
}

/** Only file:// pages inside the built renderer folder, or pages of the dev server's exact origin. */
export function isAppPageUrl(url: string, options: AppPageOptions): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'file:') {
    if (parsed.hostname !== '') return false; // file://server/share: a network path, never ours
    let filePath: string;
    try {
      filePath = fileURLToPath(parsed);
    } catch {
      return false; // e.g. an encoded path separator
    }
    const fromRoot = relative(resolve(options.rendererDir), resolve(filePath));
    return fromRoot !== '' && !fromRoot.startsWith('..') && !isAbsolute(fromRoot);
  }
  if (!options.devServerUrl) return false;
  let dev: URL;
  try {
    dev = new URL(options.devServerUrl);
  } catch {
    return false;
  }
  if (dev.protocol !== 'http:' && dev.protocol !== 'https:') return false;
  return parsed.origin === dev.origin;
}
