/** Showing one category of the settings page in a browser test, as a user would: by its tab in the sidebar. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { SettingsCategory } from '../../src/shared/settings-categories';

export async function showCategory(page: Page, category: SettingsCategory): Promise<void> {
  await page.locator(`#category-tab-${category}`).click();
  await expect.poll(() => page.locator(`#category-${category}`).isVisible()).toBe(true);
}
