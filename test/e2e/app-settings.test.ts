/**
 * The built settings page in headless Chromium against the REAL core and the fake Finnhub server,
 * with a strip page attached to the same core: removing, adding and reordering symbols reach the
 * core, the strip and the upstream subscriptions (on the one connection); bad symbols get an inline
 * error and change nothing; a new key is saved and used without ever coming back to the page.
 * Screenshot: test-output/settings.png.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { displayName } from '../../src/shared/symbols';
import type { Settings } from '../../src/engine/settings/settings';
import { showCategory } from './settings-category';
import { settingsTransferHandlers } from '../../src/main/shell/settings-transfer-dialogs';
import { APP_KEY, LIVE_SYMBOLS, openingPrices, waitForPrice, waitForStripSymbols } from './harness/app-fixture';
import { frames, OUTPUT_DIR, type CorePageOptions } from './harness/renderer-session';
import { useAppSession } from './harness/app-session';

const apps = useAppSession();

/** A running app with a settings page and a strip page on the same core, both loaded. */
async function openBoth(symbols: readonly string[] = LIVE_SYMBOLS, settingsOptions: CorePageOptions = {}) {
  const app = await apps.start({ symbols });
  const running = app;
  const [strip, settings] = await Promise.all([
    apps.session.openCorePage('strip', running.core),
    apps.session.openCorePage('settings', running.core, settingsOptions),
  ]);
  await waitForStripSymbols(strip.page, symbols);
  await showCategory(settings.page, 'lists');
  await settings.page.locator('.symbol-row').first().waitFor();
  return { running, strip, settings };
}

/**
 * Resolves once the settings list shows `order` and React's effects after it have run (two more
 * frames: the view moves focus back to the moved item in an effect, which a next key press must not
 * overtake).
 */
async function waitForListed(page: Page, order: readonly string[]): Promise<void> {
  await page.waitForFunction(
    (expected) =>
      [...document.querySelectorAll<HTMLElement>('.symbol-row')].map((row) => row.dataset.symbol).join(',') ===
      expected.join(','),
    [...order],
    { polling: 'raf' },
  );
  await frames(page, 2);
}

/** The settings list's symbols, in order. */
function listedSymbols(page: Page): Promise<string[]> {
  return page
    .locator('.symbol-row')
    .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.symbol ?? ''));
}

describe('settings against the real core', () => {
  it('removing a symbol removes it from the strip and unsubscribes it upstream, on the same connection', async () => {
    const { running, strip, settings } = await openBoth();
    running.trade(openingPrices());
    await waitForPrice(strip.page, 'MSFT', '415.10');

    await settings.page.getByRole('button', { name: 'Remove MSFT' }).click();
    const remaining = LIVE_SYMBOLS.filter((symbol) => symbol !== 'MSFT');
    await waitForStripSymbols(strip.page, remaining);
    await running.server.waitFor(
      () => running.client.subscriptionLog.some((m) => m.type === 'unsubscribe'),
      'an unsubscribe',
    );
    expect(running.client.subscriptionLog.filter((m) => m.type === 'unsubscribe')).toEqual([
      { type: 'unsubscribe', symbol: 'MSFT' },
    ]);
    expect(running.client.subscriptionLog.filter((m) => m.type === 'subscribe')).toHaveLength(LIVE_SYMBOLS.length);
    expect([...running.client.subscriptions].sort()).toEqual([...remaining].sort());
    // No reconnect: still the first and only connection.
    expect(running.client.open).toBe(true);
    expect(running.server.counters.connectionsAccepted).toBe(1);
    expect(running.core.symbols()).toEqual(remaining);
    await waitForListed(settings.page, remaining);
    await expect.poll(() => settings.page.locator('[data-testid="symbols-live"]').textContent()).toBe('MSFT removed.');

    // Trades for it no longer reach anyone; the others still do.
    expect(running.trade({ MSFT: 420, AAPL: 190.5 })).toBe(1);
    await waitForPrice(strip.page, 'AAPL', '190.50');
    expect(await strip.page.locator('.item[data-symbol="MSFT"]').count()).toBe(0);
    expect([...strip.errors, ...settings.errors]).toEqual([]);
    await Promise.all([strip.page.close(), settings.page.close()]);
  });

  it('gives a bad symbol an inline error and changes nothing, in the core or upstream', async () => {
    const { running, strip, settings } = await openBoth();
    const { page } = settings;
    const input = page.locator('#add-symbol');
    const error = page.locator('#add-symbol-error');

    await input.fill('NOT A SYMBOL!');
    await input.press('Enter');
    await expect.poll(() => error.textContent()).toContain('Not a valid symbol');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await input.getAttribute('aria-describedby')).toContain('add-symbol-error');

    // A duplicate passes the page's own check and is refused by the core.
    await input.fill(' msft ');
    await input.press('Enter');
    await expect.poll(() => error.textContent()).toBe('MSFT is already in your list.');

    // Whatever the page sends, the IPC validators refuse a malformed symbol before the core sees it.
    const direct = await page.evaluate(() => window.ticker.addToList('l1', 'bad symbol!!'));
    expect(direct).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });

    expect(settings.bridge.calls.filter((channel) => channel === 'lists:add-symbol')).toHaveLength(2);
    expect(running.core.symbols()).toEqual(LIVE_SYMBOLS);
    expect(await listedSymbols(page)).toEqual(LIVE_SYMBOLS);
    expect(await page.locator('[data-testid="symbol-count"]').textContent()).toBe(`${LIVE_SYMBOLS.length} of 50`);
    expect(running.client.subscriptionLog).toHaveLength(LIVE_SYMBOLS.length);
    expect(await strip.page.locator('.lane:first-child .item').count()).toBe(LIVE_SYMBOLS.length);
    expect([...strip.errors, ...settings.errors]).toEqual([]);
    await Promise.all([strip.page.close(), settings.page.close()]);
  });

  it('reorders with the keyboard only: the core and the strip follow, subscriptions do not change', async () => {
    const symbols = ['AAPL', 'MSFT', 'NVDA', 'TSLA'];
    const { running, strip, settings } = await openBoth(symbols);
    const { page } = settings;
    // The tray's "Add symbol…" asks the page to focus the add field; from there, keys only.
    running.core.events.focusAddSymbol.emit(null);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('add-symbol');
    await page.keyboard.press('Tab'); // Add button
    await page.keyboard.press('Tab'); // AAPL's row
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-symbol'))).toBe('AAPL');

    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => running.core.symbols()).toEqual(['MSFT', 'AAPL', 'NVDA', 'TSLA']);
    await waitForListed(page, ['MSFT', 'AAPL', 'NVDA', 'TSLA']);
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => running.core.symbols()).toEqual(['MSFT', 'NVDA', 'AAPL', 'TSLA']);
    await waitForListed(page, ['MSFT', 'NVDA', 'AAPL', 'TSLA']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-symbol'))).toBe('AAPL');
    await waitForStripSymbols(strip.page, ['MSFT', 'NVDA', 'AAPL', 'TSLA']);

    // The row's buttons work by keyboard too: Tab to "Move up" (AAPL is not first), then Enter.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move AAPL up');
    await page.keyboard.press('Enter');
    await expect.poll(() => running.core.symbols()).toEqual(['MSFT', 'AAPL', 'NVDA', 'TSLA']);
    await waitForStripSymbols(strip.page, ['MSFT', 'AAPL', 'NVDA', 'TSLA']);
    await waitForListed(page, ['MSFT', 'AAPL', 'NVDA', 'TSLA']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move AAPL up');
    expect(await page.locator('[data-testid="symbols-live"]').textContent()).toBe('AAPL moved to position 2 of 4.');

    // Order is a display matter: nothing was unsubscribed or subscribed again upstream.
    expect(running.client.subscriptionLog).toHaveLength(symbols.length);
    expect(running.server.counters.connectionsAccepted).toBe(1);
    expect([...strip.errors, ...settings.errors]).toEqual([]);
    await Promise.all([strip.page.close(), settings.page.close()]);
  });

  it('lists the displays from main and docks the strip to the one chosen', async () => {
    const { running, strip, settings } = await openBoth(['AAPL']);
    await showCategory(settings.page, 'appearance');
    const select = settings.page.locator('#pref-displayId');
    await expect
      .poll(() => select.locator('option').allTextContents())
      .toEqual(['Primary display', 'Built-in display (1920×1080) — primary', 'DELL U2720Q (2560×1440)']);
    await select.selectOption({ label: 'DELL U2720Q (2560×1440)' });
    await expect.poll(() => running.core.preferences().displayId).toBe(2);
    await select.selectOption('primary');
    await expect.poll(() => running.core.preferences().displayId).toBeNull();
    expect([...strip.errors, ...settings.errors]).toEqual([]);
    await Promise.all([strip.page.close(), settings.page.close()]);
  });

  it('adds a symbol from the autocomplete (Finnhub search through main): subscribed upstream and shown in the strip', async () => {
    const { running, strip, settings } = await openBoth(['AAPL', 'MSFT']);
    const { page } = settings;
    const input = page.locator('#add-symbol');
    await input.fill('dollar yen');
    const option = page.locator('[role="option"]', { hasText: 'USD/JPY' });
    await option.waitFor();
    await running.server.waitFor(
      () => running.server.requests.some((r) => r.path === '/search' && r.token === APP_KEY),
      'a search request',
    );
    await input.press('ArrowDown');
    await input.press('Enter');

    await expect.poll(() => running.core.symbols()).toEqual(['AAPL', 'MSFT', 'OANDA:USD_JPY']);
    await running.server.waitForSubscriptions(3, running.client);
    expect(running.client.subscriptionLog.at(-1)).toEqual({ type: 'subscribe', symbol: 'OANDA:USD_JPY' });
    await waitForStripSymbols(strip.page, ['AAPL', 'MSFT', 'OANDA:USD_JPY']);
    running.trade({ 'OANDA:USD_JPY': 151.234 });
    await waitForPrice(strip.page, 'OANDA:USD_JPY', '151.234');
    expect(await strip.page.locator('.lane:first-child .item[data-symbol="OANDA:USD_JPY"] .name').textContent()).toBe(
      displayName('OANDA:USD_JPY'),
    );
    expect(running.server.counters.connectionsAccepted).toBe(1);
    expect([...strip.errors, ...settings.errors]).toEqual([]);
    await Promise.all([strip.page.close(), settings.page.close()]);
  });

  it('saves a new key: reconnects once with it, shows it only masked, and the page never gets it back', async () => {
    const newKey = 'fresh-key-9f3c';
    const { running, strip, settings } = await openBoth(LIVE_SYMBOLS, { fakeClock: true });
    const { page } = settings;
    running.server.setValidTokens([APP_KEY, newKey]);
    await showCategory(page, 'general');
    await expect.poll(() => page.locator('[data-testid="masked-key"]').textContent()).toBe(`••••${APP_KEY.slice(-4)}`);

    await page.locator('#api-key').fill(newKey);
    expect(await page.locator('#api-key').getAttribute('type')).toBe('password');
    await page.getByRole('button', { name: 'Save' }).click();
    const second = await running.server.waitForConnection(2);
    expect(second.token).toBe(newKey);
    await running.server.waitForSubscriptions(LIVE_SYMBOLS.length, second);
    await running.server.waitForClose(running.client);
    expect(running.client.closeCode).toBe(1000);
    expect(running.server.counters.maxOpenConnections()).toBe(1);
    await expect.poll(() => page.locator('[data-testid="masked-key"]').textContent()).toBe('••••9f3c');
    expect(await page.locator('#api-key').inputValue()).toBe('');

    // Prices flow on the new connection; the strip shows them.
    running.trade(openingPrices());
    await waitForPrice(strip.page, 'BINANCE:BTCUSDT', '97,123.45');
    await expect.poll(() => page.getByTestId('status-connection').textContent()).toBe('Live — streaming trades');
    // The status panel (refreshed every 3 s: the page's clock is fast-forwarded) counts the new connection's trades.
    await expect.poll(async () => (await running.core.handlers.getOverview()).stats.trades).toBe(LIVE_SYMBOLS.length);
    await page.clock.runFor(3_000);
    const tradesShown = page.locator('.stats div', { hasText: 'Trades' }).locator('dd');
    await expect.poll(() => tradesShown.textContent()).toBe(String(LIVE_SYMBOLS.length));
    expect(await page.locator('.stats div', { hasText: 'Last message' }).locator('dd').textContent()).not.toBe('never');
    for (const p of [page, strip.page]) expect(await p.content()).not.toContain(newKey);

    await page.screenshot({ path: join(OUTPUT_DIR, 'settings.png'), fullPage: true });
    expect([...strip.errors, ...settings.errors]).toEqual([]);
    await Promise.all([strip.page.close(), settings.page.close()]);
  });

  it('imports a symbols file picked in the dialog: the strip, the lists and the upstream subscriptions follow; export writes the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ticker-e2e-transfer-'));
    try {
      writeFileSync(join(dir, 'mine.csv'), 'symbol,list\r\nAAPL\r\nmsft\r\nBINANCE:BTCUSDT,Crypto\r\n');
      const dialog = {
        showOpenDialog: async () => ({ canceled: false, filePaths: [join(dir, 'mine.csv')] }),
        showSaveDialog: async () => ({ canceled: false, filePath: join(dir, 'out.json') }),
        // The import's preview: the user presses Import.
        showMessageBox: async () => ({ response: 0, checkboxChecked: false }),
      };
      let settingsService: Settings | null = null;
      const settingsTransfer = settingsTransferHandlers({
        dialog: dialog as never,
        parentWindow: () => null,
        settings: {
          transfer: {
            source: () => (settingsService as Settings).transfer.source(),
            preview: (data) => (settingsService as Settings).transfer.preview(data),
            apply: (data, options) => (settingsService as Settings).transfer.apply(data, options),
          },
          portfolio: { holdings: () => (settingsService as Settings).portfolio.holdings() },
          maxSymbols: 50,
        },
        documentsDir: () => dir,
        now: () => Date.now(),
      });
      const { running, strip, settings } = await openBoth(LIVE_SYMBOLS, { settingsTransfer });
      settingsService = running.settings;
      await showCategory(settings.page, 'transfer');
      const section = settings.page.getByRole('tabpanel', { name: 'Import and export' });
      await section.getByRole('button', { name: 'Import…' }).click();
      await expect
        .poll(() => section.getByRole('status').textContent())
        .toBe('✓ Imported: replaced the symbols of "Watch list"; added "Crypto". (from mine.csv)');
      await waitForStripSymbols(strip.page, ['AAPL', 'MSFT']);
      await running.server.waitFor(() => running.client.subscriptions.size === 2, 'the unsubscribes');
      expect([...running.client.subscriptions].sort()).toEqual(['AAPL', 'MSFT']);
      expect(running.server.counters.connectionsAccepted).toBe(1);
      expect(running.settings.lists.all().map((list) => list.name)).toEqual(['Watch list', 'Crypto']);
      await expect.poll(() => settings.page.getByText('Crypto', { exact: true }).count()).toBeGreaterThan(0);

      await section.getByRole('button', { name: 'Export lists and preferences…' }).click();
      await expect
        .poll(() => section.getByRole('status').textContent())
        .toBe('✓ Exported 2 lists (3 symbols) and the preferences. Saved as out.json.');
      const exported = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
      expect(exported.lists).toEqual([
        { name: 'Watch list', symbols: ['AAPL', 'MSFT'] },
        { name: 'Crypto', symbols: ['BINANCE:BTCUSDT'] },
      ]);
      expect(JSON.stringify(exported)).not.toContain(APP_KEY);
      expect([...strip.errors, ...settings.errors]).toEqual([]);
      await Promise.all([strip.page.close(), settings.page.close()]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
