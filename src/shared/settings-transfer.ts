/**
 * What the settings window asks for when it exports or imports settings, and what it gets back.
 * Main shows the file dialogs and reads or writes the file; the page only names the format and
 * never hands main a path.
 */

/** `json`: watch lists and preferences; `csv`: the symbols of every list, one a line. */
export const TRANSFER_FORMATS = ['json', 'csv'] as const;

export type TransferFormat = (typeof TRANSFER_FORMATS)[number];

export function isTransferFormat(value: unknown): value is TransferFormat {
  return typeof value === 'string' && (TRANSFER_FORMATS as readonly string[]).includes(value);
}

/** `fileName` is the chosen file's name only (shown to the user), never a path a page could reuse. */
export type ExportOutcome = { status: 'cancelled' } | { status: 'exported'; fileName: string; summary: string };

export type ImportOutcome =
  | { status: 'cancelled' }
  | { status: 'imported'; fileName: string; summary: string }
  /** Nothing was changed; every problem found, with its line or field. */
  | { status: 'refused'; fileName: string; problems: string[] };

/** At most this many problems are listed; the rest are counted in a last line. */
export const MAX_LISTED_PROBLEMS = 50;

/** Problems as listed to the user: the first MAX_LISTED_PROBLEMS, then "… and N more". */
export function listedProblems(problems: readonly string[]): string[] {
  if (problems.length <= MAX_LISTED_PROBLEMS) return [...problems];
  return [...problems.slice(0, MAX_LISTED_PROBLEMS), `… and ${problems.length - MAX_LISTED_PROBLEMS} more problems`];
}
