import { FINNHUB_REGISTER_URL } from '../../shared/finnhub-urls';
import { useState } from 'react';
import type { SettingsApi } from '../../shared/ipc-contract';
import type { KeyInfo } from '../../shared/types';
import { settle } from '../bridge';

const REGISTER_URL = FINNHUB_REGISTER_URL;

export interface KeySectionProps {
  api: SettingsApi;
  keyInfo: KeyInfo;
  onKeyInfo: (info: KeyInfo) => void;
}

type TestState = { kind: 'idle' } | { kind: 'testing' } | { kind: 'ok' } | { kind: 'failed'; reason: string };

const PROTECTION_WORDS: Record<KeyInfo['protection'], string> = {
  encrypted: 'encrypted with your system’s keychain',
  obfuscated: 'obfuscated only',
  none: 'not protected',
};

/** The Finnhub API key: masked entry, save, test, clear; the saved key only ever shown masked. */
export function KeySection({ api, keyInfo, onKeyInfo }: KeySectionProps) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [test, setTest] = useState<TestState>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const openRegisterPage = (): void => {
    void settle(() => api.openExternal(REGISTER_URL)); // eng-disable OPEN_EXTERNAL_JS_CHECK: a bridge call; main opens only the links it builds (src/shared/external-links.ts)
  };

  const save = async (key: string) => {
    setBusy(true);
    setError(null);
    setSaved(null);
    const result = await settle(() => api.setApiKey(key));
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    onKeyInfo(result.value);
    setDraft('');
    setTest({ kind: 'idle' });
    setSaved(
      key ? 'Key saved. Ticker now connects with it: see Connection below.' : 'Key cleared. The demo feed is running.',
    );
  };

  const runTest = async () => {
    const typed = draft.trim();
    if (!typed && !keyInfo.hasKey) {
      setTest({ kind: 'failed', reason: 'Type a key to test, or save one first.' });
      return;
    }
    setTest({ kind: 'testing' });
    const result = await settle(() => (typed ? api.testApiKey(typed) : api.testApiKey()));
    if (!result.ok) setTest({ kind: 'failed', reason: result.error.message });
    else if (result.value.ok) setTest({ kind: 'ok' });
    else setTest({ kind: 'failed', reason: result.value.reason ?? 'Finnhub refused the key.' });
  };

  return (
    <section className="card" aria-labelledby="key-heading">
      <h2 id="key-heading">Finnhub API key</h2>
      {keyInfo.hasKey ? (
        <p className="saved-key" id="key-saved">
          Saved key <code data-testid="masked-key">{keyInfo.masked ?? '••••••••'}</code>,{' '}
          {PROTECTION_WORDS[keyInfo.protection]}.
        </p>
      ) : (
        <p className="hint" id="key-saved">
          No key yet: Ticker shows a <strong>demo feed with simulated prices</strong>. A free Finnhub key gives you
          real-time trades.{' '}
          <button type="button" className="link-button" onClick={openRegisterPage}>
            Get a free key at finnhub.io
          </button>
        </p>
      )}
      {keyInfo.hasKey && keyInfo.protection !== 'encrypted' ? (
        <p className="warning-note" role="note">
          This system cannot encrypt the key (no keychain is available), so it is only obfuscated on disk. Anyone who
          can read your user files can recover it.
        </p>
      ) : null}
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          if (draft.trim()) void save(draft.trim());
          else setError('Type a key first.');
        }}
      >
        <label htmlFor="api-key" className="visually-hidden">
          {keyInfo.hasKey ? 'New API key' : 'API key'}
        </label>
        <input
          id="api-key"
          type="password"
          className="grow"
          autoComplete="off"
          spellCheck={false}
          placeholder={keyInfo.hasKey ? 'Paste a new key to replace it' : 'Paste your Finnhub API key'}
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby={`key-saved${error ? ' key-error' : ''}`}
          onChange={(event) => {
            setDraft(event.target.value);
            setError(null);
          }}
        />
        <button type="submit" className="primary" disabled={busy}>
          Save
        </button>
        <button type="button" disabled={busy || test.kind === 'testing'} onClick={() => void runTest()}>
          {test.kind === 'testing' ? 'Testing…' : 'Test'}
        </button>
        {keyInfo.hasKey ? (
          <button type="button" className="danger" disabled={busy} onClick={() => void save('')}>
            Clear key
          </button>
        ) : null}
      </form>
      {error ? (
        <p className="field-error" id="key-error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="field-result" role="status" aria-live="polite">
        {test.kind === 'ok' ? <span className="ok">✓ The key works.</span> : null}
        {test.kind === 'failed' ? <span className="bad">✗ {test.reason}</span> : null}
        {saved && test.kind === 'idle' ? <span>{saved}</span> : null}
      </p>
    </section>
  );
}
