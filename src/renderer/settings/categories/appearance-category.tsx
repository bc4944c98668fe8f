/** Appearance: where the strip sits, how it looks and moves, and the second strip. */
import { economyExplanation } from '../../../shared/economy';
import { useEconomy } from '../../hooks/use-economy';
import { CategoryPanel } from '../category-panel';
import { SelectField } from '../forms/inputs';
import { SLIDERS } from '../preference-controls';
import {
  displayIdOf,
  displayOptions,
  PreferenceChoice,
  PreferenceSlider,
  PreferenceToggle,
  UpdateRateChoice,
} from '../preference-fields';
import { PREFERENCE_LABELS } from '../preference-labels';
import { SecondStripSection } from '../second-strip-section';
import { useDisplays } from '../use-displays';
import { usePreferenceDraft } from '../use-preference-draft';
import type { CategoryProps } from './category-props';

export function AppearanceCategory({ api, settings, current }: CategoryProps) {
  const prefs = usePreferenceDraft(api, settings.preferences);
  const displays = useDisplays(api);
  const economy = useEconomy(api);
  const { draft } = prefs;
  return (
    <CategoryPanel category="appearance" current={current}>
      <section className="card" aria-labelledby="strip-look-heading">
        <h3 id="strip-look-heading">The strip</h3>
        <div className="grid">
          <PreferenceChoice prefs={prefs} name="position" />
          <SelectField
            id="pref-displayId"
            label={PREFERENCE_LABELS.displayId}
            error={prefs.errors.displayId}
            value={draft.displayId == null ? 'primary' : String(draft.displayId)}
            options={displayOptions(displays, draft.displayId)}
            onChange={(value) => prefs.change('displayId', displayIdOf(value))}
          />
          <PreferenceChoice prefs={prefs} name="theme" />
          <PreferenceChoice prefs={prefs} name="fullScreenApps" />
          {SLIDERS.map((control) => (
            <PreferenceSlider key={control.key} prefs={prefs} control={control} />
          ))}
        </div>
        <div className="grid">
          <PreferenceChoice prefs={prefs} name="companyNames" />
          <PreferenceChoice
            prefs={prefs}
            name="headlines"
            hint="The newest headline of each watched US stock runs after its item; click one to open it."
          />
          <PreferenceChoice
            prefs={prefs}
            name="sortOrder"
            hint="Items move at most every 10 seconds, never while the pointer is over the strip."
          />
        </div>
        <div className="toggles">
          <PreferenceToggle prefs={prefs} name="showSparklines" />
          <PreferenceToggle prefs={prefs} name="alwaysOnTop" />
          <PreferenceToggle
            prefs={prefs}
            name="clickThrough"
            hint="The strip ignores the mouse; use the tray to change settings."
          />
        </div>
      </section>
      <section className="card" aria-labelledby="strip-motion-heading">
        <h3 id="strip-motion-heading">Motion and power</h3>
        <div className="grid">
          <PreferenceChoice prefs={prefs} name="scrollStyle" />
          <UpdateRateChoice prefs={prefs} />
          <PreferenceChoice
            prefs={prefs}
            name="economy"
            hint={economy ? economyExplanation(economy, draft.economyStyle) : undefined}
          />
          <PreferenceChoice prefs={prefs} name="economyStyle" />
        </div>
      </section>
      <SecondStripSection api={api} settings={settings} />
    </CategoryPanel>
  );
}
