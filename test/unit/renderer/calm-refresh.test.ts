import { describe, expect, it } from 'vitest';
import { CalmRefresh, type CalmTimers } from '../../../src/renderer/strip/calm-refresh';

function fakeTimers() {
  let next = 1;
  const timers = new Map<number, { callback: () => void; ms: number }>();
  const api: CalmTimers = {
    setTimeout: (callback, ms) => (timers.set(next, { callback, ms }), next++),
    clearTimeout: (handle) => void timers.delete(handle),
  };
  const fire = () => {
    const due = [...timers.values()];
    timers.clear();
    due.forEach((timer) => timer.callback());
  };
  return { api, fire, armed: () => [...timers.values()].map((timer) => timer.ms) };
}

describe('CalmRefresh', () => {
  it('runs no timer while nothing changes', () => {
    const timers = fakeTimers();
    let refreshes = 0;
    const calm = new CalmRefresh(timers.api, 2000, () => (refreshes += 1));
    expect(timers.armed()).toEqual([]);
    expect(calm.pending()).toBe(false);
    expect(refreshes).toBe(0);
  });

  it('refreshes once per interval however many changes came, then rests until the next change', () => {
    const timers = fakeTimers();
    let refreshes = 0;
    const calm = new CalmRefresh(timers.api, 2000, () => (refreshes += 1));
    calm.changed();
    calm.changed();
    calm.changed();
    expect(timers.armed()).toEqual([2000]);
    expect(refreshes).toBe(0);
    timers.fire();
    expect(refreshes).toBe(1);
    expect(timers.armed()).toEqual([]);
    calm.changed();
    expect(timers.armed()).toEqual([2000]);
    timers.fire();
    expect(refreshes).toBe(2);
  });

  it('cancels a waiting refresh when disposed', () => {
    const timers = fakeTimers();
    let refreshes = 0;
    const calm = new CalmRefresh(timers.api, 2000, () => (refreshes += 1));
    calm.changed();
    calm.dispose();
    expect(timers.armed()).toEqual([]);
    expect(calm.pending()).toBe(false);
    expect(refreshes).toBe(0);
  });
});
