import { describe, expect, it } from 'vitest';
import { MAX_PENDING_NOTICES, NoticeLog } from '../../../src/engine/core/notice-log';
import { Signal } from '../../../src/shared/signal';
import type { Notice } from '../../../src/shared/types';

describe('NoticeLog', () => {
  it('stamps, emits and keeps notices for windows that open later, the newest ones only', () => {
    let now = 1_000;
    const emitted: Notice[] = [];
    const emit = new Signal<Notice>();
    emit.subscribe((notice) => emitted.push(notice));
    const initial: Notice = { level: 'warning', message: 'settings repaired', at: 5 };
    const log = new NoticeLog({ clock: { now: () => now }, emit, initial: [initial] });

    log.notify({ level: 'error', message: 'first' });
    expect(emitted).toEqual([{ level: 'error', message: 'first', at: 1_000 }]);
    expect(log.pending()).toEqual([initial, { level: 'error', message: 'first', at: 1_000 }]);

    for (let index = 0; index < MAX_PENDING_NOTICES; index += 1) {
      now += 1;
      log.notify({ level: 'info', message: `n${index}` });
    }
    const pending = log.pending();
    expect(pending).toHaveLength(MAX_PENDING_NOTICES);
    expect(pending[0]?.message).toBe('n0');
    expect(pending.at(-1)).toEqual({
      level: 'info',
      message: `n${MAX_PENDING_NOTICES - 1}`,
      at: 1_000 + MAX_PENDING_NOTICES,
    });
    // What pending() returns is a copy: a caller cannot change the log.
    pending.length = 0;
    expect(log.pending()).toHaveLength(MAX_PENDING_NOTICES);
  });
});
