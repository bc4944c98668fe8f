/**
 * The notices the core raised, newest last, so a window that opens later can still show what
 * happened before it could listen (e.g. settings recovered from a corrupt file).
 */
import type { Clock } from '../../shared/clock';
import type { Signal } from '../../shared/signal';
import type { Notice } from '../../shared/types';

/** Enough for every start-up problem at once; older ones have been shown or are moot. */
export const MAX_PENDING_NOTICES = 20;

export class NoticeLog {
  private readonly notices: Notice[];

  constructor(private readonly deps: { clock: Pick<Clock, 'now'>; emit: Signal<Notice>; initial?: readonly Notice[] }) {
    this.notices = [...(deps.initial ?? [])];
  }

  /** Raise a notice stamped now. */
  notify(notice: Omit<Notice, 'at'>): void {
    this.raise({ ...notice, at: this.deps.clock.now() });
  }

  raise(notice: Notice): void {
    this.notices.push(notice);
    if (this.notices.length > MAX_PENDING_NOTICES) this.notices.shift();
    this.deps.emit.emit(notice);
  }

  pending(): Notice[] {
    return [...this.notices];
  }
}
