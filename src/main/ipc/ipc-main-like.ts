/** The small part of Electron's ipcMain the handler registry uses, so tests can pass plain objects. */

export interface IpcMainInvokeEventLike {
  sender: { id: number };
  /** The frame that sent the message; null when it has navigated away or been destroyed. */
  senderFrame: { url: string } | null;
}

/** The event is typed unknown: the registry checks its shape itself before trusting it. */
export type IpcInvokeListener = (event: unknown, ...args: unknown[]) => unknown;

export interface IpcMainLike {
  handle(channel: string, listener: IpcInvokeListener): void;
  removeHandler(channel: string): void;
}

/** The part of ipcMain that receives one-way messages (`ipcRenderer.send`). */
export interface IpcMainMessagesLike {
  on(channel: string, listener: IpcInvokeListener): unknown;
  removeListener(channel: string, listener: IpcInvokeListener): unknown;
}
