import { describe, it, expect, vi, beforeEach } from 'vitest';
import { app, MockBrowserWindow, resetElectronMock } from '../../support/electron-mock';

vi.mock('electron', () => import('../../support/electron-mock'));
// electron-store loads the real 'electron' package itself; the entry only needs its factory to exist.
vi.mock('electron-store', () => ({ default: class {} }));

beforeEach(() => resetElectronMock());

describe('src/main/index.ts', () => {
  it('does nothing when imported outside Electron, and re-exports startApp', async () => {
    const entry = await import('../../../src/main/index');
    expect(typeof entry.startApp).toBe('function');
    expect(app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(MockBrowserWindow.instances).toHaveLength(0);
  });

  it('points at the built preload, pages and resources next to the main bundle', async () => {
    const { electronStartDeps } = await import('../../../src/main/index');
    const deps = electronStartDeps('/opt/Ticker/resources/app.asar/out/main', {});
    expect(deps.paths).toEqual({
      preload: '/opt/Ticker/resources/app.asar/out/preload/index.cjs',
      rendererDir: '/opt/Ticker/resources/app.asar/out/renderer',
      resourcesDir: '/opt/Ticker/resources/app.asar/resources',
    });
    expect(deps.launchExecPath).toBe(process.execPath);
    expect(electronStartDeps('/x/out/main', { APPIMAGE: '/home/me/Ticker.AppImage' }).launchExecPath).toBe(
      '/home/me/Ticker.AppImage',
    );
  });

  it('takes Finnhub endpoints from FINNHUB_WS_URL / FINNHUB_REST_URL only in an unpackaged app', async () => {
    const { finnhubEndpoints } = await import('../../../src/main/index');
    const env = { FINNHUB_WS_URL: 'ws://127.0.0.1:4000', FINNHUB_REST_URL: ' http://127.0.0.1:4000/api/v1 ' };
    expect(finnhubEndpoints(env, false)).toEqual({
      wsUrl: 'ws://127.0.0.1:4000',
      restUrl: 'http://127.0.0.1:4000/api/v1',
    });
    expect(finnhubEndpoints(env, true)).toEqual({});
    expect(finnhubEndpoints({}, false)).toEqual({});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(finnhubEndpoints({ FINNHUB_WS_URL: 'http://127.0.0.1:4000', FINNHUB_REST_URL: 'not a url' }, false)).toEqual(
      {},
    );
    expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([
      '[app] ignored: FINNHUB_WS_URL must use ws: or wss:, got "http://127.0.0.1:4000"',
      '[app] ignored: FINNHUB_REST_URL is not a valid URL: "not a url"',
    ]);
    warn.mockRestore();
  });

  it('uses the dev server only in an unpackaged app', async () => {
    const { electronStartDeps } = await import('../../../src/main/index');
    expect(
      electronStartDeps('/x/out/main', { ELECTRON_RENDERER_URL: 'http://localhost:5173' }).paths.devServerUrl,
    ).toBe('http://localhost:5173');
    app.isPackaged = true;
    expect(
      electronStartDeps('/x/out/main', { ELECTRON_RENDERER_URL: 'http://localhost:5173' }).paths.devServerUrl,
    ).toBeUndefined();
  });
});
