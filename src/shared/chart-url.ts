/**
 * The chart link a strip item opens: a user-chosen https URL template with `{symbol}` where the
 * symbol goes. One rule for the settings window, the IPC validators and main, which builds every
 * chart URL itself (a renderer only names the symbol).
 */

import { isValidSymbol } from './symbols';

export const CHART_SYMBOL_PLACEHOLDER = '{symbol}';
export const MAX_CHART_TEMPLATE_LENGTH = 512;

/** TradingView's chart page understands Finnhub's venue-prefixed symbols (BINANCE:BTCUSDT) as well as plain tickers. */
export const DEFAULT_CHART_URL_TEMPLATE = 'https://www.tradingview.com/chart/?symbol={symbol}';

/** Why `template` cannot be used to build chart links, or null when it can. */
export function chartTemplateProblem(template: unknown): string | null {
  if (typeof template !== 'string') return 'The chart link must be text';
  if (template.length > MAX_CHART_TEMPLATE_LENGTH)
    return `The chart link must be at most ${MAX_CHART_TEMPLATE_LENGTH} characters`;
  if (!template.includes(CHART_SYMBOL_PLACEHOLDER))
    return `The chart link must contain ${CHART_SYMBOL_PLACEHOLDER} where the symbol goes`;
  if (/[{}]/.test(template.split(CHART_SYMBOL_PLACEHOLDER).join('')))
    return `The chart link may contain no braces besides ${CHART_SYMBOL_PLACEHOLDER}`;
  let url: URL;
  try {
    url = new URL(template.split(CHART_SYMBOL_PLACEHOLDER).join('AAPL'));
  } catch {
    return 'The chart link is not a valid web address';
  }
  if (url.protocol !== 'https:') return 'The chart link must start with https://';
  if (url.username !== '' || url.password !== '') return 'The chart link must not contain a user name or password';
  if (url.hostname === '') return 'The chart link has no host';
  const mixed = mixedScriptLabel(template);
  if (mixed !== null)
    return `The chart link's site name mixes alphabets ("${mixed}"), as a look-alike of another site does; type its name in one alphabet`;
  // The placeholder must not decide where the link goes.
  if (new URL(template.split(CHART_SYMBOL_PLACEHOLDER).join('X.Y')).host !== url.host)
    return `${CHART_SYMBOL_PLACEHOLDER} must not be part of the host name`;
  return null;
}

/**
 * The chart URL for `symbol` (URL-encoded into the template), or null when the template is unusable
 * or the symbol is not valid (the symbol rule also keeps `.` and `..` from stepping up a path).
 */
export function buildChartUrl(template: string, symbol: string): string | null {
  if (chartTemplateProblem(template) !== null || !isValidSymbol(symbol)) return null;
  return template.split(CHART_SYMBOL_PLACEHOLDER).join(encodeURIComponent(symbol));
}

/** The scripts a host name's letters are told apart by (others count as their own script). */
const SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Armenian', 'Hebrew', 'Arabic', 'Han', 'Hiragana', 'Katakana', 'Hangul'];
const SCRIPT_PATTERNS = SCRIPTS.map((script) => new RegExp(`\\p{Script=${script}}`, 'u'));

/**
 * The first label of the template's host (as typed) whose letters come from more than one script
 * ("tradingvіew" with a Cyrillic і), or null. Digits and hyphens belong to no script.
 */
function mixedScriptLabel(template: string): string | null {
  const host = /^https:\/\/([^/?#]*)/i.exec(template)?.[1] ?? '';
  for (const label of host.replace(/^.*@/, '').replace(/:\d*$/, '').split('.')) {
    const scripts = new Set<string>();
    for (const char of label) {
      if (!/\p{L}/u.test(char)) continue;
      const script = SCRIPTS[SCRIPT_PATTERNS.findIndex((pattern) => pattern.test(char))] ?? 'other';
      // Japanese writes one name in Han, Hiragana and Katakana together: those count as one.
      scripts.add(script === 'Hiragana' || script === 'Katakana' ? 'Han' : script);
    }
    if (scripts.size > 1) return label;
  }
  return null;
}

/**
 * The site a chart link goes to, as a browser shows it in the address bar's security sense: the host
 * in ASCII (an internationalised name in punycode, "xn--…"), so a look-alike cannot hide. Null when
 * the template is unusable.
 */
export function chartLinkHost(template: string): string | null {
  if (chartTemplateProblem(template) !== null) return null;
  return new URL(template.split(CHART_SYMBOL_PLACEHOLDER).join('AAPL')).host;
}
