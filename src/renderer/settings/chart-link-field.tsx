/** The chart link template: checked as typed by the shared rule, saved after a pause once valid. */
import { CHART_SYMBOL_PLACEHOLDER, chartTemplateProblem, DEFAULT_CHART_URL_TEMPLATE } from '../../shared/chart-url';
import { PREFERENCE_RULES } from '../../shared/preference-rules';
import { ActionButton } from './forms/action-button';
import { TextField } from './forms/inputs';
import { PREFERENCE_LABELS } from './preference-labels';
import type { PreferenceDraft } from './use-preference-draft';

/** The chart link is saved this long after the last keystroke that left it valid. */
const CHART_LINK_DELAY_MS = 600;

export function ChartLinkField({ prefs }: { prefs: PreferenceDraft }) {
  const value = prefs.draft.chartUrlTemplate;
  return (
    <TextField
      id="pref-chartUrlTemplate"
      label={PREFERENCE_LABELS.chartUrlTemplate}
      hideLabel
      type="url"
      className="chart-link"
      maxLength={PREFERENCE_RULES.chartUrlTemplate.maxLength}
      value={value}
      error={prefs.errors.chartUrlTemplate}
      hint={`Clicking a symbol on the strip opens this https link, with ${CHART_SYMBOL_PLACEHOLDER} replaced by the symbol.`}
      onChange={(next) => {
        const problem = chartTemplateProblem(next);
        if (problem) prefs.hold('chartUrlTemplate', next, `${problem}.`);
        else prefs.change('chartUrlTemplate', next, CHART_LINK_DELAY_MS);
      }}
      after={
        <ActionButton
          disabled={value === DEFAULT_CHART_URL_TEMPLATE}
          onClick={() => prefs.change('chartUrlTemplate', DEFAULT_CHART_URL_TEMPLATE)}
        >
          Default
        </ActionButton>
      }
    />
  );
}
