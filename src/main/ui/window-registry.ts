/**
 * The windows Ticker created and that are still alive: the only webContents the IPC sender check
 * trusts, and the ones core events are pushed to, each only the events its page listens to.
 */
import type { BrowserWindow } from 'electron';
import { EVENT_CHANNELS, type EventContract, type EventName } from '../../shared/ipc-contract';
import { Signal } from '../../shared/signal';
import type { TickerCore } from '../core/ticker-core';

export interface Subscription {
  window: BrowserWindow;
  event: EventName;
}

export class WindowRegistry {
  private readonly windows = new Set<BrowserWindow>();
  /** The events each window's page listens to, by window (its webContents id may be gone once closed). */
  private readonly subscriptions = new Map<BrowserWindow, Set<EventName>>();
  /** A window's page started listening to an event (e.g. to replay what it missed). */
  readonly subscribed = new Signal<Subscription>();

  /** Track `window` until it is closed. */
  add(window: BrowserWindow): void {
    this.windows.add(window);
    this.subscriptions.set(window, new Set());
    window.once('closed', () => {
      this.windows.delete(window);
      this.subscriptions.delete(window);
    });
  }

  /** Windows still alive (not destroyed). */
  live(): BrowserWindow[] {
    return [...this.windows].filter((window) => !window.isDestroyed());
  }

  isOwnWebContents(id: number): boolean {
    return this.windowOf(id) !== null;
  }

  /** Record what the page in web contents `id` listens to; unknown web contents are ignored. */
  setSubscribed(id: number, event: EventName, subscribed: boolean): void {
    const window = this.windowOf(id);
    const events = window && this.subscriptions.get(window);
    if (!window || !events) return;
    if (!subscribed) {
      events.delete(event);
      return;
    }
    if (events.has(event)) return;
    events.add(event);
    this.subscribed.emit({ window, event });
  }

  /** Whether the page in `window` listens to `event` now. */
  isSubscribed(window: BrowserWindow, event: EventName): boolean {
    return this.subscriptions.get(window)?.has(event) ?? false;
  }

  /** Push an event to every live window listening to it. */
  broadcast<K extends EventName>(event: K, payload: EventContract[K]): void {
    for (const window of this.live()) {
      if (this.subscriptions.get(window)?.has(event)) this.send(window, event, payload);
    }
  }

  /** Push an event to one window. A window that is going away is skipped, never fatal. */
  send<K extends EventName>(window: BrowserWindow, event: K, payload: EventContract[K]): void {
    try {
      if (!window.isDestroyed() && !window.webContents.isDestroyed()) window.webContents.send(EVENT_CHANNELS[event], payload);
    } catch (error) {
      console.error(`[windows] could not send ${event}:`, error);
    }
  }

  private windowOf(id: number): BrowserWindow | null {
    return this.live().find((window) => !window.webContents.isDestroyed() && window.webContents.id === id) ?? null;
  }
}

/** Forward every core event to the live windows listening to it; returns the function that stops it. */
export function forwardCoreEvents(events: TickerCore['events'], registry: WindowRegistry): () => void {
  const names = Object.keys(EVENT_CHANNELS) as EventName[];
  const unsubscribes = names.map((name) =>
    (events[name] as TickerCore['events'][EventName]).subscribe((payload) => registry.broadcast(name, payload as never)),
  );
  return () => {
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
