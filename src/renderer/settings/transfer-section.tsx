import { useState } from 'react';
import type { SettingsApi } from '../../shared/ipc-contract';
import type { ImportOutcome, TransferFormat } from '../../shared/settings-transfer';
import { ActionButton } from './forms/action-button';
import { FieldError } from './forms/field';
import { useAction } from './use-action';

export interface TransferSectionProps {
  api: SettingsApi;
}

type Refused = Extract<ImportOutcome, { status: 'refused' }>;

/**
 * Import and export: main shows the file dialogs and reads or writes the file; this section only
 * asks, then shows what happened (every problem of a refused import, nothing changed).
 */
export function TransferSection({ api }: TransferSectionProps) {
  const action = useAction();
  const [refused, setRefused] = useState<Refused | null>(null);

  const exportAs = (format: TransferFormat) => {
    setRefused(null);
    void action.run(
      () => api.exportSettings(format),
      (outcome) => (outcome.status === 'cancelled' ? false : `${outcome.summary} Saved as ${outcome.fileName}.`),
    );
  };

  const importFile = () => {
    setRefused(null);
    void action.run(
      () => api.importSettings(),
      (outcome) => {
        if (outcome.status === 'cancelled') return false;
        if (outcome.status === 'refused') {
          setRefused(outcome);
          return false;
        }
        return `${outcome.summary} (from ${outcome.fileName})`;
      },
    );
  };

  return (
    <section className="card" aria-labelledby="transfer-heading">
      <h3 id="transfer-heading">Settings file</h3>
      <p className="hint">
        Watch lists and preferences as a JSON file, or the symbols of every list as CSV (one symbol a line, with its
        list&rsquo;s name). Your API key and the relay token are never in the file. An import replaces the symbols of
        lists with the same name and adds the others; nothing changes unless the whole file is valid.
      </p>
      <div className="row wrap">
        <ActionButton disabled={action.pending} onClick={() => exportAs('json')}>
          Export lists and preferences…
        </ActionButton>
        <ActionButton disabled={action.pending} onClick={() => exportAs('csv')}>
          Export symbols as CSV…
        </ActionButton>
        <ActionButton disabled={action.pending} onClick={importFile}>
          Import…
        </ActionButton>
      </div>
      <div className="transfer-result" role="status" aria-live="polite">
        {action.message ? <span className="ok">✓ {action.message}</span> : null}
      </div>
      <FieldError id="transfer-error" message={action.error} />
      {refused ? (
        <div className="field-error transfer-problems" role="alert" data-testid="import-problems">
          <p>
            Nothing was imported: {refused.fileName} has {refused.problems.length === 1 ? 'a problem' : 'problems'}.
          </p>
          <ul>
            {refused.problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
