import { useEffect, useState } from 'react';
import type { SettingsApi } from '../../shared/ipc-contract';
import { PREFERENCE_RULES, preferenceProblem } from '../../shared/preference-rules';
import type { Preferences } from '../../shared/types';
import { ActionButton } from './forms/action-button';
import { NumberField } from './forms/inputs';
import { PreferenceToggle } from './preference-fields';
import { PREFERENCE_LABELS } from './preference-labels';
import { RelayClients } from './relay-clients';
import { RelayOrigins } from './relay-origins';
import { RELAY_PILL, relaySentence, relayState } from '../../shared/relay-words';
import { RelayToken } from './relay-token';
import { useAction } from './use-action';
import { usePreferenceDraft } from './use-preference-draft';
import { useRelayView } from './use-relay-view';
import { SubmitForm } from './forms/submit-form';

export interface RelaySectionProps {
  api: SettingsApi;
  preferences: Preferences;
  /** The strip's symbols, for the example stream address. */
  symbols: readonly string[];
  locale: string;
}

const PORT_RULE = PREFERENCE_RULES.relayPort;

/** The relay's port: typed, checked by the shared rule, saved on Enter or when the field is left. */
function RelayPortField({ api, saved }: { api: SettingsApi; saved: number }) {
  const [draft, setDraft] = useState(String(saved));
  const action = useAction();
  // A port saved elsewhere (another window, a repaired file) replaces the draft.
  useEffect(() => setDraft(String(saved)), [saved]);
  const save = () => {
    const trimmed = draft.trim();
    const port = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
    if (preferenceProblem('relayPort', port))
      return action.fail(`Choose a port from ${PORT_RULE.min} to ${PORT_RULE.max}.`);
    if (port !== saved) void action.run(() => api.setPreferences({ relayPort: port }));
  };
  return (
    <SubmitForm className="relay-port" onSubmit={save}>
      <NumberField
        id="pref-relayPort"
        label={PREFERENCE_LABELS.relayPort}
        integer
        min={PORT_RULE.min}
        max={PORT_RULE.max}
        hint={`${PORT_RULE.min}–${PORT_RULE.max}; changing it restarts the relay.`}
        value={draft}
        error={action.error}
        onChange={(value) => {
          setDraft(value);
          action.reset();
        }}
        onBlur={() => {
          if (draft.trim() !== String(saved)) save();
        }}
        after={
          <ActionButton type="submit" pending={action.pending} disabled={draft.trim() === String(saved)}>
            Use port
          </ActionButton>
        }
      />
    </SubmitForm>
  );
}

/**
 * The local relay: on/off and port (preferences), its token and addresses, the browser origins
 * allowed, and the clients connected now. The Finnhub key never appears here: main's relay view
 * does not hold it.
 */
export function RelaySection({ api, preferences, symbols, locale }: RelaySectionProps) {
  const { view, loadError } = useRelayView(api);
  const prefs = usePreferenceDraft(api, preferences);
  const state = relayState(preferences.relayEnabled, view);
  const port = view?.listening ? view.port : preferences.relayPort;

  return (
    <>
      <section className="card relay" aria-labelledby="relay-switch-heading">
        <div className="card-head">
          <h3 id="relay-switch-heading">Sharing the connection</h3>
          <span className={`relay-pill relay-${state}`} data-testid="relay-pill">
            {RELAY_PILL[state]}
          </span>
        </div>
        <p className="hint">
          Lets your other programs on this computer use Ticker’s one Finnhub connection: a Finnhub client changes only
          its address, a web page opens an <code>EventSource</code>. It listens on this computer only, and asks for the
          relay token.
        </p>
        <div className="relay-switches">
          <PreferenceToggle prefs={prefs} name="relayEnabled" />
          <RelayPortField api={api} saved={preferences.relayPort} />
        </div>
        <p
          className={`relay-status relay-${state}`}
          data-testid="relay-status"
          role={state === 'failed' ? 'alert' : 'status'}
        >
          {relaySentence(state, view, port)}
        </p>
        {loadError ? (
          <p className="field-error" role="alert">
            Could not read the relay’s state: {loadError}
          </p>
        ) : null}
      </section>
      {view ? (
        <>
          <RelayToken api={api} view={view} port={port} symbols={symbols} />
          <RelayOrigins api={api} origins={view.origins} />
          <RelayClients clients={view.clients} listening={view.listening} locale={locale} />
        </>
      ) : null}
    </>
  );
}
