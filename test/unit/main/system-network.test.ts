import { describe, expect, it, vi } from 'vitest';
import { proxySwitches, systemNetwork } from '../../../src/main/shell/system-network';

describe('systemNetwork', () => {
  it('sends REST through Electron’s net.fetch', async () => {
    const response = new Response('{}');
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => response);
    const network = systemNetwork({ net: { fetch }, session: { resolveProxy: async () => 'DIRECT' } });
    const init: RequestInit = { method: 'GET', headers: { Accept: 'application/json' } };
    expect(await network.fetch('https://finnhub.io/api/v1/quote?symbol=AAPL', init)).toBe(response);
    expect(fetch).toHaveBeenCalledWith('https://finnhub.io/api/v1/quote?symbol=AAPL', init);
  });

  it('asks the session which proxy the websocket goes through', async () => {
    const resolveProxy = vi.fn(async (url: string) =>
      url.includes('finnhub') ? 'PROXY proxy.corp:3128; DIRECT' : 'DIRECT',
    );
    const network = systemNetwork({ net: { fetch: vi.fn() }, session: { resolveProxy } });
    expect(await network.proxyFor('https://ws.finnhub.io:443/')).toBe('http://proxy.corp:3128');
    expect(await network.proxyFor('http://127.0.0.1:4000/')).toBeNull();
  });

  it('goes direct when the system cannot say (a broken PAC script)', async () => {
    const network = systemNetwork({
      net: { fetch: vi.fn() },
      session: { resolveProxy: () => Promise.reject(new Error('PAC script failed')) },
    });
    expect(await network.proxyFor('https://ws.finnhub.io:443/')).toBeNull();
  });
});

describe('proxySwitches', () => {
  it('hands the environment’s proxy to Chromium, without credentials', () => {
    expect(proxySwitches({ HTTPS_PROXY: 'http://user:pw@proxy.corp:3128' })).toEqual([
      ['proxy-server', 'https=http://proxy.corp:3128'],
    ]);
    expect(proxySwitches({ http_proxy: 'plain.corp:8080', NO_PROXY: 'localhost,.corp.example,10.0.0.0/8' })).toEqual([
      ['proxy-server', 'https=http://plain.corp:8080;http=http://plain.corp:8080'],
      ['proxy-bypass-list', 'localhost;*.localhost;corp.example;*.corp.example;10.0.0.0/8'],
    ]);
  });

  it('adds nothing without a proxy, or when NO_PROXY is *', () => {
    expect(proxySwitches({})).toEqual([]);
    expect(proxySwitches({ NO_PROXY: 'localhost' })).toEqual([]);
    expect(proxySwitches({ HTTPS_PROXY: 'http://p:1', no_proxy: '*' })).toEqual([]);
    expect(proxySwitches({ HTTPS_PROXY: 'socks5://p:1080' })).toEqual([]);
  });
});
