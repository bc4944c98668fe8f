/**
 * The browser tests' pages run the app's real preload over main's real IPC surface: each page gets
 * only its kind's bridge, frozen, and main refuses another kind's channel or a hostile payload from
 * it, whatever the page sends through the transport.
 */
import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, listenerName, WINDOW_CHANNELS, type WindowKind } from '../../src/shared/ipc-contract';
import { useAppSession } from './harness/app-session';

const apps = useAppSession();

/** The names the preload should expose for `kind`, from the contract. */
function bridgeNames(kind: WindowKind): string[] {
  const channels = WINDOW_CHANNELS[kind];
  return [...channels.invoke, ...channels.events.map((event) => listenerName(event))].sort();
}

/** Send one raw invoke through the page's transport, as a compromised page could. */
function rawInvoke(page: import('playwright-core').Page, channel: string, args: unknown[]) {
  return page.evaluate(
    ([c, a]) =>
      (window as unknown as { __tickerIpcInvoke: (c: string, a: unknown[]) => Promise<unknown> }).__tickerIpcInvoke(
        c,
        a,
      ),
    [channel, args] as const,
  );
}

describe('pages on the real preload', () => {
  it('gives each kind of page its own frozen bridge, built by the preload from the contract', async () => {
    const app = await apps.start({ symbols: ['AAPL'] });
    for (const kind of ['strip', 'settings'] as const) {
      const { page, errors } = await apps.session.openCorePage(kind, app.core);
      await page.waitForFunction(() => 'ticker' in window);
      const names = await page.evaluate(() => Object.keys(window.ticker).sort());
      expect(names).toEqual(bridgeNames(kind));
      expect(await page.evaluate(() => Object.isFrozen(window.ticker))).toBe(true);
      // The page itself has no Node and no raw ipcRenderer.
      expect(await page.evaluate(() => typeof (window as { process?: unknown }).process)).toBe('undefined');
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it("refuses another kind's channel and a hostile payload in main, before any handler runs", async () => {
    const app = await apps.start({ symbols: ['AAPL'] });
    const { page: strip } = await apps.session.openCorePage('strip', app.core);
    await strip.waitForFunction(() => 'ticker' in window);
    // The strip's bridge has no setPreferences; sent anyway, main's sender check refuses it.
    expect(await rawInvoke(strip, INVOKE_CHANNELS.setPreferences, [{ speed: 17 }])).toEqual({
      handled: true,
      value: { ok: false, error: { code: 'forbidden-sender', message: expect.stringContaining('strip') } },
    });
    expect(app.core.preferences().speed).not.toBe(17);

    const { page: settings } = await apps.session.openCorePage('settings', app.core);
    await settings.waitForFunction(() => 'ticker' in window);
    // Main's validators refuse a malformed payload; the preload turns an unknown channel into an error value.
    const refused = await settings.evaluate(() => window.ticker.addToList('l1', 'bad symbol\u0000'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await rawInvoke(settings, 'no:such-channel', [])).toEqual({ handled: false, value: null });
    const allowed = await settings.evaluate(() => window.ticker.setPreferences({ speed: 17 }));
    expect(allowed).toMatchObject({ ok: true });
    expect(app.core.preferences().speed).toBe(17);
  });
});
