/**
 * Watch-list symbols as CSV: one symbol a line, with an optional second column naming its list
 * (`symbol,list`; the header line is optional on import). A line without a list name belongs to
 * the list shown on the strip. Import checks every line with the symbol and list-name rules and
 * lists every problem by its line; nothing is imported unless all lines are valid.
 */
import { csvLines, csvRow, parseCsvRows } from '../../shared/csv';
import { listedProblems } from '../../shared/settings-transfer';
import { normalizeSymbol, SYMBOL_RULE_TEXT } from '../../shared/symbols';
import {
  cleanListName,
  listNameProblem,
  MAX_WATCH_LISTS,
  sameListName,
  type WatchList,
} from '../../shared/watch-lists';
import { MAX_SETTINGS_FILE_BYTES } from './schema';
import { quoted, type TransferList, type TransferParse } from './settings-transfer';

const SYMBOLS_CSV_HEADER = 'symbol,list';

/** Every list's symbols, in list order then symbol order, with the list's name. */
export function formatSymbolsCsv(lists: readonly Pick<WatchList, 'name' | 'symbols'>[]): string {
  const lines = [SYMBOLS_CSV_HEADER];
  for (const list of lists) {
    for (const symbol of list.symbols) lines.push(csvRow([symbol, list.name]));
  }
  return csvLines(lines);
}

function isHeader(fields: readonly string[]): boolean {
  const names = fields.map((field) => field.trim().toLowerCase());
  return names[0] === 'symbol' && (names.length === 1 || (names.length === 2 && names[1] === 'list'));
}

export interface SymbolsCsvOptions {
  /** The list a line without a list name goes to (the list shown on the strip). */
  defaultList: string;
  maxSymbols: number;
}

/** Parse and check a symbols CSV. The result's lists replace the same-named lists on import. */
export function parseSymbolsCsv(text: string, options: SymbolsCsvOptions): TransferParse {
  if (text.length > MAX_SETTINGS_FILE_BYTES)
    return { ok: false, problems: [`the file is larger than ${MAX_SETTINGS_FILE_BYTES / 1024} KiB`] };
  const rows = parseCsvRows(text);
  if (rows === null) return { ok: false, problems: ['a quoted field is never closed'] };
  if (rows.length > 0 && isHeader((rows[0] as { fields: string[] }).fields)) rows.shift();
  if (rows.length === 0) return { ok: false, problems: ['the file has no symbols'] };

  const problems: string[] = [];
  const lists: (TransferList & { lines: number[] })[] = [];
  for (const { fields, line } of rows) {
    if (fields.length > 2) {
      problems.push(`line ${line}: ${fields.length} columns; expected a symbol and an optional list name`);
      continue;
    }
    const [rawSymbol, rawList = ''] = fields as [string, string?];
    const listText = rawList.trim();
    const listName = cleanListName(listText === '' ? options.defaultList : listText);
    const nameProblem = listNameProblem(listName);
    if (nameProblem !== null) problems.push(`line ${line}: list ${quoted(listText)}: ${nameProblem}`);
    const symbol = normalizeSymbol(rawSymbol);
    if (symbol === null)
      problems.push(`line ${line}: ${quoted(rawSymbol)} is not a valid symbol (${SYMBOL_RULE_TEXT})`);
    if (symbol === null || nameProblem !== null) continue;
    let list = lists.find((candidate) => sameListName(candidate.name, listName));
    if (!list) {
      list = { name: listName, symbols: [], lines: [] };
      lists.push(list);
    }
    const earlier = list.symbols.indexOf(symbol);
    if (earlier >= 0) {
      problems.push(`line ${line}: ${symbol} is already in "${list.name}" (line ${list.lines[earlier]})`);
      continue;
    }
    list.symbols.push(symbol);
    list.lines.push(line);
  }
  for (const list of lists) {
    if (list.symbols.length > options.maxSymbols) {
      problems.push(
        `"${list.name}": ${list.symbols.length} symbols (from line ${list.lines[options.maxSymbols]} on); a list holds at most ${options.maxSymbols}`,
      );
    }
  }
  if (lists.length > MAX_WATCH_LISTS)
    problems.push(`the file names ${lists.length} lists; Ticker keeps at most ${MAX_WATCH_LISTS}`);
  if (problems.length > 0) return { ok: false, problems: listedProblems(problems) };
  return {
    ok: true,
    data: { lists: lists.map(({ name, symbols }) => ({ name, symbols })), shownList: null, preferences: {} },
  };
}
