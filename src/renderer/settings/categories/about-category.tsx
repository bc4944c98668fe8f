/** About: the version, updates, the log folder and the licences. */
import { AboutSection } from '../about-section';
import { CategoryPanel } from '../category-panel';
import { PreferenceToggle } from '../preference-fields';
import { usePreferenceDraft } from '../use-preference-draft';
import type { CategoryProps } from './category-props';

export function AboutCategory({ api, settings, current }: CategoryProps) {
  const prefs = usePreferenceDraft(api, settings.preferences);
  return (
    <CategoryPanel category="about" current={current}>
      <AboutSection
        api={api}
        updatesSwitch={
          <PreferenceToggle
            prefs={prefs}
            name="checkForUpdates"
            hint="At start and once a day. When off, Ticker asks no server for updates."
          />
        }
      />
    </CategoryPanel>
  );
}
