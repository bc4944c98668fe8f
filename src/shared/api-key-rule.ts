/**
 * What a Finnhub API key looks like, for every place that takes one (saving it, testing it, the
 * headless command's --token): printable ASCII without spaces, 8 to 128 characters, after trimming.
 */

export const API_KEY_PATTERN = /^[\x21-\x7E]{8,128}$/;
const API_KEY_RULE_TEXT = 'A Finnhub key is 8 to 128 letters, digits or symbols, without spaces.';

/** Why `key` (already trimmed, not empty) cannot be a Finnhub key, or null when it can. */
export function apiKeyProblem(key: string): string | null {
  return API_KEY_PATTERN.test(key) ? null : API_KEY_RULE_TEXT;
}
