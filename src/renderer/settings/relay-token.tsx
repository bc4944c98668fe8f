/**
 * The relay token (masked; show, copy, regenerate after a confirmation) and the addresses to use.
 * Copying goes through main, which builds the text with the real token.
 */
import { useState } from 'react';
import type { SettingsApi } from '../../shared/ipc-contract';
import { relaySseUrl, relayWebSocketUrl, type RelayCopyItem } from '../../shared/relay-urls';
import type { RelayView } from '../../shared/types';
import { ActionButton } from './forms/action-button';
import { useAction } from './use-action';

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

export interface RelayTokenProps {
  api: SettingsApi;
  view: RelayView;
  port: number;
  /** The strip's symbols, for the example stream address. */
  symbols: readonly string[];
}

export function RelayToken({ api, view, port, symbols }: RelayTokenProps) {
  const [tokenShown, setTokenShown] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const shownToken = tokenShown ? view.token : maskToken(view.token);
  const copy = (item: RelayCopyItem) =>
    void action.run(
      () => api.copyRelay(item),
      () => COPIED[item],
    );
  const clients = view.clients.length;
  const address = (kind: 'websocket-url' | 'sse-url', term: string, url: string, label: string) => (
    <div>
      <dt>{term}</dt>
      <dd>
        <code data-testid={kind === 'websocket-url' ? 'relay-ws-url' : 'relay-sse-url'}>
          {url.replace(TOKEN_SLOT, shownToken)}
        </code>
        <ActionButton aria-label={label} onClick={() => copy(kind)}>
          Copy
        </ActionButton>
      </dd>
    </div>
  );

  return (
    <section className="card relay" aria-labelledby="relay-token-heading">
      <h3 id="relay-token-heading">Relay token</h3>
      <div className="row relay-token">
        <code data-testid="relay-token" className="grow">
          {shownToken}
        </code>
        <ActionButton aria-pressed={tokenShown} onClick={() => setTokenShown((shown) => !shown)}>
          {tokenShown ? 'Hide' : 'Show'}
        </ActionButton>
        <ActionButton onClick={() => copy('token')}>Copy</ActionButton>
        <ActionButton variant="danger" disabled={confirming} onClick={() => setConfirming(true)}>
          Regenerate…
        </ActionButton>
      </div>
      {confirming ? (
        <div className="row confirm" role="group" aria-label="Regenerate the relay token?">
          <span className="grow">
            Make a new token? The old one stops working at once, and the{' '}
            {clients === 1 ? 'client' : `${clients} clients`} connected with it {clients === 1 ? 'is' : 'are'}{' '}
            disconnected.
          </span>
          <ActionButton
            variant="danger"
            autoFocus
            onClick={() => {
              setConfirming(false);
              void action.run(
                () => api.regenerateRelayToken(),
                () => 'New relay token made. Give it to your programs and pages.',
              );
            }}
          >
            Regenerate
          </ActionButton>
          <ActionButton onClick={() => setConfirming(false)}>Cancel</ActionButton>
        </div>
      ) : null}
      <h3>Addresses</h3>
      <dl className="relay-urls">
        {address(
          'websocket-url',
          'Finnhub clients (WebSocket)',
          relayWebSocketUrl(port, TOKEN_SLOT),
          'Copy the WebSocket address',
        )}
        {address(
          'sse-url',
          'Web pages (server-sent events)',
          relaySseUrl(port, TOKEN_SLOT, symbols),
          'Copy the server-sent events address',
        )}
      </dl>
      <p className="hint">
        The copied addresses hold the real token; the stream address lists the strip’s symbols, change them as you need.
      </p>
      <p className="relay-message" role="status" aria-live="polite" data-testid="relay-message">
        {action.message ? <span className="ok">{action.message}</span> : null}
        {action.error ? <span className="bad">{action.error}</span> : null}
      </p>
    </section>
  );
}
