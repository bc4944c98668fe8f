/**
 * What an HTTP status from Finnhub means, for the websocket handshake and REST alike: a refused
 * key stops retrying until the key changes, a 429 slows down, a 5xx is the server's trouble.
 */

export type FinnhubRefusal = 'unauthorized' | 'rate-limited' | 'unavailable' | 'unexpected';

export function classifyFinnhubStatus(status: number): FinnhubRefusal {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 429) return 'rate-limited';
  if (status >= 500 && status <= 599) return 'unavailable';
  return 'unexpected';
}

/** The words for a refused key, the same wherever the refusal was seen. */
export function refusedKeyMessage(status: number): string {
  return `Finnhub refused the API key (HTTP ${status})`;
}
