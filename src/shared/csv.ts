/**
 * CSV as RFC 4180 has it (comma separated, double quotes, CRLF or LF line ends), for every file
 * Ticker imports or exports as CSV. Rows keep the line they start on, so import problems can name
 * it. Every cell is guarded against spreadsheet formulas on export (a leading `'` before
 * = + - @, plain numbers such as -5 excepted) and unguarded on import, here and nowhere else, so
 * a file round-trips unchanged. Pure: every process may use it.
 */

export interface CsvRow {
  fields: string[];
  /** 1-based line the row starts on. */
  line: number;
}

/**
 * Split CSV text into rows (blank lines skipped), each field with csvField's formula guard taken
 * off; null when a quote is left open. A BOM is ignored.
 */
export function parseCsvRows(input: string): CsvRow[] | null {
  const text = input.replace(/^\uFEFF/, '');
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = (): void => {
    fields.push(field);
    fields = fields.map(unguardCsvField);
    if (!(fields.length === 1 && (fields[0] as string).trim() === '')) rows.push({ fields, line: rowLine });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
      line += 1;
      rowLine = line;
    } else field += char;
  }
  if (quoted) return null;
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}

/** A plain decimal number (which a spreadsheet reads as a number, never a formula). */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** A cell for a CSV line: formula-guarded, quoted when it holds a comma, quote, line end or edge space. */
export function csvField(value: string): string {
  const guarded = /^'*[=+\-@]/.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) || guarded !== guarded.trim() ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** Undo csvField's formula guard on a parsed field. */
function unguardCsvField(value: string): string {
  return /^'+[=+\-@]/.test(value) ? value.slice(1) : value;
}

/** One CSV line of cells, every cell through csvField. */
export function csvRow(cells: readonly (string | number)[]): string {
  return cells.map((cell) => csvField(String(cell))).join(',');
}

/** Lines joined with CRLF (as RFC 4180 has them), ending with one. */
export function csvLines(lines: readonly string[]): string {
  return `${lines.join('\r\n')}\r\n`;
}
