/**
 * The lots as CSV: import a file (read in the page, checked whole by the shared CSV rule, all or
 * nothing) and export (main shows the save dialog and writes the file).
 */
import { useState } from 'react';
import type { SettingsApi } from '../../shared/ipc-contract';
import { MAX_HOLDINGS_CSV_BYTES, parseHoldingsCsv } from '../../shared/portfolio/holdings-csv';
import { ActionButton } from './forms/action-button';
import { FileField } from './forms/file-field';
import { useAction } from './use-action';

export function HoldingsTransfer({ api, hasLots }: { api: SettingsApi; hasLots: boolean }) {
  const [problems, setProblems] = useState<string[]>([]);
  const importing = useAction();
  const exporting = useAction();

  const importFile = async (file: File) => {
    setProblems([]);
    importing.reset();
    if (file.size > MAX_HOLDINGS_CSV_BYTES)
      return setProblems([`the file is larger than ${MAX_HOLDINGS_CSV_BYTES / 1024} KiB`]);
    const parsed = parseHoldingsCsv(await file.text());
    if (!parsed.ok) return setProblems(parsed.problems);
    const count = parsed.lots.length;
    const result = await importing.run(
      () => api.replaceLots(parsed.lots),
      () => `Imported ${count} lot${count === 1 ? '' : 's'} from ${file.name}; they replace the previous ones.`,
    );
    if (!result.ok) setProblems([result.error.message]);
  };

  return (
    <section className="card portfolio-csv" aria-labelledby="holdings-csv-heading">
      <h3 id="holdings-csv-heading">CSV</h3>
      <FileField
        id="portfolio-import"
        label="Import lots from CSV (replaces all)"
        action="Choose a CSV file…"
        accept=".csv,text/csv"
        pending={importing.pending}
        hint="Columns: symbol,quantity,price,date,note. A file with any problem is refused whole."
        onFile={(file) => void importFile(file)}
      />
      {problems.length > 0 ? (
        <ul className="field-error import-problems" role="alert" id="portfolio-import-error">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      {importing.message ? <p className="hint">{importing.message}</p> : null}
      <div className="row">
        <ActionButton
          disabled={!hasLots}
          pending={exporting.pending}
          onClick={() =>
            void exporting.run(
              () => api.exportHoldings(),
              (outcome) =>
                outcome.status === 'cancelled' ? false : `${outcome.summary} Saved as ${outcome.fileName}.`,
            )
          }
        >
          Export lots as CSV…
        </ActionButton>
      </div>
      <div className="transfer-result holdings-export-result" role="status" aria-live="polite">
        {exporting.message ? <span className="ok">✓ {exporting.message}</span> : null}
      </div>
      {exporting.error ? (
        <p className="field-error" role="alert">
          {exporting.error}
        </p>
      ) : null}
    </section>
  );
}
