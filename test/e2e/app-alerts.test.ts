/**
 * The Alerts section of the built settings page in headless Chromium against the REAL core and the
 * fake Finnhub server: inline validation, add, fire on a live trade (history and triggered state),
 * re-arm, edit, remove, the sound preference, and a notification click bringing the rule into view.
 * Screenshot: test-output/alerts.png.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitForPrice, waitForStripSymbols } from './harness/app-fixture';
import { OUTPUT_DIR } from './harness/renderer-session';
import { showCategory } from './settings-category';
import { useAppSession } from './harness/app-session';

const apps = useAppSession();

describe('the Alerts section against the real core', () => {
  // Many steps, each a round trip through the real core: more time than the default on a loaded machine.
  it(
    'validates inline, adds a rule, shows its firing, re-arms, edits and removes it',
    { timeout: 60_000 },
    async () => {
      const app = await apps.start({ symbols: ['AAPL', 'MSFT'] });
      const running = app;
      const { page, errors } = await apps.session.openCorePage('settings', running.core);
      await showCategory(page, 'alerts');
      const section = page.locator('#category-alerts');
      await section.waitFor();

      // Inline validation from the shared rules: nothing reaches the core.
      await page.locator('#alert-symbol').selectOption('AAPL');
      await page.locator('#alert-value').fill('abc');
      await section.getByRole('button', { name: 'Add alert' }).click();
      await expect.poll(() => page.locator('#alert-error').textContent()).toMatch(/threshold must be a number/i);
      expect(await page.locator('#alert-value').getAttribute('aria-invalid')).toBe('true');
      await page.locator('#alert-value').fill('0');
      await expect.poll(() => page.locator('#alert-error').textContent()).toMatch(/greater than 0/);
      expect(running.settings.alerts.rules()).toEqual([]);

      await page.locator('#alert-value').fill('190');
      await section.getByRole('button', { name: 'Add alert' }).click();
      const item = section.locator('.alert-list li');
      await expect.poll(() => item.count()).toBe(1);
      expect(await item.locator('.alert-rule').textContent()).toBe('AAPL at or above 190');
      expect(running.settings.alerts.rules()).toMatchObject([
        { symbol: 'AAPL', metric: 'price', op: '>=', value: 190, recurring: false, triggered: false },
      ]);

      // A % rule, recurring, through the same form.
      await page.locator('#alert-symbol').selectOption('MSFT');
      await page.locator('#alert-metric').selectOption('change');
      await page.locator('#alert-op').selectOption('<=');
      await page.locator('#alert-value').fill('-2');
      await page.locator('#alert-recurring').check();
      await section.getByRole('button', { name: 'Add alert' }).click();
      await expect.poll(() => item.count()).toBe(2);
      expect(await item.nth(1).locator('.alert-rule').textContent()).toBe('MSFT down 2 % or more');

      // A live trade crosses: the history shows it and the rule is triggered.
      running.trade({ AAPL: 191.25 });
      const rows = section.locator('.alert-history tbody tr');
      await expect.poll(() => rows.count()).toBe(1);
      expect(await rows.first().locator('td').allTextContents()).toEqual([
        expect.any(String),
        'AAPL',
        'AAPL>=190',
        '191.25',
      ]);
      await expect.poll(() => item.first().getAttribute('class')).toBe('triggered');
      await page.screenshot({ path: join(OUTPUT_DIR, 'alerts.png'), fullPage: true });

      await item.first().getByRole('button', { name: 'Re-arm' }).click();
      await expect.poll(() => item.first().locator('.alert-meta').textContent()).toContain('Armed');
      expect(running.settings.alerts.rules()[0]?.triggered).toBe(false);

      // Edit: the form takes the rule, saving replaces it.
      await item.first().getByRole('button', { name: 'Edit' }).click();
      expect(await page.locator('#alert-value').inputValue()).toBe('190');
      await page.locator('#alert-value').fill('200');
      await section.getByRole('button', { name: 'Save alert' }).click();
      await expect.poll(() => item.first().locator('.alert-rule').textContent()).toBe('AAPL at or above 200');
      // A duplicate is refused by the core and shown inline.
      await page.locator('#alert-symbol').selectOption('AAPL');
      await page.locator('#alert-metric').selectOption('price');
      await page.locator('#alert-op').selectOption('>=');
      await page.locator('#alert-value').fill('200');
      await section.getByRole('button', { name: 'Add alert' }).click();
      await expect.poll(() => page.locator('#alert-error').textContent()).toBe('You already have the alert AAPL>=200.');

      // A notification click, while another category is shown: the settings page opens Alerts,
      // brings the rule into view and focuses it.
      await showCategory(page, 'general');
      const msftId = running.settings.alerts.rules()[1]!.id;
      running.core.events.focusAlert.emit(msftId);
      await expect.poll(() => section.isVisible()).toBe(true);
      await expect
        .poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.alertId ?? null))
        .toBe(msftId);

      // "Alert when …" from a strip item: a new alert filled in with that condition.
      await showCategory(page, 'portfolio');
      running.core.events.prefillAlert.emit({ symbol: 'MSFT', metric: 'price', op: '<=', value: 415.1 });
      await expect.poll(() => page.locator('#alert-value').inputValue()).toBe('415.1');
      expect(await page.locator('#alert-symbol').inputValue()).toBe('MSFT');
      expect(await page.locator('#alert-op').inputValue()).toBe('<=');
      expect(await page.locator('#alert-metric').inputValue()).toBe('price');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('alert-value');
      expect(await section.getByRole('button', { name: 'Add alert' }).count()).toBe(1);

      // The sound preference.
      // (A controlled checkbox: it turns off once main has saved the preference.)
      await page.locator('#pref-alertSound').click();
      await expect.poll(() => page.locator('#pref-alertSound').isChecked()).toBe(false);
      await expect.poll(() => running.core.preferences().alertSound).toBe(false);

      await item.first().getByRole('button', { name: 'Remove AAPL at or above 200' }).click();
      await expect.poll(() => item.count()).toBe(1);
      expect(running.settings.alerts.rules().map((rule) => rule.symbol)).toEqual(['MSFT']);

      // Hostile payloads are refused by the IPC validators.
      const direct = await page.evaluate(() =>
        window.ticker.addAlert({
          symbol: 'AAPL',
          metric: 'price',
          op: '>=',
          value: -1,
          recurring: false,
          cooldownS: 0,
        }),
      );
      expect(direct).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it(
    'the strip marks the item whose alert fired, on every copy of it, and only that one',
    { timeout: 60_000 },
    async () => {
      const app = await apps.start({ symbols: ['AAPL', 'MSFT'] });
      const running = app;
      running.settings.alerts.add({
        symbol: 'AAPL',
        metric: 'price',
        op: '>=',
        value: 190,
        recurring: false,
        cooldownS: 0,
      });
      const { page, errors, bridge } = await apps.session.openCorePage('strip', running.core, { clockAt: Date.now() });
      await waitForStripSymbols(page, ['AAPL', 'MSFT']);
      running.trade({ AAPL: 189, MSFT: 420 });
      await waitForPrice(page, 'AAPL', '189.00');
      expect(await page.locator('.item[data-alerted="true"]').count()).toBe(0);

      running.trade({ AAPL: 190.5 });
      await expect.poll(() => page.locator('.item[data-alerted="true"]').count()).toBeGreaterThan(0);
      const marked = await page
        .locator('.item[data-alerted="true"]')
        .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.symbol));
      expect(new Set(marked)).toEqual(new Set(['AAPL']));
      expect(
        await page
          .locator('.item[data-symbol="AAPL"][data-alerted="true"] .alert-mark')
          .first()
          .getAttribute('aria-hidden'),
      ).toBe('true');
      // A right-click on an item asks main for its native menu ("Alert when …").
      // (The item scrolls, so the event is dispatched rather than clicked.)
      await page
        .locator('.item[data-symbol="MSFT"] .price')
        .first()
        .dispatchEvent('contextmenu', { bubbles: true, button: 2 });
      await expect.poll(() => bridge.opened.itemMenus).toEqual(['MSFT']);

      // The mark is for a while only (two minutes).
      await page.clock.fastForward(110_000);
      expect(await page.locator('.item[data-alerted="true"]').count()).toBeGreaterThan(0);
      await page.clock.fastForward(11_000);
      await expect.poll(() => page.locator('.item[data-alerted="true"]').count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
