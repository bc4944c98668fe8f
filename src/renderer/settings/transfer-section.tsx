import { useState } from 'react';
import type { SettingsApi } from '../../shared/ipc-contract';
import type { TransferFormat } from '../../shared/settings-transfer';
import { settle } from '../bridge';

export interface TransferSectionProps {
  api: SettingsApi;
}

type TransferState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; message: string }
  | { kind: 'refused'; fileName: string; problems: string[] }
  | { kind: 'failed'; message: string };

/**
 * Import and export: main shows the file dialogs and reads or writes the file; this section only
 * asks, then shows what happened (every problem of a refused import, nothing changed).
 */
export function TransferSection({ api }: TransferSectionProps) {
  const [state, setState] = useState<TransferState>({ kind: 'idle' });
  const busy = state.kind === 'busy';

  const exportAs = async (format: TransferFormat) => {
    setState({ kind: 'busy' });
    const result = await settle(() => api.exportSettings(format));
    if (!result.ok) setState({ kind: 'failed', message: result.error.message });
    else if (result.value.status === 'cancelled') setState({ kind: 'idle' });
    else setState({ kind: 'done', message: `${result.value.summary} Saved as ${result.value.fileName}.` });
  };

  const importFile = async () => {
    setState({ kind: 'busy' });
    const result = await settle(() => api.importSettings());
    if (!result.ok) setState({ kind: 'failed', message: result.error.message });
    else if (result.value.status === 'cancelled') setState({ kind: 'idle' });
    else if (result.value.status === 'refused')
      setState({ kind: 'refused', fileName: result.value.fileName, problems: result.value.problems });
    else setState({ kind: 'done', message: `${result.value.summary} (from ${result.value.fileName})` });
  };

  return (
    <section className="card" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">Import and export</h2>
      <p className="hint">
        Watch lists and preferences as a JSON file, or the symbols of every list as CSV (one symbol a line, with its
        list&rsquo;s name). Your API key and the relay token are never in the file. An import replaces the symbols of
        lists with the same name and adds the others; nothing changes unless the whole file is valid.
      </p>
      <div className="row">
        <button type="button" disabled={busy} onClick={() => void exportAs('json')}>
          Export lists and preferences…
        </button>
        <button type="button" disabled={busy} onClick={() => void exportAs('csv')}>
          Export symbols as CSV…
        </button>
        <button type="button" disabled={busy} onClick={() => void importFile()}>
          Import…
        </button>
      </div>
      <div className="transfer-result" role="status" aria-live="polite">
        {state.kind === 'done' ? <span className="ok">✓ {state.message}</span> : null}
      </div>
      {state.kind === 'failed' ? (
        <p className="field-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {state.kind === 'refused' ? (
        <div className="field-error transfer-problems" role="alert" data-testid="import-problems">
          <p>
            Nothing was imported: {state.fileName} has {state.problems.length === 1 ? 'a problem' : 'problems'}.
          </p>
          <ul>
            {state.problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
