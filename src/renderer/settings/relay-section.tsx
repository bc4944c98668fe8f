import { useEffect, useState } from 'react';
import type { SettingsApi } from '../../shared/ipc-contract';
import { preferenceProblem } from '../../shared/preference-rules';
import { relaySseUrl, relayWebSocketUrl, type RelayCopyItem } from '../../shared/relay-urls';
import type { Preferences, PublicSettings, RelayView } from '../../shared/types';
import { settle } from '../bridge';
import { RELAY_PORT_FIELD } from './preference-controls';
import { RelayClients } from './relay-clients';
import { RelayOrigins } from './relay-origins';
import { useRelayView } from './use-relay-view';

export interface RelaySectionProps {
  api: SettingsApi;
  preferences: Pick<Preferences, 'relayEnabled' | 'relayPort'>;
  /** The strip's symbols, for the example stream address. */
  symbols: readonly string[];
  locale: string;
  onSettings: (settings: PublicSettings) => void;
}

type RelayState = 'off' | 'listening' | 'failed' | 'starting';

/** What the relay is doing now, from the saved switch and main's view of it. */
function relayState(enabled: boolean, view: RelayView | null): RelayState {
  if (!enabled) return 'off';
  if (view?.listening) return 'listening';
  if (view?.error) return 'failed';
  return 'starting';
}

/** The token as shown while hidden: enough of its end to tell two tokens apart. */
function maskToken(token: string): string {
  return `••••••••${token.slice(-4)}`;
}

/** Stands for the token while an address is built, so the shown one is not percent-encoded. */
const TOKEN_SLOT = 'RELAY-TOKEN-SLOT';

const COPIED: Record<RelayCopyItem, string> = {
  token: 'Relay token copied.',
  'websocket-url': 'WebSocket address copied (with the token).',
  'sse-url': 'Server-sent events address copied (with the token).',
};

/**
 * The local relay: on/off and port (preferences), its token (masked, show, copy, regenerate after a
 * confirmation), the addresses to use, the browser origins allowed, and the clients connected now.
 * The Finnhub key never appears here: main's relay view does not hold it.
 */
export function RelaySection({ api, preferences, symbols, locale, onSettings }: RelaySectionProps) {
  const { view, loadError, set: setView } = useRelayView(api);
  const [portDraft, setPortDraft] = useState(String(preferences.relayPort));
  const [portError, setPortError] = useState<string | null>(null);
  const [switchError, setSwitchError] = useState<string | null>(null);
  const [tokenShown, setTokenShown] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);

  // A port saved elsewhere (another window, a repaired file) replaces the draft.
  useEffect(() => setPortDraft(String(preferences.relayPort)), [preferences.relayPort]);

  const setPreferences = async (patch: Partial<Preferences>): Promise<string | null> => {
    const result = await settle(() => api.setPreferences(patch));
    if (!result.ok) return result.error.message;
    onSettings(result.value);
    return null;
  };

  const savePort = async () => {
    const trimmed = portDraft.trim();
    const port = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
    const problem = Number.isInteger(port) ? preferenceProblem('relayPort', port) : 'not a whole number';
    if (problem) {
      setPortError(`Choose a port from ${RELAY_PORT_FIELD.min} to ${RELAY_PORT_FIELD.max}.`);
      return;
    }
    setPortError(null);
    if (port !== preferences.relayPort) setPortError(await setPreferences({ relayPort: port }));
  };

  const copy = async (item: RelayCopyItem) => {
    const result = await settle(() => api.copyRelay(item));
    setMessage(
      result.ok ? { text: COPIED[item], bad: false } : { text: `Could not copy: ${result.error.message}`, bad: true },
    );
  };

  const regenerate = async () => {
    setConfirming(false);
    const result = await settle(() => api.regenerateRelayToken());
    if (result.ok) {
      setView(result.value);
      setMessage({ text: 'New relay token made. Give it to your programs and pages.', bad: false });
    } else {
      setMessage({ text: `Could not make a new token: ${result.error.message}`, bad: true });
    }
  };

  const state = relayState(preferences.relayEnabled, view);
  const port = view?.listening ? view.port : preferences.relayPort;
  const token = view?.token ?? '';
  const shownToken = tokenShown ? token : maskToken(token);
  const portDescribedBy = portError ? 'pref-relayPort-error' : 'relay-port-hint';

  return (
    <section className="card relay" aria-labelledby="relay-heading">
      <div className="card-head">
        <h2 id="relay-heading">Relay</h2>
        <span className={`relay-pill relay-${state}`} data-testid="relay-pill">
          {PILL[state]}
        </span>
      </div>
      <p className="hint">
        Lets your other programs on this computer use Ticker’s one Finnhub connection: a Finnhub client changes only its
        address, a web page opens an <code>EventSource</code>. It listens on this computer only, and asks for the relay
        token.
      </p>
      <div className="relay-switches">
        <div className="field toggle">
          <input
            id="pref-relayEnabled"
            type="checkbox"
            checked={preferences.relayEnabled}
            aria-describedby={switchError ? 'pref-relayEnabled-error' : undefined}
            onChange={(event) => {
              const relayEnabled = event.target.checked;
              void setPreferences({ relayEnabled }).then(setSwitchError);
            }}
          />
          <label htmlFor="pref-relayEnabled">Relay on</label>
          {switchError ? (
            <p className="field-error" id="pref-relayEnabled-error" role="alert">
              {switchError}
            </p>
          ) : null}
        </div>
        <form
          className="field relay-port"
          // The shared rule checks the port and says why inline; the browser's bubble would say less.
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void savePort();
          }}
        >
          <label htmlFor="pref-relayPort">Port</label>
          <div className="control">
            <input
              id="pref-relayPort"
              type="number"
              inputMode="numeric"
              min={RELAY_PORT_FIELD.min}
              max={RELAY_PORT_FIELD.max}
              step={RELAY_PORT_FIELD.step}
              value={portDraft}
              aria-invalid={portError ? 'true' : 'false'}
              aria-describedby={portDescribedBy}
              onChange={(event) => {
                setPortDraft(event.target.value);
                setPortError(null);
              }}
              onBlur={() => {
                if (portDraft.trim() !== String(preferences.relayPort)) void savePort();
              }}
            />
            <button type="submit" disabled={portDraft.trim() === String(preferences.relayPort)}>
              Use port
            </button>
          </div>
          <span className="hint" id="relay-port-hint">
            {RELAY_PORT_FIELD.min}–{RELAY_PORT_FIELD.max}; changing it restarts the relay.
          </span>
          {portError ? (
            <p className="field-error" id="pref-relayPort-error" role="alert">
              {portError}
            </p>
          ) : null}
        </form>
      </div>
      <p
        className={`relay-status relay-${state}`}
        data-testid="relay-status"
        role={state === 'failed' ? 'alert' : 'status'}
      >
        {statusText(state, view, port)}
      </p>
      {loadError ? (
        <p className="field-error" role="alert">
          Could not read the relay’s state: {loadError}
        </p>
      ) : null}
      {view ? (
        <>
          <h3>Relay token</h3>
          <div className="row relay-token">
            <code data-testid="relay-token" className="grow">
              {shownToken}
            </code>
            <button type="button" aria-pressed={tokenShown} onClick={() => setTokenShown((shown) => !shown)}>
              {tokenShown ? 'Hide' : 'Show'}
            </button>
            <button type="button" onClick={() => void copy('token')}>
              Copy
            </button>
            <button type="button" className="danger" disabled={confirming} onClick={() => setConfirming(true)}>
              Regenerate…
            </button>
          </div>
          {confirming ? (
            <div className="row confirm" role="group" aria-label="Regenerate the relay token?">
              <span className="grow">
                Make a new token? The old one stops working at once, and the{' '}
                {view.clients.length === 1 ? 'client' : `${view.clients.length} clients`} connected with it{' '}
                {view.clients.length === 1 ? 'is' : 'are'} disconnected.
              </span>
              <button type="button" className="danger" autoFocus onClick={() => void regenerate()}>
                Regenerate
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          ) : null}
          <h3>Addresses</h3>
          <dl className="relay-urls">
            <div>
              <dt>Finnhub clients (WebSocket)</dt>
              <dd>
                <code data-testid="relay-ws-url">
                  {relayWebSocketUrl(port, TOKEN_SLOT).replace(TOKEN_SLOT, shownToken)}
                </code>
                <button
                  type="button"
                  aria-label="Copy the WebSocket address"
                  onClick={() => void copy('websocket-url')}
                >
                  Copy
                </button>
              </dd>
            </div>
            <div>
              <dt>Web pages (server-sent events)</dt>
              <dd>
                <code data-testid="relay-sse-url">
                  {relaySseUrl(port, TOKEN_SLOT, symbols).replace(TOKEN_SLOT, shownToken)}
                </code>
                <button
                  type="button"
                  aria-label="Copy the server-sent events address"
                  onClick={() => void copy('sse-url')}
                >
                  Copy
                </button>
              </dd>
            </div>
          </dl>
          <p className="hint">
            The copied addresses hold the real token; the stream address lists the strip’s symbols, change them as you
            need.
          </p>
          <p className="relay-message" role="status" aria-live="polite" data-testid="relay-message">
            {message ? <span className={message.bad ? 'bad' : 'ok'}>{message.text}</span> : null}
          </p>
          <RelayOrigins api={api} origins={view.origins} onView={setView} />
          <RelayClients clients={view.clients} listening={view.listening} locale={locale} />
        </>
      ) : null}
    </section>
  );
}

const PILL: Record<RelayState, string> = { off: 'Off', listening: 'On', failed: 'Not running', starting: 'Starting' };

function statusText(state: RelayState, view: RelayView | null, port: number): string {
  switch (state) {
    case 'off':
      return 'The relay is off: no other program can use Ticker’s connection. Turn it on to share it.';
    case 'starting':
      return `Starting the relay on port ${port}…`;
    case 'failed':
      return `The relay is not running: ${view?.error ?? 'it could not start'}.`;
    case 'listening': {
      const count = view?.clients.length ?? 0;
      return `Listening on 127.0.0.1:${port}, ${count === 0 ? 'no clients connected' : `${count} client${count === 1 ? '' : 's'} connected`}.`;
    }
  }
}
