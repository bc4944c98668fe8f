/**
 * Export and import files on disk, for the settings window and the command line alike: the format
 * from the file name, an import file refused by its size before it is read, and an export written
 * atomically (a temporary file beside it, renamed over it) so a crash never leaves half a file.
 */
import * as nodeFs from 'node:fs';
import { extname } from 'node:path';
import type { TransferFormat } from '../../shared/settings-transfer';
import { readBoundedText, type BoundedFs } from '../files/bounded-read';
import { writeThroughTemporary } from '../files/atomic-write';
import { MAX_SETTINGS_FILE_BYTES } from './schema';
import { formatSettingsJson, parseSettingsJson, type TransferParse, type TransferSource } from './settings-transfer';
import { formatSymbolsCsv, parseSymbolsCsv } from './symbols-csv';

export type TransferFs = Pick<typeof nodeFs, 'writeFileSync' | 'renameSync' | 'unlinkSync'> & BoundedFs;

/** `.csv` files are symbols; anything else is read as a JSON export. */
export function transferFormatOf(path: string): TransferFormat {
  return extname(path).toLowerCase() === '.csv' ? 'csv' : 'json';
}

export function formatTransfer(source: TransferSource, format: TransferFormat, now: number): string {
  return format === 'csv' ? formatSymbolsCsv(source.lists) : formatSettingsJson(source, now);
}

export interface ParseTransferOptions {
  /** Where CSV lines without a list name go (the list shown on the strip). */
  defaultList: string;
  maxSymbols: number;
}

export function parseTransfer(text: string, format: TransferFormat, options: ParseTransferOptions): TransferParse {
  return format === 'csv' ? parseSymbolsCsv(text, options) : parseSettingsJson(text, options.maxSymbols);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** What an export of `source` holds, in words: "2 lists (11 symbols) and the preferences". */
export function describeExport(source: TransferSource, format: TransferFormat): string {
  const symbols = count(
    source.lists.reduce((sum, list) => sum + list.symbols.length, 0),
    'symbol',
  );
  const lists = count(source.lists.length, 'list');
  return format === 'csv' ? `${symbols} of ${lists}` : `${lists} (${symbols}) and the preferences`;
}

/**
 * Read an import file: only a regular file, and never more of it than the settings limit (an export
 * is never larger), checked while reading.
 */
export function readTransferFile(
  path: string,
  fs: BoundedFs = nodeFs,
): { ok: true; text: string } | { ok: false; problems: string[] } {
  const read = readBoundedText(path, MAX_SETTINGS_FILE_BYTES, fs);
  return read.ok ? read : { ok: false, problems: [read.problem] };
}

/** Write `text` to `path` through a temporary file in the same folder and a rename. */
export function writeFileAtomic(path: string, text: string, fs: TransferFs = nodeFs): void {
  writeThroughTemporary(path, text, fs);
}

export function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : 'unknown error';
}
