import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../../src/shared/clock';
import { createQuitSequence } from '../../../src/main/shell/quit-sequence';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function sequence(stopCore: () => Promise<void>, order: string[]) {
  return createQuitSequence({
    beforeStop: [() => order.push('listeners'), () => order.push('ipc')],
    stopCore: () => {
      order.push('core');
      return stopCore();
    },
    afterStop: [() => order.push('windows')],
    exit: () => order.push('exit'),
    clock: systemClock,
    timeoutMs: 3_000,
  });
}

describe('createQuitSequence', () => {
  it('stops listeners, closes the feed, tears down windows, exits: once however often asked', async () => {
    const order: string[] = [];
    const quit = sequence(async () => {}, order);
    const first = quit();
    expect(quit()).toBe(first);
    await first;
    expect(order).toEqual(['listeners', 'ipc', 'core', 'windows', 'exit']);
  });

  it('a feed that never closes is given up on after the deadline', async () => {
    vi.useFakeTimers();
    const order: string[] = [];
    const quitting = sequence(() => new Promise<void>(() => {}), order)();
    await vi.advanceTimersByTimeAsync(2_999);
    expect(order).not.toContain('exit');
    await vi.advanceTimersByTimeAsync(1);
    await quitting;
    expect(order.at(-1)).toBe('exit');
  });

  it('a failing step or a failing close is logged and the app still exits', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const exit = vi.fn();
    await createQuitSequence({
      beforeStop: [
        () => {
          throw new Error('listener gone');
        },
      ],
      stopCore: () => Promise.reject(new Error('socket stuck')),
      afterStop: [
        () => {
          throw new Error('tray gone');
        },
      ],
      exit,
      clock: systemClock,
      timeoutMs: 3_000,
    })();
    expect(exit).toHaveBeenCalledOnce();
    expect(error).toHaveBeenCalledTimes(3);
  });
});
