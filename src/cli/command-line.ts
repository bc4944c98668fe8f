/**
 * The one command-line reader of the headless commands (`feed`, `market`, `settings`), on
 * `node:util` parseArgs: the same options `--help`, `--version` and (for the commands that print
 * data) `--json`, and the same one-line reasons for an unknown option or a missing value, in every
 * command. A command declares its options in parseArgs' own format and checks their values itself
 * (ranges, symbols, URLs), so its domain messages stay its own. Pure: no process access.
 */
import { parseArgs } from 'node:util';
import { CONTROL_CHARACTERS } from '../shared/text-limits';
import { normalizeSymbol } from '../shared/symbols';

/** Exit code of every command for an unknown option or a bad value. */
export const EXIT_BAD_ARGS = 2;

interface OptionSpec {
  type: 'string' | 'boolean';
  /** May be given more than once (values collected in order). */
  multiple?: boolean;
  short?: string;
}
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** Every command takes these; `--help` and `--version` win over anything else on the line. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const satisfies OptionSpecs;

/** The commands that print data take `--json` (NDJSON even on a terminal). */
export const OUTPUT_OPTIONS = {
  json: { type: 'boolean' },
} as const satisfies OptionSpecs;

type ValueOf<S extends OptionSpec> = S['type'] extends 'string'
  ? S['multiple'] extends true
    ? string[]
    : string
  : boolean;
/** The options given, each typed as its spec says; an option not given is absent. */
export type OptionValues<S extends OptionSpecs> = { -readonly [K in keyof S]?: ValueOf<S[K]> };

/** What a command line asks for, before the command checks the values. */
export type CommandLine<S extends OptionSpecs> =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'run'; values: OptionValues<S>; positionals: string[] }
  | { kind: 'error'; reason: string };

/** What a command makes of its arguments: the same shape for all three. */
export type CommandParse<A> =
  { kind: 'help' } | { kind: 'version' } | { kind: 'run'; args: A } | { kind: 'error'; reason: string };

/** A piece of user input as it appears in a one-line reason: quoted, clipped, no control characters. */
export function quoted(raw: string, max = 60): string {
  const clean = raw.replace(CONTROL_CHARACTERS, '?');
  return `"${clean.length > max ? `${clean.slice(0, max)}…` : clean}"`;
}

/**
 * The symbols of a `--symbols` value (comma-separated; empty parts skipped), normalized and without
 * repeats, or the reason it is refused. `echoLimit` caps how much of an invalid symbol the reason shows.
 */
export function parseSymbolsOption(raw: string, echoLimit?: number): string[] | string {
  const symbols: string[] = [];
  for (const part of raw.split(',')) {
    if (part.trim() === '') continue;
    const symbol = normalizeSymbol(part);
    if (!symbol) return `invalid symbol "${part.trim().slice(0, echoLimit)}" in --symbols`;
    if (!symbols.includes(symbol)) symbols.push(symbol);
  }
  return symbols.length === 0 ? '--symbols is empty' : symbols;
}

/**
 * Reads `argv` against the command's options (plus `--help`, `--version`). parseArgs splits the
 * line into tokens (`--name value`, `--name=value`, `-h`, `--` and positionals); the rules here make
 * its reasons short and the same everywhere. A value may start with one dash (`--alert-cooldown -1`
 * reaches the command's own range check) but not with two: `--symbols --demo` lacks a value.
 */
export function readCommandLine<S extends OptionSpecs>(
  argv: readonly string[],
  options: S,
): CommandLine<S & typeof COMMON_OPTIONS> {
  const specs: OptionSpecs = { ...COMMON_OPTIONS, ...options };
  const { tokens } = parseArgs({
    args: [...argv],
    options: specs,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  // Asked for anywhere before `--`, even where an option's value was missing (`--symbols --help`).
  const end = argv.indexOf('--');
  const before = end < 0 ? argv : argv.slice(0, end);
  if (before.includes('--help') || before.includes('-h')) return { kind: 'help' };
  if (before.includes('--version')) return { kind: 'version' };

  const values: Record<string, string | string[] | boolean> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    const spec = Object.hasOwn(specs, token.name) ? specs[token.name] : undefined;
    if (spec === undefined) return { kind: 'error', reason: `unknown option ${quoted(token.rawName)} (see --help)` };
    const name = token.rawName.startsWith('--') ? token.rawName : `--${token.name}`;
    if (spec.type === 'boolean') {
      if (token.value !== undefined) return { kind: 'error', reason: `${name} takes no value` };
      values[token.name] = true;
      continue;
    }
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--')))
      return { kind: 'error', reason: `${name} needs a value` };
    if (spec.multiple) {
      const list = (values[token.name] as string[] | undefined) ?? [];
      list.push(token.value);
      values[token.name] = list;
    } else if (token.name in values) return { kind: 'error', reason: `${name} given twice` };
    else values[token.name] = token.value;
  }
  return { kind: 'run', values: values as OptionValues<S & typeof COMMON_OPTIONS>, positionals };
}

/** The usual reason for arguments a command takes none of. */
function unexpectedPositional(positionals: readonly string[]): string | null {
  const [first] = positionals;
  return first === undefined ? null : `unexpected argument ${quoted(first)} (options start with --)`;
}

/**
 * The whole reading of a command that takes options only: the line as readCommandLine reads it, no
 * positionals, then the command's own check of the values (a reason, or its arguments).
 */
export function parseOptionsOnly<S extends OptionSpecs, A>(
  argv: readonly string[],
  options: S,
  check: (values: OptionValues<S & typeof COMMON_OPTIONS>) => A | string,
): CommandParse<A> {
  const line = readCommandLine(argv, options);
  if (line.kind !== 'run') return line;
  const positional = unexpectedPositional(line.positionals);
  if (positional !== null) return { kind: 'error', reason: positional };
  const parsed = check(line.values);
  return typeof parsed === 'string' ? { kind: 'error', reason: parsed } : { kind: 'run', args: parsed };
}
