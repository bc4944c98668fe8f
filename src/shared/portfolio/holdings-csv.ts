/**
 * Holdings as CSV, `symbol,quantity,price,date,note` with a header row (RFC 4180, through the
 * shared `csv.ts`). Import is all-or-nothing: the whole file is checked first and every problem is
 * listed with its line.
 * Every cell is guarded against spreadsheet formulas by `csv.ts`, so a file round-trips unchanged.
 */
import { csvLines, csvRow, parseCsvRows } from '../csv';
import { checkLotDraft, HOLDING_LIMITS, LOT_FIELDS, type LotDraft } from './holdings';

const HOLDINGS_CSV_HEADER = LOT_FIELDS.join(',');

/** A file larger than this is refused before it is read (500 lots fit in far less). */
export const MAX_HOLDINGS_CSV_BYTES = 256 * 1024;

/** At most this many problems are listed; the rest are counted. */
const MAX_LISTED_PROBLEMS = 20;

export type CsvImport = { ok: true; lots: LotDraft[] } | { ok: false; problems: string[] };

export function parseHoldingsCsv(text: string): CsvImport {
  if (text.length > MAX_HOLDINGS_CSV_BYTES)
    return { ok: false, problems: [`the file is larger than ${MAX_HOLDINGS_CSV_BYTES / 1024} KiB`] };
  const rows = parseCsvRows(text);
  if (rows === null) return { ok: false, problems: ['a quoted field is never closed'] };
  const header = rows.shift();
  if (header === undefined)
    return { ok: false, problems: [`the file is empty; the first line must be ${HOLDINGS_CSV_HEADER}`] };
  const names = header.fields.map((name) => name.trim().toLowerCase());
  if (names.join(',') !== HOLDINGS_CSV_HEADER) {
    return {
      ok: false,
      problems: [
        `line ${header.line}: the header must be ${HOLDINGS_CSV_HEADER}, got ${header.fields.join(',').slice(0, 80)}`,
      ],
    };
  }
  const problems: string[] = [];
  const lots: LotDraft[] = [];
  if (rows.length > HOLDING_LIMITS.maxLots)
    problems.push(`the file has ${rows.length} lots; at most ${HOLDING_LIMITS.maxLots}`);
  for (const row of rows.slice(0, HOLDING_LIMITS.maxLots)) {
    if (row.fields.length !== LOT_FIELDS.length) {
      problems.push(
        `line ${row.line}: ${row.fields.length} fields, expected ${LOT_FIELDS.length} (${HOLDINGS_CSV_HEADER})`,
      );
      continue;
    }
    const [symbol, quantity, price, date, note] = row.fields as [string, string, string, string, string];
    const checked = checkLotDraft({ symbol, quantity, price, date, note });
    if (checked.ok) lots.push(checked.value);
    else for (const problem of Object.values(checked.problems)) problems.push(`line ${row.line}: ${problem}`);
  }
  if (problems.length > MAX_LISTED_PROBLEMS) {
    const more = problems.length - MAX_LISTED_PROBLEMS;
    problems.splice(MAX_LISTED_PROBLEMS, more, `and ${more} more problems`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, lots };
}

/** The lots as a CSV file (header, one line per lot, CRLF line ends as RFC 4180 has them). */
export function formatHoldingsCsv(lots: readonly LotDraft[]): string {
  const lines = [HOLDINGS_CSV_HEADER];
  for (const lot of lots) {
    lines.push(csvRow([lot.symbol, lot.quantity, lot.price, lot.date, lot.note]));
  }
  return csvLines(lines);
}
