import type { SettingsApi } from '../../shared/ipc-contract';
import { SECOND_STRIP_CONTENTS } from '../../shared/second-strip';
import type { PublicSettings, SecondStrip } from '../../shared/types';
import { SelectField } from './forms/inputs';
import { FieldError } from './forms/field';
import { ToggleField } from './forms/toggle-field';
import { enumOptions } from './preference-controls';
import { displayIdOf, displayOptions } from './preference-fields';
import { useAction } from './use-action';
import { useDisplays } from './use-displays';

const CONTENT_LABELS: Record<SecondStrip['content'], string> = {
  quotes: 'Prices of its list',
  headlines: 'Only the headlines of the watched stocks',
};

export interface SecondStripSectionProps {
  api: SettingsApi;
  settings: Pick<PublicSettings, 'secondStrip' | 'lists'>;
}

/**
 * The optional second strip: on/off, its watch list, edge and display. Both strips share the one
 * connection, so main refuses a list that would take the lists on screen over the plan's cap.
 */
export function SecondStripSection({ api, settings }: SecondStripSectionProps) {
  const action = useAction();
  const displays = useDisplays(api);
  const strip = settings.secondStrip;
  const change = (patch: Partial<SecondStrip>) => void action.run(() => api.setSecondStrip(patch));

  return (
    <section className="card" aria-labelledby="second-strip-heading">
      <h3 id="second-strip-heading">Second strip</h3>
      <p className="hint">
        A second strip with its own watch list, edge and display, for example crypto along the bottom of another
        monitor. It looks like the first and shares its one connection.
      </p>
      <ToggleField
        id="second-strip-enabled"
        label="Show a second strip"
        formError={action.error ? 'second-strip-error' : null}
        checked={strip.enabled}
        onChange={(enabled) => change({ enabled })}
      />
      <div className="grid">
        <SelectField
          id="second-strip-list"
          label="Watch list"
          value={strip.listId}
          options={settings.lists.map((list) => ({ value: list.id, label: `${list.name} (${list.symbols.length})` }))}
          onChange={(listId) => change({ listId })}
        />
        <SelectField
          id="second-strip-position"
          label="Position"
          value={strip.position}
          options={enumOptions('position')}
          onChange={(position) => change({ position })}
        />
        <SelectField
          id="second-strip-content"
          label="Shows"
          value={strip.content}
          options={SECOND_STRIP_CONTENTS.map((value) => ({ value, label: CONTENT_LABELS[value] }))}
          onChange={(content) => change({ content })}
        />
        <SelectField
          id="second-strip-sortOrder"
          label="Sort"
          value={strip.sortOrder}
          options={enumOptions('sortOrder')}
          onChange={(sortOrder) => change({ sortOrder })}
        />
        <SelectField
          id="second-strip-display"
          label="Display"
          value={strip.displayId == null ? 'primary' : String(strip.displayId)}
          options={displayOptions(displays, strip.displayId)}
          onChange={(value) => change({ displayId: displayIdOf(value) })}
        />
      </div>
      <FieldError id="second-strip-error" message={action.error} />
    </section>
  );
}
