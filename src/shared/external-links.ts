/**
 * The links Ticker may hand to the system browser: only ones the app itself builds, never whatever
 * URL a page asks for. Each kind of link is one rule: Finnhub's register page, the project's own
 * pages, chart links built from the saved chart template with one valid symbol, and the articles of
 * the headlines Ticker fetched itself. Main opens every
 * link through one checked path (createLinkOpener in src/main/shell/web-security.ts) that applies
 * these rules; navigation and new windows never open anything.
 */
import { buildChartUrl } from './chart-url';
import { FINNHUB_REGISTER_URL } from './finnhub-urls';
import { headlineLinkRule } from './headline-links';
import { normalizeSymbol } from './symbols';
import { MAX_URL_LENGTH } from './text-limits';

/** Whether a parsed https URL without credentials is one kind of link the app builds. */
export type AppLinkRule = (url: URL) => boolean;

const REGISTER_HREF = new URL(FINNHUB_REGISTER_URL).href;

/** Finnhub's page for getting a free key (linked from the key settings). */
const isKeyRegistrationPage: AppLinkRule = (url) => url.href === REGISTER_HREF;

/**
 * The project's own pages the app links to (its homepage, from the package.json it ships with). Each
 * is matched exactly.
 */
function projectPageRule(pages: readonly string[]): AppLinkRule {
  const hrefs = new Set(
    pages.flatMap((page) => {
      try {
        return [new URL(page).href];
      } catch {
        return [];
      }
    }),
  );
  return (url) => hrefs.has(url.href);
}

/** The links that do not depend on the user's settings. */
export const APP_LINK_RULES: readonly AppLinkRule[] = [isKeyRegistrationPage];

/**
 * Chart links as main builds them from `template`: the template with one valid symbol, URL-encoded,
 * in every place of the placeholder. Anything else on the same site (another path, a token in the
 * query) is not one of them.
 */
function chartLinkRule(template: string): AppLinkRule {
  // Where the symbol goes in the link as a URL parser writes it (host lower-cased and so on).
  const slot = 'TICKERSYMBOLSLOT';
  const sample = buildChartUrl(template, slot);
  if (sample === null) return () => false;
  const sampleHref = new URL(sample).href;
  const at = sampleHref.indexOf(slot);
  if (at < 0) return () => false;
  const head = sampleHref.slice(0, at);
  const afterSlot = sampleHref.slice(at + slot.length);
  const next = afterSlot.includes(slot) ? afterSlot.slice(0, afterSlot.indexOf(slot)) : afterSlot;
  return (url) => {
    const text = url.href;
    if (!text.startsWith(head)) return false;
    const rest = text.slice(head.length);
    const end = next === '' ? rest.length : rest.indexOf(next);
    if (end <= 0) return false;
    let symbol: string;
    try {
      symbol = decodeURIComponent(rest.slice(0, end));
    } catch {
      return false;
    }
    if (normalizeSymbol(symbol) !== symbol) return false;
    const built = buildChartUrl(template, symbol);
    return built !== null && new URL(built).href === text;
  };
}

/**
 * Every kind of link the app builds, given the saved chart template, the project's pages and the
 * headlines Ticker holds now (their articles, exactly; read at each check).
 */
export function appLinkRules(
  chartTemplate: string,
  projectPages: readonly string[] = [],
  headlines: () => Iterable<{ url: string }> = () => [],
): AppLinkRule[] {
  return [...APP_LINK_RULES, projectPageRule(projectPages), chartLinkRule(chartTemplate), headlineLinkRule(headlines)];
}

/** `value` parsed when it is an https URL of at most MAX_URL_LENGTH without credentials, else null. */
export function plainHttpsUrl(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' ? url : null;
}

/** True for an https URL without credentials that one of `rules` recognises. */
export function isAppLink(value: unknown, rules: readonly AppLinkRule[] = APP_LINK_RULES): value is string {
  const url = plainHttpsUrl(value);
  return url !== null && rules.some((rule) => rule(url));
}
