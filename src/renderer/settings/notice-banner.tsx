import type { Notice } from '../../shared/types';

export interface NoticeBannerProps {
  notices: readonly Notice[];
  onDismiss: (notice: Notice) => void;
}

/** Messages from the app (e.g. settings recovered from a damaged file), each dismissible. */
export function NoticeBanner({ notices, onDismiss }: NoticeBannerProps) {
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div
          key={`${notice.at}:${notice.message}`}
          className={`notice notice-${notice.level}`}
          role={notice.level === 'info' ? 'status' : 'alert'}
        >
          <span className="notice-text">{notice.message}</span>
          <button type="button" className="icon-button" aria-label="Dismiss notice" onClick={() => onDismiss(notice)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
