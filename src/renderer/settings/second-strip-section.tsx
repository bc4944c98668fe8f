import { useState } from 'react';
import type { SettingsApi } from '../../shared/ipc-contract';
import type { PublicSettings, SecondStrip } from '../../shared/types';
import { settle } from '../bridge';
import { enumOptions, enumValue } from './preference-controls';
import { useDisplays } from './preferences-section';

export interface SecondStripSectionProps {
  api: SettingsApi;
  settings: Pick<PublicSettings, 'secondStrip' | 'lists' | 'maxSymbols'>;
  onSettings: (settings: PublicSettings) => void;
}

/**
 * The optional second strip: on/off, its watch list, edge and display. Both strips share the one
 * connection, so main refuses a list that would take the lists on screen over the plan's cap.
 */
export function SecondStripSection({ api, settings, onSettings }: SecondStripSectionProps) {
  const [error, setError] = useState<string | null>(null);
  const displays = useDisplays(api);
  const strip = settings.secondStrip;

  const change = async (patch: Partial<SecondStrip>) => {
    const result = await settle(() => api.setSecondStrip(patch));
    if (result.ok) {
      setError(null);
      onSettings(result.value);
    } else {
      setError(result.error.message);
    }
  };

  return (
    <section className="card" aria-labelledby="second-strip-heading">
      <h2 id="second-strip-heading">Second strip</h2>
      <p className="hint">
        A second strip with its own watch list, edge and display, for example crypto along the bottom of another
        monitor. It looks like the first and shares its one connection.
      </p>
      <div className="field toggle second-strip-toggle">
        <input
          id="second-strip-enabled"
          type="checkbox"
          checked={strip.enabled}
          aria-describedby={error ? 'second-strip-error' : undefined}
          onChange={(event) => void change({ enabled: event.target.checked })}
        />
        <label htmlFor="second-strip-enabled">Show a second strip</label>
      </div>
      <div className="grid">
        <div className="field">
          <label htmlFor="second-strip-list">Watch list</label>
          <div className="control">
            <select
              id="second-strip-list"
              value={strip.listId}
              onChange={(event) => void change({ listId: event.target.value })}
            >
              {settings.lists.map((list) => (
                <option key={list.id} value={list.id}>
                  {list.name} ({list.symbols.length})
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor="second-strip-position">Position</label>
          <div className="control">
            <select
              id="second-strip-position"
              value={strip.position}
              onChange={(event) => {
                const position = enumValue('position', event.target.value);
                if (position !== null) void change({ position });
              }}
            >
              {enumOptions('position').map(({ value, label }) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor="second-strip-display">Display</label>
          <div className="control">
            <select
              id="second-strip-display"
              value={strip.displayId == null ? 'primary' : String(strip.displayId)}
              onChange={(event) =>
                void change({ displayId: event.target.value === 'primary' ? null : Number(event.target.value) })
              }
            >
              <option value="primary">Primary display</option>
              {displays.map((display) => (
                <option key={display.id} value={String(display.id)}>
                  {display.label}
                  {display.primary ? ' — primary' : ''}
                </option>
              ))}
              {strip.displayId != null && !displays.some((display) => display.id === strip.displayId) ? (
                <option value={String(strip.displayId)}>Disconnected display (the strip is on the primary one)</option>
              ) : null}
            </select>
          </div>
        </div>
      </div>
      {error ? (
        <p className="field-error" id="second-strip-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
