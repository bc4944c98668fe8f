/**
 * `npm run settings -- export|import FILE`: export or import watch lists and preferences (JSON) or
 * symbols (CSV, by the `.csv` extension or --format) against the settings file the app uses. The
 * same checks as the settings window: an import is all or nothing, with every problem listed. The
 * settings file is written atomically, never while Ticker runs on it, never when it came from a
 * newer Ticker, is read-only, or needs repairs the app makes (with its backup) on its next start.
 */
import * as nodeFs from 'node:fs';
import { dirname } from 'node:path';
import { isPlainDataObject } from '../shared/preference-rules';
import { isTransferFormat, type TransferFormat } from '../shared/settings-transfer';
import { DEFAULT_MAX_SYMBOLS } from '../shared/symbols';
import { applyTransfer } from '../engine/settings/apply-transfer';
import { newerSettingsReason } from '../engine/settings/newer-settings';
import { readOnlyReason, settingsFilePath } from '../engine/settings/open-store';
import { repairSettings } from '../engine/settings/repair-settings';
import { writeSettingsFile } from '../engine/settings/settings-file';
import { defaultSettings, MAX_SETTINGS_FILE_BYTES, type SavedSettings } from '../engine/settings/schema';
import {
  codeOf,
  describeExport,
  formatTransfer,
  parseTransfer,
  readTransferFile,
  transferFormatOf,
  writeFileAtomic,
} from '../engine/settings/transfer-file';
import { userDataDir } from '../engine/settings/user-data-dir';
import { readBoundedText } from '../engine/files/bounded-read';
import { cleanServerText } from '../shared/server-text';
import { runningAppPid } from './running-app';
import { readCommandLine, type CommandParse, type OptionSpecs } from './command-line';

/** The longest problem line printed. */
const MAX_PROBLEM_LINE_LENGTH = 400;

export const EXIT_OK = 0;
/** The import file was refused (every problem listed); nothing changed. */
export const EXIT_REFUSED = 1;
export { EXIT_BAD_ARGS } from './command-line';
/** The settings file could not be used (read, understood or written); nothing changed. */
export const EXIT_SETTINGS_FILE = 3;
/** Ticker is running on this settings file. */
export const EXIT_APP_RUNNING = 4;

export const SETTINGS_USAGE = `Usage: npm run -s settings -- export|import FILE [options]
       npm run -s settings -- --help | --version

  export FILE   write watch lists and preferences (FILE.json) or symbols (FILE.csv)
  import FILE   read such a file; nothing changes unless all of it is valid

Options:
  --format json|csv      the file's format (default: from its extension, .csv or JSON)
  --settings-file PATH   the settings file (default: the app's, e.g. ~/.config/Ticker/settings.json)
  --force                import even though Ticker seems to be running (it would overwrite the import)
  --allow-switch-on      let the import switch on the relay or launch at login (they open a port or
                         start a program); without it those stay as they are
  --help, --version      this text; the version

Quit Ticker before importing: the running app keeps its settings in memory and saves them over the file.
Exit codes: 0 done, 1 the file was refused, 2 bad arguments, 3 the settings file cannot be used,
4 Ticker is running.`;

export interface SettingsArgs {
  command: 'export' | 'import';
  file: string;
  format: TransferFormat | null;
  settingsFile: string | null;
  force: boolean;
  /** The import may switch on what opens a port or starts a program (SWITCH_ON_NEEDS_CONFIRMING). */
  allowSwitchOn: boolean;
}

const SETTINGS_OPTIONS = {
  format: { type: 'string' },
  'settings-file': { type: 'string' },
  force: { type: 'boolean' },
  'allow-switch-on': { type: 'boolean' },
} as const satisfies OptionSpecs;

export function parseSettingsArgs(argv: readonly string[]): CommandParse<SettingsArgs> {
  const line = readCommandLine(argv, SETTINGS_OPTIONS);
  if (line.kind !== 'run') return line;
  const { values, positionals } = line;
  let format: TransferFormat | null = null;
  if (values.format !== undefined) {
    if (!isTransferFormat(values.format))
      return { kind: 'error', reason: `--format must be json or csv, not ${values.format.slice(0, 20)}` };
    format = values.format;
  }
  const [command, file, ...rest] = positionals;
  if (command !== 'export' && command !== 'import')
    return { kind: 'error', reason: 'say export or import, then a file' };
  if (file === undefined || file === '') return { kind: 'error', reason: `${command} needs a file` };
  if (rest.length > 0) return { kind: 'error', reason: `unexpected ${rest[0]?.slice(0, 40)}` };
  return {
    kind: 'run',
    args: {
      command,
      file,
      format,
      settingsFile: values['settings-file'] ?? null,
      force: values.force === true,
      allowSwitchOn: values['allow-switch-on'] === true,
    },
  };
}

export interface SettingsCommandIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string;
  now(): number;
  /** The pid of a Ticker running on this user-data folder (default: its single-instance lock). */
  runningAppPid?(userDataDir: string): number | null;
}

type Loaded =
  | {
      ok: true;
      settings: SavedSettings;
      exists: boolean;
      problems: string[];
      /** Why the file is from a newer Ticker (exported as far as understood, never written), or null. */
      newer: string | null;
    }
  | { ok: false; reason: string };

/** The settings file as the app would read it, or why it cannot be used here. */
function loadSettings(path: string): Loaded {
  if (!nodeFs.existsSync(path))
    return { ok: true, settings: defaultSettings(), exists: false, problems: [], newer: null };
  let raw: unknown;
  const read = readBoundedText(path, MAX_SETTINGS_FILE_BYTES);
  if (!read.ok) return { ok: false, reason: `${read.problem}: start Ticker, which keeps a backup and repairs it` };
  try {
    raw = JSON.parse(read.text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      ok: false,
      reason: `${path} could not be read as settings (${codeOf(error)}): start Ticker, which keeps a backup and repairs it`,
    };
  }
  if (!isPlainDataObject(raw))
    return { ok: false, reason: `${path} does not hold settings: start Ticker, which keeps a backup and repairs it` };
  const repaired = repairSettings(raw);
  if (repaired === null) return { ok: false, reason: `${path} does not hold settings` };
  return {
    ok: true,
    settings: repaired.settings,
    exists: true,
    problems: repaired.problems,
    newer: newerSettingsReason(raw),
  };
}

export function runSettingsCommand(args: SettingsArgs, io: SettingsCommandIo): number {
  const settingsPath = args.settingsFile ?? defaultSettingsPath(io);
  const format = args.format ?? transferFormatOf(args.file);
  const loaded = loadSettings(settingsPath);
  if (!loaded.ok) {
    io.err(`settings: ${loaded.reason}`);
    return EXIT_SETTINGS_FILE;
  }
  const { settings } = loaded;
  const source = { lists: settings.lists, shownListId: settings.shownListId, preferences: settings.preferences };

  if (args.command === 'export') {
    if (!loaded.exists) io.err(`settings: no settings file at ${settingsPath}: exporting the defaults`);
    if (loaded.newer !== null) io.err(`settings: exporting what this version understands: ${loaded.newer}`);
    if (loaded.problems.length > 0)
      io.err(
        `settings: invalid values left out (${loaded.problems.join(', ')}); Ticker repairs them on its next start`,
      );
    try {
      writeFileAtomic(args.file, formatTransfer(source, format, io.now()));
    } catch (error) {
      io.err(`settings: could not write ${args.file} (${codeOf(error)})`);
      return EXIT_SETTINGS_FILE;
    }
    io.out(`Exported ${describeExport(source, format)} to ${args.file}`);
    return EXIT_OK;
  }

  const pid = (io.runningAppPid ?? runningAppPid)(dirname(settingsPath));
  if (pid !== null && !args.force) {
    io.err(
      `settings: Ticker is running (process ${pid}) on ${settingsPath}: quit it first, or it saves its own settings over the import (--force to import anyway)`,
    );
    return EXIT_APP_RUNNING;
  }
  if (loaded.newer !== null) {
    io.err(`settings: nothing imported: ${settingsPath} is never written by this version: ${loaded.newer}`);
    return EXIT_SETTINGS_FILE;
  }
  if (loaded.problems.length > 0) {
    io.err(
      `settings: ${settingsPath} has invalid values (${loaded.problems.join(', ')}): start Ticker once (it repairs them and keeps a backup), then import`,
    );
    return EXIT_SETTINGS_FILE;
  }
  const readOnly = loaded.exists ? readOnlyReason(settingsPath, nodeFs, io.platform) : null;
  if (readOnly !== null) {
    io.err(`settings: nothing imported: ${readOnly}`);
    return EXIT_SETTINGS_FILE;
  }
  const read = readTransferFile(args.file);
  const shownName =
    settings.lists.find((list) => list.id === settings.shownListId)?.name ??
    (settings.lists[0] as { name: string }).name;
  const parsed = read.ok
    ? parseTransfer(read.text, format, { defaultList: shownName, maxSymbols: DEFAULT_MAX_SYMBOLS })
    : read;
  const applied = parsed.ok
    ? applyTransfer(settings, parsed.data, DEFAULT_MAX_SYMBOLS, { allowSwitchOn: args.allowSwitchOn })
    : parsed;
  if (!applied.ok) {
    io.err(`settings: nothing imported: ${args.file} has ${applied.problems.length === 1 ? 'a problem' : 'problems'}:`);
    // Cleaned as server text is: nothing a file holds reaches the terminal as an escape or control byte.
    for (const problem of applied.problems) io.err(`  ${cleanServerText(problem, MAX_PROBLEM_LINE_LENGTH)}`);
    return EXIT_REFUSED;
  }
  try {
    nodeFs.mkdirSync(dirname(settingsPath), { recursive: true });
    // Kept private (the file holds the relay token and the key blob), its own mode kept, a symlink kept.
    writeSettingsFile(settingsPath, JSON.stringify(applied.settings, null, '\t'));
  } catch (error) {
    io.err(`settings: nothing imported: could not write ${settingsPath} (${codeOf(error)})`);
    return EXIT_SETTINGS_FILE;
  }
  io.out(`${applied.summary} (${settingsPath})`);
  for (const change of applied.changes) io.out(`  ${change}`);
  if (!args.allowSwitchOn && applied.switchOns.length > 0)
    io.out(`Not switched on: ${applied.switchOns.join('; ')}. Import again with --allow-switch-on to switch them on.`);
  return EXIT_OK;
}

/** The settings file the app uses, for messages and tests. */
function defaultSettingsPath(io: Pick<SettingsCommandIo, 'platform' | 'env' | 'home'>): string {
  return settingsFilePath(userDataDir(io.platform, io.env, io.home));
}
