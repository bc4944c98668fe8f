/**
 * The windows Ticker created and that are still alive: the only webContents the IPC sender check
 * trusts, and the ones every core event is pushed to.
 */
import type { BrowserWindow } from 'electron';
import { EVENT_CHANNELS, type EventContract, type EventName } from '../../shared/ipc-contract';
import type { TickerCore } from '../core/ticker-core';

export class WindowRegistry {
  private readonly windows = new Set<BrowserWindow>();

  /** Track `window` until it is closed. */
  add(window: BrowserWindow): void {
    this.windows.add(window);
    window.once('closed', () => this.windows.delete(window));
  }

  /** Windows still alive (not destroyed). */
  live(): BrowserWindow[] {
    return [...this.windows].filter((window) => !window.isDestroyed());
  }

  isOwnWebContents(id: number): boolean {
    return this.live().some((window) => !window.webContents.isDestroyed() && window.webContents.id === id);
  }

  /** Push an event to every live window. A window that is going away is skipped, never fatal. */
  broadcast<K extends EventName>(event: K, payload: EventContract[K]): void {
    for (const window of this.live()) {
      try {
        if (!window.webContents.isDestroyed()) window.webContents.send(EVENT_CHANNELS[event], payload);
      } catch (error) {
        console.error(`[windows] could not send ${event}:`, error);
      }
    }
  }
}

/** Forward every core event to every live window; returns the function that stops it. */
export function forwardCoreEvents(events: TickerCore['events'], registry: WindowRegistry): () => void {
  const names = Object.keys(EVENT_CHANNELS) as EventName[];
  const unsubscribes = names.map((name) =>
    (events[name] as TickerCore['events'][EventName]).subscribe((payload) => registry.broadcast(name, payload as never)),
  );
  return () => {
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
