/** General: the Finnhub key, the connection in detail, pause and launch at login. */
import { CategoryPanel } from '../category-panel';
import { KeySection } from '../key-section';
import { PreferenceToggle } from '../preference-fields';
import { StatusPanel } from '../status-panel';
import { usePreferenceDraft } from '../use-preference-draft';
import type { CategoryProps } from './category-props';

export function GeneralCategory({ api, settings, locale, current, overview }: CategoryProps) {
  const prefs = usePreferenceDraft(api, settings.preferences);
  return (
    <CategoryPanel category="general" current={current}>
      <KeySection api={api} keyInfo={settings.key} />
      <StatusPanel overview={overview} locale={locale} />
      <section className="card" aria-labelledby="general-app-heading">
        <h3 id="general-app-heading">Ticker</h3>
        <div className="toggles">
          <PreferenceToggle prefs={prefs} name="paused" hint="Stops the feed and the scrolling." />
          <PreferenceToggle prefs={prefs} name="launchAtLogin" />
        </div>
      </section>
    </CategoryPanel>
  );
}
