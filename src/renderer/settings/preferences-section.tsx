import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { SettingsApi } from '../../shared/ipc-contract';
import type { DisplayInfo, Preferences, PublicSettings } from '../../shared/types';
import {
  DEFAULT_PREFERENCES,
  PREFERENCE_RULES,
  type BooleanPreferenceKey,
  type EnumPreferenceKey,
} from '../../shared/preference-rules';
import { CHART_SYMBOL_PLACEHOLDER, chartTemplateProblem, DEFAULT_CHART_URL_TEMPLATE } from '../../shared/chart-url';
import { settle } from '../bridge';
import type { ShortcutAction, ShortcutState } from '../../shared/shortcuts';
import {
  enumOptions,
  enumValue,
  SHORTCUT_CONTROLS,
  SLIDERS,
  updateRateOptions,
  type SliderControl,
} from './preference-controls';
import { ShortcutField } from './shortcut-field';
import { economyExplanation } from '../../shared/economy';
import { useEconomy } from '../hooks/use-economy';

export interface PreferencesSectionProps {
  api: SettingsApi;
  preferences: Preferences;
  onSettings: (settings: PublicSettings) => void;
}

type Errors = Partial<Record<keyof Preferences, string>>;

/** Sliders send their value this long after the last movement, not on every pixel. */
const SLIDER_DELAY_MS = 150;

/** The chart link is saved this long after the last keystroke that left it valid. */
const CHART_LINK_DELAY_MS = 600;

/** Look and behaviour of the strip; every change applies live through setPreferences. */
export function PreferencesSection({ api, preferences, onSettings }: PreferencesSectionProps) {
  const [draft, setDraft] = useState(preferences);
  const [errors, setErrors] = useState<Errors>({});
  const timers = useRef(new Map<keyof Preferences, number>());
  const editing = useRef(new Set<keyof Preferences>());
  const displays = useDisplays(api);
  const economy = useEconomy(api);
  const shortcutStates = useShortcutStates(
    api,
    preferences.shortcutToggleStrips,
    preferences.shortcutPause,
    preferences.shortcutPrivacy,
  );

  // Follow changes from elsewhere (tray, other window), except fields being edited right now.
  useEffect(() => {
    setDraft((current) => {
      const next = { ...preferences };
      for (const key of editing.current) (next as Record<string, unknown>)[key] = current[key];
      return next;
    });
  }, [preferences]);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) window.clearTimeout(timer);
    };
  }, []);

  const send = async <K extends keyof Preferences>(key: K, value: Preferences[K]) => {
    editing.current.delete(key);
    const result = await settle(() => api.setPreferences({ [key]: value } as Partial<Preferences>));
    if (result.ok) {
      setErrors((current) => ({ ...current, [key]: undefined }));
      onSettings(result.value);
    } else {
      setErrors((current) => ({ ...current, [key]: result.error.message }));
    }
  };

  const change = <K extends keyof Preferences>(key: K, value: Preferences[K], delayMs = 0) => {
    setDraft((current) => ({ ...current, [key]: value }));
    const existing = timers.current.get(key);
    if (existing != null) window.clearTimeout(existing);
    if (delayMs === 0) {
      void send(key, value);
      return;
    }
    editing.current.add(key);
    timers.current.set(
      key,
      window.setTimeout(() => {
        timers.current.delete(key);
        void send(key, value);
      }, delayMs),
    );
  };

  const field = (key: keyof Preferences, label: string, control: ReactNode, hint?: string) => (
    <div className="field" key={key}>
      <label htmlFor={`pref-${key}`}>{label}</label>
      <div className="control">
        {control}
        {hint ? (
          <span className="hint inline" id={`pref-${key}-hint`}>
            {hint}
          </span>
        ) : null}
      </div>
      <FieldError field={key} message={errors[key]} />
    </div>
  );

  const describedBy = (key: keyof Preferences) => (errors[key] ? `pref-${key}-error` : undefined);

  const slider = ({ key, min, max, step, unit, scale }: SliderControl) =>
    field(
      key,
      LABELS[key],
      <>
        <input
          id={`pref-${key}`}
          type="range"
          min={min}
          max={max}
          step={step}
          value={draft[key]}
          aria-describedby={describedBy(key)}
          aria-valuetext={`${Math.round(draft[key] * scale)} ${unit}`}
          onChange={(event) => change(key, Number(event.target.value), SLIDER_DELAY_MS)}
        />
        <output htmlFor={`pref-${key}`} className="value">
          {Math.round(draft[key] * scale)} {unit}
        </output>
      </>,
    );

  const choice = <K extends EnumPreferenceKey>(key: K, hint?: string) =>
    field(
      key,
      LABELS[key],
      <select
        id={`pref-${key}`}
        value={draft[key]}
        aria-describedby={
          [describedBy(key), hint ? `pref-${key}-hint` : undefined].filter(Boolean).join(' ') || undefined
        }
        onChange={(event) => {
          const value = enumValue(key, event.target.value);
          if (value !== null) change(key, value as Preferences[K]);
        }}
      >
        {enumOptions(key).map(({ value, label }) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>,
      hint,
    );

  // Every on/off preference (the rules' boolean kind) is one of these.
  const toggle = (key: BooleanPreferenceKey, hint?: string) => (
    <div className="field toggle" key={key}>
      <input
        id={`pref-${key}`}
        type="checkbox"
        checked={draft[key]}
        aria-describedby={describedBy(key)}
        onChange={(event) => change(key, event.target.checked)}
      />
      <label htmlFor={`pref-${key}`}>
        {LABELS[key]}
        {hint ? <span className="hint block">{hint}</span> : null}
      </label>
      <FieldError field={key} message={errors[key]} />
    </div>
  );

  return (
    <section className="card" aria-labelledby="prefs-heading">
      <h2 id="prefs-heading">Look and behaviour</h2>
      <div className="grid">
        {choice('position')}
        {field(
          'displayId',
          LABELS.displayId,
          <select
            id="pref-displayId"
            value={draft.displayId == null ? 'primary' : String(draft.displayId)}
            aria-describedby={describedBy('displayId')}
            onChange={(event) =>
              change('displayId', event.target.value === 'primary' ? null : Number(event.target.value))
            }
          >
            <option value="primary">Primary display</option>
            {displays.map((display) => (
              <option key={display.id} value={String(display.id)}>
                {display.label}
                {display.primary ? ' — primary' : ''}
              </option>
            ))}
            {draft.displayId != null && !displays.some((display) => display.id === draft.displayId) ? (
              <option value={String(draft.displayId)}>Disconnected display (the strip is on the primary one)</option>
            ) : null}
          </select>,
        )}
        {choice('theme')}
        {choice('whenMarketsClosed')}
        {choice('fullScreenApps')}
        {choice('scrollStyle')}
        {choice('economy', economy ? economyExplanation(economy, draft.economyStyle) : undefined)}
        {choice('economyStyle')}
        {field(
          'updateRateHz',
          LABELS.updateRateHz,
          <select
            id="pref-updateRateHz"
            value={draft.updateRateHz}
            aria-describedby={describedBy('updateRateHz')}
            onChange={(event) => change('updateRateHz', Number(event.target.value))}
          >
            {updateRateOptions(draft.updateRateHz).map((rate) => (
              <option key={rate} value={rate}>
                {rate} per second
              </option>
            ))}
          </select>,
        )}
        {SLIDERS.map(slider)}
      </div>
      <div className="toggles">
        {toggle('showSparklines')}
        {toggle('alwaysOnTop')}
        {toggle('clickThrough', 'The strip ignores the mouse; use the tray to change settings.')}
        {toggle('launchAtLogin')}
        {toggle('paused', 'Stops the feed and the scrolling.')}
        {toggle(
          'privacy',
          'Hides portfolio values and gains in money everywhere (for screen sharing); prices and percentages stay.',
        )}
        {toggle(
          'showPositionFigures',
          'Strip items of symbols you hold also show the position’s value and today’s change.',
        )}
        {toggle('checkForUpdates', 'At start and once a day. When off, Ticker asks no server for updates.')}
      </div>
      <fieldset className="shortcuts">
        <legend>Keyboard shortcuts</legend>
        <p className="hint">
          They work in every app. Click a field and press the keys (with Ctrl, Alt, Cmd or Super); Backspace clears it.
        </p>
        {SHORTCUT_CONTROLS.map((control) => (
          <ShortcutField
            key={control.key}
            control={control}
            value={draft[control.key]}
            defaultValue={DEFAULT_PREFERENCES[control.key]}
            state={shortcutStates[control.action]}
            others={SHORTCUT_CONTROLS.filter((other) => other.key !== control.key).map((other) => ({
              accelerator: draft[other.key],
              label: other.label,
            }))}
            error={errors[control.key]}
            onSave={(accelerator) => change(control.key, accelerator)}
          />
        ))}
      </fieldset>
      <div className="field chart-link">
        <label htmlFor="pref-chartUrlTemplate">{LABELS.chartUrlTemplate}</label>
        <div className="control">
          <input
            id="pref-chartUrlTemplate"
            type="url"
            className="grow"
            spellCheck={false}
            maxLength={PREFERENCE_RULES.chartUrlTemplate.maxLength}
            value={draft.chartUrlTemplate}
            aria-invalid={errors.chartUrlTemplate ? 'true' : 'false'}
            aria-describedby={describedBy('chartUrlTemplate') ?? 'chart-link-hint'}
            onChange={(event) => {
              const value = event.target.value;
              const problem = chartTemplateProblem(value);
              if (problem) {
                editing.current.add('chartUrlTemplate');
                setDraft((current) => ({ ...current, chartUrlTemplate: value }));
                setErrors((current) => ({ ...current, chartUrlTemplate: `${problem}.` }));
              } else {
                setErrors((current) => ({ ...current, chartUrlTemplate: undefined }));
                change('chartUrlTemplate', value, CHART_LINK_DELAY_MS);
              }
            }}
          />
          <button
            type="button"
            disabled={draft.chartUrlTemplate === DEFAULT_CHART_URL_TEMPLATE}
            onClick={() => {
              setErrors((current) => ({ ...current, chartUrlTemplate: undefined }));
              change('chartUrlTemplate', DEFAULT_CHART_URL_TEMPLATE);
            }}
          >
            Default
          </button>
        </div>
        <span className="hint" id="chart-link-hint">
          Clicking a symbol on the strip opens this https link, with {CHART_SYMBOL_PLACEHOLDER} replaced by the symbol.
        </span>
        <FieldError field="chartUrlTemplate" message={errors.chartUrlTemplate} />
      </div>
    </section>
  );
}

const LABELS: Record<keyof Preferences, string> = {
  position: 'Position',
  displayId: 'Display',
  height: 'Height',
  speed: 'Scroll speed',
  opacity: 'Opacity',
  theme: 'Theme',
  fontSize: 'Font size',
  clickThrough: 'Click-through',
  alwaysOnTop: 'Always on top',
  launchAtLogin: 'Launch at login',
  updateRateHz: 'Update rate',
  showSparklines: 'Sparklines',
  paused: 'Paused',
  chartUrlTemplate: 'Chart link',
  hidden: 'Hidden',
  whenMarketsClosed: 'When all markets are closed',
  alertSound: 'Alert sound',
  relayEnabled: 'Relay',
  relayPort: 'Relay port',
  shortcutToggleStrips: 'Show or hide the strips',
  shortcutPause: 'Pause or resume',
  shortcutPrivacy: 'Hide or show amounts',
  fullScreenApps: 'Full-screen apps',
  privacy: 'Privacy (hide amounts)',
  showPositionFigures: 'Position value on strip items',
  economy: 'Economy mode',
  scrollStyle: 'Motion',
  economyStyle: 'Motion in economy',
  companyNames: 'Show company names',
  headlines: 'Headlines',
  sortOrder: 'Sort the strip',
  checkForUpdates: 'Check for updates automatically',
};

/** Whether the system gave Ticker each shortcut, asked again whenever one of them changes. */
function useShortcutStates(
  api: SettingsApi,
  ...accelerators: string[]
): Partial<Record<ShortcutAction, ShortcutState>> {
  const [states, setStates] = useState<Partial<Record<ShortcutAction, ShortcutState>>>({});
  const key = accelerators.join('\n');
  useEffect(() => {
    let alive = true;
    void settle(() => api.getShortcuts()).then((result) => {
      if (!alive || !result.ok || !Array.isArray(result.value)) return;
      setStates(Object.fromEntries(result.value.map((status) => [status.action, status.state])));
    });
    return () => {
      alive = false;
    };
  }, [api, key]);
  return states;
}

/** The displays main reports, refreshed whenever this window regains focus (monitors come and go). */
export function useDisplays(api: SettingsApi): DisplayInfo[] {
  const [displays, setDisplays] = useState<DisplayInfo[]>([]);
  useEffect(() => {
    let alive = true;
    const load = () => {
      void settle(() => api.getDisplays()).then((result) => {
        if (alive && result.ok && Array.isArray(result.value)) setDisplays(result.value);
      });
    };
    load();
    window.addEventListener('focus', load);
    return () => {
      alive = false;
      window.removeEventListener('focus', load);
    };
  }, [api]);
  return displays;
}

/** The inline error under a control, referenced by the control's aria-describedby. */
function FieldError({ field, message }: { field: keyof Preferences; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" id={`pref-${field}-error`} role="alert">
      {message}
    </p>
  );
}
