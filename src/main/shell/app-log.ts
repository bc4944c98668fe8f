/**
 * Main's log: errors, warnings and state changes, written to a rotating file in the user-data logs
 * folder (electron-log's file transport) and echoed to the console. Secrets are removed at the sink:
 * every message, whoever wrote it and whatever it holds (strings, errors, objects, URLs), passes
 * through `redact` before any transport sees it, so the API key and the relay token never reach the
 * file or the console.
 */
import { join } from 'node:path';
import { inspect } from 'node:util';
import electronLog from 'electron-log/node';

export interface AppLog {
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
  /** The folder holding the log files, or null when nothing is written to disk. */
  readonly folder: string | null;
  /** Where the secrets to remove come from (the key and the relay token; read at every message). */
  setSecrets(source: () => readonly (string | null | undefined)[]): void;
}

export const LOG_FILE_NAME = 'main.log';
/**
 * The file rotates past this size (to main.old.log, replacing the previous old one): with the current
 * file, about 5 MB are kept at most.
 */
export const LOG_FILE_MAX_BYTES = 2.5 * 1024 * 1024;
export const REDACTED = '[redacted]';
/** Shorter "secrets" are not secrets worth a search (and would blank out ordinary words). */
const MIN_SECRET_LENGTH = 6;

/** Credentials in URLs and headers, whatever their value: a key from before a change is caught too. */
const CREDENTIAL_PATTERNS: readonly RegExp[] = [
  /([?&#](?:token|api[_-]?key|apikey|key|access_token)=)[^&#\s"'<>]+/gi,
  /(x-finnhub-(?:token|secret)["']?\s*[:=]\s*["']?)[^\s"',;}]+/gi,
  /((?:authorization|bearer)["']?\s*[:=]?\s*["']?(?:bearer\s+)?)[A-Za-z0-9._~+/-]{12,}=*/gi,
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `text` without any of `secrets` and without credentials in URLs or headers. */
export function redact(text: string, secrets: readonly (string | null | undefined)[]): string {
  let out = text;
  const known = secrets
    .filter((secret): secret is string => typeof secret === 'string' && secret.trim().length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  for (const secret of known) {
    out = out.replace(new RegExp(escapeRegExp(secret), 'g'), REDACTED);
    // The same secret as it appears in a URL.
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) out = out.replace(new RegExp(escapeRegExp(encoded), 'g'), REDACTED);
  }
  for (const pattern of CREDENTIAL_PATTERNS) out = out.replace(pattern, `$1${REDACTED}`);
  return out;
}

/** One logged value as text: errors with their stack, objects inspected (a few levels deep). */
function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  return inspect(value, { depth: 4, breakLength: Infinity });
}

type Level = 'info' | 'warn' | 'error';

/** The log file's path in `folder`. */
function logFilePath(folder: string): string {
  return join(folder, LOG_FILE_NAME);
}

let nextLogId = 1;

export interface FileLogOptions {
  /** The logs folder (app.getPath('logs')). */
  folder: string;
  /** Echo to the console too (default true). */
  console?: boolean;
  maxBytes?: number;
}

/** The log written to `folder`/main.log, rotated past `maxBytes`. */
export function createFileLog(options: FileLogOptions): AppLog {
  const logger = electronLog.create({ logId: `ticker-main-${nextLogId++}` });
  let secrets: () => readonly (string | null | undefined)[] = () => [];
  let readingSecrets = false;
  const currentSecrets = (): readonly (string | null | undefined)[] => {
    // Reading the key may itself log (e.g. the keyring failed): never recurse, never lose the message.
    if (readingSecrets) return [];
    readingSecrets = true;
    try {
      return secrets();
    } catch {
      return [];
    } finally {
      readingSecrets = false;
    }
  };
  logger.hooks.push((message) => {
    const known = currentSecrets();
    return { ...message, data: message.data.map((value) => redact(describe(value), known)) };
  });
  const file = logger.transports.file;
  file.resolvePathFn = () => logFilePath(options.folder);
  file.maxSize = options.maxBytes ?? LOG_FILE_MAX_BYTES;
  file.level = 'info';
  logger.transports.console.level = options.console === false ? false : 'info';
  // Nothing is sent anywhere but the file and the console (a transport may be absent outside Electron).
  for (const name of ['ipc', 'remote'] as const) {
    const transport = logger.transports[name] as { level: unknown } | null | undefined;
    if (transport) transport.level = false;
  }
  const write = (level: Level, message: string, details: unknown[]): void => {
    try {
      logger[level](message, ...details);
    } catch {
      // A log that cannot be written (disk full, folder gone) must never take the app down.
    }
  };
  return {
    info: (message, ...details) => write('info', message, details),
    warn: (message, ...details) => write('warn', message, details),
    error: (message, ...details) => write('error', message, details),
    folder: options.folder,
    setSecrets: (source) => {
      secrets = source;
    },
  };
}

/**
 * A log that only prints (tests, and runs without a logs folder), warnings and errors only unless
 * `info` is set; secrets are removed here too.
 */
export function createConsoleLog(target: Pick<Console, Level> = console, options: { info?: boolean } = {}): AppLog {
  let secrets: () => readonly (string | null | undefined)[] = () => [];
  const write = (level: Level, message: string, details: unknown[]): void => {
    if (level === 'info' && !options.info) return;
    let known: readonly (string | null | undefined)[] = [];
    try {
      known = secrets();
    } catch {
      known = [];
    }
    target[level](...[message, ...details].map((value) => redact(describe(value), known)));
  };
  return {
    info: (message, ...details) => write('info', message, details),
    warn: (message, ...details) => write('warn', message, details),
    error: (message, ...details) => write('error', message, details),
    folder: null,
    setSecrets: (source) => {
      secrets = source;
    },
  };
}

/**
 * Send main's console.warn and console.error (every module's, the engine's included) to the log.
 * Returns the function that puts the console back.
 */
export function routeConsoleToLog(log: AppLog, target: Pick<Console, 'warn' | 'error'> = console): () => void {
  const original = { warn: target.warn, error: target.error };
  const join = (args: unknown[]): [string, ...unknown[]] => {
    const [first, ...rest] = args;
    return typeof first === 'string' ? [first, ...rest] : ['', ...args];
  };
  target.warn = (...args: unknown[]) => log.warn(...join(args));
  target.error = (...args: unknown[]) => log.error(...join(args));
  return () => {
    target.warn = original.warn;
    target.error = original.error;
  };
}
