/**
 * fetch for the headless command that goes through the proxy the environment names (HTTPS_PROXY,
 * HTTP_PROXY, NO_PROXY), with undici's EnvHttpProxyAgent tunnelling through it. Without a proxy
 * in the environment, it is Node's own fetch.
 */
import { EnvHttpProxyAgent, fetch as undiciFetch } from 'undici';
import type { FetchLike } from './fetch-like';
import { envNamesProxy } from './proxy-lookup';

export interface EnvProxyFetchOptions {
  /** Certificates to trust besides the system's (users set NODE_EXTRA_CA_CERTS instead). */
  ca?: string | Buffer;
}

const value = (env: NodeJS.ProcessEnv, name: string): string => (env[name.toLowerCase()] ?? env[name] ?? '').trim();

export function envProxyFetch(env: NodeJS.ProcessEnv, options: EnvProxyFetchOptions = {}): FetchLike {
  if (!envNamesProxy(env)) return (url, init) => globalThis.fetch(url, init);
  // Every value comes from `env` (an empty string means none), never from process.env behind our back.
  const dispatcher = new EnvHttpProxyAgent({
    httpProxy: value(env, 'HTTP_PROXY'),
    httpsProxy: value(env, 'HTTPS_PROXY'),
    noProxy: value(env, 'NO_PROXY'),
    ...(options.ca !== undefined ? { requestTls: { ca: options.ca } } : {}),
  });
  return (url, init) =>
    undiciFetch(url, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher }) as unknown as Promise<Response>;
}
