/**
 * Headlines on the strip: their text, the host shown before a click opens one, and the link rule
 * that lets the app's one checked link path open exactly the articles Ticker fetched itself (never
 * a URL a page makes up). Pure.
 */
import type { AppLinkRule } from './external-links';
import { displayName } from './symbols';
import { shortCompanyName, type Headline } from './symbol-context';
import type { Preferences } from './types';

/** "AAPL · Reuters: Apple ships a thing", as the strip shows it between the items. */
export function headlineStripText(headline: Pick<Headline, 'symbol' | 'source' | 'headline'>): string {
  const source = headline.source.trim();
  return `${displayName(headline.symbol)} · ${source ? `${source}: ` : ''}${headline.headline}`;
}

/** The host a headline's link goes to (shown before it opens), or null for a link that is not https. */
export function linkHost(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return null;
    return parsed.hostname;
  } catch {
    return null;
  }
}

/** Exactly the article links of the headlines Ticker holds now (`current` is read at each check). */
export function headlineLinkRule(current: () => Iterable<Pick<Headline, 'url'>>): AppLinkRule {
  return (url) => {
    for (const headline of current()) {
      try {
        if (new URL(headline.url).href === url.href) return true;
      } catch {
        // not a URL: never matches
      }
    }
    return false;
  };
}

/** The name a strip item shows beside its symbol under the "Show company names" preference, or null. */
export function itemCompanyName(
  name: string | null,
  symbol: string,
  setting: Preferences['companyNames'],
): string | null {
  if (setting === 'off' || name === null) return null;
  const shown = setting === 'short' ? shortCompanyName(name) : name;
  // A pair's readable name is what the item already shows.
  return shown === displayName(symbol) ? null : shown;
}
