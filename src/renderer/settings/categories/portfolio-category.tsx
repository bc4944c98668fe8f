/** Portfolio: positions, lots, base currency, CSV, and how amounts are shown. */
import { CategoryPanel } from '../category-panel';
import { PortfolioSection } from '../portfolio-section';
import { PreferenceToggle } from '../preference-fields';
import { usePreferenceDraft } from '../use-preference-draft';
import type { CategoryProps } from './category-props';

export function PortfolioCategory({ api, settings, locale, current }: CategoryProps) {
  const prefs = usePreferenceDraft(api, settings.preferences);
  return (
    <CategoryPanel category="portfolio" current={current}>
      <section className="card" aria-labelledby="amounts-heading">
        <h3 id="amounts-heading">Amounts</h3>
        <div className="toggles">
          <PreferenceToggle
            prefs={prefs}
            name="privacy"
            hint="Hides portfolio values and gains in money everywhere (for screen sharing); prices and percentages stay."
          />
          <PreferenceToggle
            prefs={prefs}
            name="showPositionFigures"
            hint="Strip items of symbols you hold also show the position’s value and today’s change."
          />
        </div>
      </section>
      <PortfolioSection api={api} holdings={settings.holdings} privacy={settings.preferences.privacy} locale={locale} />
    </CategoryPanel>
  );
}
