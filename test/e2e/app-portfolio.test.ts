/**
 * The Portfolio section of the built settings page in headless Chromium against the REAL core and
 * the fake Finnhub server: inline validation of a lot, adding and editing lots, the positions
 * table following live trades, the privacy switch hiding every amount, and a CSV import that is
 * all or nothing, and an export main writes to the file picked in its save dialog. Screenshots: test-output/settings-portfolio*.png.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HIDDEN_AMOUNT } from '../../src/shared/portfolio/portfolio-text';
import { settingsTransferHandlers } from '../../src/main/shell/settings-transfer-dialogs';
import { OUTPUT_DIR } from './harness/renderer-session';
import { showCategory } from './settings-category';
import { useAppSession } from './harness/app-session';

const apps = useAppSession();

async function addLot(
  page: Page,
  lot: { symbol: string; quantity: string; price: string; date: string; note?: string },
) {
  await page.locator('#lot-symbol').fill(lot.symbol);
  await page.locator('#lot-quantity').fill(lot.quantity);
  await page.locator('#lot-price').fill(lot.price);
  await page.locator('#lot-date').fill(lot.date);
  await page.locator('#lot-note').fill(lot.note ?? '');
  await page
    .locator('.lot-form')
    .getByRole('button', { name: /Add lot|Save lot/ })
    .click();
}

describe('the Portfolio section against the real core', () => {
  it(
    'validates lots inline, adds and edits them, follows live prices, and hides amounts with privacy',
    { timeout: 60_000 },
    async () => {
      const app = await apps.start({ symbols: ['AAPL', 'MSFT'] });
      const running = app;
      const { page, errors } = await apps.session.openCorePage('settings', running.core);
      await showCategory(page, 'portfolio');
      const section = page.locator('#category-portfolio');
      await section.waitFor();
      await expect
        .poll(() => section.locator('section.portfolio-section .hint').first().textContent())
        .toMatch(/No holdings yet/);
      expect(await section.getByRole('button', { name: 'Export lots as CSV…' }).isDisabled()).toBe(true);

      // Inline validation from the shared rules: nothing reaches the core.
      await addLot(page, { symbol: 'AA PL', quantity: '0', price: '-1', date: '2024-01-10' });
      await expect.poll(() => page.locator('#lot-quantity-error').textContent()).toMatch(/must not be 0/);
      expect(await page.locator('#lot-symbol-error').textContent()).toMatch(/symbol must be/);
      expect(await page.locator('#lot-price-error').textContent()).toMatch(/greater than 0/);
      expect(await page.locator('#lot-quantity').getAttribute('aria-invalid')).toBe('true');
      expect(running.settings.portfolio.holdings().lots).toEqual([]);

      await addLot(page, { symbol: 'aapl', quantity: '10', price: '150', date: '2024-01-10', note: 'first' });
      await addLot(page, { symbol: 'MSFT', quantity: '-2', price: '420', date: '2024-02-01', note: 'short' });
      await expect.poll(() => running.settings.portfolio.holdings().lots.length).toBe(2);
      expect(running.settings.portfolio.holdings().lots[0]).toMatchObject({
        symbol: 'AAPL',
        quantity: '10',
        price: '150',
        note: 'first',
      });

      // Live trades: 10 × 189.41 − 2 × 415.1 = 1063.90; today 10 × 2.21 − 2 × (−2.8) = +27.70; gain 1063.90 − (1500 − 840) = 403.90.
      running.trade({ AAPL: 189.41, MSFT: 415.1 });
      const totals = section.getByTestId('portfolio-totals');
      await expect
        .poll(() => totals.textContent(), { timeout: 10_000 })
        .toBe('Value $1,063.90 · today +$27.70 (+2.67%) · total gain +$403.90 (+61.20%)');
      const aapl = section.locator('table.positions tr[data-symbol="AAPL"]');
      expect(await aapl.locator('.value').textContent()).toBe('$1,894.10');
      expect(await aapl.locator('.day').getAttribute('class')).toContain('trend-up');
      await section.screenshot({ path: join(OUTPUT_DIR, 'settings-portfolio.png') });

      // Edit a lot: its values come back into the form; the saved lot changes in place.
      const firstLot = running.settings.portfolio.holdings().lots[0]!;
      await section.locator(`tr[data-lot="${firstLot.id}"]`).getByRole('button', { name: 'Edit' }).click();
      expect(await page.locator('#lot-quantity').inputValue()).toBe('10');
      await page.locator('#lot-quantity').fill('12');
      await section.getByRole('button', { name: 'Save lot' }).click();
      await expect.poll(() => running.settings.portfolio.holdings().lots[0]?.quantity).toBe('12');
      await expect.poll(() => aapl.locator('.value').textContent()).toBe('$2,272.92');

      // Privacy: every amount reads •••, percentages and prices stay, lots cannot be edited.
      await page.locator('#pref-privacy').check();
      await expect
        .poll(() => totals.textContent())
        .toBe(`Value ${HIDDEN_AMOUNT} · today ${HIDDEN_AMOUNT} (+2.28%) · total gain ${HIDDEN_AMOUNT} (+50.28%)`);
      expect(running.settings.preferences.current().privacy).toBe(true);
      expect(await aapl.locator('.value').textContent()).toBe(HIDDEN_AMOUNT);
      expect(await aapl.locator('.quantity').textContent()).toBe(HIDDEN_AMOUNT);
      expect(await section.locator('.lot-form').count()).toBe(0);
      const text = await section.innerText();
      for (const amount of ['2,272.92', '1,442.72', '12 ', '$']) expect(text).not.toContain(amount);
      expect(text).toContain('189.41');
      await section.screenshot({ path: join(OUTPUT_DIR, 'settings-portfolio-private.png') });
      await page.locator('#pref-privacy').uncheck();
      await expect.poll(() => aapl.locator('.value').textContent()).toBe('$2,272.92');
      expect(errors).toEqual([]);
    },
  );

  it(
    'imports a CSV file whole or not at all, listing every problem, and exports the lots to the file picked in main',
    { timeout: 60_000 },
    async () => {
      const app = await apps.start({ symbols: ['AAPL'] });
      const running = app;
      running.settings.portfolio.addLot({ symbol: 'AAPL', quantity: '1', price: '100', date: '2024-01-10', note: '' });
      const dir = mkdtempSync(join(tmpdir(), 'ticker-portfolio-export-'));
      let savePath: string | null = null;
      const settingsTransfer = settingsTransferHandlers({
        dialog: {
          showSaveDialog: async () => ({ canceled: savePath === null, filePath: savePath ?? '' }),
          showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
        } as never,
        parentWindow: () => null,
        settings: running.settings,
        documentsDir: () => dir,
        now: () => Date.now(),
      });
      const { page, errors } = await apps.session.openCorePage('settings', running.core, { settingsTransfer });
      await showCategory(page, 'portfolio');
      const section = page.locator('#category-portfolio');
      await section.waitFor();
      const input = page.locator('#portfolio-import');
      await input.setInputFiles({
        name: 'bad.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('symbol,quantity,price,date,note\nAAPL,ten,1,2024-01-01,\nMSFT,1,1,2024-02-30,\n'),
      });
      await expect
        .poll(() => section.locator('.import-problems li').allTextContents())
        .toEqual([
          'line 2: the quantity must be a number like 10 or 0.5, got "ten"',
          'line 3: 2024-02-30 is not a calendar date',
        ]);
      expect(running.settings.portfolio.holdings().lots.map((lot) => lot.quantity)).toEqual(['1']);

      await input.setInputFiles({
        name: 'good.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'symbol,quantity,price,date,note\nAAPL,5,150,2024-01-01,\nBINANCE:BTCUSDT,0.25,60000,2024-03-01,"cold, wallet"\n',
        ),
      });
      await expect
        .poll(() => running.settings.portfolio.holdings().lots.map((lot) => [lot.symbol, lot.quantity, lot.note]))
        .toEqual([
          ['AAPL', '5', ''],
          ['BINANCE:BTCUSDT', '0.25', 'cold, wallet'],
        ]);
      expect(await section.locator('.import-problems').count()).toBe(0);
      // The held crypto symbol is not on the strip: it joins the one connection for the portfolio.
      await running.server.waitFor(() => running.client.subscriptions.has('BINANCE:BTCUSDT'));
      // Export: main writes the same lots back as CSV to the file picked in its dialog; cancelling writes nothing.
      try {
        const exportButton = section.getByRole('button', { name: 'Export lots as CSV…' });
        await exportButton.click();
        await expect.poll(() => exportButton.isEnabled()).toBe(true);
        expect(await section.locator('.holdings-export-result').textContent()).toBe('');
        savePath = join(dir, 'lots.csv');
        await exportButton.click();
        await expect
          .poll(() => section.locator('.holdings-export-result').textContent())
          .toBe('✓ Exported 2 lots of 2 symbols. Saved as lots.csv.');
        expect(readFileSync(savePath, 'utf8')).toBe(
          'symbol,quantity,price,date,note\r\nAAPL,5,150,2024-01-01,\r\nBINANCE:BTCUSDT,0.25,60000,2024-03-01,"cold, wallet"\r\n',
        );
        // A write that fails says which file and why.
        savePath = join(dir, 'gone', 'lots.csv');
        await exportButton.click();
        await expect.poll(() => section.getByRole('alert').textContent()).toBe('Could not write lots.csv (ENOENT).');
        expect(errors).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
