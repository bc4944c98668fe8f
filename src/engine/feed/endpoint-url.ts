/**
 * Checks a Finnhub endpoint given as text (a flag or an environment variable): a parseable URL
 * with one of the allowed schemes. Shared by the headless command and the app.
 */
export type EndpointCheck = { url: string } | { problem: string };

export const WS_SCHEMES: readonly string[] = ['ws:', 'wss:'];
export const REST_SCHEMES: readonly string[] = ['http:', 'https:'];

/** `name` says where the text came from (e.g. "--ws-url") in the problem. */
export function checkEndpointUrl(name: string, raw: string, schemes: readonly string[]): EndpointCheck {
  try {
    const url = new URL(raw);
    if (!schemes.includes(url.protocol)) return { problem: `${name} must use ${schemes.join(' or ')}, got "${raw}"` };
    return { url: raw };
  } catch {
    return { problem: `${name} is not a valid URL: "${raw}"` };
  }
}
