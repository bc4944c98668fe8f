import { memo } from 'react';
import { headlineStripText, linkHost } from '../../shared/headline-links';
import type { Headline } from '../../shared/symbol-context';

/**
 * A headline between the strip's items ("AAPL · Reuters: …"), with the host its article is on
 * shown beside it, before a click opens it (the strip's click handler asks main, which opens only
 * the articles of the headlines it holds).
 */
export const HeadlineItem = memo(function HeadlineItem({ headline }: { headline: Headline }) {
  const host = linkHost(headline.url);
  return (
    <span
      className="item headline"
      data-url={headline.url}
      title={host === null ? undefined : `Opens the article on ${host} in your browser`}
    >
      <span className="headline-text">{headlineStripText(headline)}</span>
      {host !== null ? <span className="headline-host">{host}</span> : null}
    </span>
  );
});
