import { describe, expect, it } from 'vitest';
import { envNamesProxy, envProxyLookup, proxyFromPacResult } from '../../../src/engine/net/proxy-lookup';

describe('envProxyLookup', () => {
  it('uses HTTPS_PROXY for wss and https, HTTP_PROXY for ws and http', () => {
    const lookup = envProxyLookup({ HTTPS_PROXY: 'http://secure:3128', HTTP_PROXY: 'http://plain:8080' });
    expect(lookup('wss://ws.finnhub.io/?token=k')).toBe('http://secure:3128');
    expect(lookup('https://finnhub.io/api/v1/quote')).toBe('http://secure:3128');
    expect(lookup('ws://example.com/')).toBe('http://plain:8080');
    expect(lookup('http://example.com/')).toBe('http://plain:8080');
  });

  it('prefers the lower-case name, falls back from HTTPS_PROXY to HTTP_PROXY, and adds http://', () => {
    expect(envProxyLookup({ https_proxy: 'lower:1', HTTPS_PROXY: 'http://upper:2' })('https://a.com/')).toBe(
      'http://lower:1',
    );
    expect(envProxyLookup({ HTTP_PROXY: 'http://only:8080' })('wss://ws.finnhub.io/')).toBe('http://only:8080');
    expect(envProxyLookup({ HTTPS_PROXY: 'https://user:pw@p.corp:443' })('wss://x.io/')).toBe('https://user:pw@p.corp');
  });

  it('goes direct without a proxy, or with an unusable one', () => {
    expect(envProxyLookup({})('wss://ws.finnhub.io/')).toBeNull();
    expect(envProxyLookup({ HTTPS_PROXY: '  ' })('wss://ws.finnhub.io/')).toBeNull();
    expect(envProxyLookup({ HTTPS_PROXY: 'socks5://p:1080' })('wss://ws.finnhub.io/')).toBeNull();
    expect(envProxyLookup({ HTTPS_PROXY: 'http://p:1' })('not a url')).toBeNull();
  });

  it('honours NO_PROXY: hosts, domains with and without a leading dot or *., ports, and *', () => {
    const lookup = envProxyLookup({
      HTTPS_PROXY: 'http://p:1',
      HTTP_PROXY: 'http://p:1',
      NO_PROXY: 'localhost, .corp.example *.lan,finnhub.io:8443,[::1]',
    });
    expect(lookup('http://localhost:5173/')).toBeNull();
    expect(lookup('https://corp.example/')).toBeNull();
    expect(lookup('https://a.b.corp.example/')).toBeNull();
    expect(lookup('https://nas.lan/')).toBeNull();
    expect(lookup('https://finnhub.io:8443/')).toBeNull();
    expect(lookup('http://[::1]:80/')).toBeNull();
    expect(lookup('https://finnhub.io/')).toBe('http://p:1');
    expect(lookup('https://notcorp.example/')).toBe('http://p:1');
    expect(envProxyLookup({ HTTPS_PROXY: 'http://p:1', no_proxy: '*' })('https://finnhub.io/')).toBeNull();
  });

  it('says whether the environment names a proxy', () => {
    expect(envNamesProxy({})).toBe(false);
    expect(envNamesProxy({ NO_PROXY: 'x' })).toBe(false);
    expect(envNamesProxy({ http_proxy: 'p:1' })).toBe(true);
  });
});

describe('proxyFromPacResult', () => {
  it('takes the first usable entry of what Electron’s resolveProxy answers', () => {
    expect(proxyFromPacResult('DIRECT')).toBeNull();
    expect(proxyFromPacResult('PROXY proxy.corp:3128; DIRECT')).toBe('http://proxy.corp:3128');
    expect(proxyFromPacResult('HTTPS secure.corp:443')).toBe('https://secure.corp:443');
    expect(proxyFromPacResult('SOCKS5 s:1080; PROXY p:8080')).toBe('http://p:8080');
    expect(proxyFromPacResult('SOCKS5 s:1080')).toBeNull();
    expect(proxyFromPacResult('')).toBeNull();
  });
});
