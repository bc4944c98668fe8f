import { useState } from 'react';
import type { SettingsApi } from '../../shared/ipc-contract';
import { MAX_RELAY_ORIGINS, checkRelayOrigin } from '../../shared/relay-rules';
import { ActionButton } from './forms/action-button';
import { TextField } from './forms/inputs';
import { useAction } from './use-action';
import { SubmitForm } from './forms/submit-form';

export interface RelayOriginsProps {
  api: SettingsApi;
  origins: readonly string[];
}

/** Why `input` cannot be added to `origins`, or the origin to add. */
function checkOrigin(
  input: string,
  origins: readonly string[],
): { ok: true; origin: string } | { ok: false; message: string } {
  if (input.trim() === '')
    return { ok: false, message: 'Type the address of the page, e.g. https://dashboard.example.com.' };
  const checked = checkRelayOrigin(input);
  if (!checked.ok) return { ok: false, message: `${checked.message}.` };
  const { origin } = checked;
  if (origins.includes(origin)) return { ok: false, message: `${origin} is already allowed.` };
  if (origins.length >= MAX_RELAY_ORIGINS)
    return { ok: false, message: `At most ${MAX_RELAY_ORIGINS} origins can be allowed.` };
  return { ok: true, origin };
}

/** The browser origins whose pages may use the relay (programs that send no Origin need only the token). */
export function RelayOrigins({ api, origins }: RelayOriginsProps) {
  const [draft, setDraft] = useState('');
  const action = useAction();

  const add = () => {
    const checked = checkOrigin(draft, origins);
    if (!checked.ok) return action.fail(checked.message);
    void action.run(
      () => api.setRelayOrigins([...origins, checked.origin]),
      () => {
        setDraft('');
        return null;
      },
    );
  };

  return (
    <section className="card relay-origins" aria-labelledby="relay-origins-heading">
      <h3 id="relay-origins-heading">Allowed web pages</h3>
      {origins.length > 0 ? (
        <ul className="origin-list" aria-labelledby="relay-origins-heading">
          {origins.map((origin) => (
            <li key={origin} className="row" data-origin={origin}>
              <code className="grow">{origin}</code>
              <ActionButton
                aria-label={`Remove ${origin}`}
                onClick={() => void action.run(() => api.setRelayOrigins(origins.filter((o) => o !== origin)))}
              >
                Remove
              </ActionButton>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">No web pages allowed yet.</p>
      )}
      <SubmitForm onSubmit={add}>
        <TextField
          id="relay-origin"
          label="Origin to allow"
          hideLabel
          placeholder="https://dashboard.example.com"
          value={draft}
          hint="Pages from these origins may open the relay’s streams in a browser. Programs need only the token."
          error={action.error}
          onChange={(value) => {
            setDraft(value);
            action.reset();
          }}
          after={
            <ActionButton type="submit" pending={action.pending}>
              Allow
            </ActionButton>
          }
        />
      </SubmitForm>
    </section>
  );
}
