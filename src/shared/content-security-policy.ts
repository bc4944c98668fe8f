/**
 * Ticker's one Content-Security-Policy: our own scripts and styles, nothing else. Main sends it as a
 * header with our pages; the build writes it into each page's meta tag (electron.vite.config.ts),
 * so the pages' HTML carries none of its own and the two cannot drift.
 */

const DIRECTIVES: ReadonlyArray<readonly [name: string, value: string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['object-src', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** Browsers ignore these in a meta tag (and warn), so the meta leaves them to the header. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/**
 * `npm run dev` only: the dev server's inline react-refresh preamble, its injected <style> tags
 * and its HMR websocket need exactly these; builds never get them.
 */
const DEV_SERVER_ADDITIONS: Readonly<Record<string, string>> = {
  'script-src': "'self' 'unsafe-inline'",
  'style-src': "'self' 'unsafe-inline'",
  'connect-src': "'self' ws://localhost:* ws://127.0.0.1:*",
};

function policy(directives: ReadonlyArray<readonly [string, string]>): string {
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** The header main sends with our own pages. */
export const CONTENT_SECURITY_POLICY = policy(DIRECTIVES);

/** The same policy as a page's meta tag can carry it. */
export const META_CONTENT_SECURITY_POLICY = policy(DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name)));

/** The meta policy relaxed for the electron-vite dev server. */
export const DEV_SERVER_CONTENT_SECURITY_POLICY = policy(
  DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name)).map(
    ([name, value]) => [name, DEV_SERVER_ADDITIONS[name] ?? value] as const,
  ),
);

const CSP_META = /<meta\s[^>]*http-equiv\s*=\s*["']?content-security-policy/i;
const CHARSET_META = /<meta\s+charset\s*=\s*["']?utf-8["']?\s*\/?>/i;

/**
 * A page's HTML with the policy's meta tag right after its charset declaration (before anything it
 * could govern). Throws when the page has a policy of its own or no charset meta, so a page cannot
 * quietly go out with a second policy or none.
 */
export function withContentSecurityPolicyMeta(html: string, content: string): string {
  if (CSP_META.test(html))
    throw new Error(
      'The page declares its own Content-Security-Policy; it comes from src/shared/content-security-policy.ts',
    );
  const charset = CHARSET_META.exec(html);
  if (!charset) throw new Error('The page needs a <meta charset="UTF-8" /> for the Content-Security-Policy to follow');
  const at = charset.index + charset[0].length;
  const escaped = content.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `${html.slice(0, at)}\n    <meta http-equiv="Content-Security-Policy" content="${escaped}" />${html.slice(at)}`;
}
