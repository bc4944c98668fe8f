import { useState } from 'react';
import { FINNHUB_REGISTER_URL } from '../../shared/finnhub-urls';
import type { SettingsApi } from '../../shared/ipc-contract';
import type { KeyInfo } from '../../shared/types';
import { settle } from '../bridge';
import { ActionButton } from './forms/action-button';
import { TextField } from './forms/inputs';
import { useAction } from './use-action';
import { SubmitForm } from './forms/submit-form';

const REGISTER_URL = FINNHUB_REGISTER_URL;

export interface KeySectionProps {
  api: SettingsApi;
  keyInfo: KeyInfo;
}

const PROTECTION_WORDS: Record<KeyInfo['protection'], string> = {
  encrypted: 'encrypted with your system’s keychain',
  obfuscated: 'obfuscated only',
  none: 'not protected',
};

function SavedKey({ api, keyInfo }: KeySectionProps) {
  const openRegisterPage = (): void => {
    void settle(() => api.openExternal(REGISTER_URL)); // eng-disable OPEN_EXTERNAL_JS_CHECK: a bridge call; main opens only the links it builds (src/shared/external-links.ts)
  };
  return (
    <>
      {keyInfo.hasKey ? (
        <p className="saved-key">
          Saved key <code data-testid="masked-key">{keyInfo.masked ?? '••••••••'}</code>,{' '}
          {PROTECTION_WORDS[keyInfo.protection]}.
        </p>
      ) : (
        <p className="hint">
          No key yet: Ticker shows a <strong>demo feed with simulated prices</strong>. A free Finnhub key gives you
          real-time trades.{' '}
          <ActionButton variant="link" onClick={openRegisterPage}>
            Get a free key at finnhub.io
          </ActionButton>
        </p>
      )}
      {keyInfo.hasKey && keyInfo.protection !== 'encrypted' ? (
        <p className="warning-note" role="note">
          This system cannot encrypt the key (no keychain is available), so it is only obfuscated on disk. Anyone who
          can read your user files can recover it.
        </p>
      ) : null}
    </>
  );
}

/** The Finnhub API key: masked entry, save, test, clear; the saved key only ever shown masked. */
export function KeySection({ api, keyInfo }: KeySectionProps) {
  const [draft, setDraft] = useState('');
  const saving = useAction();
  const testing = useAction();

  const save = (key: string) => {
    testing.reset();
    void saving.run(
      () => api.setApiKey(key),
      () => {
        setDraft('');
        return key
          ? 'Key saved. Ticker now connects with it: see the connection above.'
          : 'Key cleared. The demo feed is running.';
      },
    );
  };

  const runTest = () => {
    const typed = draft.trim();
    saving.reset();
    if (!typed && !keyInfo.hasKey) return testing.fail('Type a key to test, or save one first.');
    void testing.run(
      () => (typed ? api.testApiKey(typed) : api.testApiKey()),
      (answer) => (answer.ok ? '✓ The key works.' : `✗ ${answer.reason ?? 'Finnhub refused the key.'}`),
    );
  };

  const result = testing.error ? `✗ ${testing.error}` : (testing.message ?? saving.message);
  return (
    <section className="card" aria-labelledby="key-heading">
      <h3 id="key-heading">Finnhub API key</h3>
      <SavedKey api={api} keyInfo={keyInfo} />
      <SubmitForm
        onSubmit={() => {
          if (draft.trim()) save(draft.trim());
          else saving.fail('Type a key first.');
        }}
      >
        <TextField
          id="api-key"
          type="password"
          label={keyInfo.hasKey ? 'New API key' : 'API key'}
          hideLabel
          placeholder={keyInfo.hasKey ? 'Paste a new key to replace it' : 'Paste your Finnhub API key'}
          value={draft}
          error={saving.error}
          onChange={(value) => {
            setDraft(value);
            saving.reset();
          }}
          after={
            <>
              <ActionButton type="submit" variant="primary" pending={saving.pending}>
                Save
              </ActionButton>
              <ActionButton pending={testing.pending} disabled={saving.pending} onClick={runTest}>
                {testing.pending ? 'Testing…' : 'Test'}
              </ActionButton>
              {keyInfo.hasKey ? (
                <ActionButton variant="danger" disabled={saving.pending} onClick={() => save('')}>
                  Clear key
                </ActionButton>
              ) : null}
            </>
          }
        />
      </SubmitForm>
      <p className="field-result" role="status" aria-live="polite" data-testid="key-result">
        {result ? <span className={testing.error || result.startsWith('✗') ? 'bad' : 'ok'}>{result}</span> : null}
      </p>
    </section>
  );
}
