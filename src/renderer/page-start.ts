/**
 * A page's first load, begun as soon as its script runs rather than after React's first render and
 * commit: listen to the pushed events first (so nothing main sends after it reads the start is
 * missed), then ask for the whole start (settings, snapshot, status, portfolio) in one call. Events
 * that arrive before the page's own listener attaches are held and handed to that listener.
 */
import { listenerName, type EventContract, type PageStart, type Result, type TickerApi } from '../shared/ipc-contract';
import { PAGE_START_MARKS } from '../shared/page-start-marks';
import { settle } from './bridge';

/** The events a page's first load may need held. */
export type HeldEvent = 'settings' | 'status' | 'quotes' | 'portfolio';

/** Events held per event while nobody listens; beyond it the oldest go (a page attaches within a frame). */
export const HELD_EVENTS_CAP = 200;

/** What the first load needs of a page's bridge. */
export type PageStartApi = Pick<
  TickerApi,
  'getPageStart' | 'getOverview' | 'onSettings' | 'onStatus' | 'onQuotes' | 'onPortfolio'
>;

export interface BegunStart<A extends PageStartApi = PageStartApi> {
  /**
   * The held bridge and the start call, to the first caller only: what was held is handed to its
   * listeners once, so a later caller (a remount, React's strict mode) must subscribe and ask anew.
   */
  take(): { api: A; start: Promise<Result<PageStart>> } | null;
  /** Main's start once it has answered with one (so a first render can draw from it), else null. */
  answered(): PageStart | null;
  /** Settles when main has answered (or the call failed). */
  settled: Promise<void>;
  /** Held events dropped because nobody listened for too long. */
  dropped(): number;
}

/** Whether an answer has the start's shape (a page checks what it draws from). */
export function isPageStart(value: unknown): value is PageStart {
  if (typeof value !== 'object' || value === null) return false;
  const start = value as Partial<PageStart>;
  return (
    typeof start.settings === 'object' &&
    start.settings !== null &&
    Array.isArray(start.snapshot) &&
    typeof start.overview === 'object' &&
    start.overview !== null &&
    typeof start.portfolio === 'object'
  );
}

export function beginPageStart<A extends PageStartApi>(api: A, events: readonly HeldEvent[]): BegunStart<A> {
  let dropped = 0;
  const overrides: Partial<Record<string, unknown>> = {};
  for (const event of events) {
    type Payload = EventContract[typeof event];
    const listeners = new Set<(payload: Payload) => void>();
    const queue: Payload[] = [];
    let attached = false;
    const subscribe = api[listenerName(event)] as (listener: (payload: Payload) => void) => () => void;
    subscribe((payload) => {
      for (const listener of [...listeners]) listener(payload);
      // Held only until the first listener came; after it left, nobody will ask for them.
      if (attached) return;
      queue.push(payload);
      if (queue.length > HELD_EVENTS_CAP) {
        queue.shift();
        dropped += 1;
      }
    });
    overrides[listenerName(event)] = (listener: (payload: Payload) => void) => {
      listeners.add(listener);
      attached = true;
      for (const payload of queue.splice(0)) listener(payload);
      return () => {
        listeners.delete(listener);
      };
    };
  }
  performance.mark(PAGE_START_MARKS.asked);
  let answered: PageStart | null = null;
  const start = settle(() => api.getPageStart()).then((result) => {
    performance.mark(PAGE_START_MARKS.answered);
    if (result.ok && isPageStart(result.value)) answered = result.value;
    return result;
  });
  let taken = false;
  return {
    take: () => {
      if (taken) return null;
      taken = true;
      return { api: { ...api, ...overrides } as A, start };
    },
    answered: () => answered,
    settled: start.then(() => undefined),
    dropped: () => dropped,
  };
}
