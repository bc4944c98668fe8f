import type { FeedOverview } from '../../shared/types';
import { useNow } from '../hooks/use-now';
import { formatRelativeTime } from '../relative-time';
import { describeState, secondsUntilRetry } from '../../shared/connection-words';

export interface StatusPanelProps {
  overview: FeedOverview | null;
  locale: string;
}

/** Connection state in words and the feed's counters. */
export function StatusPanel({ overview, locale }: StatusPanelProps) {
  const now = useNow(1000);
  if (!overview) {
    return (
      <section className="card" aria-labelledby="status-heading">
        <h3 id="status-heading">Connection</h3>
        <p className="hint">Loading…</p>
      </section>
    );
  }
  const { status, stats } = overview;
  const count = new Intl.NumberFormat(locale);
  const retry = secondsUntilRetry(status, now);
  const reasons = Object.entries(stats.droppedByReason ?? {})
    .map(([reason, n]) => `${reason}: ${n}`)
    .join(', ');
  return (
    <section className="card" aria-labelledby="status-heading">
      <h3 id="status-heading">Connection</h3>
      <p className={`state state-${status.state}`} data-testid="connection-state">
        <span className="dot" aria-hidden="true" />
        {describeState(status.state)}
        {retry ? ` (next try in ${retry} s)` : ''}
      </p>
      {status.message ? <p className="hint">{status.message}</p> : null}
      {stats.lastServerError && stats.lastServerError !== status.message ? (
        <p className="hint">Last server error: {stats.lastServerError}</p>
      ) : null}
      <dl className="stats">
        <div>
          <dt>Last message</dt>
          <dd>{formatRelativeTime(stats.lastMessageAt, now, locale)}</dd>
        </div>
        <div>
          <dt>Reconnects</dt>
          <dd>{count.format(stats.reconnects)}</dd>
        </div>
        <div>
          <dt>Trades</dt>
          <dd>{count.format(stats.trades)}</dd>
        </div>
        <div>
          <dt>Dropped frames</dt>
          <dd title={reasons || undefined}>{count.format(stats.dropped)}</dd>
        </div>
      </dl>
    </section>
  );
}
