/**
 * How the app reaches Finnhub on any network: REST through Electron's `net` (Chromium's stack: the
 * system's proxy settings, PAC scripts and the OS certificate store), the websocket through the
 * proxy the system resolves for it (HTTP CONNECT). A proxy named in the environment (HTTPS_PROXY,
 * HTTP_PROXY, NO_PROXY) is handed to Chromium at launch, so both follow it on every platform.
 */
import type * as Electron from 'electron';
import type { FetchLike } from '../../engine/net/fetch-like';
import { envNamesProxy, proxyFromPacResult, type ProxyLookup } from '../../engine/net/proxy-lookup';

export interface SystemNetwork {
  fetch: FetchLike;
  proxyFor: ProxyLookup;
}

export function systemNetwork(deps: {
  net: Pick<Electron.Net, 'fetch'>;
  session: Pick<Electron.Session, 'resolveProxy'>;
}): SystemNetwork {
  return {
    fetch: (url, init) => deps.net.fetch(url, init),
    // A lookup that fails (a broken PAC script) leaves the connection direct rather than stuck.
    proxyFor: (url) => deps.session.resolveProxy(url).then(proxyFromPacResult, () => null),
  };
}

const value = (env: NodeJS.ProcessEnv, name: string): string | undefined =>
  (env[name.toLowerCase()] ?? env[name])?.trim() || undefined;

/** A proxy URL as Chromium's --proxy-server takes it: scheme, host and port, no credentials. */
function chromiumProxy(raw: string): string | null {
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return `${url.protocol}//${url.host}`;
  } catch {
    return null;
  }
}

/**
 * Chromium switches for the proxy the environment names (none when it names none, or NO_PROXY is
 * `*`). Chromium reads these variables itself only on some Linux desktops; this makes it everywhere.
 */
export function proxySwitches(env: NodeJS.ProcessEnv): [string, string][] {
  if (!envNamesProxy(env)) return [];
  const noProxy = (value(env, 'NO_PROXY') ?? '').split(/[,\s]+/).filter(Boolean);
  if (noProxy.includes('*')) return [];
  const http = value(env, 'HTTP_PROXY');
  const https = value(env, 'HTTPS_PROXY') ?? http;
  const rules = [
    ...(https && chromiumProxy(https) ? [`https=${chromiumProxy(https)}`] : []),
    ...(http && chromiumProxy(http) ? [`http=${chromiumProxy(http)}`] : []),
  ];
  if (rules.length === 0) return [];
  // NO_PROXY's `corp.example` and `.corp.example` mean the domain and everything below it.
  const bypass = noProxy.flatMap((entry) => {
    const domain = entry.replace(/^\*?\./, '');
    const isName = /[a-z]/i.test(domain) && !domain.includes('/') && !domain.startsWith('[');
    return isName ? [domain, `*.${domain}`] : [domain];
  });
  return [
    ['proxy-server', rules.join(';')],
    ...(bypass.length > 0 ? [['proxy-bypass-list', bypass.join(';')] as [string, string]] : []),
  ];
}
