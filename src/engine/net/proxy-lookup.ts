/**
 * Which proxy, if any, a connection to a URL goes through. The app asks the system (Electron's
 * session); the headless command reads the environment as curl and undici do: HTTPS_PROXY for
 * https/wss (falling back to HTTP_PROXY), HTTP_PROXY for http/ws, lower case first, and NO_PROXY.
 */

/** The proxy for a URL (`http://host:port` or `https://host:port`, credentials allowed), or null for direct. */
export type ProxyLookup = (url: string) => Promise<string | null> | string | null;

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'ws:': 80, 'https:': 443, 'wss:': 443 };
const SECURE = new Set(['https:', 'wss:']);

interface NoProxyEntry {
  host: string;
  /** 0: any port. */
  port: number;
}

function pick(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name.toLowerCase()] ?? env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** NO_PROXY as entries: `host`, `host:port`, `.domain` / `*.domain` (the domain and below), `*` (everything). */
function parseNoProxy(value: string): NoProxyEntry[] | 'all' {
  const entries: NoProxyEntry[] = [];
  for (const raw of value.split(/[,\s]+/)) {
    if (raw === '') continue;
    if (raw === '*') return 'all';
    const withPort = /^(.+):(\d+)$/.exec(raw);
    const host = (withPort ? withPort[1]! : raw)
      .replace(/^\*?\./, '')
      .replace(/^\[(.*)\]$/, '$1')
      .toLowerCase();
    entries.push({ host, port: withPort ? Number(withPort[2]) : 0 });
  }
  return entries;
}

function bypassed(noProxy: NoProxyEntry[] | 'all', host: string, port: number): boolean {
  if (noProxy === 'all') return true;
  return noProxy.some(
    (entry) => (entry.port === 0 || entry.port === port) && (host === entry.host || host.endsWith(`.${entry.host}`)),
  );
}

/** A proxy URL as given in the environment; `proxy:3128` means `http://proxy:3128`. Null when unusable. */
function proxyUrl(value: string): string | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  try {
    const url = new URL(withScheme);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString().replace(/\/$/, '') : null;
  } catch {
    return null;
  }
}

/** The proxy lookup the environment describes (read once, here). */
export function envProxyLookup(env: NodeJS.ProcessEnv): ProxyLookup {
  const httpProxy = pick(env, 'HTTP_PROXY');
  const httpsProxy = pick(env, 'HTTPS_PROXY') ?? httpProxy;
  const noProxy = parseNoProxy(pick(env, 'NO_PROXY') ?? '');
  return (target) => {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return null;
    }
    const chosen = SECURE.has(url.protocol) ? httpsProxy : httpProxy;
    if (chosen === undefined) return null;
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
    const port = Number(url.port) || DEFAULT_PORTS[url.protocol] || 0;
    return bypassed(noProxy, host, port) ? null : proxyUrl(chosen);
  };
}

/** Whether the environment names any proxy (so the caller knows to route through one). */
export function envNamesProxy(env: NodeJS.ProcessEnv): boolean {
  return pick(env, 'HTTPS_PROXY') !== undefined || pick(env, 'HTTP_PROXY') !== undefined;
}

/**
 * The first usable entry of a PAC-style answer, as Electron's `session.resolveProxy` gives it:
 * `"PROXY host:port; DIRECT"` → `http://host:port`, `"HTTPS host:port"` → `https://host:port`,
 * `"DIRECT"` → null. SOCKS entries are skipped (this client speaks HTTP CONNECT only).
 */
export function proxyFromPacResult(result: string): string | null {
  for (const entry of result.split(';')) {
    const [kind = '', server = ''] = entry.trim().split(/\s+/);
    switch (kind.toUpperCase()) {
      case 'DIRECT':
        return null;
      case 'PROXY':
        if (server) return `http://${server}`;
        break;
      case 'HTTPS':
        if (server) return `https://${server}`;
        break;
      default:
        break; // SOCKS, SOCKS4, SOCKS5, QUIC or nonsense: try the next entry
    }
  }
  return null;
}
