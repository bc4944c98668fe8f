import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../../src/shared/clock';
import { Signal } from '../../../src/shared/signal';
import type { UpdateStatus } from '../../../src/shared/update-status';
import {
  FIRST_CHECK_DELAY_MS,
  UPDATE_CHECK_INTERVAL_MS,
  UpdateService,
  type UpdateClient,
  type UpdateClientEvent,
} from '../../../src/main/updates/update-service';

type Answer = 'none' | 'newer' | 'fail' | 'silent';

/** An updater that answers each check as told, with the events electron-updater sends. */
function fakeClient(answer: { next: Answer } = { next: 'none' }) {
  const events = new Signal<UpdateClientEvent>();
  const client = {
    events,
    checks: 0,
    check: vi.fn(async () => {
      client.checks += 1;
      if (answer.next === 'silent') return;
      events.emit({ type: 'checking' });
      await Promise.resolve();
      if (answer.next === 'none') events.emit({ type: 'not-available' });
      if (answer.next === 'newer') {
        events.emit({ type: 'available', version: '0.2.0' });
        events.emit({ type: 'progress', percent: 40 });
      }
      if (answer.next === 'fail') {
        events.emit({ type: 'error', message: 'the update server could not be reached (ECONNREFUSED).' });
        throw new Error('ECONNREFUSED');
      }
    }),
    install: vi.fn((_relaunch: boolean) => true),
  } satisfies UpdateClient & { checks: number };
  return client;
}

function service(client: UpdateClient | null, options: { enabled?: boolean } = {}) {
  let enabled = options.enabled ?? true;
  const preferences = new Signal<void>();
  const ready = vi.fn();
  const manual = vi.fn();
  const statuses: UpdateStatus[] = [];
  const updates = new UpdateService({
    clock: systemClock,
    client,
    unsupportedMessage: 'Update it with your package manager.',
    enabled: () => enabled,
    onPreferencesChanged: (listener) => preferences.subscribe(listener),
    onReady: ready,
    onManualResult: manual,
  });
  updates.changed.subscribe((status) => statuses.push(status));
  const setEnabled = (next: boolean) => {
    enabled = next;
    preferences.emit();
  };
  return { updates, ready, manual, statuses, setEnabled };
}

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

describe('when Ticker checks for updates', () => {
  it('soon after start, then every 24 hours', async () => {
    const client = fakeClient();
    const { updates } = service(client);
    updates.start();
    expect(client.checks).toBe(0);
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(client.checks).toBe(1);
    expect(updates.status()).toEqual({ state: 'up-to-date', checkedAt: 1_000_000 + FIRST_CHECK_DELAY_MS });
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS - 1);
    expect(client.checks).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(client.checks).toBe(2);
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS * 3);
    expect(client.checks).toBe(5);
  });

  it('with the preference off: no check at all, not even on demand, until it is on again', async () => {
    const client = fakeClient();
    const { updates, manual, setEnabled } = service(client, { enabled: false });
    updates.start();
    expect(updates.status()).toEqual({ state: 'off' });
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS * 2);
    expect(await updates.checkNow()).toEqual({ state: 'off' });
    expect(manual).toHaveBeenCalledWith({ state: 'off' });
    expect(client.check).not.toHaveBeenCalled();
    setEnabled(true);
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(client.checks).toBe(1);
    setEnabled(false);
    expect(updates.status()).toEqual({ state: 'off' });
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS * 2);
    expect(client.checks).toBe(1);
  });

  it('on demand: the user hears the outcome, and the daily check counts from then', async () => {
    const client = fakeClient();
    const { updates, manual } = service(client);
    updates.start();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await updates.checkNow()).toMatchObject({ state: 'up-to-date' });
    expect(manual).toHaveBeenCalledWith(expect.objectContaining({ state: 'up-to-date' }));
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS - 1);
    expect(client.checks).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(client.checks).toBe(3);
  });

  it('a newer version downloads; once ready the user is told once, and it installs at exit', async () => {
    const answer = { next: 'newer' as Answer };
    const client = fakeClient(answer);
    const { updates, ready, statuses } = service(client);
    updates.start();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(updates.status()).toEqual({ state: 'downloading', version: '0.2.0', percent: 40 });
    expect(updates.ready()).toBe(false);
    client.events.emit({ type: 'downloaded', version: '0.2.0' });
    client.events.emit({ type: 'downloaded', version: '0.2.0' });
    expect(updates.status()).toEqual({ state: 'ready', version: '0.2.0' });
    expect(ready).toHaveBeenCalledExactlyOnceWith('0.2.0');
    expect(statuses.map((status) => status.state)).toEqual(['checking', 'downloading', 'downloading', 'ready']);
    // Ready: no more checks, a later failure does not hide it.
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS);
    expect(client.checks).toBe(1);
    client.events.emit({ type: 'error', message: 'late' });
    expect(updates.status().state).toBe('ready');
    updates.installOnExit(true);
    expect(client.install).toHaveBeenCalledWith(true);
  });

  it('a failed check is a clear status, and the next one comes a day later', async () => {
    const answer = { next: 'fail' as Answer };
    const client = fakeClient(answer);
    const { updates, manual } = service(client);
    updates.start();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(updates.status()).toEqual({
      state: 'error',
      message: 'the update server could not be reached (ECONNREFUSED).',
      checkedAt: 1_000_000 + FIRST_CHECK_DELAY_MS,
    });
    expect(manual).not.toHaveBeenCalled();
    answer.next = 'none';
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS);
    expect(updates.status().state).toBe('up-to-date');
    // Nothing to install: exit installs nothing.
    updates.installOnExit(false);
    expect(client.install).not.toHaveBeenCalled();
  });

  it('an updater that says nothing leaves no check hanging', async () => {
    const client = fakeClient({ next: 'silent' });
    const { updates } = service(client);
    expect(await updates.checkNow()).toMatchObject({ state: 'up-to-date' });
  });

  it('a copy that does not update itself asks nothing and says how it updates', async () => {
    const { updates, manual } = service(null);
    updates.start();
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS);
    expect(await updates.checkNow()).toEqual({ state: 'unsupported', message: 'Update it with your package manager.' });
    expect(manual).toHaveBeenCalledOnce();
  });

  it('stops checking once stopped', async () => {
    const client = fakeClient();
    const { updates } = service(client);
    updates.start();
    updates.stop();
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS * 2);
    expect(client.check).not.toHaveBeenCalled();
  });
});
