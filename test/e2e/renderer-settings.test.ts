/**
 * The built settings page in headless Chromium on the real preload, main's IPC and a real core
 * (the fake Finnhub server behind it, harness/app-page.ts): inline symbol
 * validation, autocomplete, keyboard-only reordering, the masked key, notices, live preferences.
 * The screenshot goes to test-output/harness-settings.png; the official settings.png comes from
 * app-settings.test.ts, against the real core.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { META_CONTENT_SECURITY_POLICY } from '../../src/shared/content-security-policy';
import { PREFERENCE_RULES, type PreferenceKey, type PreferenceRule } from '../../src/shared/preference-rules';
import type { SettingsTransferHandlers } from '../../src/main/shell/settings-transfer-dialogs';
import type { PublicSettings, RelayClientInfo } from '../../src/shared/types';
import {
  OUTPUT_DIR,
  startRendererSession,
  type CorePageOptions,
  type RendererSession,
} from './harness/renderer-session';
import { openAppPage, type AppPage, type AppPageOptions } from './harness/app-page';
import { SYMBOLS } from './harness/sample-watchlist';
import { showCategory } from './settings-category';

let session: RendererSession;

beforeAll(async () => {
  session = await startRendererSession();
});

let opened: AppPage[] = [];

afterEach(async () => {
  await Promise.all(opened.map((app) => app.close()));
  opened = [];
});

afterAll(async () => {
  await session?.close();
});

/** A page on a real core in the situation `options` describe (the sample watch list by default). */
async function openPage(name: 'strip' | 'settings', options: AppPageOptions = {}, pageOptions: CorePageOptions = {}) {
  const app = await openAppPage(session, name, options, pageOptions);
  opened.push(app);
  return app;
}

/** The settings as main holds them now. */
async function saved(app: AppPage): Promise<PublicSettings> {
  return (await app.core.handlers.getPageStart()).settings;
}

/** The file dialogs answering as the user would: `outcomes` for each, cancelled otherwise. */
function dialogs(
  outcomes: Partial<{ [K in keyof SettingsTransferHandlers]: Awaited<ReturnType<SettingsTransferHandlers[K]>> }>,
): SettingsTransferHandlers {
  return {
    exportSettings: () => outcomes.exportSettings ?? { status: 'cancelled' },
    importSettings: () => outcomes.importSettings ?? { status: 'cancelled' },
    exportHoldings: () => outcomes.exportHoldings ?? { status: 'cancelled' },
  };
}

describe('settings view', () => {
  it('refuses a bad symbol and a duplicate inline, and adds from the autocomplete by keyboard', async () => {
    const app = await openPage('settings');
    await showCategory(app.page, 'lists');
    const { page, errors } = app;
    const input = page.locator('#add-symbol');
    await input.fill('NOT A SYMBOL!');
    await input.press('Enter');
    await expect.poll(() => page.locator('#add-symbol-error').textContent()).toContain('Not a valid symbol');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(app.argsOf('addToList')).toHaveLength(0);

    await input.fill(' aapl ');
    await input.press('Enter');
    await expect.poll(() => page.locator('#add-symbol-error').textContent()).toBe('AAPL is already in your list.');

    await input.fill('am');
    await expect.poll(() => page.locator('[role="option"]').count()).toBeGreaterThan(0);
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    await input.press('ArrowDown');
    const active = await input.getAttribute('aria-activedescendant');
    expect(active).toBeTruthy();
    const chosen = await page.locator(`[id="${active}"] .option-symbol`).textContent();
    await input.press('Enter');
    await expect.poll(() => page.locator(`.symbol-row[data-symbol="${chosen}"]`).count()).toBe(1);
    await expect
      .poll(() => page.locator('[data-testid="symbol-count"]').textContent())
      .toBe(`${SYMBOLS.length + 1} of 50`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("never offers the previous query's suggestions while the new query waits for its answer", async () => {
    const app = await openPage('settings', {}, { fakeClock: true });
    await showCategory(app.page, 'lists');
    const { page, errors } = app;
    const input = page.locator('#add-symbol');
    await input.waitFor();
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    const options = () => page.locator('[role="option"] .option-symbol').allTextContents();
    await input.fill('aapl');
    await page.clock.runFor(300);
    await expect.poll(options).toEqual(['AAPL']);
    // The search for "am" waits for its debounce (the clock stands still): nothing may be offered,
    // or a quick ArrowDown + Enter would add AAPL, a suggestion for text no longer in the field.
    await input.fill('am');
    await expect.poll(() => input.getAttribute('aria-expanded')).toBe('false');
    expect(await options()).toEqual([]);
    await input.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBeNull();
    await page.clock.runFor(300);
    // What Finnhub's search finds for "am" (the fake server's catalogue).
    await expect.poll(options).toEqual(['AMZN', 'AMAT']);
    await input.press('ArrowDown');
    await input.press('Enter');
    await expect
      .poll(() => page.locator('[data-testid="symbol-count"]').textContent())
      .toBe(`${SYMBOLS.length + 1} of 50`);
    expect(app.argsOf('addToList')).toEqual([['l1', 'AMZN']]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reorders symbols with the keyboard only and announces it', async () => {
    const app = await openPage('settings');
    await showCategory(app.page, 'lists');
    const { page } = app;
    await page.locator('.symbol-row').first().waitFor();
    const order = async () => (await saved(app)).symbols.slice(0, 3);
    // Tab from the add field into the list, then move the focused item with Alt+Arrow keys.
    await page.locator('#add-symbol').focus();
    await page.keyboard.press('Tab'); // Add button
    await page.keyboard.press('Tab'); // first list item
    await page.keyboard.press('Tab'); // its move-down button (move-up is disabled)
    await page.keyboard.press('Enter');
    await expect.poll(order).toEqual(['MSFT', 'AAPL', 'NVDA']);
    // Focus stays on the button that moved AAPL; two steps back is AAPL's row.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move AAPL down');
    await page.keyboard.press('Shift+Tab'); // AAPL's move-up button
    await page.keyboard.press('Shift+Tab'); // AAPL's row
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-symbol'))).toBe('AAPL');
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(order).toEqual(['MSFT', 'NVDA', 'AAPL']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-symbol'))).toBe('AAPL');
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(order).toEqual(['AAPL', 'MSFT', 'NVDA']);
    // The announcement follows the second move's push; wait for it rather than read it once.
    await expect
      .poll(() => page.locator('[data-testid="symbols-live"]').textContent())
      .toBe(`AAPL moved to position 1 of ${SYMBOLS.length}.`);
    await page.close();
  });

  it('shows the masked key, notices, and focuses the add field on request', async () => {
    // A system that cannot encrypt: the key is only obfuscated on disk.
    const { page, errors, core } = await openPage('settings', { noEncryption: true });
    await expect.poll(() => page.locator('[data-testid="masked-key"]').textContent()).toBe('••••a1b2');
    expect(await page.locator('.warning-note').textContent()).toContain('cannot encrypt');
    expect(await page.locator('#api-key').getAttribute('type')).toBe('password');

    // A key Finnhub does not know.
    await page.locator('#api-key').fill('wrong-key-9999');
    await page.getByRole('button', { name: 'Test' }).click();
    await expect.poll(() => page.locator('.field-result').textContent()).toContain('refused');

    core.notify({
      level: 'warning',
      message: 'Your settings file was damaged; a backup was saved at /tmp/settings.bak',
    });
    await expect.poll(() => page.locator('.notice').textContent()).toContain('backup was saved');
    // The tray's "Add symbol…": main asks the open settings window to focus the field.
    core.events.focusAddSymbol.emit(null);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('add-symbol');
    await page.getByRole('button', { name: 'Dismiss notice' }).click();
    await expect.poll(() => page.locator('.notice').count()).toBe(0);

    await showCategory(page, 'general');
    await page.locator('#api-key').fill('');
    await page.screenshot({ path: join(OUTPUT_DIR, 'harness-settings.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('applies a preference change live and shows a refusal next to the control', async () => {
    const { page, core } = await openPage('settings');
    await showCategory(page, 'appearance');
    await page.locator('#pref-theme').selectOption('light');
    await expect.poll(() => core.preferences().theme).toBe('light');
    await page.locator('#pref-showSparklines').uncheck();
    await expect.poll(() => core.preferences().showSparklines).toBe(false);
    // Main refuses speeds beyond the rule's range; force one through the slider's value.
    await page.locator('#pref-speed').evaluate((input: HTMLInputElement) => {
      input.max = '5000';
    });
    await page.locator('#pref-speed').fill('5000');
    const { min, max } = PREFERENCE_RULES.speed;
    await expect.poll(() => page.locator('#pref-speed-error').textContent()).toContain(`between ${min} and ${max}`);
    expect(core.preferences().speed).not.toBe(5000);
    await page.close();
  });

  it('says when the watched markets open, and saves what the strip does meanwhile', async () => {
    // Saturday 2026-11-28, 09:59:30 New York (the page's clock runs on from there).
    const at = Date.parse('2026-11-28T14:59:30Z');
    const { page, errors, core } = await openPage(
      'settings',
      { symbols: ['AAPL', 'OANDA:EUR_USD', 'BINANCE:BTCUSDT'], at },
      { clockAt: at },
    );
    await showCategory(page, 'markets');
    const lines = page.getByTestId('market-hours').locator('li');
    await expect
      .poll(() => lines.allTextContents())
      .toEqual(['US market opens Monday 09:30 ET (in 1 d 23 h)', 'Forex market opens tomorrow 17:00 ET (in 1 d 7 h)']);
    expect(await page.locator('#pref-whenMarketsClosed').inputValue()).toBe('dim');
    await page.locator('#pref-whenMarketsClosed').selectOption('hide');
    await expect.poll(() => core.preferences().whenMarketsClosed).toBe('hide');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('economy: the choice is saved, and the line under it says whether it is in effect now and why', async () => {
    const { page, errors, core, desk } = await openPage('settings', {}, { onBattery: true });
    await showCategory(page, 'appearance');
    const select = page.locator('#pref-economy');
    const line = page.locator('#pref-economy-hint');
    expect(await select.inputValue()).toBe('on-battery');
    await expect.poll(() => line.textContent()).toMatch(/^On now: this computer runs on battery power/);
    expect(await select.getAttribute('aria-describedby')).toBe('pref-economy-hint');
    desk.setOnBattery(false);
    await expect.poll(() => line.textContent()).toMatch(/^Off now: this computer runs on mains power/);
    await select.selectOption('always');
    await expect.poll(() => core.preferences().economy).toBe('always');
    await expect.poll(() => line.textContent()).toBe('On: the strip shows a page at a time instead of scrolling.');
    await select.selectOption('never');
    await expect.poll(() => line.textContent()).toBe('Off: the strip moves as Motion says.');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers for every preference exactly what its rule allows', async () => {
    // The one preference the settings window does not show: the tray's Show/Hide sets `hidden`.
    const notInSettings = new Set<PreferenceKey>(['hidden']);
    const { page } = await openPage('settings');
    await showCategory(page, 'appearance');
    await page.locator('#pref-height').waitFor();
    const rules: [string, PreferenceRule][] = Object.entries(PREFERENCE_RULES);
    let checked = 0;
    for (const [key, rule] of rules) {
      const control = page.locator(`#pref-${key}`);
      if (notInSettings.has(key as PreferenceKey)) {
        expect(await control.count(), key).toBe(0);
        continue;
      }
      expect(await control.count(), `a control for "${key}"`).toBe(1);
      const shape = await control.evaluate((element) => ({
        tag: element.tagName.toLowerCase(),
        type: element.getAttribute('type'),
        min: element.getAttribute('min'),
        max: element.getAttribute('max'),
        step: element.getAttribute('step'),
        options: [...element.querySelectorAll('option')].map((option) => option.value),
      }));
      switch (rule.kind) {
        case 'number':
          if (shape.tag === 'input' && shape.type === 'number') {
            // A typed number (the relay port): the rule's range, whole steps for whole numbers.
            expect([Number(shape.min), Number(shape.max)], `${key} range`).toEqual([rule.min, rule.max]);
            if (rule.integer) expect(Number(shape.step), `${key} step`).toBe(1);
          } else if (shape.tag === 'input') {
            expect(shape.type, key).toBe('range');
            expect([Number(shape.min), Number(shape.max)], `${key} range`).toEqual([rule.min, rule.max]);
            // Both ends must be reachable in whole steps.
            const steps = (rule.max - rule.min) / Number(shape.step);
            expect(Math.abs(steps - Math.round(steps)), `${key} step`).toBeLessThan(1e-9);
            if (rule.integer) expect(Number.isInteger(Number(shape.step)), `${key} step`).toBe(true);
          } else {
            expect(shape.tag, key).toBe('select');
            expect(shape.options.length, key).toBeGreaterThan(0);
            for (const option of shape.options.map(Number)) {
              expect(
                option >= rule.min && option <= rule.max && (!rule.integer || Number.isInteger(option)),
                `${key} option ${option}`,
              ).toBe(true);
            }
          }
          break;
        case 'enum':
          expect(shape.tag, key).toBe('select');
          expect(shape.options, key).toEqual([...rule.values]);
          break;
        case 'boolean':
          expect([shape.tag, shape.type], key).toEqual(['input', 'checkbox']);
          break;
        case 'display-id':
          expect(shape.tag, key).toBe('select');
          expect(shape.options, key).toContain('primary');
          break;
        case 'chart-url-template':
          expect([shape.tag, shape.type], key).toEqual(['input', 'url']);
          expect(await control.getAttribute('maxlength'), key).toBe(String(rule.maxLength));
          break;
        case 'accelerator':
          // A key recorder: typing text into it is impossible, only key presses are read.
          expect([shape.tag, shape.type], key).toEqual(['input', 'text']);
          expect(await control.getAttribute('readonly'), key).not.toBeNull();
          expect(await control.getAttribute('maxlength'), key).toBe(String(rule.maxLength));
          break;
      }
      checked += 1;
    }
    expect(checked).toBe(rules.length - notInSettings.size);
    await page.close();
  });

  it('records a global shortcut from key presses, refuses bare keys and clashes, clears, and shows a taken one', async () => {
    const app = await openPage('settings', {}, { shortcutsTaken: ['CommandOrControl+Alt+P'] });
    await showCategory(app.page, 'keyboard');
    const { page, errors } = app;
    const toggle = page.locator('#pref-shortcutToggleStrips');
    const pause = page.locator('#pref-shortcutPause');
    await toggle.waitFor();
    const saved = () => app.argsOf('setPreferences').map((args) => args[0]);
    // The default that another program holds is shown as such.
    await expect
      .poll(() => page.locator('#pref-shortcutPause-state').textContent())
      .toBe('Another program holds Ctrl/Cmd+Alt+P, so Ticker cannot use it: choose other keys.');
    expect(await page.locator('#pref-shortcutToggleStrips-state').textContent()).toBe(
      'Ctrl/Cmd+Alt+T works in every app.',
    );

    await toggle.focus();
    await page.keyboard.press('t');
    await expect
      .poll(() => page.locator('#pref-shortcutToggleStrips-error').textContent())
      .toMatch(/needs Ctrl, Alt, Cmd or Super/);
    await page.keyboard.press('Shift+T');
    await expect
      .poll(() => page.locator('#pref-shortcutToggleStrips-error').textContent())
      .toMatch(/needs Ctrl, Alt, Cmd or Super/);
    expect(await saved()).toEqual([]);

    await page.keyboard.press('Control+Alt+KeyK');
    await expect.poll(saved).toEqual([{ shortcutToggleStrips: 'Control+Alt+K' }]);
    await expect.poll(() => toggle.inputValue()).toBe('Ctrl+Alt+K');
    expect(await page.locator('#pref-shortcutToggleStrips-error').count()).toBe(0);

    // The pause shortcut may not take the same keys.
    await pause.focus();
    await page.keyboard.press('Control+Alt+KeyK');
    await expect
      .poll(() => page.locator('#pref-shortcutPause-error').textContent())
      .toBe('Ctrl+Alt+K is already the shortcut to show or hide the strips.');
    await page.keyboard.press('Control+Shift+F7');
    await expect
      .poll(saved)
      .toEqual([{ shortcutToggleStrips: 'Control+Alt+K' }, { shortcutPause: 'Control+Shift+F7' }]);
    await expect
      .poll(() => page.locator('#pref-shortcutPause-state').textContent())
      .toBe('Ctrl+Shift+F7 works in every app.');

    // Backspace clears; Tab still moves on; Default brings the suggestion back.
    await toggle.focus();
    await page.keyboard.press('Backspace');
    await expect.poll(() => toggle.inputValue()).toBe('');
    await expect.poll(() => page.locator('#pref-shortcutToggleStrips-state').textContent()).toBe('No shortcut.');
    await page.keyboard.press('Tab');
    // Clear is disabled now: Tab moves on to Default.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Default shortcut to show or hide the strips (Ctrl/Cmd+Alt+T)',
    );
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.inputValue()).toBe('Ctrl/Cmd+Alt+T');
    expect((await saved()).slice(2)).toEqual([
      { shortcutToggleStrips: '' },
      { shortcutToggleStrips: 'CommandOrControl+Alt+T' },
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('turns the second strip on, picks its list, edge and display, and shows a refusal over the cap', async () => {
    const app = await openPage('settings', {
      maxSymbols: SYMBOLS.length + 1,
      otherLists: [
        { name: 'Crypto', symbols: ['BINANCE:BTCUSDT', 'BINANCE:SOLUSDT'] }, // l2
        { name: 'FX', symbols: ['OANDA:EUR_USD', 'OANDA:GBP_USD', 'OANDA:USD_CHF'] }, // l3
      ],
    });
    await showCategory(app.page, 'appearance');
    const { page, errors } = app;
    const enabled = page.locator('#second-strip-enabled');
    await enabled.waitFor();
    const sent = () => app.argsOf('setSecondStrip').map((args) => args[0]);
    expect(await enabled.isChecked()).toBe(false);
    expect(await page.locator('#second-strip-list option').allTextContents()).toEqual([
      `Watch list (${SYMBOLS.length})`,
      'Crypto (2)',
      'FX (3)',
    ]);
    expect(
      await page
        .locator('#second-strip-position option')
        .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value)),
    ).toEqual([...PREFERENCE_RULES.position.values]);
    expect(await page.locator('#second-strip-position').inputValue()).toBe('bottom');

    await page.locator('#second-strip-list').selectOption('l2');
    await page.locator('#second-strip-display').selectOption('1');
    // The switch shows the pushed state, which follows the click a moment later: click, then wait for it.
    await enabled.click();
    await expect.poll(sent).toEqual([{ listId: 'l2' }, { displayId: 1 }, { enabled: true }]);
    await expect.poll(() => enabled.isChecked()).toBe(true);
    await expect
      .poll(async () => (await saved(app)).secondStrip)
      // What this test sets; the strip's content and sort order keep their saved values.
      .toMatchObject({ enabled: true, listId: 'l2', position: 'bottom', displayId: 1 });
    // The lists section says which list each strip shows.
    await expect
      .poll(() => page.locator('.list-row[data-list="l2"] .on-strip.second').textContent())
      .toBe('On the second strip');
    expect(await page.locator('.on-strip.second').count()).toBe(1);
    await page
      .locator('section[aria-labelledby="second-strip-heading"]')
      .screenshot({ path: join(OUTPUT_DIR, 'settings-second-strip.png') });
    await showCategory(page, 'lists');
    await page
      .locator('section[aria-labelledby="lists-heading"]')
      .screenshot({ path: join(OUTPUT_DIR, 'settings-lists-two-strips.png') });
    await showCategory(page, 'appearance');

    // FX would take the lists on screen over the plan's cap: refused, said, and nothing changes.
    await page.locator('#second-strip-list').selectOption('l3');
    await expect
      .poll(() => page.locator('#second-strip-error').textContent())
      .toContain('The lists on screen would need');
    await expect.poll(() => page.locator('#second-strip-list').inputValue()).toBe('l2');
    await page.locator('#second-strip-position').selectOption('top');
    await expect.poll(() => page.locator('#second-strip-error').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('builds both pages with the one Content-Security-Policy, and the page obeys it', async () => {
    for (const name of ['strip', 'settings'] as const) {
      const { page } = await openPage(name);
      const metas = await page
        .locator('meta[http-equiv="Content-Security-Policy"]')
        .evaluateAll((elements) => elements.map((element) => element.getAttribute('content')));
      expect(metas, name).toEqual([META_CONTENT_SECURITY_POLICY]);
      // script-src 'self': an inline script the page gains is not run.
      const ranInline = await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'document.documentElement.dataset.inline = "ran"';
        document.head.append(script);
        return document.documentElement.dataset.inline === 'ran';
      });
      expect(ranInline, name).toBe(false);
      await page.close();
    }
  });
});

describe('settings view: chart link', () => {
  it('refuses an unusable chart link inline without saving it, and saves a valid one', async () => {
    const app = await openPage('settings');
    await showCategory(app.page, 'lists');
    const { page, errors } = app;
    const input = page.locator('#pref-chartUrlTemplate');
    await expect.poll(() => input.inputValue()).toBe('https://www.tradingview.com/chart/?symbol={symbol}');
    await input.fill('http://charts.example.com/{symbol}');
    await expect
      .poll(() => page.locator('#pref-chartUrlTemplate-error').textContent())
      .toBe('The chart link must start with https://.');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await input.fill('https://charts.example.com/quote');
    await expect.poll(() => page.locator('#pref-chartUrlTemplate-error').textContent()).toContain('{symbol}');
    await input.fill('https://charts.example.com/quote/{symbol}');
    await expect.poll(() => app.core.preferences().chartUrlTemplate).toBe('https://charts.example.com/quote/{symbol}');
    expect(await page.locator('#pref-chartUrlTemplate-error').count()).toBe(0);
    const sent = app.argsOf('setPreferences').map((args) => args[0]);
    expect(sent).toEqual([{ chartUrlTemplate: 'https://charts.example.com/quote/{symbol}' }]);
    await page.getByRole('button', { name: 'Default', exact: true }).click();
    await expect.poll(() => input.inputValue()).toBe('https://www.tradingview.com/chart/?symbol={symbol}');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('settings view: watch lists', () => {
  // Created second, so it is list l2.
  const crypto = { name: 'Crypto', symbols: ['BINANCE:BTCUSDT', 'BINANCE:ETHUSDT'] };
  const rows = (page: import('playwright-core').Page) => page.locator('.list-row .list-name').allTextContents();
  const symbolsShown = (page: import('playwright-core').Page) =>
    page.locator('.symbol-row').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.symbol));

  it('creates, renames, reorders within and shows a list; refuses bad and taken names inline', async () => {
    const app = await openPage('settings', { otherLists: [crypto] });
    await showCategory(app.page, 'lists');
    const { page, errors } = app;
    await expect.poll(() => rows(page)).toEqual(['Watch list', 'Crypto']);
    expect(await page.locator('.list-row[data-list="l1"] .on-strip').count()).toBe(1);

    // A taken name and an empty one never reach the app.
    const name = page.locator('#new-list-name');
    await name.fill(' crypto ');
    await name.press('Enter');
    await expect
      .poll(() => page.locator('#new-list-name-error').textContent())
      .toBe('There is already a list named “Crypto”.');
    await name.fill('   ');
    await name.press('Enter');
    await expect.poll(() => page.locator('#new-list-name-error').textContent()).toBe('A list needs a name.');
    expect(app.argsOf('createList')).toHaveLength(0);

    // A new list is created and opened for editing; a symbol goes into it, not into the shown list.
    await name.fill('FX');
    await name.press('Enter');
    await expect.poll(() => rows(page)).toEqual(['Watch list', 'Crypto', 'FX']);
    await expect.poll(() => page.locator('#symbols-heading').textContent()).toBe('Symbols in “FX”');
    await page.locator('#add-symbol').fill('oanda:eur_usd');
    await page.locator('#add-symbol').press('Enter');
    await expect.poll(() => symbolsShown(page)).toEqual(['OANDA:EUR_USD']);
    expect((await saved(app)).symbols).toEqual(SYMBOLS);

    // Rename, with Escape cancelling and a taken name refused.
    await page.getByRole('button', { name: 'Rename FX' }).click();
    const rename = page.locator('#rename-l3');
    await rename.fill('Crypto');
    await rename.press('Enter');
    await expect.poll(() => page.locator('#lists-error').textContent()).toBe('There is already a list named “Crypto”.');
    await rename.fill('Currencies');
    await rename.press('Enter');
    await expect.poll(() => rows(page)).toEqual(['Watch list', 'Crypto', 'Currencies']);

    // Reorder symbols within another list (not shown) by keyboard.
    await page.getByRole('button', { name: 'Edit Crypto' }).click();
    await expect.poll(() => symbolsShown(page)).toEqual(crypto.symbols);
    await page.getByRole('button', { name: 'Move ETH/USDT up' }).click();
    await expect.poll(() => symbolsShown(page)).toEqual(['BINANCE:ETHUSDT', 'BINANCE:BTCUSDT']);
    expect(app.argsOf('moveInList')).toEqual([['l2', 'BINANCE:ETHUSDT', 0]]);

    // Show it on the strip.
    await page.getByRole('button', { name: 'Show Crypto on the strip' }).click();
    await expect.poll(() => page.locator('.list-row[data-list="l2"] .on-strip').count()).toBe(1);
    expect((await saved(app)).symbols).toEqual(['BINANCE:ETHUSDT', 'BINANCE:BTCUSDT']);
    await page
      .locator('section[aria-labelledby="lists-heading"]')
      .screenshot({ path: join(OUTPUT_DIR, 'settings-lists.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('deletes a list only after confirming, and never the last one', async () => {
    const app = await openPage('settings', { otherLists: [crypto] });
    await showCategory(app.page, 'lists');
    const { page, errors } = app;
    await page.getByRole('button', { name: 'Delete Crypto' }).click();
    const confirm = page.getByRole('group', { name: 'Delete Crypto?' });
    await expect.poll(() => confirm.textContent()).toContain('Delete “Crypto” and its 2 symbols?');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(app.argsOf('deleteList')).toHaveLength(0);
    await expect.poll(() => rows(page)).toEqual(['Watch list', 'Crypto']);

    await page.getByRole('button', { name: 'Delete Crypto' }).click();
    await page.getByRole('group', { name: 'Delete Crypto?' }).getByRole('button', { name: 'Delete list' }).click();
    await expect.poll(() => rows(page)).toEqual(['Watch list']);
    expect(await page.getByRole('button', { name: 'Delete Watch list' }).isDisabled()).toBe(true);
    expect(app.argsOf('deleteList')).toEqual([['l2']]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('settings view: relay', () => {
  const calls = (app: AppPage, name: string) => app.argsOf(name);
  /** The relay's saved token, and how the page shows it masked. */
  const tokenOf = async (app: AppPage) => {
    const { token } = await app.core.handlers.getRelay();
    return { TOKEN: token, masked: `••••••••${token.slice(-4)}` };
  };
  /** Connected clients as the relay announces them (a real relay's clients: relay-eventsource.test.ts). */
  const announceClients = async (app: AppPage, clients: RelayClientInfo[]) =>
    app.core.events.relay.emit({ ...(await app.core.handlers.getRelay()), clients });
  const relay = (page: import('playwright-core').Page) => page.locator('#category-relay');

  it('turns on, shows its clients live, and keeps the token masked until asked', async () => {
    const app = await openPage('settings', { symbols: ['AAPL', 'BINANCE:BTCUSDT'] });
    await showCategory(app.page, 'relay');
    const { page, errors } = app;
    const { TOKEN, masked } = await tokenOf(app);
    const status = page.getByTestId('relay-status');
    await expect.poll(() => status.textContent()).toContain('The relay is off');
    expect(await page.getByTestId('relay-pill').textContent()).toBe('Off');
    // Masked everywhere until Show; the full token is nowhere in the page.
    await expect.poll(() => page.getByTestId('relay-token').textContent()).toBe(masked);
    expect(await page.locator('body').innerText()).not.toContain(TOKEN);
    expect(await page.getByTestId('relay-ws-url').textContent()).toBe(`ws://127.0.0.1:8765/?token=${masked}`);

    await page.locator('#pref-relayEnabled').check();
    await expect.poll(() => status.textContent()).toBe('Listening on 127.0.0.1:8765, no clients connected.');
    expect(await calls(app, 'setPreferences')).toEqual([[{ relayEnabled: true }]]);
    expect(await page.getByTestId('relay-pill').textContent()).toBe('On');

    await announceClients(app, [
      {
        id: 'ws-1',
        kind: 'websocket',
        origin: null,
        connectedAt: Date.parse('2026-12-01T14:30:05Z'),
        symbols: ['AAPL', 'MSFT'],
      },
      {
        id: 'sse-2',
        kind: 'sse',
        origin: 'https://dash.example.com',
        connectedAt: Date.parse('2026-12-01T14:31:00Z'),
        symbols: ['BINANCE:BTCUSDT'],
      },
    ]);
    await expect.poll(() => status.textContent()).toBe('Listening on 127.0.0.1:8765, 2 clients connected.');
    const rows = () =>
      page
        .locator('.relay-client-table tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent)));
    expect(await rows()).toEqual([
      ['WebSocket', 'a program', 'AAPL, MSFT'],
      ['Server-sent events', 'https://dash.example.com', 'BINANCE:BTCUSDT'],
    ]);

    await relay(page).getByRole('button', { name: 'Show' }).click();
    expect(await page.getByTestId('relay-token').textContent()).toBe(TOKEN);
    expect(await page.getByTestId('relay-ws-url').textContent()).toBe(`ws://127.0.0.1:8765/?token=${TOKEN}`);
    expect(await page.getByTestId('relay-sse-url').textContent()).toBe(
      `http://127.0.0.1:8765/sse?symbols=AAPL,BINANCE:BTCUSDT&token=${TOKEN}`,
    );
    await relay(page).getByRole('button', { name: 'Hide' }).click();
    expect(await page.getByTestId('relay-token').textContent()).toBe(masked);

    // Copy goes through main, which builds the text; the page only names what to copy.
    await relay(page).getByRole('button', { name: 'Copy', exact: true }).click();
    await expect.poll(() => page.getByTestId('relay-message').textContent()).toBe('Relay token copied.');
    await page.getByRole('button', { name: 'Copy the WebSocket address' }).click();
    await page.getByRole('button', { name: 'Copy the server-sent events address' }).click();
    await expect.poll(() => calls(app, 'copyRelay')).toEqual([['token'], ['websocket-url'], ['sse-url']]);
    // The Finnhub key (masked in its own section) never appears in the relay's.
    expect(await relay(page).innerText()).not.toContain('a1b2');

    await relay(page).screenshot({ path: join(OUTPUT_DIR, 'settings-relay.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('regenerates the token only after a confirmation that says clients are disconnected', async () => {
    const clients = [{ id: 'ws-1', kind: 'websocket' as const, origin: null, connectedAt: 1, symbols: ['AAPL'] }];
    const app = await openPage('settings', { preferences: { relayEnabled: true } });
    await showCategory(app.page, 'relay');
    const { page, errors } = app;
    const { masked } = await tokenOf(app);
    await expect.poll(() => page.getByTestId('relay-status').textContent()).toContain('Listening on');
    await announceClients(app, clients);
    await relay(page).getByRole('button', { name: 'Regenerate…' }).click();
    const confirm = page.getByRole('group', { name: 'Regenerate the relay token?' });
    await expect.poll(() => confirm.textContent()).toContain('the client connected with it is disconnected');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await confirm.count()).toBe(0);
    expect(await calls(app, 'regenerateRelayToken')).toEqual([]);

    await relay(page).getByRole('button', { name: 'Regenerate…' }).click();
    await page
      .getByRole('group', { name: 'Regenerate the relay token?' })
      .getByRole('button', { name: 'Regenerate' })
      .click();
    // A new token: the page shows the new one, masked.
    await expect.poll(() => page.getByTestId('relay-token').textContent()).not.toBe(masked);
    expect(await page.getByTestId('relay-token').textContent()).toBe((await tokenOf(app)).masked);
    expect(await calls(app, 'regenerateRelayToken')).toEqual([[]]);
    await expect
      .poll(() => page.getByTestId('relay-status').textContent())
      .toBe('Listening on 127.0.0.1:8765, no clients connected.');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('checks origins with the shared rule inline, and saves them normalised', async () => {
    const app = await openPage('settings');
    await showCategory(app.page, 'relay');
    const { page, errors } = app;
    const input = page.locator('#relay-origin');
    const error = page.locator('#relay-origin-error');
    await input.fill('https://dash.example.com/app');
    await input.press('Enter');
    await expect.poll(() => error.textContent()).toContain('Not an origin');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await input.fill('ftp://files.example.com');
    await input.press('Enter');
    await expect.poll(() => error.textContent()).toContain('Not an origin');
    expect(await calls(app, 'setRelayOrigins')).toEqual([]);

    await input.fill(' https://Dash.Example.com/ ');
    await input.press('Enter');
    await expect
      .poll(() =>
        page.locator('.origin-list li').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.origin)),
      )
      .toEqual(['https://dash.example.com']);
    expect(await input.inputValue()).toBe('');
    await input.fill('https://dash.example.com');
    await input.press('Enter');
    await expect.poll(() => error.textContent()).toBe('https://dash.example.com is already allowed.');
    await input.fill('http://localhost:3000');
    await relay(page).getByRole('button', { name: 'Allow' }).click();
    await expect.poll(() => page.locator('.origin-list li').count()).toBe(2);
    await page.getByRole('button', { name: 'Remove https://dash.example.com' }).click();
    await expect.poll(async () => (await app.core.handlers.getRelay()).origins).toEqual(['http://localhost:3000']);
    expect(await calls(app, 'setRelayOrigins')).toEqual([
      [['https://dash.example.com']],
      [['https://dash.example.com', 'http://localhost:3000']],
      [['http://localhost:3000']],
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a port outside the rule inline, and says clearly when the port is taken', async () => {
    // Another program listens on 9000.
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(9000, '127.0.0.1', resolve));
    const app = await openPage('settings', { preferences: { relayEnabled: true } });
    await showCategory(app.page, 'relay');
    const { page, errors } = app;
    const { masked } = await tokenOf(app);
    const port = page.locator('#pref-relayPort');
    await expect.poll(() => page.getByTestId('relay-status').textContent()).toContain('Listening on 127.0.0.1:8765');
    await port.fill('80');
    await port.press('Enter');
    await expect
      .poll(() => page.locator('#pref-relayPort-error').textContent())
      .toBe('Choose a port from 1024 to 65535.');
    expect(await port.getAttribute('aria-invalid')).toBe('true');
    expect(await calls(app, 'setPreferences')).toEqual([]);

    await port.fill('9000');
    await port.press('Enter');
    await expect
      .poll(() => page.getByTestId('relay-status').textContent())
      .toBe('The relay is not running: Port 9000 is already in use: pick another relay port.');
    expect(await page.getByTestId('relay-status').getAttribute('role')).toBe('alert');
    expect(await page.getByTestId('relay-pill').textContent()).toBe('Not running');
    expect(await calls(app, 'setPreferences')).toEqual([[{ relayPort: 9000 }]]);

    await port.fill('9001');
    await port.press('Enter');
    await expect
      .poll(() => page.getByTestId('relay-status').textContent())
      .toBe('Listening on 127.0.0.1:9001, no clients connected.');
    expect(await page.getByTestId('relay-ws-url').textContent()).toBe(`ws://127.0.0.1:9001/?token=${masked}`);
    await new Promise((resolve) => busy.close(resolve));
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('settings view: portfolio export', () => {
  it('asks main to export the lots (nothing named by the page), and reports the outcome', async () => {
    const app = await openPage(
      'settings',
      { lots: [{ symbol: 'AAPL', quantity: '10', price: '150', date: '2024-01-10', note: '' }] },
      {
        settingsTransfer: dialogs({
          exportHoldings: {
            status: 'exported',
            fileName: 'ticker-holdings.csv',
            summary: 'Exported 1 lot of 1 symbol.',
          },
        }),
      },
    );
    await showCategory(app.page, 'portfolio');
    const { page, errors } = app;
    const section = page.locator('#category-portfolio');
    await section.getByRole('button', { name: 'Export lots as CSV…' }).click();
    await expect
      .poll(() => section.locator('.holdings-export-result').textContent())
      .toBe('✓ Exported 1 lot of 1 symbol. Saved as ticker-holdings.csv.');
    expect(await section.locator('a[download], a[href^="data:"]').count()).toBe(0);
    expect(app.argsOf('exportHoldings')).toEqual([[]]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('settings view: import and export', () => {
  it('asks main for the dialogs by format only, lists every problem of a refused import, and reports an export', async () => {
    const problems = ['line 2: "not a symbol" is not a valid symbol', 'line 3: IBM is already in "Tech" (line 1)'];
    const app = await openPage(
      'settings',
      {},
      {
        settingsTransfer: dialogs({
          exportSettings: {
            status: 'exported',
            fileName: 'ticker-settings.json',
            summary: 'Exported 1 list (5 symbols) and the preferences.',
          },
          importSettings: { status: 'refused', fileName: 'bad.csv', problems },
        }),
      },
    );
    await showCategory(app.page, 'transfer');
    const { page, errors } = app;
    const section = page.getByRole('tabpanel', { name: 'Import and export' });
    await section.getByRole('button', { name: 'Import…' }).click();
    const shown = section.getByTestId('import-problems');
    await expect.poll(() => shown.locator('li').allTextContents()).toEqual(problems);
    expect(await shown.locator('p').textContent()).toBe('Nothing was imported: bad.csv has problems.');
    expect(await shown.getAttribute('role')).toBe('alert');

    await section.getByRole('button', { name: 'Export lists and preferences…' }).click();
    await expect
      .poll(() => section.getByRole('status').textContent())
      .toBe('✓ Exported 1 list (5 symbols) and the preferences. Saved as ticker-settings.json.');
    expect(await shown.count()).toBe(0);
    await section.getByRole('button', { name: 'Export symbols as CSV…' }).click();
    const calls = app.bridge.invocations.filter((c) => c.name === 'exportSettings' || c.name === 'importSettings');
    expect(calls).toEqual([
      { name: 'importSettings', args: [] },
      { name: 'exportSettings', args: ['json'] },
      { name: 'exportSettings', args: ['csv'] },
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reports a successful import, and a cancelled dialog says nothing', async () => {
    const app = await openPage(
      'settings',
      {},
      {
        settingsTransfer: dialogs({
          importSettings: { status: 'imported', fileName: 'ticker.json', summary: 'Imported: added "Tech".' },
        }),
      },
    );
    await showCategory(app.page, 'transfer');
    const { page, errors } = app;
    const section = page.getByRole('tabpanel', { name: 'Import and export' });
    await section.getByRole('button', { name: 'Export symbols as CSV…' }).click();
    await expect.poll(() => app.argsOf('exportSettings').length).toBe(1);
    expect(await section.getByRole('status').textContent()).toBe('');
    await section.getByRole('button', { name: 'Import…' }).click();
    await expect
      .poll(() => section.getByRole('status').textContent())
      .toBe('✓ Imported: added "Tech". (from ticker.json)');
    expect(errors).toEqual([]);
    await page.close();
  });
});
