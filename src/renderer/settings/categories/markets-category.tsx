/** Markets: when the watched markets open and close, and what the strip does while all are closed. */
import { CategoryPanel } from '../category-panel';
import { MarketHoursPanel } from '../market-hours-panel';
import { PreferenceChoice } from '../preference-fields';
import { usePreferenceDraft } from '../use-preference-draft';
import type { CategoryProps } from './category-props';

export function MarketsCategory({ api, settings, current }: CategoryProps) {
  const prefs = usePreferenceDraft(api, settings.preferences);
  return (
    <CategoryPanel category="markets" current={current}>
      <MarketHoursPanel symbols={settings.symbols} />
      <section className="card" aria-labelledby="markets-closed-heading">
        <h3 id="markets-closed-heading">While every watched market is closed</h3>
        <PreferenceChoice prefs={prefs} name="whenMarketsClosed" />
      </section>
    </CategoryPanel>
  );
}
