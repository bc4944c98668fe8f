import { describe, expect, it } from 'vitest';
import {
  EVENT_CHANNELS,
  listenerName,
  type EventName,
  type PageStart,
  type TickerApi,
} from '../../../src/shared/ipc-contract';
import { PAGE_START_MARKS } from '../../../src/shared/page-start-marks';
import { beginPageStart, HELD_EVENTS_CAP, isPageStart } from '../../../src/renderer/page-start';
import type { SnapshotBatch } from '../../../src/shared/types';

const START: PageStart = {
  settings: { symbols: ['AAPL'] } as PageStart['settings'],
  snapshot: [],
  overview: { status: { state: 'live', since: 1 }, stats: {} as PageStart['overview']['stats'], demo: false },
  portfolio: null,
  economy: null,
};

const batch = (seq: number): SnapshotBatch => ({ seq, at: seq, quotes: [], removed: [] });

/** A bridge that records the order of subscriptions and calls, and lets the test push events. */
function fakeApi(answer: unknown = { ok: true, value: START }) {
  const log: string[] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const api: Record<string, unknown> = {
    getPageStart: () => {
      log.push('getPageStart');
      return Promise.resolve(answer);
    },
    getOverview: () => Promise.resolve({ ok: true, value: START.overview }),
  };
  for (const event of Object.keys(EVENT_CHANNELS) as EventName[]) {
    listeners.set(event, new Set());
    api[listenerName(event)] = (listener: (payload: unknown) => void) => {
      log.push(`on:${event}`);
      listeners.get(event)?.add(listener);
      return () => listeners.get(event)?.delete(listener);
    };
  }
  const push = (event: EventName, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  return { api: api as unknown as TickerApi, log, push, listeners };
}

describe('beginPageStart', () => {
  it('subscribes to every held event before it asks for the start, and asks once', async () => {
    const { api, log } = fakeApi();
    const begun = beginPageStart(api, ['settings', 'status', 'quotes', 'portfolio']);
    expect(log).toEqual(['on:settings', 'on:status', 'on:quotes', 'on:portfolio', 'getPageStart']);
    const taken = begun.take();
    await expect(taken?.start).resolves.toEqual({ ok: true, value: START });
    expect(log.filter((entry) => entry === 'getPageStart')).toHaveLength(1);
  });

  it('marks when it asked and when main answered', async () => {
    performance.clearMarks();
    const { api } = fakeApi();
    const begun = beginPageStart(api, []);
    expect(performance.getEntriesByName(PAGE_START_MARKS.asked, 'mark')).toHaveLength(1);
    await begun.take()?.start;
    expect(performance.getEntriesByName(PAGE_START_MARKS.answered, 'mark')).toHaveLength(1);
  });

  it('hands events that came before the listener to it, in order, then passes events on live', () => {
    const { api, push } = fakeApi();
    const begun = beginPageStart(api, ['quotes']);
    push('quotes', batch(1));
    push('quotes', batch(2));
    const held = begun.take()?.api;
    const seen: number[] = [];
    held?.onQuotes((payload) => seen.push(payload.seq));
    expect(seen).toEqual([1, 2]);
    push('quotes', batch(3));
    expect(seen).toEqual([1, 2, 3]);
  });

  it('gives the held bridge to the first taker only: a remount subscribes and asks anew', () => {
    const { api } = fakeApi();
    const begun = beginPageStart(api, ['quotes']);
    expect(begun.take()).not.toBeNull();
    expect(begun.take()).toBeNull();
  });

  it('holds at most the cap per event, dropping the oldest and counting them', () => {
    const { api, push } = fakeApi();
    const begun = beginPageStart(api, ['quotes']);
    for (let seq = 1; seq <= HELD_EVENTS_CAP + 3; seq += 1) push('quotes', batch(seq));
    expect(begun.dropped()).toBe(3);
    const seen: number[] = [];
    begun.take()?.api.onQuotes((payload) => seen.push(payload.seq));
    expect(seen).toHaveLength(HELD_EVENTS_CAP);
    expect(seen[0]).toBe(4);
  });

  it('holds nothing more once its listener has come and gone', () => {
    const { api, push } = fakeApi();
    const begun = beginPageStart(api, ['status']);
    const held = begun.take()?.api;
    const stop = held?.onStatus(() => {});
    stop?.();
    push('status', { state: 'live', since: 2 });
    const seen: unknown[] = [];
    held?.onStatus((payload) => seen.push(payload));
    expect(seen).toEqual([]);
  });

  it('leaves the events it does not hold and every call as the bridge has them', () => {
    const { api } = fakeApi();
    const held = beginPageStart(api, ['quotes']).take()?.api;
    expect(held?.onSettings).toBe(api.onSettings);
    expect(held?.getOverview).toBe(api.getOverview);
  });

  it('offers the start for a first render once main answered with one, and settles either way', async () => {
    const { api } = fakeApi();
    const begun = beginPageStart(api, []);
    expect(begun.answered()).toBeNull();
    await begun.settled;
    expect(begun.answered()).toEqual(START);

    const malformed = beginPageStart(fakeApi({ ok: true, value: { settings: null } }).api, []);
    await malformed.settled;
    expect(malformed.answered()).toBeNull();
    const refused = beginPageStart(fakeApi({ ok: false, error: { code: 'internal', message: 'no' } }).api, []);
    await refused.settled;
    expect(refused.answered()).toBeNull();
  });

  it('turns a failed start call into an error value', async () => {
    const { api } = fakeApi(Promise.reject(new Error('gone')));
    await expect(beginPageStart(api, []).take()?.start).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'gone' },
    });
  });
});

describe('isPageStart', () => {
  it('accepts the start and refuses answers without its parts', () => {
    expect(isPageStart(START)).toBe(true);
    expect(isPageStart({ ...START, portfolio: { currency: 'USD' } })).toBe(true);
    expect(isPageStart(null)).toBe(false);
    expect(isPageStart('start')).toBe(false);
    expect(isPageStart({ ...START, settings: null })).toBe(false);
    expect(isPageStart({ ...START, snapshot: {} })).toBe(false);
    expect(isPageStart({ ...START, overview: undefined })).toBe(false);
    expect(isPageStart({ settings: START.settings, snapshot: [], overview: START.overview })).toBe(false);
  });
});
