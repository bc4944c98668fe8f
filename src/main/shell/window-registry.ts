/**
 * The windows Ticker created and that are still alive: the only webContents the IPC sender check
 * trusts, and the ones core events are pushed to, each only the events its page listens to.
 */
import type { BrowserWindow } from 'electron';
import {
  EVENT_CHANNELS,
  windowMayListen,
  type EventContract,
  type EventName,
  type WindowKind,
} from '../../shared/ipc-contract';
import { Signal } from '../../shared/signal';
import type { TickerCore } from '../../engine/core/ticker-core';

export interface Subscription {
  window: BrowserWindow;
  event: EventName;
}

/** Push an event to one window. */
export type SendToWindow = <K extends EventName>(event: K, payload: EventContract[K]) => void;

/** How one window sees the core's events (e.g. a strip: only its own list's quotes). */
export interface WindowView {
  /** Deliver `payload` to the window through `send`: as it is, changed for it, followed by more, or not at all. */
  deliver<K extends EventName>(event: K, payload: EventContract[K], send: SendToWindow): void;
}

export class WindowRegistry {
  private readonly windows = new Set<BrowserWindow>();
  private readonly views = new Map<BrowserWindow, WindowView>();
  /** The kind each window was created as (it decides the channels main accepts from it). */
  private readonly kinds = new Map<BrowserWindow, WindowKind>();
  /** The events each window's page listens to, by window (its webContents id may be gone once closed). */
  private readonly subscriptions = new Map<BrowserWindow, Set<EventName>>();
  /** A window's page started listening to an event (e.g. to replay what it missed). */
  readonly subscribed = new Signal<Subscription>();

  /** Track `window`, a window of `kind`, until it is closed. */
  add(window: BrowserWindow, kind: WindowKind): void {
    this.windows.add(window);
    this.kinds.set(window, kind);
    this.subscriptions.set(window, new Set());
    window.once('closed', () => {
      this.windows.delete(window);
      this.subscriptions.delete(window);
      this.views.delete(window);
      this.kinds.delete(window);
    });
  }

  /** Route every event `window` listens to through `view`. */
  setView(window: BrowserWindow, view: WindowView): void {
    if (this.windows.has(window)) this.views.set(window, view);
  }

  /** The view of the window whose web contents is `id`, if it has one. */
  viewOf(id: number): WindowView | null {
    const window = this.windowOf(id);
    return (window && this.views.get(window)) ?? null;
  }

  /** Windows still alive (not destroyed). */
  live(): BrowserWindow[] {
    return [...this.windows].filter((window) => !window.isDestroyed());
  }

  isOwnWebContents(id: number): boolean {
    return this.windowOf(id) !== null;
  }

  /** The kind of the live window whose web contents is `id`, or null when it is not one of ours. */
  kindOf(id: number): WindowKind | null {
    const window = this.windowOf(id);
    return (window && this.kinds.get(window)) ?? null;
  }

  /**
   * Record what the page in web contents `id` listens to; unknown web contents, and events its kind
   * of window may not receive, are ignored.
   */
  setSubscribed(id: number, event: EventName, subscribed: boolean): void {
    const window = this.windowOf(id);
    const events = window && this.subscriptions.get(window);
    const kind = window && this.kinds.get(window);
    if (!window || !events || !kind) return;
    if (subscribed && !windowMayListen(kind, event)) return;
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
      if (!this.subscriptions.get(window)?.has(event)) continue;
      const view = this.views.get(window);
      if (!view) {
        this.send(window, event, payload);
        continue;
      }
      try {
        view.deliver(event, payload, (next, nextPayload) => this.send(window, next, nextPayload));
      } catch (error) {
        console.error(`[windows] could not deliver ${event}:`, error);
      }
    }
  }

  /** Push an event to one window. A window that is going away is skipped, never fatal. */
  send<K extends EventName>(window: BrowserWindow, event: K, payload: EventContract[K]): void {
    try {
      if (!window.isDestroyed() && !window.webContents.isDestroyed())
        window.webContents.send(EVENT_CHANNELS[event], payload);
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
    (events[name] as TickerCore['events'][EventName]).subscribe((payload) =>
      registry.broadcast(name, payload as never),
    ),
  );
  return () => {
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
