import type { FeedStatus } from '../../shared/types';
import { useNow } from '../hooks/use-now';
import { statusBadge } from '../status-text';

export interface StatusBadgeViewProps {
  status: FeedStatus | null;
  /** Shown instead of the feed status when the strip could not load (e.g. settings failed). */
  problem: string | null;
  onOpenSettings: () => void;
}

/** The feed's state when it is not simply live: DEMO, reconnect countdown, refused key, … */
export function StatusBadgeView({ status, problem, onOpenSettings }: StatusBadgeViewProps) {
  const countsDown = statusBadge(status, Date.now())?.countsDown ?? false;
  const now = useNow(1000, countsDown);
  if (problem) {
    return (
      <span className="badge tone-error" role="status" title={problem}>
        {problem}
      </span>
    );
  }
  const badge = statusBadge(status, now);
  if (!badge) return null;
  const content = (
    <>
      <span className="badge-text">{badge.text}</span>
      {badge.detail && badge.tone !== 'demo' ? <span className="badge-detail">{badge.detail}</span> : null}
    </>
  );
  const title = badge.detail ? `${badge.text}: ${badge.detail}` : badge.text;
  if (badge.opensSettings) {
    return (
      <button
        type="button"
        className={`badge tone-${badge.tone}`}
        title={title}
        onClick={onOpenSettings}
        data-state={status?.state}
      >
        {content}
      </button>
    );
  }
  return (
    <span className={`badge tone-${badge.tone}`} role="status" title={title} data-state={status?.state}>
      {content}
    </span>
  );
}
