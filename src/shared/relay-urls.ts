/**
 * The addresses a program or a page uses to reach the relay, built in one place for the settings
 * window (shown, token masked) and the shell (copied, token in clear).
 */

/** What the settings window can copy: main builds the text, so a page cannot fill the clipboard. */
export const RELAY_COPY_ITEMS = ['token', 'websocket-url', 'sse-url'] as const;
export type RelayCopyItem = (typeof RELAY_COPY_ITEMS)[number];

export function isRelayCopyItem(value: unknown): value is RelayCopyItem {
  return typeof value === 'string' && (RELAY_COPY_ITEMS as readonly string[]).includes(value);
}

/** The websocket a Finnhub client connects to instead of wss://ws.finnhub.io. */
export function relayWebSocketUrl(port: number, token: string): string {
  return `ws://127.0.0.1:${port}/?token=${encodeURIComponent(token)}`;
}

/** A symbol in a query value: commas separate symbols, so each is encoded; `:` `/` `^` stay readable. */
function querySymbol(symbol: string): string {
  return encodeURIComponent(symbol).replace(/%3A/g, ':').replace(/%2F/g, '/').replace(/%5E/g, '^');
}

/** The server-sent events stream for `symbols` (an `EventSource` URL). */
export function relaySseUrl(port: number, token: string, symbols: readonly string[]): string {
  return `http://127.0.0.1:${port}/sse?symbols=${symbols.map(querySymbol).join(',')}&token=${encodeURIComponent(token)}`;
}

/** The text copied for `item`. */
export function relayCopyText(
  item: RelayCopyItem,
  relay: { port: number; token: string },
  symbols: readonly string[],
): string {
  switch (item) {
    case 'token':
      return relay.token;
    case 'websocket-url':
      return relayWebSocketUrl(relay.port, relay.token);
    case 'sse-url':
      return relaySseUrl(relay.port, relay.token, symbols);
  }
}
