/**
 * The links Ticker may hand to the system browser: only ones the app itself builds, never whatever
 * URL a renderer asks for. Each kind of link is one rule; a future chart link built from the user's
 * URL template adds its rule to the list (for example: the template's fixed prefix followed by one
 * encoded watched symbol) and nothing else changes.
 */
import { FINNHUB_REGISTER_URL } from './finnhub-urls';

/** Whether a parsed https URL without credentials is one kind of link the app builds. */
export type AppLinkRule = (url: URL) => boolean;

const REGISTER_HREF = new URL(FINNHUB_REGISTER_URL).href;

/** Finnhub's page for getting a free key (linked from the key settings). */
export const isKeyRegistrationPage: AppLinkRule = (url) => url.href === REGISTER_HREF;

export const APP_LINK_RULES: readonly AppLinkRule[] = [isKeyRegistrationPage];

/** True for an https URL without credentials that one of `rules` recognises. */
export function isAppLink(value: unknown, rules: readonly AppLinkRule[] = APP_LINK_RULES): value is string {
  if (typeof value !== 'string' || value.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return false;
  return rules.some((rule) => rule(url));
}
