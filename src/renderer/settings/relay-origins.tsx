import { useState } from 'react';
import type { SettingsApi } from '../../shared/ipc-contract';
import { MAX_RELAY_ORIGINS, checkRelayOrigin } from '../../shared/relay-rules';
import type { RelayView } from '../../shared/types';
import { settle } from '../bridge';

export interface RelayOriginsProps {
  api: SettingsApi;
  origins: readonly string[];
  onView: (view: RelayView) => void;
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
export function RelayOrigins({ api, origins, onView }: RelayOriginsProps) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);

  const save = async (next: string[]): Promise<boolean> => {
    const result = await settle(() => api.setRelayOrigins(next));
    if (!result.ok) {
      setError(result.error.message);
      return false;
    }
    onView(result.value);
    return true;
  };

  const add = async () => {
    const checked = checkOrigin(draft, origins);
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    setError(null);
    if (await save([...origins, checked.origin])) setDraft('');
  };

  return (
    <div className="relay-origins">
      <h3 id="relay-origins-heading">Allowed web pages</h3>
      <p className="hint" id="relay-origins-hint">
        Pages from these origins may open the relay’s streams in a browser. Programs need only the token.
      </p>
      {origins.length > 0 ? (
        <ul className="origin-list" aria-labelledby="relay-origins-heading">
          {origins.map((origin) => (
            <li key={origin} className="row" data-origin={origin}>
              <code className="grow">{origin}</code>
              <button
                type="button"
                aria-label={`Remove ${origin}`}
                onClick={() => {
                  setError(null);
                  void save(origins.filter((o) => o !== origin));
                }}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">No web pages allowed yet.</p>
      )}
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <label htmlFor="relay-origin" className="visually-hidden">
          Origin to allow
        </label>
        <input
          id="relay-origin"
          type="text"
          className="grow"
          spellCheck={false}
          autoComplete="off"
          placeholder="https://dashboard.example.com"
          value={draft}
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby={error ? 'relay-origin-error' : 'relay-origins-hint'}
          onChange={(event) => {
            setDraft(event.target.value);
            setError(null);
          }}
        />
        <button type="submit">Allow</button>
      </form>
      {error ? (
        <p className="field-error" id="relay-origin-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
