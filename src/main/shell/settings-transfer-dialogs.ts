/**
 * Export… and Import… in the settings window (lists and preferences, symbols, and the portfolio's
 * lots): main shows the native save or open dialog (over the
 * settings window), then writes or reads the file the user picked. The page names only the format;
 * it never sees or hands over a path, so it cannot make main write anywhere the user did not choose.
 */
import { basename, join } from 'node:path';
import type {
  BrowserWindow,
  Dialog,
  FileFilter,
  MessageBoxOptions,
  OpenDialogOptions,
  SaveDialogOptions,
} from 'electron';
import { TickerError, type InvokeHandlers } from '../../shared/ipc-contract';
import { formatHoldingsCsv } from '../../shared/portfolio/holdings-csv';
import type { ExportOutcome, ImportOutcome, TransferFormat } from '../../shared/settings-transfer';
import type { PortfolioSettings } from '../../engine/settings/portfolio-settings';
import type { TransferSettings } from '../../engine/settings/transfer-settings';
import {
  codeOf,
  describeExport,
  formatTransfer,
  parseTransfer,
  readTransferFile,
  transferFormatOf,
  writeFileAtomic,
  type TransferFs,
} from '../../engine/settings/transfer-file';

export interface SettingsTransferDeps {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog' | 'showMessageBox'>;
  /** The window the dialogs belong to (the settings window), when open. */
  parentWindow(): BrowserWindow | null;
  settings: {
    transfer: Pick<TransferSettings, 'source' | 'preview' | 'apply'>;
    portfolio: Pick<PortfolioSettings, 'holdings'>;
    maxSymbols: number;
  };
  /** Where the save dialog starts (the user's documents folder). */
  documentsDir(): string;
  now(): number;
  fs?: TransferFs;
}

const FILTERS: Record<TransferFormat, FileFilter> = {
  json: { name: 'Ticker settings (JSON)', extensions: ['json'] },
  csv: { name: 'Symbols (CSV)', extensions: ['csv'] },
};

const DEFAULT_NAMES: Record<TransferFormat, string> = { json: 'ticker-settings.json', csv: 'ticker-symbols.csv' };

const HOLDINGS_FILTER: FileFilter = { name: 'Portfolio lots (CSV)', extensions: ['csv'] };
const HOLDINGS_DEFAULT_NAME = 'ticker-holdings.csv';

export type SettingsTransferHandlers = Pick<InvokeHandlers, 'exportSettings' | 'importSettings' | 'exportHoldings'>;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "3 lots of 2 symbols". */
function describeHoldingsExport(lots: readonly { symbol: string }[]): string {
  return `${plural(lots.length, 'lot')} of ${plural(new Set(lots.map((lot) => lot.symbol)).size, 'symbol')}`;
}

/** Write the file the user picked; a failure names the file and the system's reason. */
function writeChosen(path: string, text: string, fs: TransferFs | undefined): void {
  try {
    writeFileAtomic(path, text, fs);
  } catch (error) {
    throw new TickerError('internal', `Could not write ${basename(path)} (${codeOf(error)}).`);
  }
}

export function settingsTransferHandlers(deps: SettingsTransferDeps): SettingsTransferHandlers {
  const showSave = (options: SaveDialogOptions) => {
    const parent = deps.parentWindow();
    return parent ? deps.dialog.showSaveDialog(parent, options) : deps.dialog.showSaveDialog(options);
  };
  const showMessage = (options: MessageBoxOptions) => {
    const parent = deps.parentWindow();
    return parent ? deps.dialog.showMessageBox(parent, options) : deps.dialog.showMessageBox(options);
  };
  const showOpen = (options: OpenDialogOptions) => {
    const parent = deps.parentWindow();
    return parent ? deps.dialog.showOpenDialog(parent, options) : deps.dialog.showOpenDialog(options);
  };

  return {
    exportSettings: async (format): Promise<ExportOutcome> => {
      const chosen = await showSave({
        title: format === 'csv' ? 'Export symbols' : 'Export watch lists and preferences',
        defaultPath: join(deps.documentsDir(), DEFAULT_NAMES[format]),
        filters: [FILTERS[format]],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (chosen.canceled || !chosen.filePath) return { status: 'cancelled' };
      const source = deps.settings.transfer.source();
      writeChosen(chosen.filePath, formatTransfer(source, format, deps.now()), deps.fs);
      return {
        status: 'exported',
        fileName: basename(chosen.filePath),
        summary: `Exported ${describeExport(source, format)}.`,
      };
    },

    importSettings: async (): Promise<ImportOutcome> => {
      const chosen = await showOpen({
        title: 'Import watch lists and preferences, or symbols',
        filters: [{ name: 'Ticker settings or symbols', extensions: ['json', 'csv'] }, FILTERS.json, FILTERS.csv],
        properties: ['openFile'],
      });
      const path = chosen.canceled ? undefined : chosen.filePaths[0];
      if (path === undefined) return { status: 'cancelled' };
      const fileName = basename(path);
      const read = readTransferFile(path, deps.fs);
      if (!read.ok) return { status: 'refused', fileName, problems: read.problems };
      const source = deps.settings.transfer.source();
      const shown = source.lists.find((list) => list.id === source.shownListId) ?? source.lists[0];
      const parsed = parseTransfer(read.text, transferFormatOf(path), {
        defaultList: shown?.name ?? '',
        maxSymbols: deps.settings.maxSymbols,
      });
      if (!parsed.ok) return { status: 'refused', fileName, problems: parsed.problems };
      // The preview: every change, old → new, a new chart-link site first; nothing that opens a
      // port or starts a program is switched on unless the user ticks the box for it.
      const preview = deps.settings.transfer.preview(parsed.data);
      if (!preview.ok) return { status: 'refused', fileName, problems: preview.problems };
      const answer = await showMessage({
        type: preview.chartHost !== null || preview.switchOns.length > 0 ? 'warning' : 'question',
        title: 'Import settings',
        message: `Import ${fileName}?`,
        detail: preview.changes.length > 0 ? preview.changes.join('\n') : 'Nothing would change.',
        buttons: ['Import', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
        ...(preview.switchOns.length > 0
          ? { checkboxLabel: `Also switch on ${preview.switchOns.join(' and ')}`, checkboxChecked: false }
          : {}),
      });
      if (answer.response !== 0) return { status: 'cancelled' };
      const applied = deps.settings.transfer.apply(parsed.data, { allowSwitchOn: answer.checkboxChecked === true });
      if (!applied.ok) return { status: 'refused', fileName, problems: applied.problems };
      return { status: 'imported', fileName, summary: applied.summary };
    },

    exportHoldings: async (): Promise<ExportOutcome> => {
      const chosen = await showSave({
        title: 'Export portfolio lots',
        defaultPath: join(deps.documentsDir(), HOLDINGS_DEFAULT_NAME),
        filters: [HOLDINGS_FILTER],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (chosen.canceled || !chosen.filePath) return { status: 'cancelled' };
      // Read after the dialog: the lots saved when the user confirms are the ones written.
      const { lots } = deps.settings.portfolio.holdings();
      writeChosen(chosen.filePath, formatHoldingsCsv(lots), deps.fs);
      return {
        status: 'exported',
        fileName: basename(chosen.filePath),
        summary: `Exported ${describeHoldingsExport(lots)}.`,
      };
    },
  };
}
